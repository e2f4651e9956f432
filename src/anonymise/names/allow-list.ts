// Words never treated as person names: agencies, domain terms, roles, months, weekdays, programmes, pseudonym labels.
import { ABBREVIATIONS, KINSHIP, OTHER_WORDS, PEOPLES, WELSH_WORDS } from './common-terms.js';

/** Vehicle makes and models: descriptions of cars are not people ('a white Ford Transit'). */
export const VEHICLE_WORDS = new Set([
  'vauxhall', 'ford', 'audi', 'bmw', 'citroen', 'peugeot', 'renault', 'nissan', 'toyota', 'honda', 'volkswagen', 'vw',
  'skoda', 'kia', 'hyundai', 'mercedes', 'fiat', 'mazda', 'volvo', 'jaguar', 'astra', 'corsa', 'fiesta', 'golf',
  'polo', 'berlingo', 'transit', 'focus', 'galaxy', 'mustang', 'vito', 'crafter', 'trafic', 'ducato', 'caddy', 'qashqai', 'juke', 'clio', 'octavia', 'insignia', 'mondeo', 'yaris', 'micra', 'zafira',
  'prius', 'passat', 'avensis', 'corolla', 'auris', 'aygo', 'rav4', 'kuga', 'meriva', 'mokka', 'sportage', 'picanto',
  'tucson', 'ibiza', 'punto', 'touran', 'tiguan', 'vivaro', 'sprinter', 'transporter', 'evoque', 'freelander', 'megane',
  'kangoo', 'picasso', 'fabia', 'sandero', 'vitara', 'shogun', 'outlander', 'cayenne', 'lexus', 'dacia', 'tesla',
  'suzuki', 'mitsubishi', 'subaru', 'porsche', 'isuzu', 'landrover',
]);

/** Agency and domain terms (lowercase; ALL-CAPS acronyms are also skipped by shape). */
export const DOMAIN_TERMS = new Set([
  'marac', 'mash', 'mappa', 'idva', 'isva', 'eircode', 'postcode', 'caledonian', 'camhs', 'cps', 'pnc', 'ppn', 'a&e', 'gp', 'gps', 'dash', 'dhr', 'darr',
  'imr', 'nhs', 'csp', 'police', 'probation', 'housing', 'social', 'care', 'services', 'service', 'council',
  'cafcass', 'ofsted', 'nspcc', 'barnardo', "barnardo's", 'refuge', 'nacro', 'jobcentre', 'samaritans', 'mind',
  'relate', 'shelter', 'freedom', 'programme', 'caring', 'dads', 'safe', 'lives', 'safelives', 'respect', 'domestic',
  'abuse', 'violence', 'adult', 'adults', "children's", 'childrens', 'children', 'child', 'protection', 'safeguarding', 'team',
  'trust', 'foundation', 'hospital', 'ward', 'street', 'road', 'lane', 'avenue', 'close', 'court', 'crown',
  'magistrates', 'county', 'family', 'youth', 'offending', 'community', 'mental', 'health', 'substance', 'misuse',
  'recovery', 'ambulance', 'fire', 'rescue', 'emergency', 'department', 'unit', 'surgery', 'practice', 'centre',
  'clinic', 'school', 'academy', 'college', 'university', 'nursery', 'prison', 'hmp', 'hmpps', 'crc', 'nps', 'dwp',
  'universal', 'credit', 'benefits', 'victim', 'support', 'citizens', 'advice', 'women', "women's", 'aid', 'men',
  "men's", 'helpline', 'national', 'local', 'authority', 'borough', 'city', 'district', 'metropolitan', 'constabulary',
  'home', 'office', 'ministry', 'justice', 'gov', 'uk', 'england', 'wales', 'scotland', 'britain', 'british',
  'english', 'welsh', 'scottish', 'irish', 'european', 'african', 'caribbean', 'asian', 'indian', 'pakistani',
  'bangladeshi', 'polish', 'romanian', 'muslim', 'christian', 'hindu', 'sikh', 'jewish', 'catholic', 'islam',
  'interpol', 'europol', 'islamic', 'vehicle', 'vehicles', 'tihar', 'dashain', 'holi',
  'christmas', 'easter', 'ramadan', 'eid', 'diwali', 'songkran', 'loy', 'krathong', 'vaisakhi', 'baisakhi', 'navratri', 'hanukkah', 'chuseok', 'nowruz', 'covid', 'covid-19', 'coronavirus', 'lockdown', 'teams', 'zoom',
  'whatsapp', 'facebook', 'instagram', 'snapchat', 'tiktok', 'twitter', 'google', 'iphone', 'android', 'emis',
  'systmone', 'rio', 'mosaic', 'liquidlogic', 'niche', 'storm', 'pncid', 'law',
  'dvpn', 'dvpo', 'nmo', 'occupation', 'order', 'non-molestation', 'injunction', 'bail', 'conditions', 'section',
  'act', 'mca', 'dols', 'cpa', 'cpn', 'amhp', 'crhtt', 'iapt', 'talking', 'therapies', 'turning', 'point', 'change',
  'grow', 'live', 'cgl', 'humankind', 'we', 'are', 'with', 'you', 'addaction', 'arch', 'sanctuary', 'scheme', 'mosac',
  'victims', 'commissioner', 'pcc', 'ipcc', 'iopc', 'ico', 'cqc', 'hmic', 'hmicfrs', 'dbs', 'sia', 'dvla',
  'notes', 'note', 'record', 'records', 'chronology', 'report', 'summary', 'review', 'panel', 'chair', 'author',
  // field labels of police and council system extracts
  'ltd', 'plc', 'llp', 'inj', 'resus', 'hosp', 'nok', 'dept', 'assoc', 'addr', 'pob', 'nominal', 'linked', 'warn', 'warnings', 'veh', 'occ', 'nfa',
  'abe', 'oasys', 'ndelius', 'delius', 'nomis', 'carefirst', 'eclipse', 'hospitals', 'trusts', 'surgeries', 'ysgol',
  ...VEHICLE_WORDS,
  // countries and nationalities often written in chronologies
  'poland', 'romania', 'lithuania', 'latvia', 'pakistan', 'india', 'bangladesh', 'nigeria', 'ghana', 'somalia', 'iraq',
  'iran', 'syria', 'afghanistan', 'turkey', 'china', 'hong', 'kong', 'jamaica', 'ireland', 'france', 'spain',
  'portugal', 'italy', 'germany', 'albania', 'ukraine', 'russia', 'eritrea', 'sudan', 'ethiopia', 'kenya', 'zimbabwe',
  'philippines', 'vietnam', 'brazil', 'usa', 'america', 'europe', 'lithuanian', 'latvian', 'nigerian', 'ghanaian',
  'somali', 'iraqi', 'iranian', 'syrian', 'afghan', 'turkish', 'chinese', 'jamaican', 'ukrainian', 'russian', 'arabic',
  'urdu', 'punjabi', 'bengali', 'farsi', 'kurdish', 'tigrinya', 'cantonese', 'mandarin',
]);

/** Role words that end a name in a professional column ('Helen Fraser Social Worker'). */
export const ROLE_WORDS = new Set([
  'worker', 'officer', 'visitor', 'nurse', 'manager', 'practitioner', 'advisor', 'adviser', 'consultant', 'doctor',
  'psychiatrist', 'psychologist', 'therapist', 'midwife', 'paramedic', 'handler', 'receptionist', 'administrator',
  'coordinator', 'co-ordinator', 'lead', 'leader', 'head', 'deputy', 'assistant', 'senior', 'junior', 'student',
  'trainee', 'specialist', 'caseworker', 'keyworker', 'key', 'case', 'support', 'duty', 'social', 'health', 'family',
  'housing', 'probation', 'police', 'constable', 'sergeant', 'inspector', 'detective', 'teacher', 'governor', 'sister',
  'matron', 'registrar', 'surgeon', 'physician', 'gp', 'locum', 'staff', 'team', 'call', 'control', 'room', 'triage',
  'mental', 'community', 'designated', 'safeguarding', 'named', 'unknown', 'not', 'known', 'unnamed', 'various',
  'multiple', 'agency', 'member', 'clinician', 'clinical', 'practice', 'district', 'school', 'outreach', 'liaison',
  'engagement', 'tenancy', 'enforcement', 'response', 'neighbourhood', 'patrol', 'custody', 'investigating', 'oic',
  'director', 'chair', 'author', 'solicitor', 'barrister', 'judge', 'magistrate', 'clerk', 'interpreter', 'advocate',
  'mentor', 'coach', 'volunteer', 'carer', 'chaplain', 'pharmacist', 'dentist', 'optician', 'radiographer', 'a&e',
]);

/** Months and weekdays (also capitalised in ordinary prose). */
export const CALENDAR_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thurs',
  'fri', 'sat', 'sun', 'spring', 'summer', 'autumn', 'winter', 'am', 'pm',
]);

/** Pseudonym labels already applied ('Adult A', 'Child B2', 'Family Member 1'). */
export const PSEUDONYM_LABEL_WORDS = new Set([
  'adult', 'child', 'person', 'victim', 'subject', 'mother', 'father', 'parent', 'sibling', 'partner', 'friend',
  'relative', 'member', 'neighbour', 'male', 'female', 'man', 'woman', 'boy', 'girl', 'baby', 'individual',
  'perpetrator', 'professional', 'officer', 'worker',
]);

/** Record systems of police, health, social care, probation and schools, as notes name them ('STORM log', 'on RiO'). */
const SYSTEMS = new Set([
  'storm', 'niche', 'pnc', 'pnd', 'athena', 'connect', 'unifi', 'genie', 'sleuth', 'cris', 'cad', 'crimint', 'merlin',
  'careflow', 'badgernet', 'medway', 'maxims', 'wellsky', 'euroking', 'controlworks', 'smartstorm', 'policeworks',
  'wccis', 'servelec', 'trakcare', 'firstnet', 'locata',
  'compact', 'pronto', 'opus', 'guardian', 'visor', 'ppn', 'emis', 'systmone', 'vision', 'rio', 'mosaic',
  'liquidlogic', 'lcs', 'ehm', 'ics', 'frameworki', 'azeus', 'carefirst', 'paris', 'lorenzo', 'cerner', 'epic',
  'carenotes', 'jac', 'orchid', 'cpoms', 'myconcern', 'sims', 'arbor', 'ndelius', 'delius', 'oasys', 'nomis',
  'pnomis', 'capita', 'northgate', 'abritas', 'jigsaw', 'civica', 'eclipse', 'protocol', 'symphony', 'adastra',
  'ermis', 'tpp', 'iaptus', 'pcmis', 'nerve', 'command', 'control', 'smartstorm', 'airwave',
]);

/** Contractions that start with a capital ("I'm", "It's", "Don't"): never a name. */
const CONTRACTION = /^(?:i|you|he|she|it|we|they|that|there|here|what|who|where|let|how|when)['’](?:m|ll|ve|d|re|s)$|n['’]t$/u;

/** Is this word (lowercase, folded) a record system's name? */
export function isSystemName(word: string): boolean {
  return SYSTEMS.has(word);
}

/** 'Urdu-speaking', 'Portuguese-speaking', 'MARAC-level', 'P-reg', 'C-section': a word, not a name. */
const SPEAKING = /^[\p{L}]+-(?:speaking|speaker|born|based|level|related|style|type|reg|registered|section|ray|strips?)$|^\p{L}-/u;

/** System names that are also given names: a system only when written in capitals (see isSystemName). */
const NAME_LIKE_SYSTEMS = new Set(['athena', 'merlin', 'paris', 'orchid', 'jac', 'genie', 'vision', 'guardian', 'epic']);

/** A record system's name that is also a given name, used as the system: 'Police Athena', 'STORM / Athena', 'Athena OCC 46/…'. */
const SYSTEM_AROUND_BEFORE = /(?:\b(?:police|on|onto|via|from|in|storm|niche|pnc|crime|constabulary)|\/|-|—)[ \t]*$/iu;
const SYSTEM_AROUND_AFTER = /^[ \t]*(?:\/|\(|\d|(?:occ|occurrence|crime|task|log|record|nominal|investigation|ref|reference|number|no|id|entry|system|report)\b)/iu;
export function systemUse(text: string, start: number, end: number): boolean {
  if (!NAME_LIKE_SYSTEMS.has(text.slice(start, end).toLowerCase())) return false;
  return SYSTEM_AROUND_BEFORE.test(text.slice(Math.max(0, start - 16), start)) || SYSTEM_AROUND_AFTER.test(text.slice(end, end + 16));
}

/** Is this word (lowercase, folded) a term that is never a person name on its own? */
export function isAllowListed(word: string): boolean {
  return (
    DOMAIN_TERMS.has(word) || CALENDAR_WORDS.has(word) || (SYSTEMS.has(word) && !NAME_LIKE_SYSTEMS.has(word)) || CONTRACTION.test(word) ||
    PEOPLES.has(word) || KINSHIP.has(word) || ABBREVIATIONS.has(word) || OTHER_WORDS.has(word) || WELSH_WORDS.has(word) || SPEAKING.test(word)
  );
}
