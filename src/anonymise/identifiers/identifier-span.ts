// Helpers shared by the identifier detectors: building spans, cue-word lookups around a match, overlap resolution.
import type { IdentifierKind, Span } from '../types.js';

export type { IdentifierKind };

export const IDENTIFIER_REPLACEMENT: Readonly<Record<IdentifierKind, string>> = {
  phone: '[phone]',
  email: '[email]',
  postcode: '[postcode]',
  address: '[address]',
  'nhs-number': '[NHS number]',
  'ni-number': '[NI number]',
  vehicle: '[vehicle]',
  'date-of-birth': '[date of birth]',
  reference: '[reference]',
};

/** Which kind wins when two candidates cover exactly the same or partly the same text: higher is more specific. */
const SPECIFICITY: Readonly<Record<IdentifierKind, number>> = {
  email: 9,
  'date-of-birth': 8,
  'nhs-number': 8,
  'ni-number': 8,
  reference: 7,
  address: 6,
  postcode: 6,
  vehicle: 5,
  phone: 4,
};

export function makeSpan(text: string, kind: IdentifierKind, start: number, end: number, confidence: number): Span {
  return {
    start,
    end,
    kind,
    text: text.slice(start, end),
    confidence: Math.max(0, Math.min(1, confidence)),
    replacement: IDENTIFIER_REPLACEMENT[kind],
  };
}

/** Runs a global regex over the text, yielding every match (the regex must carry the `g` flag). */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex += 1;
    yield m;
  }
}

/** True when `cue` matches in the `width` characters that end at `index`. The cue regex should end with `\s*$`-like slack itself. */
export function cueBefore(text: string, index: number, cue: RegExp, width = 40): boolean {
  return cue.test(text.slice(Math.max(0, index - width), index));
}

/** True when `cue` matches in the `width` characters that start at `index`. */
export function cueAfter(text: string, index: number, cue: RegExp, width = 30): boolean {
  return cue.test(text.slice(index, index + width));
}

/**
 * Keeps non-overlapping spans, greedily: the longest first, then the more specific kind, then the higher
 * confidence, then the earlier start. Output is sorted by start.
 */
export function resolveOverlaps(candidates: readonly Span[]): Span[] {
  const specificity = (s: Span): number => SPECIFICITY[s.kind as IdentifierKind] ?? 0;
  const ranked = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      specificity(b) - specificity(a) ||
      b.confidence - a.confidence ||
      a.start - b.start,
  );
  const kept: Span[] = [];
  for (const span of ranked) {
    const clash = kept.filter((k) => span.start < k.end && k.start < span.end);
    if (clash.length === 0) kept.push(span);
    else {
      // an address running into a longer span ('PITCH 14, <protected site>'): its own start is kept
      const cut = trimmedBefore(span, Math.min(...clash.map((k) => k.start)));
      if (cut) kept.push(cut);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The address part of `span` before `at`, without trailing separators; null when too little is left. */
function trimmedBefore(span: Span, at: number): Span | null {
  if (span.kind !== 'address' || at <= span.start) return null;
  const head = span.text.slice(0, at - span.start).replace(/[\s,;:–-]+$/u, '');
  if (head.length < 3 || !/\d/u.test(head)) return null;
  return { ...span, end: span.start + head.length, text: head };
}
