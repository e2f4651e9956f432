// Anonymises chronology text: identifiers → [kind], mapped people → initials or pseudonym, unmapped names → initials.
import type { TimelineEntry } from '../chronology/types.js';
import type { Person, Span } from './types.js';
import { createIdentifierDetector } from './identifiers/identifiers.js';
import { buildNameMatcher } from './names/name-matcher.js';
import type { NameMatch } from './names/name-matcher.js';
import type { TokenMemo } from './names/name-tokens.js';
import { detectPersonNames } from './names/person-names.js';
import { numberEdits, professionalEdits, tidyField } from './names/professional-names.js';

/** Something left in the text that a person should look at: an ordinary-word name variant or a weak name candidate. */
export interface ReviewItem {
  kind: 'ambiguous-name' | 'possible-name';
  start: number;
  end: number;
  text: string;
  confidence: number;
}

export interface AnonymisedText {
  text: string | null;
  /** Unmapped names replaced, as written (with their title): for the chair's export report only. */
  unmapped: string[];
  review: ReviewItem[];
}

export interface Anonymiser {
  /** Free text. `namesField` for a column that holds names ('contact'): a capitalised 'Rose' at its start is a name. */
  text(s: string | null, opts?: { namesField?: boolean }): AnonymisedText;
  /** The professional column: always initialled, even for people not in the map; roles kept; numbers removed. */
  professional(s: string | null): AnonymisedText;
  entry(e: TimelineEntry): TimelineEntry;
  /** Every unmapped name replaced so far by this anonymiser, sorted: the export report's `unmappedNames`. */
  unmappedNames(): string[];
}

export interface AnonymiserOptions {
  /** Identifier detector (default: detectIdentifiers, with a per-anonymiser memory of the phone numbers seen). */
  identifiers?: (text: string) => Span[];
  /** Unmapped name candidates at or above this confidence are replaced; below it they are only reported (default 0.5). */
  threshold?: number;
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** Sorted, non-overlapping intervals with an O(log n) overlap test. */
class Intervals {
  private readonly items: Edit[];
  constructor(items: Edit[]) {
    this.items = [...items].sort((a, b) => a.start - b.start);
  }
  overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.items.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid]?.start ?? 0) < end) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // intervals do not overlap one another, so only the last one starting before `end` can reach `start`
    return idx >= 0 && (this.items[idx]?.end ?? 0) > start;
  }
  get all(): Edit[] {
    return this.items;
  }
}

function apply(s: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += s.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + s.slice(at);
}

const EMPTY: AnonymisedText = { text: null, unmapped: [], review: [] };

/**
 * Short values (a contact, a professional, a source, a one-line comment) recur all through a chronology, and a
 * value's result depends on nothing but the value: an anonymiser keeps the results of values up to this length.
 */
const MEMO_MAX_LENGTH = 120;
/** Results kept per anonymiser before the memory starts again: a bound for a very large case. */
const MEMO_LIMIT = 10_000;

/** A copy a caller may change without changing the remembered result. */
function copyOf(r: AnonymisedText): AnonymisedText {
  return r === EMPTY ? { text: null, unmapped: [], review: [] } : { text: r.text, unmapped: [...r.unmapped], review: r.review.map((x) => ({ ...x })) };
}

/** One anonymiser per case map and names mode; reuse it for every text so the automaton is built once. */
export function createAnonymiser(people: Person[], mode: 'initials' | 'pseudonym', opts: AnonymiserOptions = {}): Anonymiser {
  const matcher = buildNameMatcher(people);
  const identify = opts.identifiers ?? createIdentifierDetector();
  const threshold = opts.threshold ?? 0.5;
  const seen = new Set<string>();
  const memo = new Map<string, AnonymisedText>();
  const tokenMemo: TokenMemo = new Map();

  /** The remembered result for a short value (its unmapped names are already in `seen`), or a new one kept. */
  function remembered(kind: 'text' | 'names' | 'professional', s: string, compute: (s: string) => AnonymisedText): AnonymisedText {
    if (s.length > MEMO_MAX_LENGTH) return compute(s);
    const key = `${kind}:${s}`;
    const known = memo.get(key);
    if (known) return known;
    const result = compute(s);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, result);
    return result;
  }

  /** Identifier and mapped-name edits (the first two priorities), plus the review items of the mapped matcher. */
  function firstPass(s: string, numbers: Edit[] = [], namesField = false): { taken: Intervals; review: ReviewItem[] } {
    const numberSpans = new Intervals(numbers);
    const ids = identify(s).filter((x) => !numberSpans.overlaps(x.start, x.end));
    const idEdits = new Intervals([...numbers, ...ids.map((x) => ({ start: x.start, end: x.end, replacement: x.replacement }))]);
    const scan = matcher.scan(s, { namesField });
    const edits = [...idEdits.all];
    for (const m of scan.matches) {
      const edit = mappedEdit(m);
      // a collar number already taken as an identifier: replace the name alone
      if (edit.start < m.start && idEdits.overlaps(edit.start, m.start)) edit.start = m.start;
      if (!idEdits.overlaps(edit.start, edit.end)) edits.push(edit);
    }
    const taken = new Intervals(edits);
    const review: ReviewItem[] = scan.ambiguous
      .filter((a) => !idEdits.overlaps(a.start, a.end))
      .map((a) => ({ kind: 'ambiguous-name', start: a.start, end: a.end, text: a.text, confidence: a.reason === 'lowercase' ? 0.2 : 0.3 }));
    return { taken, review };
  }

  function mappedEdit(m: NameMatch): Edit {
    const person = people[m.personIndex];
    const usePseudonym = mode === 'pseudonym' && !!person?.pseudonym;
    const start = usePseudonym ? (m.titleStart ?? m.numberStart ?? m.start) : (m.numberStart ?? m.start);
    return { start, end: m.end, replacement: (usePseudonym ? person?.pseudonym : person?.initials) ?? 'X' };
  }

  function text(s: string | null, namesField = false): AnonymisedText {
    if (s === null) return EMPTY;
    if (s.length === 0) return { text: s, unmapped: [], review: [] };
    return namesField ? remembered('names', s, namesText) : remembered('text', s, plainText);
  }

  const plainText = (s: string): AnonymisedText => computeText(s, false);
  const namesText = (s: string): AnonymisedText => computeText(s, true);

  function computeText(s: string, namesField: boolean): AnonymisedText {
    const { taken, review } = firstPass(s, [], namesField);
    const edits = [...taken.all];
    const unmapped: string[] = [];
    for (const n of detectPersonNames(s, { exclude: (a, b) => taken.overlaps(a, b), memo: tokenMemo })) {
      if (n.confidence >= threshold) {
        // a collar number before the name may already be an identifier: then replace from the name itself
        const start = taken.overlaps(n.start, n.end) ? s.indexOf(n.parts[0] ?? '', n.start) : n.start;
        if (start < 0 || taken.overlaps(start, n.end)) continue;
        edits.push({ start, end: n.end, replacement: n.replacement });
        const name = (n.title ? `${n.title} ` : '') + n.parts.join(' ');
        unmapped.push(name);
        seen.add(name);
      } else {
        review.push({ kind: 'possible-name', start: n.start, end: n.end, text: n.text, confidence: n.confidence });
      }
    }
    review.sort((a, b) => a.start - b.start);
    return { text: apply(s, edits), unmapped: [...new Set(unmapped)], review };
  }

  function professional(s: string | null): AnonymisedText {
    if (s === null) return EMPTY;
    if (s.length === 0) return { text: s, unmapped: [], review: [] };
    return remembered('professional', s, computeProfessional);
  }

  function computeProfessional(s: string): AnonymisedText {
    const numbers = numberEdits(s);
    const { taken, review } = firstPass(s, numbers, true);
    const fieldEdits = professionalEdits(s, (a, b) => taken.overlaps(a, b) && !numbers.some((x) => x.start < b && a < x.end), tokenMemo);
    const unmapped: string[] = [];
    for (const e of fieldEdits) {
      if (e.name) {
        unmapped.push(e.name);
        seen.add(e.name);
      }
    }
    const out = apply(s, [...taken.all.filter((t) => !fieldEdits.some((f) => f.start <= t.start && t.end <= f.end)), ...fieldEdits]);
    const removedNumber = numbers.length > 0;
    return { text: removedNumber ? tidyField(out) : out, unmapped: [...new Set(unmapped)], review };
  }

  function entry(e: TimelineEntry): TimelineEntry {
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.extra)) extra[k] = text(v).text ?? '';
    return {
      ...e,
      source: text(e.source).text,
      professional: professional(e.professional).text,
      contact: text(e.contact, true).text,
      event: text(e.event).text ?? '',
      outcome: text(e.outcome).text,
      comment: text(e.comment).text,
      extra,
    };
  }

  return {
    text: (s, opts) => copyOf(text(s, opts?.namesField ?? false)),
    professional: (s) => copyOf(professional(s)),
    entry,
    unmappedNames: () => [...seen].sort(),
  };
}
