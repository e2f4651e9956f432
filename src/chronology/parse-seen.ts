// Parses the 'Victim seen' cell (✓, yes/no, y/n, true/false, seen/not seen) into a boolean, null when empty.
import type { CellValue } from './types.js';
import { quote } from './parse-time.js';

export type SeenResult = { ok: true; value: boolean | null } | { ok: false; message: string };

const YES = new Set(['✓', '✔', '☑', '✅', '🗸', 'yes', 'y', 'true', 'seen', 'victim seen', 'subject seen', '1']);
const NO = new Set(['✗', '✘', '☒', '❌', 'no', 'n', 'false', 'not seen', 'unseen', 'victim not seen', 'subject not seen', '0']);
/** Explicitly "not applicable" (a phone call, a records check): the same as leaving the cell empty. */
const NOT_APPLICABLE = new Set(['n/a', 'na', 'n a', '-', '–', '—']);

const HOW = 'use ✓ or Yes when the victim was seen, No when not, or leave it empty';

/**
 * A seen cell → true/false/null. A plain letter x is refused: authors use it both for "ticked" and for "not seen".
 */
export function parseSeen(input: CellValue): SeenResult {
  if (input === null) return { ok: true, value: null };
  if (typeof input === 'boolean') return { ok: true, value: input };
  if (typeof input === 'number') {
    if (input === 1 || input === 0) return { ok: true, value: input === 1 };
    return { ok: false, message: `${String(input)} is not a yes/no answer — ${HOW}` };
  }
  if (input instanceof Date) return { ok: false, message: `A date is not a yes/no answer — ${HOW}` };
  const t = input.replace(/\s+/g, ' ').trim().toLowerCase().replace(/[.!]$/, '');
  if (t === '') return { ok: true, value: null };
  if (YES.has(t)) return { ok: true, value: true };
  if (NO.has(t)) return { ok: true, value: false };
  if (NOT_APPLICABLE.has(t)) return { ok: true, value: null };
  if (t === 'x') {
    return { ok: false, message: `'x' could mean seen or not seen — ${HOW}` };
  }
  return { ok: false, message: `${quote(input.trim())} is not a yes/no answer — ${HOW}` };
}
