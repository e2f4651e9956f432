// UK postcodes: full postcodes always (any case, spaced or not); outward codes alone only next to a place cue.
import type { Span } from '../types.js';
import { CaselessRegExp } from './caseless.js';
import { cueAfter, cueBefore, makeSpan, matchesOf } from './identifier-span.js';
import { isUkPlaceName } from '../names/places.js';

/** Outward code (A9, A99, A9A, AA9, AA99, AA9A) + inward code (9AA). Any case (authors type "m14 5rt"), up to two spaces. */
const FULL = new CaselessRegExp(String.raw`(?<![\p{L}\d])([A-Z]{1,2}\d[A-Z\d]?)[ \t]{0,2}(\d[A-Z]{2})(?![\p{L}\d])`, 'giu');

/** Outward code alone ("M14", "LS6", "SW1A"): upper case only, and only with a cue — see OUTWARD_CUE_*. */
const OUTWARD = /(?<![\p{L}\d/-])([A-Z]{1,2}\d[A-Z\d]?)(?![\p{L}\d/-])/gu;

/**
 * Decision: an outward code alone is a postcode only when the words around it say it is a place — "postcode M14",
 * "moved to LS6", "lives in M14", "the M14 area", "LS6 district". Without a cue "M6", "A1", "B12" are roads and
 * vitamins far more often than places, and a reviewer would be swamped with false alarms.
 */
const OUTWARD_CUE_BEFORE =
  /(?:post\s?code|postal district|moved (?:to|into)|moving to|move to|relocated to|rehoused (?:to|in)|lives? in|living in|resides? in|resident in|address in|based in)[\s:,]*(?:the\s+)?$/i;
const TOWN_BEFORE = /(?:^|[^\p{L}])(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?),?[ \t]+$/u;
const OUTWARD_CUE_AFTER = /^\s*(?:area|district|postcode|post code)\b/i;

/**
 * Both patterns need a letter right before a digit ('M14', 'sw1a'; under the `iu` flags the Kelvin sign and the
 * long s count as 'k' and 's'): most texts have none, and then neither pattern is run.
 */
const LETTER_DIGIT = /[A-Za-z\u017F\u212A]\d/;

/** An Irish Eircode: routing key (a letter, two digits; D6W) and a four-character unique identifier ('A91 K2D4'). */
const EIRCODE = /(?<![\p{L}\d])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4}(?![\p{L}\d])/gu;
/** Postcodes abroad before their town ('31-147 Kraków', '4050-107 Porto', '1000-001 Lisboa'): Polish and Portuguese. */
const ABROAD = /(?<![\p{L}\d/.-])(?:\d{2}-\d{3}|\d{4}-\d{3})(?=[ \t]+\p{Lu}\p{Ll})(?![ \t]+(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)/gu;

export function detectPostcodes(text: string): Span[] {
  const spans: Span[] = [];
  if (/\d{2}-\d{3}/u.test(text)) for (const m of matchesOf(ABROAD, text)) spans.push(makeSpan(text, 'postcode', m.index, m.index + m[0].length, 0.75));
  if (!LETTER_DIGIT.test(text)) return spans;
  // (an Eircode's identifier holds a digit and a letter: 'A91 K2D4', not a word such as 'A12 ROAD')
  for (const m of matchesOf(EIRCODE, text)) if (/\d/u.test(m[0].slice(-4)) && /[A-Z]/u.test(m[0].slice(-4))) spans.push(makeSpan(text, 'postcode', m.index, m.index + m[0].length, 0.85));
  for (const m of matchesOf(FULL.forText(text), text)) {
    const upper = m[0] === m[0].toUpperCase();
    spans.push(makeSpan(text, 'postcode', m.index, m.index + m[0].length, upper ? 0.95 : 0.85));
  }
  for (const m of matchesOf(OUTWARD, text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = cueBefore(text, start, OUTWARD_CUE_BEFORE, 30);
    // "in the M14 area" is caught by the cue after; "in the M6" alone is a motorway, so "in the" is no cue.
    const after = cueAfter(text, end, OUTWARD_CUE_AFTER, 15);
    // ('Cell site Hartlepool TS25': a town's name right before, the district's letters two, as postcodes are written)
    const town = /^[A-Z]{2}\d/u.test(m[0]) && TOWN_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && isUkPlaceName(TOWN_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? '');
    if (after || before || town) spans.push(makeSpan(text, 'postcode', start, end, after && before ? 0.85 : 0.7));
  }
  return spans;
}
