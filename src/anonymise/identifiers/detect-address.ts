// Street addresses: "14 Acacia Avenue", "Flat 3, 22 High Street", "Apartment 5B", house names near an address cue.
import type { Span } from '../types.js';
import { CaselessRegExp } from './caseless.js';
import { cueAfter, cueBefore, makeSpan, matchesOf } from './identifier-span.js';

/** Suffixes that make a capitalised name a street even with no number and no cue ("enter Coventry Road"). */
const CERTAIN_SUFFIX = String.raw`Street|Road|Avenue|Close|Drive|Crescent|Terrace|Gardens|Mews|Boulevard`;
/** Also streets, but surnames or ordinary words too ("Sarah Lane", "the Way"): without a number they need a cue. */
const STRONG_SUFFIX = String.raw`${CERTAIN_SUFFIX}|Lane|Grove|Place|Way|Walk|Square`;
const SUFFIX = String.raw`${STRONG_SUFFIX}|St\.?|Rd\.?|Ave\.?|Ln\.?|Cl\.?|Cres\.?|Gdns\.?|Tce\.?|Pl\.?|Sq\.?|Court|Ct\.?|Row|Hill|Park|Rise|View|Green|Parade|Vale|Wharf|Yard|Fold|Gate|Croft|Mount|Chase|Approach|Circus|Embankment|Esplanade|Heights|Meadows?|Brow|Bank|Leys|Wynd|Brae|End|Side|Quay|Precinct|Arcade`;
/** A word of a street name after the first: capitalised, or a small joining word ("Duke of York Street"). */
const NAME_WORD = String.raw`(?:[A-Z][\p{L}'’-]*|St\.?|of|the|de|la|le|upon|on|under|in)`;
const FIRST_WORD = String.raw`(?:[A-Z][\p{L}'’-]*|St\.?)`;
// ('Darlington Street East', 'Bridge Street West': the quarter after the street word is the street's)
const street = (suffix: string): string => String.raw`${FIRST_WORD}(?:\s+${NAME_WORD}){0,3}\s+(?:${suffix})(?:\s+(?:East|West|North|South|Upper|Lower)(?![\p{L}\d]))?(?![\p{L}\d])`;
const STREET = street(SUFFIX);
/** Welsh street names put the street word first: "Heol y Deri", "Ffordd Las", "Lôn y Parc". */
const WELSH_WORDS = String.raw`Heol|Ffordd|Stryd|Lôn|Lon|Rhodfa|Cilgant|Clos|Llys|Maes|Parc|Tŷ|Ty`;
const WELSH_STREET = String.raw`(?:${WELSH_WORDS})(?:\s+(?:y|yr|'r|[A-Z][\p{L}'’-]*)){1,3}(?![\p{L}\d])`;
/** Street words as ALL-CAPS police and housing extracts write them, abbreviations included. */
const UPPER_WORDS = String.raw`STREET|ROAD|AVENUE|LANE|CLOSE|DRIVE|CRESCENT|TERRACE|GARDENS|GROVE|PLACE|WAY|COURT|HILL|PARK|MEWS|SQUARE|WALK|RISE|VIEW|PARADE|ROW|BANK|END|GREEN|VALE|CROFT|FOLD|CHASE|MEADOWS?|BROW|WYND|BRAE|YARD|WHARF|GATE|MOUNT|APPROACH|ST|RD|AVE|CRES|TCE|GDNS|CT|PL|SQ|GR|DR|LN`;
const UPPER_STREET = String.raw`[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,3}\s+(?:${UPPER_WORDS})(?![\p{L}\d])`;
/** Welsh street names in capitals: 'LON Y WERN', 'HEOL Y FELIN'. */
const UPPER_WELSH_STREET = String.raw`(?:HEOL|FFORDD|STRYD|LÔN|LON|RHODFA|CILGANT|CLOS|LLYS|MAES|PARC)(?:\s+(?:Y|YR|'R|[A-ZÂÊÎÔÛŴŶ][A-ZÂÊÎÔÛŴŶ'’-]*)){1,3}(?![\p{L}\d])`;
const UPPER_WELSH_ALONE = new RegExp(String.raw`(?<![\p{L}\d])(?:HEOL|FFORDD|STRYD|LÔN|RHODFA|CILGANT)(?:\s+(?:Y|YR|'R|[A-ZÂÊÎÔÛŴŶ][A-ZÂÊÎÔÛŴŶ'’-]*)){1,3}(?![\p{L}\d])`, 'gu');
const UPPER_WELSH_WORD = /(?:HEOL|FFORDD|STRYD|LÔN|RHODFA|CILGANT)\s/u;
/** A street in capitals with no number: 'SORREL CLOSE', 'WANDLE MEWS' (certain street words only). */
const UPPER_CERTAIN = /(?<![\p{L}\d])[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}\s+(?:STREET|ROAD|AVENUE|CLOSE|DRIVE|CRESCENT|TERRACE|GARDENS|MEWS|PARADE|COURT|RISE)(?![\p{L}\d])/gu;
const NOT_STREET_WORDS = new Set(['DRINK', 'DRUNK', 'TEST', 'ARRESTED', 'STOPPED', 'CHARGED', 'ATTENDED', 'REPORTED', 'SEEN', 'FOR', 'TO', 'AND', 'THE', 'AT', 'OF', 'IN', 'ON', 'FROM', 'NEAR']);
const NUM = String.raw`\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?`;
/** Flat prefixes, including the Scottish tenement style "2/1," (second floor, first door). */
const FLAT = String.raw`(?:(?:[Ff]flat|FFLAT|[Ff]lat|FLAT|[Aa]partment|[Aa]pt\.?|[Mm]aisonette|[Bb]edsit|[Rr]oom|ROOM|[Uu]nit|UNIT|[Pp]itch|PITCH|[Pp]lot|[Cc]halet|CHALET|[Cc]aravan|CARAVAN)\s*\d{1,4}[A-Za-z]?(?:\/\d{1,2}(?![\d/]))?|\d{1,2}\/\d{1,2}(?=,))`;

const HOUSE_WORDS = String.raw`Cottage|Farm|Farmhouse|Lodge|Barn|Bungalow|Grange|COTTAGE|FARM|LODGE|BUNGALOW|GRANGE`;
const BUILDING_WORDS = String.raw`House|Hall|Manor|Court|Mansions|Towers?|Heights|Buildings|Villas?|Point|Lofts|Works|HOUSE|COURT|TOWERS?|HEIGHTS|POINT`;
const CAP = String.raw`[A-Z][\p{L}'’-]+`;
const BUILDING_END = new RegExp(String.raw`\s(?:${BUILDING_WORDS})$`, 'u');

/**
 * "Flat 3, 22 High Street", "14 Acacia Avenue", "No. 9 Mill Lane", "27 Heol y Deri", "41 WILMSLOW ROAD"; never the tail
 * of a longer number ('NHS 507 529 1708 - 7 Caerleon Terrace' is a number, then an address).
 * Houses named after their street ('2 Church Lane Cottages', '4 MILL ROAD FLATS'). */
const ROW_OF_HOUSES = String.raw`(?:\s+(?:Cottages|Houses|Flats|Bungalows|Almshouses|COTTAGES|HOUSES|FLATS|BUNGALOWS))?`;
/** Northern streets named in one word ending in 'gate' (a street, in Old Norse): 'Briggate', '40 BRADSHAWGATE'. */
const GATE_STREET = String.raw`(?:[A-Z][a-z]{2,}gate|[A-Z]{3,}GATE)(?![\p{L}\d])`;
/** A house number in words, as statements and pasted logs write it: 'forty-two', 'number seven', 'Thirty Three'. */
const UNITS = String.raw`one|two|three|four|five|six|seven|eight|nine`;
const NUMBER_WORDS = String.raw`(?:(?:[Nn]umber|NUMBER)\s+)?(?:(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:[- ](?:${UNITS}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine))?|[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)`;
const NUMBERED_IN_WORDS = new RegExp(String.raw`(?<![\p{L}\d])${NUMBER_WORDS}\s+(?:${STREET}|${WELSH_STREET})`, 'gu');
const NUMBERED = new RegExp(
  String.raw`(?<![\p{L}\d/.:£$-])(?<!\d )(?:${FLAT},?\s*)?(?:No\.?\s*)?(${NUM}),?\s+(${STREET}|${WELSH_STREET}|${UPPER_STREET}|${UPPER_WELSH_STREET}|${GATE_STREET})${ROW_OF_HOUSES}`,
  'gu',
);
/** Lower case as hurried authors type it: "3 mill lane", "14 acacia avenue" — strong suffixes only. */
/** Street words typed in lower case after a number and a name ('4 mill brow', '3 acacia avenue'). */
const LOWER_WORDS = String.raw`street|road|avenue|lane|crescent|terrace|gardens|mews|close|drive|grove|place|row|rise|court|brow|wynd|brae|parade|square|croft|fold|quay|st|rd|ave|cl|ln|cres|gdns|tce|ct|pk`;
const NUMBERED_LOWER = new RegExp(
  String.raw`(?<![\p{L}\d/.:£$-])(?<!\d )(?:${FLAT},?\s*)?(${NUM}),?\s+((?:[a-z][\p{L}'’-]+\s+){1,2}(?:${LOWER_WORDS}))(?![\p{L}\d])`,
  'gu',
);
const LOWER_STOP = /^(?:the|a|an|up|down|along|on|off|of|to|from|in|at|by|miles?|minutes?|hours?|times?|days?|weeks?|months?|years?|yrs|nights?|yards?|metres?|meters?|other|more|separate|different|close|new|old)$/;
/** "Flat 3", "Apartment 5B", "Flat 12, Oak House", "Flat 9, Ladypool Court". */
const FLAT_ALONE = new CaselessRegExp(
  String.raw`(?<![\p{L}\d])(?:Fflat|Flat|Apartment|Apt\.?|Maisonette|Bedsit|Unit|Pitch|Plot|Chalet|Caravan)\s*\d{1,4}[A-Za-z]?(?:\/\d{1,2}(?![\d/]))?(?:,?\s*(?:(?:${CAP}\s+){1,2}(?:${BUILDING_WORDS}|${HOUSE_WORDS})|${STREET})(?:\s+(?:Business\s+Centre|Industrial\s+Estate|Works|Estate))?)?(?![\p{L}\d])`,
  'giu',
);
/** A bay on a site, with the site's road after it ('Bay 4, Slemish View'); 'Bay 4' alone is a hospital's. */
const BAY = new RegExp(String.raw`(?<![\p{L}\d])(?:Bay|BAY)\s*\d{1,3}[A-Za-z]?,?\s+(?:${STREET}|${UPPER_STREET})`, 'gu');
/** A house named with 'The' before its street ('The Willows, Himley Road', 'The Old Forge, 2 Mill Lane'). */
const THE_HOUSE = new RegExp(String.raw`(?<![\p{L}\d])(?<!\d,?\s)The\s+${CAP}(?:\s+${CAP})?(?=,\s+(?:${NUM}\s+)?(?:${STREET}|${UPPER_STREET}))`, 'gu');
/** A house named before its street, with no 'The' ('Bryn Awel, Heol y Felin', 'Seaview, Marine Crescent'): after a cue. */
const NAMED_HOUSE = new RegExp(String.raw`(?<![\p{L}\d])${CAP}(?:\s+(?:an|na|nan|y|yr|of|the)\s+${CAP}|\s+${CAP})?(?=,\s+(?:${NUM}\s+)?(?:${STREET}|${WELSH_STREET}|${UPPER_STREET}|${UPPER_WELSH_STREET}))`, 'gu');
const NAMED_HOUSE_CUE = /(?:\b(?:address(?:\s+(?:is|was|given\s+as))?|lives?(?:\s+at)?|lived\s+at|living\s+at|resides?\s+at|staying\s+at|attended|attend|at|to|c\/o|from)\s*[:,-]?\s*|\baddress\b.{0,30},\s*)$/iu;
/** "Rose Cottage", "Ivy Farm": distinctive house names need no cue. */
const HOUSE = new RegExp(String.raw`(?<![\p{L}\d])(?:The\s+)?(?:${CAP}\s+){1,2}(?:${HOUSE_WORDS})(?![\p{L}\d])`, 'gu');
/** A street with no number: "Acacia Avenue", "Heol y Deri". */
const STREET_ALONE = new RegExp(String.raw`(?<![\p{L}\d])(?:${STREET}|${WELSH_STREET})`, 'gu');
const CERTAIN_STREET = new RegExp(String.raw`^${street(CERTAIN_SUFFIX)}$`, 'u');
const ABBREVIATED_STREET = new RegExp(String.raw`^${street(String.raw`Rd\.?|Ave\.?|Cres\.?|Gdns\.?|Tce\.?`)}$`, 'u');
/** Street words and abbreviations that name a street after a cue, but not alone ('at Tollemache Cl', 'to Brigstock Parade'). */
const CUED_SUFFIX = String.raw`Cl\.?|Rd\.?|Ave\.?|Ln\.?|Cres\.?|Gdns\.?|Tce\.?|Parade|Row|Rise|View|Vale|Croft|Fold|Chase|Meadows?|Wynd|Brae|Quay|Precinct`;
const CUED_STREET = new RegExp(String.raw`^${street(CUED_SUFFIX)}$`, 'u');
const STRONG_STREET = new RegExp(String.raw`^(?:${street(STRONG_SUFFIX)}|${WELSH_STREET})$`, 'u');
/** "Oak House", "The Willows": only right after a cue that says someone lives there. */
const HOUSE_NAME = new RegExp(String.raw`(?<![\p{L}\d])(?:(?:${CAP}\s+){1,2}(?:${BUILDING_WORDS})|The\s+${CAP}(?:\s+${CAP})?)(?![\p{L}\d])`, 'gu');

/**
 * Addresses abroad, where relatives live: the street word first ('ul. Długa 14/3', 'Rua das Flores 112, 3.º',
 * 'vul. Sumska 14, kv. 7', 'Calle Mayor 5') or last ('Hauptstraße 12', 'Brīvības iela 41-7', 'Gedimino g. 9'), then
 * the number, a flat and a postcode in the country's form ('31-147', '4050-174', '900682').
 */
const ABROAD_FIRST = String.raw`(?:ul\.|ulica|al\.|aleja|os\.|vul\.|vulytsia|str\.|Str\.|strada|Strada|Rua|Calle|C\/|Via|Viale|Rue|Avenida|Av\.|Avda\.|Piazza|Plaza|Praça|Largo|Carrer|Bulevardul|Bd\.|Sokak|Sok\.|Caddesi|Cad\.|Odos|Utca)`;
const ABROAD_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|de|da|do|dos|das|del|della|di|la|le|des|du|y|i)`;
const ABROAD_LAST = String.raw`(?:\p{Lu}[\p{L}'’-]*(?:straße|strasse|gasse|weg|platz|allee|laan|straat|gracht|vej|gade|gatan|vägen|veien|gata|utca|út)|(?:\p{Lu}[\p{L}'’-]*\s+){1,3}(?:Straße|Strasse|Str\.|iela|gatvė|g\.|pr\.|prospektas|tänav|katu|tie|cesta|ulice|utca|út|sokak|caddesi))`;
const ABROAD_NUMBER = String.raw`\d{1,4}[A-Za-z]?(?:\s?[/-]\s?\d{1,4}[A-Za-z]?)?(?:,?\s*(?:kv\.|m\.|apt\.?|Apt\.?|ap\.|piso|andar|et\.|bl\.|sc\.|lok\.|flat|Flat)\s*\d{1,4}[A-Za-z.º°ª]*|,\s*\d{1,2}\s*[.ºª°]+(?:\s*(?:Esq|Dto|Dir|Izq|Dcha|Drt|Esqdo)\.?)?)?(?:,?\s*(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{5,6})(?![\d-]))?`;
const ABROAD = new RegExp(String.raw`(?<![\p{L}\d])(?:${ABROAD_FIRST}\s*(?:${ABROAD_WORD}\s+){0,3}${ABROAD_WORD}|${ABROAD_LAST}),?\s+${ABROAD_NUMBER}(?![\p{L}\d])`, 'gu');
const ABROAD_WORD_TEST = /(?:ul\.|ulica|al\.|os\.|vul\.|str\.|strada|Rua|Calle|C\/|Via|Viale|Rue|Avenida|Av\.|Avda\.|Piazza|Plaza|Praça|Largo|Carrer|Bulevardul|Bd\.|Sokak|Sok\.|Caddesi|Cad\.|Odos|Utca|straße|strasse|gasse|weg|platz|allee|laan|straat|gracht|vej|gade|gatan|vägen|veien|gata|utca|út|Straße|Strasse|Str\.|iela|gatvė|g\.|pr\.|prospektas|tänav|katu|tie|cesta|ulice|sokak|caddesi)/iu;

/** Names of courts, hospitals and offices are places everyone knows, not someone's address. */
const INSTITUTION = /\b(?:Magistrates|Crown|County|Family|Youth|Combined|Sheriff|Supreme|High Court|Royal|Police|Town|City|Civic|Health|Medical|Children'?s|Community|Job|Companies|Government|Parliament)\b/;
/** An institution's name in any case ('TEESSIDE MAGISTRATES' COURT' as 'Teesside Magistrates' Court'). */
const isInstitution = (name: string): boolean => INSTITUTION.test(name) || INSTITUTION.test(name.replace(/\b(\p{Lu})(\p{Lu}+)\b/gu, (_w, a: string, b: string) => a + b.toLowerCase()));
const INSTITUTION_AFTER =
  /^\s+(?:police|station|surgery|practice|group|medical|health|clinic|hospital|school|primary|academy|college|nursery|centre|center|library|church|mosque|temple|gurdwara|synagogue|hostel|refuge|office|magistrates|court|custody|fire)\b/i;
const HOSPITAL_AFTER = /^[ \t]+(?:University|Hospital|Community|Medical|Health|Surgery|Practice|Centre|Clinic|School|Academy|Primary|Nursery|College)\b/u;
const TITLE_BEFORE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|DC|DS|Sgt|Nurse|Doctor)\.?\s+$/;
/** A person's role or relation right before a name that ends like a street ('paramedic Declan Close', 'friend Ashley Close'). */
const PERSON_BEFORE = /\b(?:paramedic|nurse|officer|worker|doctor|midwife|colleague|friend|neighbour|partner|husband|wife|brother|sister|son|daughter|mother|father|uncle|aunt|cousin|manager|teacher|solicitor|interpreter|advocate|IDVA|ISVA|SW|HV|PO|GP|CPN|TM)\s+$/u;

/** Verbs and nouns that say the next words are where someone lives or stays. */
const LIVES_AT = String.raw`lives?|lived|living|resides?|resided|residing|stay(?:s|ed|ing)?|moved|moving|move|returned|returning|rehoused|relocated|placed|home|address(?:\s+(?:is|was|given as|recorded as|of))?|property|tenancy|enter|entering|attend(?:ed)?`;
const STREET_CUE = new RegExp(String.raw`\b(?:${LIVES_AT}|street|road|on|off|along|in|at|near|to|from|via|past|outside|towards|down|up|behind|opposite|round|around|beside)\s*(?:at|to|in|on|into|back to)?\s*[:,-]?\s*$`);
const HOUSE_CUE = new RegExp(String.raw`\b(?:${LIVES_AT})\s*(?:at|to|in|into|back to)?\s*[:,-]?\s*$`, 'i');

/**
 * Cheap tests a text must pass for each pattern to possibly match (each a loose part every match contains):
 * most entries hold no digit, no street word and no house word, and the full patterns are costly to run.
 */
const HAS_DIGIT = /\d/;
const NUMBER_WORD_TEST = /(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|ty)\s/iu;
const HOUSE_WORD = new RegExp(HOUSE_WORDS, 'u');
const STREET_WORD = new RegExp(String.raw`\s(?:${SUFFIX})(?![\p{L}\d])|(?:${WELSH_WORDS})\s|(?:HEOL|FFORDD|STRYD|LÔN|LON|RHODFA|CILGANT|CLOS|LLYS|MAES|PARC)\s`, 'u');
const HOUSE_NAME_WORD = new RegExp(String.raw`\s(?:${BUILDING_WORDS})(?![\p{L}\d])|The\s`, 'u');
/** With STREET_WORD, the street word every NUMBERED match ends with (its ALL-CAPS form here). */
const UPPER_STREET_WORD = new RegExp(String.raw`\s(?:${UPPER_WORDS})(?![\p{L}\d])`, 'u');
const GATE_WORD = /[a-z]gate(?![\p{L}\d])|[A-Z]GATE(?![\p{L}\d])/u;
const LOWER_STREET_WORD = new RegExp(String.raw`\s(?:${LOWER_WORDS})(?![\p{L}\d])`, 'u');

const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;
const STRONG_AFTER_MONTH = new RegExp(`^\\S+\\s+(?:${STRONG_SUFFIX})$`);

function addTo(spans: Span[], text: string): (start: number, end: number, confidence: number) => void {
  return (start, end, confidence) => {
    spans.push(makeSpan(text, 'address', start, end, confidence));
  };
}

export function detectAddresses(text: string): Span[] {
  const spans: Span[] = [];
  const add = addTo(spans, text);
  const digits = HAS_DIGIT.test(text);
  const streetWord = STREET_WORD.test(text);
  if (digits && (streetWord || UPPER_STREET_WORD.test(text) || GATE_WORD.test(text))) for (const m of matchesOf(NUMBERED, text)) {
    const num = m[1] ?? '';
    const streetText = m[2] ?? '';
    const first = streetText.split(/\s+/)[0] ?? '';
    // "On 14 March Park Lane staff …": a day and month, unless the month is the whole street name ("14 May Street").
    if (MONTH.test(first) && Number.parseInt(num, 10) <= 31 && !STRONG_AFTER_MONTH.test(streetText)) continue;
    // '… assault 2010, Wolverhampton Magistrates' Court': a year, then a court
    // ('2016 DRINK DRIVE': a year, then an offence)
    if (/^(?:19|20)\d{2}$/u.test(num) && (isInstitution(streetText) || streetText.split(/\s+/u).some((w) => NOT_STREET_WORDS.has(w)))) continue;
    add(m.index, m.index + m[0].length, 0.9);
  }
  if (digits && LOWER_STREET_WORD.test(text)) for (const m of matchesOf(NUMBERED_LOWER, text)) {
    const words = (m[2] ?? '').split(/\s+/).slice(0, -1);
    if (!words.some((w) => LOWER_STOP.test(w))) add(m.index, m.index + m[0].length, 0.75);
  }
  if (digits) for (const m of matchesOf(FLAT_ALONE.forText(text), text)) add(m.index, m.index + m[0].length, 0.8);
  // ('the two Mill Lane flats' is rare; 'forty-two Hallgate Walk', 'number seven Chapel Street' are addresses)
  if (streetWord && NUMBER_WORD_TEST.test(text)) for (const m of matchesOf(NUMBERED_IN_WORDS, text)) add(m.index, m.index + m[0].length, 0.75);
  if (digits && ABROAD_WORD_TEST.test(text)) for (const m of matchesOf(ABROAD, text)) add(m.index, m.index + m[0].length, 0.8);
  if (digits && streetWord) for (const m of matchesOf(BAY, text)) add(m.index, m.index + m[0].length, 0.8);
  if (streetWord) for (const m of matchesOf(THE_HOUSE, text)) add(m.index, m.index + m[0].length, 0.75);
  if (streetWord) for (const m of matchesOf(NAMED_HOUSE, text)) {
    if (isInstitution(m[0]) || MONTH.test(m[0]) || !cueBefore(text, m.index, NAMED_HOUSE_CUE, 40)) continue;
    add(m.index, m.index + m[0].length, 0.7);
  }
  // ('The Grange University Hospital' is a hospital)
  if (HOUSE_WORD.test(text)) for (const m of matchesOf(HOUSE, text)) if (!HOSPITAL_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) add(m.index, m.index + m[0].length, 0.7);
  if (streetWord) for (const m of matchesOf(STREET_ALONE, text)) {
    const end = m.index + m[0].length;
    if (isInstitution(m[0]) || cueAfter(text, end, INSTITUTION_AFTER, 20) || cueBefore(text, m.index, TITLE_BEFORE, 8) || cueBefore(text, m.index, PERSON_BEFORE, 14)) continue;
    const cue = cueBefore(text, m.index, STREET_CUE, 40);
    // ('Stourbridge Rd', 'Lye Cres': a street's abbreviation is a street's)
    if (CERTAIN_STREET.test(m[0]) || ABBREVIATED_STREET.test(m[0]) || /^(?:Heol|Ffordd|Stryd|Lôn|Rhodfa|Cilgant)\s/u.test(m[0])) add(m.index, end, cue ? 0.75 : 0.6);
    else if (cue && STRONG_STREET.test(m[0])) add(m.index, end, 0.7);
    else if (cue && CUED_STREET.test(m[0])) add(m.index, end, 0.65);
    // ('not to attend Carnagh Park', 'moved to Ashton Park': a park after a verb of living there, not 'at Tredegar Park')
    else if (/\sPark$/u.test(m[0]) && cueBefore(text, m.index, HOUSE_CUE, 30)) add(m.index, end, 0.6);
  }
  // a Welsh street in capitals needs no number ('ATTENDED HEOL Y FELIN'): its first word says it is a street
  if (UPPER_WELSH_WORD.test(text)) for (const m of matchesOf(UPPER_WELSH_ALONE, text)) add(m.index, m.index + m[0].length, 0.6);
  if (UPPER_STREET_WORD.test(text)) for (const m of matchesOf(UPPER_CERTAIN, text)) {
    // 'ARRESTED DRINK DRIVE', 'ATTENDED SORREL CLOSE': the street's name starts after the last verb or phrase word
    const words = [...m[0].matchAll(/\S+/gu)];
    const cut = words.findLastIndex((w) => NOT_STREET_WORDS.has(w[0]));
    if (cut >= words.length - 2) continue;
    const from = m.index + (cut >= 0 ? (words[cut + 1]?.index ?? 0) : 0);
    const street = text.slice(from, m.index + m[0].length);
    if (!isInstitution(street)) add(from, m.index + m[0].length, 0.6);
  }
  if (HOUSE_NAME_WORD.test(text)) for (const m of matchesOf(HOUSE_NAME, text)) {
    const end = m.index + m[0].length;
    if (isInstitution(m[0]) || cueAfter(text, end, INSTITUTION_AFTER, 20)) continue;
    const cue = cueBefore(text, m.index, HOUSE_CUE, 40);
    // recall first: a named building ('Kestrel House', 'Heron Point') is most often where someone lives;
    // 'The Willows' only after a cue ('The MARAC', 'The COVID' are not)
    if (cue) add(m.index, end, 0.65);
    else if (BUILDING_END.test(m[0])) add(m.index, end, 0.55);
  }
  return joinParts(text, spans.map((span) => withHouseNameBefore(text, withFlatBefore(text, withOutcode(text, withStreetAfter(text, span))))));
}

/** A street right after a house's name ('Wren Cottage, Rock Lane', '"The Willows, Himley Road"'): one address. */
const STREET_AFTER = new RegExp(String.raw`^,[ \t]*(?:${street(SUFFIX)})`, 'u');

function withStreetAfter(text: string, span: Span): Span {
  if (/^\d/u.test(span.text) || /\d/u.test(span.text.slice(-6))) return span;
  const m = STREET_AFTER.exec(text.slice(span.end, span.end + 48));
  return m ? makeSpan(text, 'address', span.start, span.end + m[0].length, span.confidence) : span;
}

/** Between two parts of one address: a house or building name ('Flat 4, The Old Forge, Marton Road'). */
const BETWEEN_PARTS = /^,[ \t]*(?:The[ \t]+)?(?:\p{Lu}[\p{L}'’-]*[ \t]*){1,3},[ \t]*$/u;

/** Address parts that one house or building name joins are one address. */
function joinParts(text: string, spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start > prev.end && BETWEEN_PARTS.test(text.slice(prev.end, s.start))) {
      out[out.length - 1] = makeSpan(text, 'address', prev.start, s.end, Math.max(prev.confidence, s.confidence));
    } else out.push(s);
  }
  return out;
}

/** A postcode district written after the street ('27 TOLLGATE CLOSE SE25'): part of the address. */
const OUTCODE_AFTER = /^,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?(?![\p{L}\d]|[ \t]+\d[A-Z]{2}(?![\p{L}\d]))/u;

/**
 * A town between the street and its postcode ('23 LEAVESDEN RD WATFORD WD24 5DQ', '58 Abingdon Road, Middlesbrough
 * TS1 3QE'): part of the written address. Recall first: the town is published, but an address is one thing.
 */
const TOWN_BEFORE_POSTCODE = /^,?[ \t]+(?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2}(?=,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}(?![\p{L}\d]))/u;

/** Words a town's name does not hold: a site, estate or building after the street is a place of its own ('…, OAK MEADOW TRAVELLERS' SITE, ST3 5QZ'). */
const NOT_TOWN = /\b(?:site|park|estate|court|house|hall|farm|centre|center|school|hospital|unit|premises|hostel|refuge)\b/iu;

function townBeforePostcode(after: string): RegExpExecArray | null {
  const m = TOWN_BEFORE_POSTCODE.exec(after);
  return m && !NOT_TOWN.test(m[0]) ? m : null;
}

function withOutcode(text: string, span: Span): Span {
  const after = text.slice(span.end, span.end + 48);
  const m = OUTCODE_AFTER.exec(after) ?? townBeforePostcode(after);
  return m ? makeSpan(text, 'address', span.start, span.end + m[0].length, span.confidence) : span;
}

/**
 * A house name right before a numbered street, after a word that says an address follows ('ADDR CRAIGMHOR 4 BAY
 * VIEW', 'lives at Rosebank, 12 Shore Road'): part of the address.
 */
const HOUSE_NAME_BEFORE = /(?:^|[^\p{L}\d])(?:ADDR(?:ESS)?|[Aa]ddr(?:ess)?|lives?\s+at|living\s+at|resides?\s+at|moved\s+to|home\s+address)\s*[:.,-]?\s*((?:The\s+|THE\s+)?\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?),?[ \t]+$/u;

function withHouseNameBefore(text: string, span: Span): Span {
  if (!/^\d/.test(span.text)) return span;
  const before = text.slice(Math.max(0, span.start - 48), span.start);
  const m = HOUSE_NAME_BEFORE.exec(before);
  const name = m?.[1];
  if (!m || !name) return span;
  const start = span.start - (before.length - before.lastIndexOf(name));
  return makeSpan(text, 'address', start, span.end, span.confidence);
}

/** A flat word right before a numbered street ('flat 3 Kestrel Court Union Street', 'FLAT 6 ETON COURT …'). */
const FLAT_BEFORE = /(?<![\p{L}\d])(?:flat|apartment|apt\.?|maisonette|unit|room)[ \t]*$/iu;

function withFlatBefore(text: string, span: Span): Span {
  if (!/^\d/.test(span.text)) return span;
  const m = FLAT_BEFORE.exec(text.slice(Math.max(0, span.start - 16), span.start));
  return m ? makeSpan(text, 'address', span.start - m[0].length, span.end, span.confidence) : span;
}
