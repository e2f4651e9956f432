// Police, crime, incident, case and record references after their cue words, slash-coded refs, and collar numbers.
import type { Span } from '../types.js';
import { FULL_DATE } from './date-text.js';
import { CaselessRegExp } from './caseless.js';
import { makeSpan, matchesOf } from './identifier-span.js';

/** Cue words that introduce a reference, most specific first. Case-insensitive except where noted in CUE_CASED. */
const CUE_WORDS = [
  String.raw`crime\s*(?:ref(?:erence)?|number|no|num|report(?:\s*(?:no|number))?|#)`,
  String.raw`crime`,
  String.raw`custody\s*record(?:\s*(?:ref(?:erence)?|number|no))?`,
  String.raw`cris`,
  String.raw`incident\s*(?:log|ref(?:erence)?|number|no|num|#)?`,
  String.raw`inc`,
  String.raw`exhibit(?:\s*(?:ref(?:erence)?|number|no))?`,
  String.raw`(?:storm|command|niche|athena|sleuth|pnd|ccc)\s*(?:log|ref(?:erence)?|number|no|occurrence|id)?`,
  String.raw`occurrence\s*(?:ref(?:erence)?|number|no)?`,
  String.raw`log\s*(?:ref(?:erence)?|number|no)?`,
  String.raw`cad\s*(?:ref(?:erence)?|number|no|log)?`,
  String.raw`case\s*(?:ref(?:erence)?|number|no|file|id)`,
  String.raw`(?:court|custody|arrest|charge|warrant|summons|job|call|referral|safeguarding|mash|dash|marac|mappa|idva|iom|tenancy|housing|homeless(?:ness)?|application|claim|account|client|customer|tenant|patient|service user|person|subject|file|record|prison|prisoner|hmpps|noms|nomis|hospital|unit|clinic|school|pupil|student|risk)\s*(?:ref(?:erence)?|number|no|id|identifier)`,
  String.raw`(?:pnc|pnc\s*id|pnc\s*no|cro|urn|mrn|crn|upn|uln|chi|lcs|mosaic|liquidlogic|eclipse|ndelius|delius|oasys|rio|emis|systmone|carefirst|paris|cms|connect|controlworks|smartstorm|guardian|pronto)(?:\s*(?:ref(?:erence)?|number|no|id))?`,
  // ambulance services' incident and patient record numbers ('WAST 4417763', 'ePCR 22019934'), service and ticket numbers
  String.raw`(?:wast|nwas|yas|emas|swasft|secamb|eeast|scas|neas|wmas|nias|epcr|prf)(?:\s*(?:ref(?:erence)?|number|no|id|incident))?`,
  String.raw`(?:service|ticket|badge|warrant card|membership|passport|licence|license)\s*(?:ref(?:erence)?|number|no)`,
  // a site or pitch licence ('licence LKL-PLOT-07'); professional registers ('NMC PIN 16F1234E', 'GMC 7012345')
  String.raw`licen[cs]e`,
  String.raw`(?:nmc|gmc|hcpc|swe|gphc)(?:\s*(?:pin|ref(?:erence)?|number|no|reg(?:istration)?))?`,
  String.raw`(?:sir|ppn|vpd|ivpd|ccs|serial)`,
  // ambulance crews and call signs ('crew 1902 / 2257', 'callsign M-112')
  String.raw`(?:crew|call\s*sign|callsign)(?:\s*(?:no|number|id|numbers))?`,
  String.raw`compan(?:y|ies)\s*(?:house\s*)?(?:reg(?:istration)?\s*)?(?:no|number)`,
  String.raw`(?:our|their|your|the|a)\s+ref(?:erence)?`,
  String.raw`ref(?:erence)?\s*(?:number|no)?`,
  String.raw`id`,
  // a list's cue in the plural ('SWIFT IDs 442107 / 442108', 'LCS IDs 2210431, 2210432')
  String.raw`(?:ids|refs|references|numbers)`,
];
const CUE = `\\b(?:${CUE_WORDS.join('|')})\\b\\.?`;
/** What a reference looks like: letters, digits, slashes, hyphens and dots, with at least one digit. */
const TOKEN = String.raw`(?=[A-Z0-9/.-]*\d)[A-Z0-9](?:[A-Z0-9]|[/.-](?=[A-Z0-9])){1,24}`;
const GAP = String.raw`(?:\s*(?:[:#=]|is|was|of|no\.?|number|(?:given |recorded )?as)\s*|\s+)`;
/** "1234 of 12/03/2013": police logs are numbered per day, so the date belongs to the reference. */
const OF_DATE = `(?:\\s+of\\s+${FULL_DATE})?`;

const CUED = new CaselessRegExp(`(${CUE}${GAP})(${TOKEN}${OF_DATE})(?![\\p{L}\\d])`, 'giu');
/**
 * Coded references need no cue: "CRI/12345/13", "HOU/2013/0042", "62/CU/8812/18", "12/556677P", "LDS-M-2013-118".
 * Candidates are runs of letter/digit segments joined by "/" or "-"; isCodedReference decides.
 */
const CODED = /(?<![\p{L}\d/-])[A-Z0-9]+(?:[/-][A-Z0-9]+)+(?![\p{L}\d/]|-[\p{L}\d])/gu;
/** Every CODED match joins two letters or digits with a slash or hyphen: most texts hold no such pair. */
const CODED_JOIN = /[A-Z0-9][/-][A-Z0-9]/;
const DATE_OR_RANGE = /^(?:\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{4}-\d{1,2}-\d{1,2}|\d{4}[/-]\d{2,4}|\d{1,4}-\d{1,4})$/;

function isCodedReference(code: string): boolean {
  if (DATE_OR_RANGE.test(code)) return false;
  const segments = code.split(/[/-]/);
  const digits = code.replace(/\D/g, '').length;
  const hasLetters = /[A-Z]/.test(code);
  if (code.includes('/')) {
    // "CRI/12345/13", "62/CU/8812/18", "5601234/15", "12/556677P"; not "24/7", "BP 140/90" or "2012/13".
    // (and a court's letter on its number: 'F2071/20', a Scottish sheriff court's case)
    const longNumber = segments.some((seg) => (/^\d{4,}[A-Z]?$/.test(seg) && !/^(?:19|20)\d{2}$/.test(seg)) || /^[A-Z]{1,2}\d{4,}$/.test(seg));
    return digits >= 4 && (longNumber || (segments.length >= 3 && hasLetters));
  }
  // Hyphens alone: "COVID-19", "PHQ-9" and phone numbers are not references; "LDS-M-2013-118" is, and so are case
  // and file codes with a run of 3+ digits among letter parts ("IDVA-4471-R", "GF-AW-0773", "LN-017").
  if (!hasLetters || segments.length < 2) return false;
  if (digits >= 5 && /\d/.test(segments[segments.length - 1] ?? '')) return true;
  // (three short parts are a plate from abroad, 'FR-123-AB', for the vehicle detector)
  if (segments.length === 3 && segments.every((seg) => seg.length <= 3)) return false;
  return segments.some((seg) => /^\d{3,}$/.test(seg)) && segments.some((seg) => /^[A-Z]{2,}$/.test(seg));
}

/** Officer ranks before a collar or staff number: "PC 4471", "DS 2231", "PCSO 7712", Police Scotland's "PC G1133". */
const COLLAR = new CaselessRegExp(
  String.raw`(\b(?:PC|DC|PS|DS|WPC|DI|DCI|PCSO|TDC|Sgt|Sergeant|Insp|Inspector|Constable|Con|Cons|Cst|Officer|collar(?:\s*(?:no|number))?|shoulder\s*(?:no|number)|warrant\s*(?:no|number)|staff\s*(?:no|number|id))\.?\s*:?\s*)([A-Z]{1,2}\d{3,5}|\d{2,6})(?![\p{L}\d/:]|\.\d)`,
  'giu',
);

/**
 * References without a cue: a short letter prefix on a long number ('NFRC230712345' Action Fraud, 'K123456' hospital
 * numbers, 'HO1234567'), and the bare 11–13 digit numbers of force systems ('130000123456'). An 11-digit number
 * starting 0, or a 12-digit one starting 44, is a phone number and left to the phone detector.
 */
const PREFIXED = /(?<![\p{L}\d])[A-Z]{1,6}\d{5,14}(?:[A-Z]|\([0-9A]\))?(?![\p{L}\d])/gu;
const BARE_LONG = /(?<![\p{L}\d/.+-])\d{11,13}(?![\p{L}\d/])/gu;
const PHONE_LIKE = /^(?:0\d{10}|44\d{10})$/;
/**
 * More shapes force and council systems print: digits then letters ('4105ZD'), a date-stamped number
 * ('20220630-1188'), a prefix and a year-coded number ('PAC 17-0098812'), letters-hyphen-digits ('BMC-2231'),
 * and a 16-digit card or account number in fours.
 */
const OTHER_SHAPES = [
  /(?<![\p{L}\d])\d{3,8}(?!HRS?\b|AM\b|PM\b|MG\b|ML\b|KG\b|MPH\b|GBP\b|MM\b|CM\b|KM\b)[A-Z]{1,3}(?![\p{L}\d])/gu,
  /(?<![\p{L}\d])(?:19|20)\d{6}-\d{3,6}(?![\p{L}\d])/gu,
  /(?<![\p{L}\d])[A-Z]{2,5}\s\d{2}-\d{5,8}(?![\p{L}\d])/gu,
  /(?<![\p{L}\d-])[A-Z]{2,5}-\d{4,8}(?![\p{L}\d-])/gu,
  /(?<![\d-])\d{4}(?:[ -]\d{4}){3}(?![\d-])/gu,
  // family court case numbers: court, year, case type, number ('MA21P04418', 'LV22C00123')
  /(?<![\p{L}\d])[A-Z]{2}\d{2}[A-Z]\d{5}(?![\p{L}\d])/gu,
];
/** More numbers of the same kind after a cued one: 'crew 1902 / 2257', 'logs 0456, 0457 and 0461'. */
const CONTINUED = /^[ \t]*(?:\/|,|&|and|\+)[ \t]*((?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,11})(?![\p{L}\d/])/u;
/** "0655 of 14/03/2020" with no cue: police logs are numbered per day, and this is how every force writes one. */
const LOG_OF_DATE = new RegExp(`(?<![\\p{L}\\d/])\\d{3,6}\\s+of\\s+${FULL_DATE}(?![\\d/])`, 'giu');

const LOG_CUE = /^(?:log|cad|ccs|serial|incident|storm|occurrence|crew|call\s*sign|callsign)\b/iu;
/** A bare date, a time, a money amount or a small count after a cue word is not a reference. */
const NOT_A_REFERENCE = /^(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}[.:]\d{2}|\d{1,2}(?:st|nd|rd|th)?|(?:19|20)\d{2})$/i;

const SORT_CODE_ACCOUNT = /(?<![\d-])\d{2}-\d{2}-\d{2}(?:[ \t]*(?:\/|a\/c|acc(?:oun)?t?\.?(?:[ \t]*no\.?)?)[ \t]*|[ \t]+)\d{8}(?!\d)/giu;
/** A sort code or an account number after its own cue: 'sort 30-96-12', 'a/c 31927584', 'account no. 40887215'. */
const BANK_CUED = /\b(?:sort(?:[ \t]*code)?|a\/c|acc(?:oun)?t\.?)[ \t]*(?:no\.?|number)?[ \t]*:?[ \t]*(\d{2}-\d{2}-\d{2}|\d{8})(?![\d-])/giu;
/**
 * A system's letters, a space and a long number: hospital and housing numbers ('RL4 0837765', 'RBH 1044729', 'CBH
 * 4471903'), an interpreter's ID ('LL 40771'), a force log with its date ('WMP 0194 190621'). Not after a rank or a
 * cue word this detector already reads, which keep their own words ('PC 40771', 'CAD 123456'); three letters and
 * five digits are a Polish plate ('WGM 48212'), the vehicle detector's.
 */
const SPACED_PREFIX = /(?<![\p{L}\d])(?!(?:PC|DC|DS|PS|DI|WPC|PCSO|SGT|DCI|TDC|CAD|LOG|INC|CRN|MRN|UPN|URN|CRO|PNC|CHI|RIO|LCS|CMS|SIR|PPN|VPD|NHS|NI|ID|REF|TEL|MOB|NO|FAO|DOB|AGE|FAX|CRIS|OCC|CASE)[ \t])(?:[A-Z]{2}\d?[ \t]\d{5,8}|[A-Z]{3,4}\d?[ \t]\d{6,8}|[A-Z]{2,4}[ \t]\d{4}[ \t]\d{6})(?![\p{L}\d]|[/-]\d)/gu;

/** Six digits as ddmmyy or eight as yyyymmdd: the date a file was named for. */
function isDateStamp(digits: string): boolean {
  let day: number;
  let month: number;
  if (/^\d{6}$/u.test(digits)) [day, month] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  else if (/^(?:19|20)\d{6}$/u.test(digits)) [day, month] = [Number(digits.slice(6, 8)), Number(digits.slice(4, 6))];
  else return false;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

export function detectReferences(text: string): Span[] {
  const spans: Span[] = [];
  // every reference holds a digit: most chronology sentences with none need no pattern at all
  if (!/\d/u.test(text)) return spans;
  for (const m of matchesOf(CUED.forText(text), text)) {
    const lead = m[1] ?? '';
    const token = m[2] ?? '';
    const bare = token.replace(/\s+of\s+.*$/s, '');
    const hasDate = bare !== token;
    // ('Log 1905', 'CCS 2019': after a log's own cue four digits are the log's number, not a year)
    if (!hasDate && NOT_A_REFERENCE.test(bare) && !(/^\d{4}$/u.test(bare) && LOG_CUE.test(lead) && !/\bof\s*$/iu.test(lead))) continue;
    // A generic cue ("ref", "ID", "log") followed by a short bare number is weak: "log 2" is not a reference.
    if (!hasDate && bare.replace(/\D/g, '').length < 3 && !/[A-Z]/i.test(bare)) continue;
    const start = m.index + lead.length;
    spans.push(makeSpan(text, 'reference', start, start + token.length, hasDate || /[/-]/.test(bare) ? 0.95 : 0.85));
    // (each further number of the list, of about the same length: not '1902 / 2019' read as a year)
    let at = start + token.length;
    for (let c = CONTINUED.exec(text.slice(at, at + 40)); c?.[1] && !NOT_A_REFERENCE.test(c[1]) && Math.abs(c[1].length - bare.length) <= 2; c = CONTINUED.exec(text.slice(at, at + 40))) {
      const from = at + c[0].length - c[1].length;
      spans.push(makeSpan(text, 'reference', from, from + c[1].length, 0.8));
      at = from + c[1].length;
    }
  }
  if (CODED_JOIN.test(text)) for (const m of matchesOf(CODED, text)) {
    if (!isCodedReference(m[0])) continue;
    spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.8));
  }
  if (/\d{3,6}\s+of\s+\d/.test(text)) for (const m of matchesOf(LOG_OF_DATE, text)) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.9));
  if (/\d{3}/.test(text)) for (const re of OTHER_SHAPES) for (const m of matchesOf(re, text)) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.75));
  if (/\d{5}/.test(text)) {
    for (const m of matchesOf(PREFIXED, text)) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.85));
    for (const m of matchesOf(BARE_LONG, text)) if (!PHONE_LIKE.test(m[0])) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.8));
  }
  // a bank sort code and account number ('12-34-56 40887215'): the account is someone's
  if (/\d{2}-\d{2}-\d{2}/.test(text)) for (const m of matchesOf(SORT_CODE_ACCOUNT, text)) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.85));
  // (not a file name's date stamp after initials, 'MARAC_JS_140219.pdf', 'IMG_KKY_20231225.jpg', read with spaces)
  if (/\d{5}/.test(text)) for (const m of matchesOf(SPACED_PREFIX, text)) {
    const parts = m[0].split(/[ \t]/u);
    if (parts.length > 2 || !isDateStamp(parts[1] ?? '')) spans.push(makeSpan(text, 'reference', m.index, m.index + m[0].length, 0.8));
  }
  if (/\d{2}-\d{2}-\d{2}|\d{8}/.test(text)) for (const m of matchesOf(BANK_CUED, text)) {
    const start = m.index + m[0].length - (m[1] ?? '').length;
    spans.push(makeSpan(text, 'reference', start, m.index + m[0].length, 0.85));
  }
  // Decision: in free text a collar number identifies an officer as surely as a name does, so it is a reference.
  for (const m of matchesOf(COLLAR.forText(text), text)) {
    const start = m.index + (m[1] ?? '').length;
    spans.push(makeSpan(text, 'reference', start, start + (m[2] ?? '').length, 0.7));
  }
  return spans;
}
