// Phone numbers: libphonenumber-js (GB default, POSSIBLE leniency) plus a loose UK pattern for Ofcom drama ranges.
import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { Span } from './types.js';
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

function nationalDigits(candidate: string): number {
  const digits = candidate.replace(/\D/g, '');
  if (digits.startsWith('0044')) return digits.length - 4 + 1;
  if (digits.startsWith('44') && /^\s*\+/.test(candidate)) {
    // "+44 (0)7700 900123" carries a redundant trunk zero.
    return digits.length - 2 + (/\(0\)/.test(candidate) ? 0 : 1);
  }
  return digits.length;
}

export function detectPhones(text: string): Span[] {
  const spans: Span[] = [];
  // `extended: true` is the typed spelling of leniency 'POSSIBLE' (see PhoneNumberMatcher in libphonenumber-js).
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'GB', extended: true })) {
    const raw = text.slice(found.startsAt, found.endsAt);
    // The matcher can join two numbers across "; " — a phone number only holds digits, spaces, brackets, dots, hyphens.
    if (DATE_LIKE.test(raw) || /[^\d\s().+-]/.test(raw) || raw.replace(/\D/g, '').length > 13) continue;
    const trunk = /^[+(0]/.test(raw);
    spans.push(makeSpan(text, 'phone', found.startsAt, found.endsAt, found.number.isValid() ? 0.95 : trunk ? 0.85 : 0.6));
  }
  for (const m of matchesOf(LOOSE_UK, text)) {
    const national = nationalDigits(m[0]);
    if (national < 10 || national > 11) continue;
    if (DATE_LIKE.test(m[0])) continue;
    spans.push(makeSpan(text, 'phone', m.index, m.index + m[0].length, 0.85));
  }
  for (const m of matchesOf(INTERNATIONAL, text)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 8 || digits > 15) continue;
    spans.push(makeSpan(text, 'phone', m.index, m.index + m[0].length, 0.8));
  }
  return spans;
}
