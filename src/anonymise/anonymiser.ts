// Anonymises chronology text with the one pipeline: identifiers → [kind], terms → label, people → initials or pseudonym.
import type { TimelineEntry } from '../chronology/types.js';
import type { CaseMap, Person, Span } from './types.js';
import { mapOfPeople } from './types.js';
import { createPipeline, replaces, type Detection, type FieldKind } from './pipeline.js';
import { tidyField } from './names/professional-names.js';
import { decisionKey } from './decision-key.js';
import { TEXT_FIELDS, fieldKindOf } from './text-fields.js';
import { detectIdentifiers } from './identifiers/identifiers.js';

export interface AnonymisedText {
  text: string | null;
  /** Unmapped names replaced, as written (with their title): for the chair's list only. */
  unmapped: string[];
  /** Everything the pipeline found in the original text: replaced (confidence ≥ 0.5, not decided) or left for review. */
  detections: Detection[];
}

/** What an anonymised output reports beside its entries (DESIGN §5.4, §10). */
export interface AnonymisationReport {
  /** Unmapped people replaced, by the initials they were given and the entries they appear in: never their names. */
  unmapped: { initials: string; entries: string[] }[];
  /** Title + surname forms shared by several mapped people, initialled as written ('Mrs D'), for the chair to check. */
  shared: { initials: string; entries: string[] }[];
}

export interface Anonymiser {
  /** Free text of one field; `field` says how it is read ('names' for the contact column). */
  text(s: string | null, opts?: { field?: FieldKind; entryId?: string }): AnonymisedText;
  /** The professional column: always initialled, even for people not in the map; roles kept; numbers removed. */
  professional(s: string | null, entryId?: string): AnonymisedText;
  entry(e: TimelineEntry): TimelineEntry;
  /** Unmapped people and shared forms met so far, without real names. */
  report(): AnonymisationReport;
  /** Every unmapped name replaced so far, as written, sorted: for `names=real` (chair, admin) only. */
  unmappedNames(): string[];
}

export interface AnonymiserOptions {
  /** Identifier detector (default: detectIdentifiers, with a per-anonymiser memory of the phone numbers seen). */
  identifiers?: (text: string) => Span[];
  /**
   * Keep what this case's texts teach (default true): short values' results, word classifications, the phone
   * numbers parsed. Results are the same without; the bench measures both.
   */
  memo?: boolean;
}

/**
 * What an anonymiser computes, without its report: the pipeline built for one map and mode, and the results it
 * remembers. Results depend on nothing but the value, the map and the mode, so anonymisers of several exports of the
 * same case may share one (`anonymiserOf`), each keeping its own report.
 */
export interface AnonymiserEngine {
  result(s: string, field: FieldKind): AnonymisedText;
  decided(text: string): boolean;
}

/**
 * Short values (a contact, a professional, a source, a one-line comment) recur all through a chronology, and a
 * value's result depends on nothing but the value: an anonymiser keeps the results of values up to this length.
 */
const MEMO_MAX_LENGTH = 120;
/** Results kept per anonymiser before the memory starts again: a bound for a very large case. */
const MEMO_LIMIT = 10_000;

const EMPTY: AnonymisedText = { text: null, unmapped: [], detections: [] };

/** One replaced detection the report lists: an unmapped name (with `name`) or a shared form. */
interface ReportNote {
  name?: string;
  replacement: string;
}
const NO_NOTES: readonly ReportNote[] = [];

function apply(s: string, edits: readonly Detection[]): string {
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += s.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + s.slice(at);
}

/** One anonymiser per case map and names mode; reuse it for every text so the automata are built once. */
export function createAnonymiser(input: CaseMap | Person[], mode: 'initials' | 'pseudonym', opts: AnonymiserOptions = {}): Anonymiser {
  return anonymiserOf(createEngine(input, mode, opts));
}

/** The pipeline and the remembered results for one map and mode (see AnonymiserEngine). */
export function createEngine(input: CaseMap | Person[], mode: 'initials' | 'pseudonym', opts: AnonymiserOptions = {}): AnonymiserEngine {
  const map = Array.isArray(input) ? mapOfPeople(input) : input;
  const useMemo = opts.memo ?? true;
  const identifiers = opts.identifiers ?? (useMemo ? undefined : detectIdentifiers);
  const pipeline = createPipeline(map, mode, { ...(identifiers ? { identifiers } : {}), ...(useMemo ? {} : { memo: null }) });
  const decisions = new Set(map.decisions.map((d) => decisionKey(d.text)));
  const decided = (text: string): boolean => decisions.size > 0 && decisions.has(decisionKey(text));
  // one memory per field kind, keyed by the value itself: no key to build (and hash) per call
  const memo: Record<FieldKind, Map<string, AnonymisedText>> = { text: new Map(), names: new Map(), professional: new Map() };
  let remembers = 0;

  function compute(s: string, field: FieldKind): AnonymisedText {
    const detections = pipeline.detect(s, field);
    const edits = detections.filter((d) => replaces(d, decided));
    const names = edits.flatMap((d) => (d.kind === 'person' && d.name ? [d.name] : []));
    let text = apply(s, edits);
    if (field === 'professional' && edits.some((d) => d.replacement === '')) text = tidyField(text);
    return { text, unmapped: [...new Set(names)], detections };
  }

  function remembered(s: string, field: FieldKind): AnonymisedText {
    if (!useMemo || s.length > MEMO_MAX_LENGTH) return compute(s, field);
    const known = memo[field].get(s);
    if (known) return known;
    const result = compute(s, field);
    if (remembers >= MEMO_LIMIT) {
      for (const m of Object.values(memo)) m.clear();
      remembers = 0;
    }
    memo[field].set(s, result);
    remembers += 1;
    return result;
  }

  return { result: remembered, decided };
}

/** An anonymiser over an engine: the engine computes, this one keeps the report of the texts it was given. */
export function anonymiserOf(engine: AnonymiserEngine): Anonymiser {
  const { decided } = engine;
  const unmapped = new Map<string, { initials: string; entries: Set<string> }>();
  const shared = new Map<string, Set<string>>();

  const notesOf = new WeakMap<AnonymisedText, readonly ReportNote[]>();

  /** What a result adds to the report, worked out once per result: a remembered one recurs all through a case. */
  function notesFor(r: AnonymisedText): readonly ReportNote[] {
    const known = notesOf.get(r);
    if (known) return known;
    const notes: ReportNote[] = [];
    for (const d of r.detections) {
      if (!replaces(d, decided)) continue;
      if (d.kind === 'person' && d.name) notes.push({ name: d.name, replacement: d.replacement });
      else if (d.shared) notes.push({ replacement: d.replacement });
    }
    const out = notes.length === 0 ? NO_NOTES : notes;
    notesOf.set(r, out);
    return out;
  }

  /** Notes an entry's unmapped names and shared forms for the report. */
  function note(r: AnonymisedText, entryId: string | undefined): void {
    for (const n of notesFor(r)) {
      if (n.name !== undefined) {
        const known = unmapped.get(n.name) ?? { initials: n.replacement, entries: new Set<string>() };
        if (entryId) known.entries.add(entryId);
        unmapped.set(n.name, known);
      } else {
        const entries = shared.get(n.replacement) ?? new Set<string>();
        if (entryId) entries.add(entryId);
        shared.set(n.replacement, entries);
      }
    }
  }

  function text(s: string | null, field: FieldKind, entryId?: string): AnonymisedText {
    if (s === null) return EMPTY;
    if (s.length === 0) return { text: s, unmapped: [], detections: [] };
    const r = engine.result(s, field);
    note(r, entryId);
    return r;
  }

  function entry(e: TimelineEntry): TimelineEntry {
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.extra)) extra[k] = text(v, 'text', e.id).text ?? '';
    const out: TimelineEntry = { ...e, extra };
    for (const f of TEXT_FIELDS) {
      const value = text(e[f], fieldKindOf(f), e.id).text;
      if (f === 'event') out.event = value ?? '';
      else out[f] = value;
    }
    return out;
  }

  const copy = (r: AnonymisedText): AnonymisedText => ({ text: r.text, unmapped: [...r.unmapped], detections: r.detections.map((d) => ({ ...d })) });

  return {
    text: (s, o) => copy(text(s, o?.field ?? 'text', o?.entryId)),
    professional: (s, entryId) => copy(text(s, 'professional', entryId)),
    entry,
    report: () => ({
      unmapped: [...unmapped.values()]
        .map((u) => ({ initials: u.initials, entries: [...u.entries].sort() }))
        .sort((a, b) => a.initials.localeCompare(b.initials) || (a.entries[0] ?? '').localeCompare(b.entries[0] ?? '')),
      shared: [...shared].map(([initials, entries]) => ({ initials, entries: [...entries].sort() })).sort((a, b) => a.initials.localeCompare(b.initials)),
    }),
    unmappedNames: () => [...unmapped.keys()].sort(),
  };
}
