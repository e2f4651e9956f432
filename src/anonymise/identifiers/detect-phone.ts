// Phone numbers: libphonenumber-js (GB default, POSSIBLE leniency) plus a loose UK pattern for Ofcom drama ranges.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { Span } from '../types.js';
import { makeSpan, matchesOf } from './identifier-span.js';

/**
 * UK numbers as people type them: 0 or +44 / 0044 (with an optional "(0)"), an optional bracketed area code,
 * then digit groups split by spaces, dots or hyphens. Digit count is checked afterwards (10–11 national digits).
 */
const LOOSE_UK =
  /(?<![\w/+.-])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(0|0)(?:\d[\s.-]?){1,4}\)?[\s.-]?\d{2,4}(?:[\s.-]?\d{2,4}){1,3}(?![\w/-]|\.\d)/g;

/** Other international numbers are only taken when written with a leading + and enough digits. */
const INTERNATIONAL = /(?<![\w+])\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]?\d{2,5}){1,4}(?![\w/])/g;

/** A date or a time range written with dots or hyphens is not a phone number. */
const DATE_LIKE = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}[./-]\d{2}[./-]\d{2}$|^\d{3,4}\s?-\s?\d{3,4}$/;

/** The last group of digits of a candidate, with the separator before it. */
const LAST_GROUP = /[\s.-]\d{1,4}$/u;
/** A letter or digit right before a find: the digits belong to a code ('K0456721'). */
const GLUED = /[\p{L}\p{N}]/u;

/** An area code, then three and four digits: how a UK number is grouped, whatever its length. */
const MISTYPED_GROUPS = /^\(?0\d{3,4}\)?[ .-]\d{3}[ .-]\d{3,4}$/;

function nationalDigits(candidate: string): number {
  const digits = candidate.replace(/\D/g, '');
  if (digits.startsWith('0044')) return digits.length - 4 + 1;
  if (digits.startsWith('44') && /^\s*\+/.test(candidate)) {
    // "+44 (0)7700 900123" carries a redundant trunk zero.
    return digits.length - 2 + (/\(0\)/.test(candidate) ? 0 : 1);
  }
  return digits.length;
}

/** A libphonenumber find, relative to the start of the stretch of text it was found in. */
interface LibraryHit {
  start: number;
  end: number;
  confidence: number;
}

/**
 * ASCII characters that libphonenumber's candidate pattern (PhoneNumberMatcher's PATTERN, matched with the `i` flag)
 * can never contain: letters outside its extension labels ("ext", "extension", "anexo", "int", "x"), line breaks
 * and punctuation that is neither a separator nor an extension mark. Every other character, any beyond ASCII
 * included, is treated as possibly part of a number.
 */
const NEVER_IN_NUMBER = new Uint8Array(128);
for (let c = 0; c < 32; c++) if (c !== 9) NEVER_IN_NUMBER[c] = 1;
for (const ch of 'bcdfghjklmpqruvwyzBCDFGHJKLMPQRUVWYZ!"$%&\'*<>?@\\^_`{|}\x7f') NEVER_IN_NUMBER[ch.charCodeAt(0)] = 1;

function isNever(c: number): boolean {
  return c < 128 && NEVER_IN_NUMBER[c] === 1;
}

/** Distinct stretches remembered per memo: a bound on memory for a very large case, far above a chronology's numbers. */
const MEMO_LIMIT = 20_000;

/** libphonenumber's finds in one stretch of text, filtered and scored; offsets relative to the stretch. */
function libraryHits(stretch: string): LibraryHit[] {
  const hits: LibraryHit[] = [];
  // `extended: true` is the typed spelling of leniency 'POSSIBLE' (see PhoneNumberMatcher in libphonenumber-js).
  for (const found of findPhoneNumbersInText(stretch, { defaultCountry: 'GB', extended: true })) {
    const raw = stretch.slice(found.startsAt, found.endsAt);
    // The matcher can join two numbers across "; " — a phone number only holds digits, spaces, brackets, dots, hyphens.
    if (DATE_LIKE.test(raw) || /[^\d\s().+-]/.test(raw) || raw.replace(/\D/g, '').length > 13) continue;
    const trunk = /^[+(0]/.test(raw);
    hits.push({ start: found.startsAt, end: found.endsAt, confidence: found.number.isValid() ? 0.95 : trunk ? 0.85 : 0.6 });
  }
  return hits;
}

/**
 * ASCII characters a find that libraryHits keeps can hold: digits, spaces, brackets, dots, hyphens and pluses. A
 * find is kept only when made of these alone, so it lies inside one run of them.
 */
const IN_KEPT_FIND = new Uint8Array(128);
for (const ch of '0123456789 \t().+-') IN_KEPT_FIND[ch.charCodeAt(0)] = 1;

/**
 * Can a run of those characters with this many digits hold a find? A find must be a possible number: its national
 * number has at least 4 digits in any country (7 in the UK and the Crown Dependencies, 7 for the non-geographic
 * codes), and without a '+' it is read as a UK number, or as one abroad after the international prefix '00' (2
 * digits, a calling code, 4 more). So a stretch with no such run ('12/03/2013 at 22:10') is not given to the library
 * (checked against its metadata and 350 000 fuzzed stretches); one with a character beyond ASCII, which may be a
 * digit or a space of another script, always is.
 */
function possibleDigits(digits: number, plus: boolean): boolean {
  return digits >= 7 || (plus && digits >= 4);
}

/**
 * Runs libphonenumber on each stretch of the text between characters no number can contain, not on the whole
 * text. With leniency POSSIBLE the matcher judges a candidate by its own characters (and, for a time stamp, the
 * ":mm" right after it, which stays in the stretch), its pattern has no lookaround, and none of its matches can
 * cross such a character: so the finds are exactly those of the whole text. Parsing a candidate is the costly
 * part, and a chronology repeats the same numbers, so the finds of a stretch are remembered in `memo` when given.
 */
function libraryPhones(text: string, memo: Map<string, LibraryHit[]> | undefined, spans: Span[]): void {
  let i = 0;
  while (i < text.length) {
    // skip to the start of a stretch
    while (i < text.length && isNever(text.charCodeAt(i))) i++;
    const start = i;
    // (the digits and pluses of the current run of characters a kept find can hold)
    let digits = 0;
    let plus = false;
    let possible = false;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isNever(c)) break;
      if (c >= 48 && c <= 57) digits++;
      else if (c === 43) plus = true;
      else if (c > 127) possible = true;
      else if (IN_KEPT_FIND[c] !== 1) {
        digits = 0;
        plus = false;
      }
      if (possibleDigits(digits, plus)) possible = true;
    }
    if (!possible) continue;
    const stretch = text.slice(start, i);
    let hits = memo?.get(stretch);
    if (!hits) {
      hits = libraryHits(stretch);
      if (memo) {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(stretch, hits);
      }
    }
    // ('MRN K0456721': digits glued to a letter are a code's, not a number someone dials)
    for (const h of hits) if (!GLUED.test(text.charAt(start + h.start - 1))) spans.push(makeSpan(text, 'phone', start + h.start, start + h.end, h.confidence));
  }
}

/** A phone detector that remembers libphonenumber's finds per stretch of text: one per anonymiser, dropped with it. */
export function createPhoneDetector(): (text: string) => Span[] {
  const memo = new Map<string, LibraryHit[]>();
  return (text) => phones(text, memo);
}

export function detectPhones(text: string): Span[] {
  return phones(text, undefined);
}

function phones(text: string, memo: Map<string, LibraryHit[]> | undefined): Span[] {
  const spans: Span[] = [];
  libraryPhones(text, memo, spans);
  for (const m of matchesOf(LOOSE_UK, text)) {
    // ('rang her on 07700 900695 11 times': a count after the number is not its last group)
    const written = nationalDigits(m[0]) > 11 ? m[0].replace(LAST_GROUP, '') : m[0];
    const national = nationalDigits(written);
    // (a digit too many in a number grouped as phones are, '01642 496 0733', is still someone's number: recall first)
    const mistyped = nationalDigits(m[0]) === 12 && MISTYPED_GROUPS.test(m[0]);
    const number = mistyped ? m[0] : written;
    if ((national < 10 || national > 11) && !mistyped) continue;
    if (DATE_LIKE.test(number)) continue;
    // (an opening bracket the number does not close is the text's, not the number's)
    const open = number.startsWith('(') && !number.includes(')') ? 1 : 0;
    spans.push(makeSpan(text, 'phone', m.index + open, m.index + number.length, mistyped ? 0.7 : 0.85));
  }
  for (const m of matchesOf(INTERNATIONAL, text)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 8 || digits > 15) continue;
    spans.push(makeSpan(text, 'phone', m.index, m.index + m[0].length, 0.8));
  }
  return spans;
}
