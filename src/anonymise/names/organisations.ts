// Organisation-like names not in the map (an employer, a school, a church, a pub): findings for the chair (DESIGN §5.5).
import { CALENDAR_WORDS } from './allow-list.js';
import { PEOPLES } from './common-terms.js';
import { hasTag, isEnglishWord, isFirstName } from './lexicon.js';
import { baseVerb } from './verbs.js';
import { isUkPlaceName } from './places.js';

const CAPS_BREAK_TAGS = new Set(['Preposition', 'Determiner', 'Conjunction', 'Pronoun']);
const CAPS_BREAK_WORDS = new Set(['at', 'the', 'behind', 'in', 'on', 'by', 'to', 'from', 'with', 'outside', 'near', 'of', 'for', 'inside', 'opposite', 'att', 'attend', 'attends', 'attended', 'arrived', 'left', 'leaves', 'staff', 'work', 'visited', 'called', 'seen']);
const STREET_END = /^(?:Road|Rd|Street|St|Lane|Avenue|Close|Way|Drive|Place|Square|Terrace|Crescent|Grove|Gardens|Walk|Row|Hill|Rise|View)$/u;
const WELSH_KINDS = new Set(['feithrin', 'gynradd', 'uwchradd', 'gymraeg', 'gyfun', 'babanod', 'iau', 'sul']);

/** An organisation-like name: reported, never replaced (the chair adds it to the map as a protected term, or keeps it). */
export interface OrganisationSpan {
  start: number;
  end: number;
  text: string;
}

/** Last words that make a capitalised run an organisation that could locate a family. */
const SUFFIX = new RegExp(
  String.raw`(?<![\p{L}])(?:Ltd|Limited|Plc|PLC|LLP|Logistics|Motors|Garage|Caf[eé]|Restaurant|Takeaway|Stores|Supermarket|Salon|Nails|Barbers?|Bakery|Builders|Haulage|Transport|Solutions|Construction|Cleaning|Engineering|Recruitment|Nursing Home|Care Home|Primary(?: School| Academy)?|Academy|School|College|Nursery|Pre-?[Ss]chool|Church|Chapel|Mosque|Masjid|Gurdwara|Temple|Mandir|Synagogue|Kingdom Hall|Inn|Arms|Tavern|Social Club|Club|Hotel|Surgery|Medical Centre|Medical Practice|Health Centre|Gym|Pharmacy|Chemists?|Factory|Warehouse|Kebabs?|Pizza|Fish Bar|Chippy|Launderette|Beauty|Hair|Lounge|Express|Foods|Textiles|Couriers|Taxis|Cars|Homecare|Care Group|Solicitors|(?<!['’]s )Law|& Co|& Sons|Sons|Cold Store|Store|Sports|Market|Chaplaincy)(?![\p{L}])`,
  'gu',
);
/** The same last words written in capitals, after a run in capitals ('MOOR MARKET', 'CLACHNAHARRY INN'). */
const CAPS_SUFFIX = new RegExp(SUFFIX.source.replace(/(?<=[|(:])([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[|)])/gu, (w) => `${w}|${w.toUpperCase()}`), 'gu');
/** Lower-case words after a name that say what it is: 'the Corporation pub', 'Kaz's car wash'. */
const THING_AFTER = /^[ \t]+(?:pub|bar|café|cafe|shop|salon|restaurant|takeaway|factory|warehouse|yard|depot|site|gym|club|church|mosque|chapel|temple|gurdwara|school|nursery)(?![\p{L}])/u;
/** Names that open with what they are: a Welsh school or chapel ('Ysgol Gyfun Penrhyn Gŵyr', 'Capel Bethel'), a pub ('The Horse and Jockey'), a church ('Our Lady and St Joseph'). */
const PREFIXED = /(?<![\p{L}])(?:(?:Ysgol|Capel|Eglwys|Canolfan|Clwb|Tafarn)(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){1,4}|The[ \t]+\p{Lu}\p{Ll}+[ \t]+(?:and|&)[ \t]+\p{Lu}\p{Ll}+|Our[ \t]+Lady(?:[ \t]+(?:and|of)[ \t]+(?:St\.?[ \t]+)?\p{Lu}\p{Ll}+)+)/gu;

/** A run that holds one of these names a public body (published as a rule): never a finding. */
const PUBLIC = /\b(?:Police|Constabulary|Council|NHS|Trust|Hospitals?|Infirmary|Probation|Court|Crown|Magistrates|University|Services?|Department|CCG|ICB|Partnership|Agency|Authority|Board|Commission|Ministry|Office|Prison|HMP|Aid|Support|Refuge|Samaritans|Barnardo['’]?s|NSPCC|Cafcass|Ofsted|Jobcentre|Government|Parliament|Royal College|Fire|Ambulance|Clinical)\b/u;
/** Words that can sit inside an organisation's name between capitalised words. */
const JOINERS = new Set(['and', '&', 'of', 'the', 'de', 'la', 'le', 'for', 'on']);
/** Words too generic to make a name by themselves before a suffix ('the Primary School', 'Local Church'). */
const GENERIC = new Set([
  'the', 'a', 'local', 'primary', 'secondary', 'high', 'junior', 'infant', 'infants', 'community', 'medical', 'health',
  'her', 'his', 'their', 'new', 'old', 'nursery', 'special', 'catholic', 'church', 'school', 'parish', 'village',
  'county', 'grammar', 'comprehensive', 'academy', 'college', 'sixth', 'form', 'after', 'breakfast', 'youth', 'working',
  'mens', "men's", 'womens', "women's", 'social', 'sports', 'boxing', 'football', 'rugby', 'cricket', 'golf', 'private',
]);
/** Denominations and kinds that say what sort of place, not which one. */
const KIND_WORDS = new Set([
  'pentecostal', 'baptist', 'methodist', 'anglican', 'evangelical', 'orthodox', 'catholic', 'sikh', 'hindu', 'muslim',
  'jewish', 'christian', 'islamic', 'buddhist', 'reformed', 'free', 'independent', 'evening', 'weekend', 'language',
]);
const CAPITALISED = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|St\.?)$/u;

/** The capitalised words (and joiners between them) before index `end`, back to where the name starts. */
function runStart(text: string, end: number): number {
  let start = end;
  let i = end;
  for (let n = 0; n < 8; n++) {
    const m = /([\p{L}\p{M}'’.&-]+)[ \t]+$/u.exec(text.slice(Math.max(0, i - 40), i));
    if (!m?.[1]) break;
    const word = m[1];
    const wordStart = i - m[0].length;
    // in capitals a sentence end, a preposition, article or verb ends the name ('THREATS AT MOOR MARKET', 'LEFT THE
    // CLACHNAHARRY INN', 'HOME. OFFICERS ATT KESARI FOODS')
    if (/^\p{Lu}{2,}\.?$/u.test(word)) {
      const low = word.toLowerCase().replace(/\.$/u, '');
      if (word.endsWith('.') || CAPS_BREAK_WORDS.has(low) || hasTag(low, CAPS_BREAK_TAGS)) break;
    }
    if (CAPITALISED.test(word)) start = wordStart;
    else if (!JOINERS.has(word.toLowerCase())) break;
    i = wordStart;
  }
  return start;
}

/** Organisation-like names in a text, in order, without overlaps. */
export function detectOrganisations(text: string): OrganisationSpan[] {
  const out: OrganisationSpan[] = [];
  if (!/[A-Z]/u.test(text)) return out;
  const hits = [...text.matchAll(SUFFIX), ...(/[A-Z]{3}/u.test(text) ? text.matchAll(CAPS_SUFFIX) : [])];
  for (const m of hits) {
    const end = m.index + m[0].length;
    const start = runStart(text, m.index);
    if (start === m.index) continue;
    // a suffix in capitals only after a run in capitals ('… LIMITED ENGLISH' is how little English someone speaks)
    if (/^\p{Lu}+$/u.test(m[0].replace(/[ &]/gu, '')) && (/\p{Ll}/u.test(text.slice(start, m.index)) || /^[ \t]+ENGLISH\b/u.test(text.slice(end, end + 10)))) continue;
    const name = text.slice(start, end).replace(/^(?:the|The)\s+/u, '');
    const from = end - name.length;
    const words = text.slice(from, m.index).split(/[\s]+/u).filter((w) => w.length > 0);
    if (words.every((w) => GENERIC.has(w.toLowerCase()) || JOINERS.has(w.toLowerCase()))) continue;
    if (PUBLIC.test(name)) continue;
    // 'Stockport Homes', 'Derby Homes': a town's own housing company, published like its council
    if (/Homes$/u.test(m[0]) && words.length > 0 && words.every((w) => isUkPlaceName(w) || JOINERS.has(w.toLowerCase()))) continue;
    if (out.some((o) => o.start < end && from < o.end)) continue;
    out.push({ start: from, end, text: name });
  }
  for (const m of text.matchAll(PREFIXED)) {
    const end = m.index + m[0].length;
    // 'Ysgol Feithrin', 'Ysgol Gynradd': a kind of school in Welsh, not a school's name
    if (m[0].split(/[ \t]+/u).slice(1).every((w) => WELSH_KINDS.has(w.toLowerCase()))) continue;
    // ('The Child and Family Court Advisory and Support Service': part of a longer, public name)
    if (/^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3)) || PUBLIC.test(m[0]) || out.some((o) => o.start < end && m.index < o.end)) continue;
    out.push({ start: m.index, end, text: m[0] });
  }
  // 'The Corporation pub', 'at Kazim's yard': a capitalised name, then what it is in lower case
  for (const m of text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){0,3}/gu)) {
    const end = m.index + m[0].length;
    if (!THING_AFTER.test(text.slice(end, end + 12))) continue;
    const words = m[0].split(/[ \t]+/u);
    // ('Joy's nursery' is a person's; 'GWH school nursing', 'Marsh Lane depot', 'Partick nursery', 'Attends church')
    const last = words[words.length - 1] ?? '';
    if (/['’]s$/u.test(last) || /^\p{Lu}{2,5}$/u.test(m[0]) || STREET_END.test(last) || isUkPlaceName(m[0])) continue;
    if (words.length === 1 && (baseVerb(last.toLowerCase()) || isEnglishWord(last.toLowerCase()) || isFirstName(last.toLowerCase()))) continue;
    // ('a Pentecostal church', 'a Polish Saturday school': what kind, not which)
    if (words.every((w) => GENERIC.has(w.toLowerCase()) || KIND_WORDS.has(w.toLowerCase()) || PEOPLES.has(w.toLowerCase()) || CALENDAR_WORDS.has(w.toLowerCase())) || PUBLIC.test(m[0]) || out.some((o) => o.start < end && m.index < o.end)) continue;
    out.push({ start: m.index, end, text: m[0] });
  }
  // 'St Anselm's', 'St. Mary's' without a suffix word: a church or school named after a saint
  for (const m of text.matchAll(/(?<![\p{L}])(?:St\.?|Saint)[ \t]+\p{Lu}[\p{L}\p{M}]+['’]s(?![\p{L}])/gu)) {
    const end = m.index + m[0].length;
    if (/^[ \t]+(?:Road|Rd|Street|Lane|Avenue|Close|Way|Drive|Place|Square|Terrace|Hospital)\b/u.test(text.slice(end, end + 12))) continue;
    if (out.some((o) => o.start < end && m.index < o.end)) continue;
    out.push({ start: m.index, end, text: m[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
