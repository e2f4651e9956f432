// NHS numbers: ten digits (3-3-4 spaced or not) with the modulus 11 check digit; a failed check next to "NHS" still counts.
import type { Span } from '../types.js';
import { cueBefore, makeSpan, matchesOf } from './identifier-span.js';

/** Ten digits as 3-3-4 with one consistent separator (space, hyphen or none). */
const CANDIDATE = /(?<![\d+(]|\d[ -]|\(0\)\s?)(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d/]|[ -]\d)/g;

const NHS_CUE = /\b(?:NHS|N\.H\.S\.?|CHI|H&C|health and care)(?:\s*(?:no\.?|number|num|#|ref(?:erence)?))?[\s:.#=-]*(?:is|was)?\s*$/i;

/** True when the ten digits carry a valid NHS modulus 11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

export function detectNhsNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(CANDIDATE, text)) {
    const digits = `${m[1] ?? ''}${m[3] ?? ''}${m[4] ?? ''}`;
    const cue = cueBefore(text, m.index, NHS_CUE, 30);
    const valid = isValidNhsNumber(digits);
    const grouped = m[2] !== '';
    // Without a cue a leading 0 in an ungrouped string is a phone number far more often (NHS numbers start 1–9).
    if (!cue && digits.startsWith('0') && !grouped) continue;
    if (valid) spans.push(makeSpan(text, 'nhs-number', m.index, m.index + m[0].length, cue ? 0.99 : grouped ? 0.95 : 0.85));
    else if (cue) spans.push(makeSpan(text, 'nhs-number', m.index, m.index + m[0].length, 0.7));
  }
  return spans;
}
