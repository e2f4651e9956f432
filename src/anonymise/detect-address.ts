// Street addresses: "14 Acacia Avenue", "Flat 3, 22 High Street", "Apartment 5B", house names near an address cue.
import type { Span } from './types.js';
import { cueBefore, makeSpan, matchesOf } from './identifier-span.js';

const STRONG_SUFFIX = String.raw`Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Gardens|Grove|Mews|Boulevard|Place|Way|Walk|Square`;
const SUFFIX = String.raw`${STRONG_SUFFIX}|St\.?|Rd\.?|Ave\.?|Ln\.?|Cres\.?|Gdns\.?|Tce\.?|Pl\.?|Sq\.?|Court|Ct\.?|Row|Hill|Park|Rise|View|Green|Parade|Vale|Wharf|Yard|Fold|Gate|Croft|Mount|Chase|Approach|Circus|Embankment|Esplanade|Heights|Meadows?|Brow|Bank|Leys|Wynd|Brae|Heol|Ffordd|Stryd`;
/** A word of a street name: capitalised, or one of the small joining words ("Duke of York Street"). */
const NAME_WORD = String.raw`(?:[A-Z][\p{L}'’-]*|St\.?|of|the|de|la|le|upon|on|under|in)`;
const STREET = String.raw`(?:[A-Z][\p{L}'’-]*|St\.?)(?:\s+${NAME_WORD}){0,3}\s+(?:${SUFFIX})(?![\p{L}\d])`;
const NUM = String.raw`\d{1,4}[A-Za-z]?(?:\s?[-–]\s?\d{1,4}[A-Za-z]?)?`;
const FLAT = String.raw`(?:Flat|Apartment|Apt\.?|Maisonette|Bedsit)\s*\d{1,4}[A-Za-z]?`;

const HOUSE_WORDS = String.raw`Cottage|Farm|Farmhouse|Lodge|Barn|Bungalow|Grange`;
const BUILDING_WORDS = String.raw`House|Hall|Manor|Court|Mansions|Towers?|Heights|Buildings|Villas?|Point|Lofts|Works`;
const CAP = String.raw`[A-Z][\p{L}'’-]+`;

/** "Flat 3, 22 High Street", "14 Acacia Avenue", "No. 9 Mill Lane". */
const NUMBERED = new RegExp(
  String.raw`(?<![\p{L}\d/.:£$-])(?:${FLAT},?\s*)?(?:No\.?\s*)?(${NUM}),?\s+(${STREET})`,
  'gu',
);
/** Lower case as hurried authors type it: "3 mill lane", "14 acacia avenue" — strong suffixes only. */
const NUMBERED_LOWER = new RegExp(
  String.raw`(?<![\p{L}\d/.:£$-])(${NUM}),?\s+((?:[a-z][\p{L}'’-]+\s+){1,2}(?:street|road|avenue|lane|crescent|terrace|gardens|mews|close|drive))(?![\p{L}\d])`,
  'gu',
);
const LOWER_STOP = /^(?:the|a|an|up|down|along|on|off|of|to|from|in|at|by|miles?|minutes?|hours?|times?|days?|weeks?|yards?|metres?|meters?|other|more|separate|different|close|new|old)$/;
/** "Flat 3", "Apartment 5B", "Flat 12, Oak House" — with or without a building name after. */
const FLAT_ALONE = new RegExp(String.raw`(?<![\p{L}\d])${FLAT}(?:,?\s*(?:${CAP}\s+){1,2}(?:${BUILDING_WORDS}|${HOUSE_WORDS}))?(?![\p{L}\d])`, 'giu');
/** "Rose Cottage", "Ivy Farm": distinctive house names need no cue. */
const HOUSE = new RegExp(String.raw`(?<![\p{L}\d])(?:The\s+)?(?:${CAP}\s+){1,2}(?:${HOUSE_WORDS})(?![\p{L}\d])`, 'gu');
/** "Oak House", "Belvedere Court", "The Willows": only right after an address cue. */
const NAMED_WITH_CUE = new RegExp(
  String.raw`(?<![\p{L}\d])(?:(?:${CAP}\s+){1,2}(?:${BUILDING_WORDS})|The\s+${CAP}(?:\s+${CAP})?|${STREET})(?![\p{L}\d])`,
  'gu',
);
const INSTITUTION = /\b(?:Magistrates|Crown|County|Family|Youth|Combined|Royal|Police|Town|City|Civic|Health|Medical|Children'?s|Community|Job|Court)\b/;

const ADDRESS_CUE =
  /\b(?:lives?|lived|living|resides?|resided|residing|stay(?:s|ed|ing)?|moved|moving|move|returned|returning|rehoused|relocated|placed|home|address(?:\s+(?:is|was|given as|recorded as|of))?|property|tenancy|on|off|along|in|at)\s*(?:at|to|in|on|into|back to)?\s*[:,-]?\s*$/;
const HOUSE_CUE =
  /\b(?:lives?|lived|living|resides?|resided|residing|stay(?:s|ed|ing)|moved|moving|returned|rehoused|relocated|home|address(?:\s+(?:is|was|given as|recorded as))?)\s*(?:at|to|in|into|back to)?\s*[:,-]?\s*$/i;

const MONTH = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;
const STRONG_AFTER_MONTH = new RegExp(`^\\S+\\s+(?:${STRONG_SUFFIX})$`);

export function detectAddresses(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(NUMBERED, text)) {
    const num = m[1] ?? '';
    const street = m[2] ?? '';
    const first = street.split(/\s+/)[0] ?? '';
    // "On 14 March Park Lane staff …": a day and month, unless the month is the whole street name ("14 May Street").
    if (MONTH.test(first) && Number.parseInt(num, 10) <= 31 && !STRONG_AFTER_MONTH.test(street)) continue;
    spans.push(makeSpan(text, 'address', m.index, m.index + m[0].length, 0.9));
  }
  for (const m of matchesOf(NUMBERED_LOWER, text)) {
    const words = (m[2] ?? '').split(/\s+/).slice(0, -1);
    if (words.some((w) => LOWER_STOP.test(w))) continue;
    spans.push(makeSpan(text, 'address', m.index, m.index + m[0].length, 0.75));
  }
  for (const m of matchesOf(FLAT_ALONE, text)) spans.push(makeSpan(text, 'address', m.index, m.index + m[0].length, 0.8));
  for (const m of matchesOf(HOUSE, text)) spans.push(makeSpan(text, 'address', m.index, m.index + m[0].length, 0.7));
  for (const m of matchesOf(NAMED_WITH_CUE, text)) {
    const isStreet = new RegExp(`^${STREET}$`, 'u').test(m[0]);
    const cue = isStreet ? cueBefore(text, m.index, ADDRESS_CUE, 40) : cueBefore(text, m.index, HOUSE_CUE, 40);
    if (!cue || INSTITUTION.test(m[0])) continue;
    spans.push(makeSpan(text, 'address', m.index, m.index + m[0].length, isStreet ? 0.75 : 0.65));
  }
  return spans;
}
