// Organisation-like names not in the map (an employer, a school, a church, a pub): findings for the chair (DESIGN §5.5).

/** An organisation-like name: reported, never replaced (the chair adds it to the map as a protected term, or keeps it). */
export interface OrganisationSpan {
  start: number;
  end: number;
  text: string;
}

/** Last words that make a capitalised run an organisation that could locate a family. */
const SUFFIX = new RegExp(
  String.raw`(?<![\p{L}])(?:Ltd|Limited|Plc|PLC|LLP|Logistics|Motors|Garage|Caf[eé]|Restaurant|Takeaway|Stores|Supermarket|Salon|Nails|Barbers?|Bakery|Builders|Haulage|Transport|Solutions|Construction|Cleaning|Engineering|Recruitment|Nursing Home|Care Home|Primary(?: School| Academy)?|Academy|School|College|Nursery|Pre-?[Ss]chool|Church|Chapel|Mosque|Masjid|Gurdwara|Temple|Mandir|Synagogue|Kingdom Hall|Inn|Arms|Tavern|Social Club|Club|Hotel|Surgery|Medical Centre|Medical Practice|Health Centre|Gym|Pharmacy|Chemists?|Factory|Warehouse|Kebabs?|Pizza|Fish Bar|Chippy|Launderette|Beauty|Hair|Lounge|Express|Foods|Textiles|Couriers|Taxis|Cars)(?![\p{L}])`,
  'gu',
);

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
  for (const m of text.matchAll(SUFFIX)) {
    const end = m.index + m[0].length;
    const start = runStart(text, m.index);
    if (start === m.index) continue;
    const name = text.slice(start, end).replace(/^(?:the|The)\s+/u, '');
    const from = end - name.length;
    const words = text.slice(from, m.index).split(/[\s]+/u).filter((w) => w.length > 0);
    if (words.every((w) => GENERIC.has(w.toLowerCase()) || JOINERS.has(w.toLowerCase()))) continue;
    if (PUBLIC.test(name)) continue;
    if (out.some((o) => o.start < end && from < o.end)) continue;
    out.push({ start: from, end, text: name });
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
