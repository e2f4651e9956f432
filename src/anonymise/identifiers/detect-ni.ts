// National Insurance numbers: two letters (invalid prefixes excluded), six digits, a suffix A–D; spaced or not.
import type { Span } from '../types.js';
import { CaselessRegExp } from './caseless.js';
import { cueBefore, makeSpan, matchesOf } from './identifier-span.js';

/**
 * First letter not D F I Q U V; second not D F I O Q U V; the prefixes BG GB KN NK NT TN ZZ are never issued.
 * Checked in code below. Digits may be grouped in pairs ("AB 12 34 56 C") or not; the suffix is optional only after an NI cue.
 */
const CANDIDATE = new CaselessRegExp(String.raw`(?<![\p{L}\d])([A-Z]{2})[ -]?(\d{2})[ -]?(\d{2})[ -]?(\d{2})(?:[ -]?([A-D]))?(?![\p{L}\d])`, 'giu');
const VALID_PREFIX = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/;
const INVALID_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
const NI_CUE = /\b(?:N\.?I\.?|NINO|national insurance)(?:\s*(?:no\.?|number|num|#))?[\s:.#=-]*(?:is|was)?\s*$/i;

export function detectNiNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of matchesOf(CANDIDATE.forText(text), text)) {
    const prefix = (m[1] ?? '').toUpperCase();
    const cue = cueBefore(text, m.index, NI_CUE, 35);
        if (!VALID_PREFIX.test(prefix) || INVALID_PREFIX.has(prefix)) {
      // recall first: in capitals with its suffix, the example prefix QQ and DWP's temporary TN are still taken
      const whole = (prefix === 'QQ' || prefix === 'TN') && m[5] !== undefined && m[0] === m[0].toUpperCase();
      if (whole || (cue && m[5] !== undefined)) spans.push(makeSpan(text, 'ni-number', m.index, m.index + m[0].length, cue ? 0.8 : 0.7));
      continue;
    }
    const upper = m[0] === m[0].toUpperCase();
    if (m[5] !== undefined) {
      if (!upper && !cue) continue;
      spans.push(makeSpan(text, 'ni-number', m.index, m.index + m[0].length, cue ? 0.99 : 0.9));
    } else if (cue) {
      spans.push(makeSpan(text, 'ni-number', m.index, m.index + m[0].length, 0.8));
    }
  }
  return spans;
}
