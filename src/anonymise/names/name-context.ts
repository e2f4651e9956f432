// What surrounds a possible name: titles, relationship cues, place words, sentence starts — shared by the name detectors.

import { pluralNoun } from './verbs.js';

/** Titles and ranks written before a name; matched case-insensitively, with or without a dot. */
export const TITLES = [
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Master', 'Dr', 'Doctor', 'Prof', 'Professor', 'PC', 'WPC', 'DC', 'DS', 'DI',
  'DCI', 'DSU', 'DCS', 'PS', 'Sgt', 'Sergeant', 'PCSO', 'Insp', 'Inspector', 'Constable', 'Cst', 'Det', 'Detective',
  'Officer', 'Nurse', 'Sister', 'Matron', 'Midwife', 'Cllr', 'Councillor', 'Rev', 'Revd', 'Reverend', 'Father',
  'Fr', 'Pastor', 'Imam', 'Rabbi', 'Judge', 'HHJ', 'DJ', 'Sir', 'Dame', 'Lord', 'Lady',
];
/** Titles that are also ordinary words or pronoun-like: only count when written with a capital. */
const CAPITALISED_ONLY = new Set(['master', 'officer', 'nurse', 'sister', 'father', 'judge', 'lord', 'lady', 'sir', 'dame', 'det', 'pastor']);
const TITLE_SET = new Set(TITLES.map((t) => t.toLowerCase()));

/** Is this word (as written, without a trailing dot) a title? */
export function isTitle(word: string): boolean {
  const w = word.endsWith('.') ? word.slice(0, -1) : word;
  const lower = w.toLowerCase();
  if (!TITLE_SET.has(lower)) return false;
  const first = w.charCodeAt(0);
  if (CAPITALISED_ONLY.has(lower) || lower.length <= 3) return first >= 65 && first <= 90;
  return true;
}

/** Words that say the next capitalised word is a person. */
export const RELATIONSHIP_CUES = new Set([
  'partner', 'ex-partner', 'expartner', 'husband', 'ex-husband', 'wife', 'ex-wife', 'boyfriend', 'ex-boyfriend',
  'girlfriend', 'ex-girlfriend', 'fiance', 'fiancee', 'spouse', 'son', 'daughter', 'stepson', 'stepdaughter',
  'mother', 'father', 'mum', 'mom', 'dad', 'stepfather', 'stepmother', 'brother', 'sister', 'half-brother',
  'half-sister', 'stepbrother', 'stepsister', 'aunt', 'auntie', 'uncle', 'cousin', 'nephew', 'niece', 'nan', 'nanna',
  'gran', 'grandmother', 'grandfather', 'grandma', 'grandad', 'grandson', 'granddaughter', 'friend', 'neighbour',
  'neighbor', 'colleague', 'lodger', 'flatmate', 'housemate', 'carer', 'child', 'baby', 'sibling', 'parent',
  'as', 'aka', 'called', 'named', 'nicknamed', 'alias', 'name', 'victim', 'perpetrator', 'suspect', 'associate',
  'ex', 'employer', 'landlord', 'landlady', 'worker', 'officer', 'practitioner', 'visitor', 'manager',
  'therapist', 'counsellor', 'doctor', 'nurse', 'midwife', 'solicitor', 'interpreter', 'translator', 'advocate',
  'teacher', 'caseworker', 'keyworker', 'psychiatrist', 'psychologist', 'consultant', 'paramedic', 'clinician', 'gp',
  'idva', 'isva', 'sw', 'hv', 'cpn', 'po', 'pcso', 'mentor', 'supervisor', 'chaplain', 'receptionist', 'warden', 'tenant',
  'children', 'kids', 'sons', 'daughters', 'siblings', 'grandchildren', 'parents', 'twins', 'sisters', 'brothers',
  // police logs: 'FEMALE JADE', 'MALE TOMEK', 'AP PEARL', 'AGGRIEVED CARYS'
  'female', 'male', 'ap', 'ip', 'aggrieved',
]);

const PERSON_VERB_BEFORE = /\b(?:(?:wrote|spoke|spoken|talked|replied|explained|reported|apologised|sent it|went|returned|referred (?:her|him|them))\s+(?:to|with)|(?:contact|lives|living|lived|stay(?:s|ing|ed)?|met|seen|argument|argued|row|rowed|fight|fought|relationship|sharing|shares|left (?:her|him|them))\s+with|told|asked|visited|met|saw|contacted|informed|advised|phoned|rang|texted|emailed|messaged|supported|interviewed|accompanied|thanked|translated by|interpreted by|seen by|assessed by|visited by|called by|supported by|referred by|arrested|cautioned|charged|interviewed|ask|taken|took|grabbed|hit|punched|kicked|pushed|strangled|dragged|threatened|assaulted)\s+$/iu;

/** A verb that takes a person right before `start`: 'wrote to X', 'translated by X', 'told X'. */
export function personVerbBefore(text: string, start: number): boolean {
  return PERSON_VERB_BEFORE.test(text.slice(Math.max(0, start - 40), start));
}

/** Words after a capitalised word that make it a place or thing, not a person ("Rose Cottage"). */
export const PLACE_WORDS = new Set([
  'cottage', 'street', 'st', 'road', 'rd', 'lane', 'ln', 'house', 'close', 'avenue', 'ave', 'court', 'farm',
  'hospital', 'ward', 'unit', 'school', 'academy', 'college', 'university', 'surgery', 'practice', 'centre',
  'center', 'clinic', 'drive', 'way', 'place', 'gardens', 'park', 'hill', 'green', 'terrace', 'crescent', 'square',
  'grove', 'mews', 'row', 'walk', 'view', 'rise', 'estate', 'lodge', 'hall', 'manor', 'villa', 'villas', 'flats',
  'tower', 'towers', 'building', 'station', 'church', 'chapel', 'mosque', 'temple', 'pub', 'inn', 'hotel', 'bar',
  'shop', 'store', 'stores', 'club', 'ground', 'field', 'fields', 'wood', 'woods', 'bridge', 'valley', 'heights',
  'team', 'service', 'services', 'trust', 'foundation', 'project', 'programme', 'program', 'group', 'partnership',
  'council', 'court', 'prison', 'hmp', 'nursery', 'primary', 'secondary', 'infants', 'juniors', 'medical', 'health',
  'period', 'bank', 'holiday', 'term', 'day', 'week', 'month', 'year', 'hospitals', 'trusts', 'teaching',
  // institutions named after a place: 'Preston Crown Court', 'Lincoln County Hospital', 'Field Lane Surgery'
  'crown', 'magistrates', "magistrates'", 'county', 'combined', 'coroners', "coroner's", 'royal', 'general', 'infirmary',
  'police', 'cid', 'constabulary', 'city', 'borough', 'district', 'airport', 'market', 'retail', 'leisure', 'library',
  'baths', 'cemetery', 'crematorium', 'barracks', 'docks', 'marina', 'harbour', 'quay', 'wharf', 'mill', 'works',
  // charities and networks: 'Coventry Haven', 'Leeds Women's Network'
  'haven', 'refuge', 'sanctuary', 'hub', 'network', 'alliance', 'forum', 'collective', 'society', 'association',
  'federation', 'union', 'charity', 'board', 'panel', 'committee', 'agency', 'authority', 'administration', 'office', 'registry',
  // housing providers: 'Derby Homes', 'Bolton at Home', 'Incommunities Housing'
  'homes', 'housing', 'living', 'lettings',
  // firms: 'Skyway Logistics Ltd', 'Malik Solicitors', 'Crescent Pharmacy'
  'ltd', 'limited', 'plc', 'llp', 'solicitors', 'pharmacy', 'logistics', 'motors', 'garage', 'salon', 'takeaway',
  // Welsh institutions: 'Ysgol Feithrin', 'Ysgol Gyfun …', 'Capel …', 'Canolfan …'
  'ysgol', 'meithrin', 'feithrin', 'gyfun', 'gynradd', 'uwchradd', 'capel', 'eglwys', 'canolfan', 'cylch', 'ysbyty', 'meddygfa',
]);

/** Verbs that, right after a capitalised word at a sentence start, make it a person ("Mark said"). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'tells', 'reported', 'reports', 'stated', 'states', 'disclosed', 'discloses', 'was', 'is',
  'had', 'has', 'attended', 'attends', 'called', 'calls', 'rang', 'phoned', 'telephoned', 'came', 'went', 'left',
  'returned', 'asked', 'explained', 'denied', 'admitted', 'alleged', 'claimed', 'confirmed', 'agreed', 'refused',
  'declined', 'did', 'does', 'would', 'could', 'should', 'presented', 'appeared', 'arrived', 'answered',
  'became', 'contacted', 'visited', 'wanted', 'wants', 'felt', 'feels', 'thought', 'became', 'spoke', 'texted',
  'messaged', 'emailed', 'wrote', 'stayed', 'lived', 'lives', 'moved', 'died', 'threatened', 'assaulted', 'hit',
  'punched', 'kicked', 'pushed', 'grabbed', 'shouted', 'screamed', 'cried', 'who',
]);

/** Verbs only a person does, right after a word: 'Shona replied', 'Hope rang' (not a town, not a language). */
const ACTOR_AFTER = /^[ \t]+(?:said|says|told|tells|reported|stated|disclosed|discloses|rang|rings|phoned|telephoned|texted|messaged|emailed|replied|replies|e-mailed|emails|e-mails|called|noted|advised|informed|arranged|asked|explained|denied|admitted|alleged|claimed|confirmed|agreed|refused|declined|answered|spoke|wrote|writes|texts|messages|attended|visited|contacted|shouted|screamed|cried)\b/u;

export function actorVerbAfter(text: string, end: number): boolean {
  return ACTOR_AFTER.test(text.slice(end, end + 16));
}

const ARTICLES = new Set(['the', 'a', 'an', 'some', 'any', 'every', 'each', 'its', 'my', 'our', 'your']);

/** Common irregular past tenses: 'Joy gave', 'Grace made', 'Jack found'. */
const IRREGULAR_PAST = new Set([
  'gave', 'took', 'went', 'came', 'said', 'told', 'made', 'found', 'saw', 'left', 'got', 'rang', 'ran', 'sent', 'kept',
  'felt', 'thought', 'brought', 'bought', 'spoke', 'wrote', 'drove', 'met', 'paid', 'put', 'let', 'hit', 'sat',
  'stood', 'lost', 'won', 'became', 'began', 'broke', 'chose', 'did', 'drew', 'drank', 'ate', 'fell', 'forgot',
  'grew', 'hid', 'held', 'knew', 'led', 'lent', 'meant', 'read', 'rode', 'shook', 'shot', 'slept', 'sold', 'spent',
  'stole', 'struck', 'swore', 'taught', 'threw', 'woke', 'wore', 'hung', 'fled', 'fought', 'sought', 'caught', 'dealt',
  'heard', 'bit', 'hid', 'shut', 'spat', 'split', 'tore', 'understood', 'withdrew', 'overdosed', 'cut', 'quit',
]);
const MODALS = new Set(['will', 'would', 'could', 'should', 'can', 'must', 'might', 'shall', 'may', 'cannot']);
const AUXILIARIES = new Set(['was', 'is', 'has', 'had', 'did', 'does', 'were', 'are', 'have', 'be']);
const ADVERBS = new Set(['now', 'then', 'also', 'later', 'again', 'still', 'never', 'always', 'subsequently', 'previously', 'repeatedly', 'initially', 'reportedly', 'allegedly', 'only', 'often', 'once', 'first', 'finally', 'herself', 'himself', 'not']);
const WORDS_AFTER = /^(?:['’]s)?[\s,]*([\p{L}]+)(?:\s+([\p{L}]+))?/u;

/** The word after `end` (an adverb skipped) reads as a verb: 'Mark checked', 'Daisy works', 'Joy gave', 'Penny will'. */
export function verbAfter(text: string, end: number, allowAuxiliaries = true): boolean {
  const m = WORDS_AFTER.exec(text.slice(end, end + 50));
  let w = m?.[1]?.toLowerCase();
  if (w && (ADVERBS.has(w) || (w.endsWith('ly') && w.length > 4)) && m?.[2]) w = m[2].toLowerCase();
  if (!w) return false;
  if (AUXILIARIES.has(w) || MODALS.has(w)) return allowAuxiliaries;
  if (SPEECH_VERBS.has(w) || IRREGULAR_PAST.has(w)) return true;
  return (w.length >= 5 && w.endsWith('ed')) || (w.length >= 4 && /[^su]s$/u.test(w) && !pluralNoun(w));
}

/** Prepositions of time before a month or season ('in May', 'since June', 'by Summer'). */
const TEMPORAL = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'last', 'next', 'early', 'late', 'mid', 'throughout', 'this', 'every', 'each', 'following', 'previous', 'end', 'start', 'beginning']);
/** Weaker ones ('from May', 'of June'), a time only with a continuation after ('from May onwards', 'of June to'). */
const WEAK_TEMPORAL = new Set(['from', 'of', 'on', 'before', 'after', 'between', 'through', 'that']);
const CONTINUATION = /^[\s,]*(?:onwards|until|till|-|–|(?:to|and|or)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter))/iu;
/** Words after a month or season that make it a time ('Summer holidays', 'Autumn term'). */
const CALENDAR_AFTER = new Set(['holidays', 'holiday', 'term', 'half-term', 'half', 'break', 'time', 'months', 'season', 'fair', 'festival']);
/** Words after Black / White that make it an ethnicity ('White British'). */
const ETHNICITY_AFTER = new Set(['british', 'irish', 'english', 'scottish', 'welsh', 'caribbean', 'african', 'other', 'european', 'asian', 'ethnic', 'minority', 'and', 'women', 'men', 'woman', 'man', 'people', 'community', 'communities', 'gypsy', 'mixed']);

/** A month, season or colour used as one: a number beside it, a time preposition before, an ethnicity word after. */
export function calendarOrColourUse(text: string, start: number, end: number): boolean {
  if (hasNumberBeside(text, start, end)) return true;
  const word = text.slice(start, end).toLowerCase();
  const after = wordAfter(text, end);
  if (word === 'black' || word === 'white') return after !== null && ETHNICITY_AFTER.has(after.toLowerCase());
  if (after !== null && CALENDAR_AFTER.has(after.toLowerCase())) return true;
  // 'in May' is a month, 'that May hoped' a person, 'a text from Autumn' a person
  const before = wordBefore(text, start);
  if (before === null) return false;
  if (TEMPORAL.has(before)) return !verbAfter(text, end);
  return WEAK_TEMPORAL.has(before) && CONTINUATION.test(text.slice(end, end + 12));
}

const MONTH_NAMES = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'june', 'jul', 'july', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'april', 'august', 'march']);
/** A month's name used as the month: before a year ('May 2020', "Jan '22") or after a day ('12 Jan'). */
export function monthUse(text: string, start: number, end: number): boolean {
  if (!MONTH_NAMES.has(text.slice(start, end).toLowerCase())) return false;
  return /^[ \t]+(?:\d{4}|'\d{2})\b/u.test(text.slice(end, end + 8)) || /\b\d{1,2}(?:st|nd|rd|th)?[ \t]+$/u.test(text.slice(Math.max(0, start - 6), start));
}

/** True when the word starting at `start` begins a sentence, a line or a cell (so its capital proves nothing). */
export function isSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    // spaces, tabs, quotes and opening brackets are skipped
    if (c === 32 || c === 9 || c === 160 || c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018) {
      i--;
      continue;
    }
    // . ! ? : ; newline, bullets and dashes start something new
    return c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 13 || c === 0x2022 || c === 42 || c === 45 || c === 0x2013 || c === 0x2014;
  }
  return true;
}

const WORD_BEFORE = /([\p{L}][\p{L}'’-]*)[\s,"“‘]*$/u;
const TWO_WORDS_BEFORE = /([\p{L}][\p{L}'’-]*)\s+([\p{L}][\p{L}'’-]*)[\s,"“‘]*$/u;
const WORD_AFTER = /^(?:['’]s)?[\s,]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u;

/** Steps back from `i` (not below `lo`) over ASCII characters of one kind; -1 at a character beyond ASCII. */
function backOver(text: string, i: number, lo: number, kind: 'gap' | 'space' | 'word'): number {
  for (; i > lo; i--) {
    const c = text.charCodeAt(i - 1);
    if (c > 127) return -1;
    const space = c === 32 || (c >= 9 && c <= 13);
    const ok = kind === 'word' ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 : space || (kind === 'gap' && (c === 44 || c === 34));
    if (!ok) break;
  }
  return i;
}

/**
 * The part of the 40 characters before `start` that WORD_BEFORE (1) or TWO_WORDS_BEFORE (2) can match in: the
 * last words and the spaces and commas after them. Both patterns are anchored at the end and look at nothing
 * before their match, so they find the same match there as in the whole window, without trying every start.
 * A character beyond ASCII on the way keeps the whole window.
 */
function tailBefore(text: string, start: number, words: 1 | 2): string {
  const lo = Math.max(0, start - 40);
  let i = backOver(text, start, lo, 'gap');
  if (i >= 0) i = backOver(text, i, lo, 'word');
  if (words === 2 && i >= 0) i = backOver(text, i, lo, 'space');
  if (words === 2 && i >= 0) i = backOver(text, i, lo, 'word');
  return text.slice(i < 0 ? lo : i, start);
}

/** The word just before `start` (lowercase), skipping spaces and commas but not sentence punctuation. */
export function wordBefore(text: string, start: number): string | null {
  const m = WORD_BEFORE.exec(tailBefore(text, start, 1));
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The word just after `end` as written, skipping a possessive, spaces and commas. */
export function wordAfter(text: string, end: number): string | null {
  const m = WORD_AFTER.exec(text.slice(end, end + 40));
  return m?.[1] ?? null;
}

/** Words before 'as' that make it name someone: 'known as', 'given as', 'himself as'. */
const NAMING_BEFORE_AS = new Set(['known', 'given', 'gave', 'name', 'named', 'identified', 'introduced', 'recorded', 'registered', 'listed', 'spelt', 'spelled', 'written', 'himself', 'herself', 'themselves']);

/** Things that have a name: 'street name', 'user name', 'trading name'. */
const THING_BEFORE_NAME = new Set(['street', 'road', 'place', 'user', 'file', 'company', 'business', 'trading', 'brand', 'product', 'drug', 'medication', 'team', 'account', 'screen', 'code', 'op', 'operation', 'village', 'house', 'town', 'ward', 'school', 'shop', 'pub']);

/** A relationship or naming cue sits right before `start` ('her partner Gary', 'known as Baz', 'son, Kyle'). */
export function hasCueBefore(text: string, start: number): boolean {
  const m = TWO_WORDS_BEFORE.exec(tailBefore(text, start, 2)) ?? WORD_BEFORE.exec(tailBefore(text, start, 1));
  if (!m) return false;
  const last = (m[2] ?? m[1] ?? '').toLowerCase().replace(/['’]s$/, '');
  // 'known as Baz', 'NAME GIVEN AS JAY', 'introduced himself as Kenny'
  if (last === 'as') return m[2] !== undefined && NAMING_BEFORE_AS.has((m[1] ?? '').toLowerCase());
  // 'GAVE NAME JAY' is a person; 'street name Woodwater Lane', 'user name' name a thing
  if (last === 'name' && m[2] !== undefined && THING_BEFORE_NAME.has((m[1] ?? '').toLowerCase())) return false;
  return RELATIONSHIP_CUES.has(last);
}

/** A police operation's code word right before: 'Op Robin', 'Operation Encompass'. */
const OPERATION_BEFORE = /(?:^|[^\p{L}])(?:Op|OP|Operation|OPERATION)\.?[ \t]+$/u;
export const operationBefore = (text: string, start: number): boolean => OPERATION_BEFORE.test(text.slice(Math.max(0, start - 12), start));

/** A calling right before a name, in lower case: 'pastor Bode Ajayi', 'manager Gill Hastings', 'landlord Owusu'. */
const CALLING_BEFORE = /(?:^|[^\p{L}])(?:pastor|imam|vicar|priest|rabbi|reverend|minister|elder|landlord|landlady|employer|boss|colleague|manager|supervisor|teacher|tutor|headteacher|coach|mentor|interpreter|solicitor|barrister|advocate|chaplain|counsellor|therapist|paramedic|nurse|midwife|doctor|consultant|registrar|officer|worker|carer|owner|director)[ \t]+$/u;
export const callingBefore = (text: string, start: number): boolean => CALLING_BEFORE.test(text.slice(Math.max(0, start - 16), start));

/** An agency's name, then the person who spoke for it in brackets: 'CSC (Joy)', 'Housing (Ash)', 'WYP (DS Ellery)'. */
const AGENCY_BEFORE = /(?:^|[^\p{L}])(CSC|ASC|CSW|MASH|CAMHS|Housing|Probation|Police|Health|Education|School|Nursery|MH|NPS|CRC|YOT|DWP|[A-Z]{1,4}P)[ \t]*\([ \t]*$/u;
/** The agency written right before a name in brackets, or null. */
export const agencyBefore = (text: string, start: number): string | null => AGENCY_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1] ?? null;

/**
 * A professional's role written right before a name ('IDVA Rowan', 'SW Amina', 'PO (Maggie)', 'Dr Hussein'): when
 * the map holds no professional of that name, it is a professional who shares it (DESIGN §5.2), initialled as such.
 */
const ROLE_BEFORE =
  /(?:^|[^\p{L}])(IDVA|ISVA|CPN|AMHP|SW|SSW|CSW|PO|PSO|DSL|HV|FSW|OIC|HCA|ECA|EMT|SN|RN|MW|SHO|IRO|ANP|RMN|RGN|PCSO|PC|DC|DS|DI|DCI|PS|Sgt|Dr|GP|TM|TA|[Nn]urse|[Mm]idwife|[Pp]aramedic|[Ii]nterpreter|[Ss]olicitor|[Kk]eyworker|[Cc]aseworker|[Tt]eacher|[Rr]egistrar|[Oo]fficer|[Ee]mployer|[Ll]andlord|[Tt]utor|[Cc]ounsellor|[Cc]haplain|(?:[Tt]riage |[Ww]ard )?Sister|(?:housing|agency) rep|(?:[Ss]ocial|[Ss]upport|[Kk]ey|[Ll]ink|[Oo]utreach|[Cc]ase) worker|(?:Dr|Sgt)\.)[ \t]*\(?[ \t]*$/u;
/** The role or agency written right before a name ('SW', 'IDVA (', 'CSC ('), or null. */
export const roleBefore = (text: string, start: number): string | null => {
  const before = text.slice(Math.max(0, start - 20), start);
  return ROLE_BEFORE.exec(before)?.[1] ?? agencyBefore(text, start);
};

/** A role or rank in brackets right after a name: 'Colm (PS)', 'Gill (TM)', 'Rowan (IDVA, presenting)'. */
const ROLE_BRACKET_AFTER = /^[ \t]*\((?:PS|PC|DC|DS|DI|DCI|Sgt|PCSO|TM|SW|HV|GP|IDVA|ISVA|CPN|DSL|PO|OIC|IRO|SHO|FSW|AMHP|HCA|SENCO|chair|manager|team manager|social worker|probation officer|health visitor|midwife|nurse|paramedic)[ \t]*[,)]/iu;
export const roleInBracketsAfter = (text: string, end: number): boolean => ROLE_BRACKET_AFTER.test(text.slice(end, end + 24));

/** An opening bracket right after the name: 'Jack (DOB …)', 'Rose (daughter)'. */
export function bracketAfter(text: string, end: number): boolean {
  return /^\s*\(/u.test(text.slice(end, end + 4));
}

const CUE_AFTER = /^['’]?s?\s*[(,-]\s*(?:(?:her|his|their|the|a|an|v's|victim's)\s+)?([\p{L}-]+)/iu;
const NOT_CUES_AFTER = new Set(['as', 'aka', 'called', 'named', 'nicknamed', 'alias', 'worker', 'officer', 'manager', 'visitor', 'practitioner', 'ex']);

/** A relationship word right after, in brackets or after a comma: 'Rose (daughter)', 'Mark, her partner'. */
export function hasCueAfter(text: string, end: number): boolean {
  const m = CUE_AFTER.exec(text.slice(end, end + 40));
  const w = m?.[1]?.toLowerCase();
  return w !== undefined && RELATIONSHIP_CUES.has(w) && !NOT_CUES_AFTER.has(w);
}

/** An article or determiner right before `start` ('the Green', 'a Will'). */
export function hasArticleBefore(text: string, start: number, opts: { determiners?: boolean } = {}): boolean {
  const w = wordBefore(text, start);
  return w !== null && ARTICLES.has(w) && (opts.determiners !== false || !POSSESSIVE_DETERMINERS.has(w));
}

/** 'my', 'our', 'its': before a capitalised word they often name family ('our Kayleigh', 'its Mercy' for "it's"). */
const POSSESSIVE_DETERMINERS = new Set(['its', 'my', 'our', 'your']);

/** A capitalised place word right after `end` ('Rose Cottage', 'Hope Street'). */
export function hasPlaceAfter(text: string, end: number): boolean {
  const w = wordAfter(text, end);
  if (!w) return false;
  const c = w.charCodeAt(0);
  return c >= 65 && c <= 90 && PLACE_WORDS.has(w.toLowerCase());
}

/** A number right before or after ('3 May', 'May 2013') — a date, not a person. */
export function hasNumberBeside(text: string, start: number, end: number): boolean {
  return /\d(?:st|nd|rd|th)?[\s,]*$/u.test(text.slice(Math.max(0, start - 8), start)) || /^[\s,]*\d/u.test(text.slice(end, end + 6));
}

/** A possessive right after `end`: "'s", "’s", or a bare apostrophe after a name ending in s. */
export function possessiveAfter(text: string, end: number): string | undefined {
  const a = text.charCodeAt(end);
  if (a !== 39 && a !== 0x2019) return undefined;
  const b = text.charCodeAt(end + 1);
  if ((b === 115 || b === 83) && !isLetterAt(text, end + 2)) return text.slice(end, end + 2);
  const last = text.charCodeAt(end - 1) | 32;
  if ((last === 115 || last === 122 || last === 120) && !isLetterAt(text, end + 1)) return text.slice(end, end + 1);
  return undefined;
}

function isLetterAt(text: string, i: number): boolean {
  if (i >= text.length) return false;
  return /[\p{L}\p{N}]/u.test(text.charAt(i));
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The title (and any collar number) right before a name at `start`: 'Dr ', 'PC 4471 ', 'Mrs. '. Scans backwards. */
export function titleBefore(text: string, start: number): { title: string; titleStart: number; numberStart?: number } | null {
  let i = start;
  if (i === 0 || !isSpace(text.charCodeAt(i - 1))) return null;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  let numberStart: number | undefined;
  if (i > 0 && isDigit(text.charCodeAt(i - 1))) {
    let d = i;
    while (d > 0 && isDigit(text.charCodeAt(d - 1))) d--;
    if (i - d < 2 || i - d > 6 || d === 0 || !isSpace(text.charCodeAt(d - 1))) return null;
    numberStart = d;
    i = d;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  }
  const titleEnd = i;
  if (i > 0 && text.charCodeAt(i - 1) === 46) i--;
  const wordEnd = i;
  while (i > 0 && isAsciiLetter(text.charCodeAt(i - 1)) && wordEnd - i < 12) i--;
  if (i === wordEnd || (i > 0 && /[\p{L}\p{N}]/u.test(text.charAt(i - 1)))) return null;
  const title = text.slice(i, titleEnd);
  if (!isTitle(title)) return null;
  return numberStart === undefined ? { title, titleStart: i } : { title, titleStart: i, numberStart };
}

/** Every letter in the 40 characters either side is a capital: an ALL-CAPS log, where capitals prove nothing. */
export function isShouting(text: string, start: number, end: number, opts: { labels?: boolean } = {}): boolean {
  // with `labels`, labels an anonymiser wrote ('[address]') are not the author's lower case
  const raw = text.slice(Math.max(0, start - 40), start) + ' ' + text.slice(end, end + 40);
  // (the window may cut a label in two: '…ess]. S STATES')
  const around = opts.labels ? raw.replace(/\[[a-z ]+\]|^[a-z ]+\]|\[[a-z ]+$/gu, ' ') : raw;
  let letters = 0;
  for (const ch of around) {
    if (ch >= 'a' && ch <= 'z') return false;
    if (ch >= 'A' && ch <= 'Z') letters++;
  }
  return letters >= 6 && !/\p{Ll}/u.test(around);
}

