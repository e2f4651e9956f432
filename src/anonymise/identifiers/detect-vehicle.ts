// Vehicle registrations: current "AB12 CDE" format alone; prefix, suffix and dateless formats only near a vehicle cue.
import type { Span } from '../types.js';
import { CaselessRegExp } from './caseless.js';
import { cueAfter, cueBefore, makeSpan, matchesOf } from './identifier-span.js';

/** Current format (2001–): memory tag, age identifier, three letters. */
const CURRENT = new CaselessRegExp(String.raw`(?<![\p{L}\d])([A-Z]{2}\d{2}) ?([A-Z]{3})(?![\p{L}\d])`, 'giu');
/** The age identifier of a current plate: March 2002–2029 (02–29) and September 2001–2079 (51–79). */
const AGE_IDENTIFIER = /(?:0[2-9]|1\d|2\d|5[1-9]|6\d|7\d)$/u;
/** Prefix format (1983–2001): "A123 BCD". */
const PREFIX = new CaselessRegExp(String.raw`(?<![\p{L}\d])[A-HJ-NP-Y]\d{1,3} ?[A-Z]{3}(?![\p{L}\d])`, 'giu');
/** Suffix format (1963–1983): "ABC 123D". */
const SUFFIX = new CaselessRegExp(String.raw`(?<![\p{L}\d])[A-Z]{3} ?\d{1,3} ?[A-HJ-NP-Y](?![\p{L}\d])`, 'giu');
/** Dateless and Northern Ireland formats: "1234 AB", "AB 1234", "ABZ 1234" — only right after a registration cue. */
const DATELESS = String.raw`(?:\d{1,4} ?[A-Z]{1,3}|[A-Z]{1,3} ?\d{1,4})(?![\p{L}\d])`;
const MAKES =
  'ford|vauxhall|bmw|audi|vw|volkswagen|toyota|nissan|honda|peugeot|renault|citro[eë]n|fiat|kia|hyundai|mercedes|skoda|seat|mini|land rover|range rover|mazda|volvo|suzuki|mitsubishi|jaguar|lexus|tesla|dacia|corsa|astra|fiesta|focus|golf|polo|transit|qashqai|clio|zafira|insignia|mondeo|kuga|yaris|micra';
const VEHICLE_WORDS = `drink[ -]?drive|drink[ -]?driving|car|cars|vehicle|vehicles|veh|van|lorry|truck|motorbike|motorcycle|moped|scooter|taxi|cab|pick-?up|hatchback|saloon|estate car|4x4|driving|drove|driven|driver|parked|number plate|plate|plates|plated|vrm|reg|registration|index|anpr|dvla|${MAKES}`;

/** Any vehicle word in the 60 characters before, or in the 25 after ("AB12 CDE, a silver Corsa"). */
const CUE_BEFORE = new RegExp(`\\b(?:${VEHICLE_WORDS})\\b[^.;!?]*$`, 'i');
const WIDE_CUE_BEFORE = new RegExp(`\\b(?:${VEHICLE_WORDS})\\b`, 'i');
const CUE_AFTER = new RegExp(`^[^.;!?]*\\b(?:${VEHICLE_WORDS})\\b`, 'i');
/** The dateless formats collide with "PC 4471" and "Room 12": they need the registration named right before them. */
const STRICT_CUE_WORDS = String.raw`\b(?:vrm|reg(?:istration)?(?:\s*(?:no\.?|number|mark|plate))?|index(?:\s*(?:no\.?|number))?|number\s*plate|plate)(?![\p{L}])(?:\s*(?:is|was|of))?[\s:.#-]*`;
const STRICT_CUE = new RegExp(`${STRICT_CUE_WORDS}$`, 'i');
const CUED_DATELESS = new CaselessRegExp(`(${STRICT_CUE_WORDS})(${DATELESS})`, 'giu');

/** Plates from abroad, hyphenated ('45-TR-18' Portugal, 'GZ-512-K' the Netherlands): letters and digits, near a vehicle word. */
const FOREIGN = /(?<![\p{L}\d-])(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*\d)[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}(?![\p{L}\d-])/gu;

/**
 * Spaced plates from abroad near a vehicle word: three letters and three digits, a country code before ('LT HRT 512',
 * 'KMB 088'), two or three letters and four or five characters as Polish plates are ('WGM 48212', 'PO 1234A'), or
 * a county code, two or three digits and three letters as Romanian plates are ('CT 19 LPU', 'B 44 POP').
 */
const FOREIGN_SPACED = /(?<![\p{L}\d])(?:(?:[A-Z]{1,2} )?[A-Z]{3} \d{3}(?: [A-Z]{2})?|[A-Z]{2,3} (?=[A-Z\d]*\d)[A-Z\d]{4,5}|[A-Z]{1,2} \d{2,3} [A-Z]{3})(?![\p{L}\d])/gu;
/**
 * More plates from abroad, near a vehicle word: Irish ('161-D-4471', '161D4471': year, county, number), Indian
 * ('PB 10 GH 4471': state, district, series, number).
 */
const IRISH = /(?<![\p{L}\d/:.-])\d{2,3}[ -]?(?:CE|CN|CW|DL|KE|KK|KY|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|WH|WX|WW|[CDGLTW])[ -]?\d{1,6}(?![\p{L}\d/-])/gu;
const NI_OR_EASTERN = /(?<![\p{L}\d])(?:[A-Z](?:[A-Z][IZ]|[IZ][A-Z]) ?\d{1,4}|[A-Z]{2} \d{4} [A-Z]{2})(?![\p{L}\d])/gu;
const NI_LOWER = /(?<![\p{L}\d])[a-z](?:[a-z][iz]|[iz][a-z]) ?\d{1,4}(?![\p{L}\d])/gu;
const NEAR_CAR_BEFORE = new RegExp(`\\b(?:${VEHICLE_WORDS})\\s+$`, 'i');
const INDIAN = /(?<![\p{L}\d])[A-Z]{2} ?\d{1,2} ?[A-Z]{1,3} ?\d{4}(?![\p{L}\d])/gu;
/** Capitals that are a cue, a rank or a unit, not a plate: 'CAD 123', 'LOG 456', 'PC 4471'. */
const NOT_PLATE_LETTERS = /^(?:CAD|LOG|INC|REF|DOB|AGE|PNC|URN|CRN|MRN|NHS|BMI|DAY|NO|RM|PIN|ID|PC|DC|DS|PS|DI|WPC|DCI|SGT|TDC|OCC|BAY|BED|TEL|MOB|FAX|RIO|CRIS|UPN|ULN|CHI|LCS|OIC)$/u;

function hasCue(text: string, start: number, end: number): boolean {
  return cueBefore(text, start, CUE_BEFORE, 60) || cueAfter(text, end, CUE_AFTER, 25);
}

export function detectVehicles(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(CURRENT.forText(text), text)) {
    const end = m.index + m[0].length;
    const cue = hasCue(text, m.index, end);
    const upper = m[0] === m[0].toUpperCase();
    // Decision: an upper-case current-format reg is distinctive enough on its own (spaced or not), and so is one
    // typed all in lower case with its space ('stopped in kx15 hdw'): no word is two letters, a year, three letters.
    const typed = m[0] === m[0].toLowerCase() && m[0].includes(' ') && AGE_IDENTIFIER.test(m[1] ?? '');
    if (upper || cue || typed) spans.push(makeSpan(text, 'vehicle', m.index, end, cue ? 0.95 : m[0].includes(' ') ? 0.8 : 0.7));
  }
  for (const re of [PREFIX, SUFFIX]) {
    for (const m of matchesOf(re.forText(text), text)) {
      const end = m.index + m[0].length;
      const upper = m[0] === m[0].toUpperCase();
      // Lower case "was 12 a" must not pass: lower-case old formats need the registration named right before.
      if ((upper && hasCue(text, m.index, end)) || cueBefore(text, m.index, STRICT_CUE, 30)) spans.push(makeSpan(text, 'vehicle', m.index, end, 0.8));
    }
  }
  if (text.includes('-')) for (const m of matchesOf(FOREIGN, text)) {
    const end = m.index + m[0].length;
    if (hasCue(text, m.index, end)) spans.push(makeSpan(text, 'vehicle', m.index, end, 0.8));
  }
  if (/[A-Z] [A-Z\d]*\d/u.test(text)) for (const m of matchesOf(FOREIGN_SPACED, text)) {
    const letters = m[0].split(' ').at(-2) ?? '';
    const end = m.index + m[0].length;
    if (!NOT_PLATE_LETTERS.test(letters) && hasCue(text, m.index, end)) spans.push(makeSpan(text, 'vehicle', m.index, end, 0.75));
  }
  // Northern Ireland's plates: three letters with I or Z among the last two, then up to four digits ('LKZ 1184'),
  // and the two-letters–four-digits–two-letters plates of Ukraine and its neighbours ('AX 4417 KH'), beside a car word
  if (/[A-Z]{2} ?\d/u.test(text)) for (const m of matchesOf(NI_OR_EASTERN, text)) {
    const end = m.index + m[0].length;
    // (a plate this distinctive may follow its car a sentence later: 'in a silver car. I wrote the number down: AXZ 9127')
    if (hasCue(text, m.index, end) || (!NOT_PLATE_LETTERS.test(m[0].split(' ')[0] ?? '') && WIDE_CUE_BEFORE.test(text.slice(Math.max(0, m.index - 120), m.index)))) spans.push(makeSpan(text, 'vehicle', m.index, end, 0.75));
  }
  // (typed in lower case right after the car: 'car silver golf lxz 4412')
  if (/[a-z]{3} ?\d/u.test(text)) for (const m of matchesOf(NI_LOWER, text)) {
    if (cueBefore(text, m.index, NEAR_CAR_BEFORE, 24)) spans.push(makeSpan(text, 'vehicle', m.index, m.index + m[0].length, 0.7));
  }
  if (/\d[ -]?[A-Z]/u.test(text)) for (const re of [IRISH, INDIAN]) {
    for (const m of matchesOf(re, text)) {
      const end = m.index + m[0].length;
      if (hasCue(text, m.index, end)) spans.push(makeSpan(text, 'vehicle', m.index, end, 0.7));
    }
  }
  for (const m of matchesOf(CUED_DATELESS.forText(text), text)) {
    const start = m.index + (m[1] ?? '').length;
    spans.push(makeSpan(text, 'vehicle', start, start + (m[2] ?? '').length, 0.75));
  }
  return spans;
}
