// Runs detector functions over the corpus and scores them; the detectors are parameters so this stays src-independent.
import { FINDING_KINDS, type FindingKind, type Person } from '../../src/anonymise/types.js';
import { evaluate, survivingLabels, type Predicted, type Report, type ScoredEntry } from './evaluate.js';
import type { CorpusCase } from './load-corpus.js';

export const NAME_KINDS: readonly FindingKind[] = ['mapped-name', 'person'];
export const IDENTIFIER_KINDS: readonly FindingKind[] = FINDING_KINDS.filter((k) => !NAME_KINDS.includes(k));

type Spans = (text: string) => ReadonlyArray<{ start: number; end: number }>;

export interface Pipeline {
  identifiers: (text: string) => readonly Predicted[];
  /** Builds the mapped-name finder for one case's people (the names engineer's buildNameMatcher(people).find). */
  mapped?: (people: Person[]) => Spans;
  /** Unmapped person names (detectPersonNames). */
  persons?: Spans;
  /** The full anonymiser for one case's people, for the output leak check (createAnonymiser(people, 'initials').text). */
  anonymiser?: (people: Person[]) => (text: string) => string;
  /** A baseline person-name finder to compare against (compromise .people()). */
  baseline?: Spans;
}

export interface Evaluation {
  /** Every kind the pipeline covers, mapped and unmapped names kept apart. */
  all: Report;
  /** Mapped and unmapped names scored as one kind "name" (pipeline), and the baseline on the same labels. */
  names: Report | null;
  baseline: Report | null;
  /** Labels whose text survives in the anonymised output: entries affected, and per kind. */
  output: { entries: number; byKind: Map<FindingKind, number> } | null;
  counts: { cases: number; entries: number; labels: Map<FindingKind, number> };
}

const asKind = (kind: FindingKind, spans: ReadonlyArray<{ start: number; end: number }>): Predicted[] =>
  spans.map((s) => ({ start: s.start, end: s.end, kind }));

const nameGroup = (kind: FindingKind): string => (kind === 'mapped-name' || kind === 'person' ? 'name' : kind);

export function runEvaluation(cases: readonly CorpusCase[], pipeline: Pipeline): Evaluation {
  const scored: ScoredEntry[] = [];
  const baselineScored: ScoredEntry[] = [];
  const outputs: Array<{ text: string; labels: ScoredEntry['labels']; output: string }> = [];
  const labels = new Map<FindingKind, number>();
  for (const c of cases) {
    const findMapped = pipeline.mapped?.(c.people);
    const anonymise = pipeline.anonymiser?.(c.people);
    for (const entry of c.entries) {
      for (const l of entry.labels) labels.set(l.kind, (labels.get(l.kind) ?? 0) + 1);
      const predictions = [
        ...pipeline.identifiers(entry.text),
        ...(findMapped ? asKind('mapped-name', findMapped(entry.text)) : []),
        ...(pipeline.persons ? asKind('person', pipeline.persons(entry.text)) : []),
      ];
      scored.push({ text: entry.text, labels: entry.labels, predictions });
      if (pipeline.baseline) baselineScored.push({ text: entry.text, labels: entry.labels, predictions: asKind('person', pipeline.baseline(entry.text)) });
      if (anonymise) outputs.push({ text: entry.text, labels: entry.labels, output: anonymise(entry.text) });
    }
  }
  const kinds = [
    ...(pipeline.mapped ? (['mapped-name'] as const) : []),
    ...(pipeline.persons ? (['person'] as const) : []),
    ...IDENTIFIER_KINDS,
  ];
  const namesCovered = pipeline.mapped !== undefined && pipeline.persons !== undefined;
  return {
    all: evaluate(scored, kinds),
    names: namesCovered ? evaluate(scored, NAME_KINDS, nameGroup) : null,
    baseline: pipeline.baseline ? evaluate(baselineScored, NAME_KINDS, nameGroup) : null,
    output: outputs.length > 0 ? survivingLabels(outputs, [...NAME_KINDS, ...IDENTIFIER_KINDS]) : null,
    counts: { cases: cases.length, entries: scored.length, labels },
  };
}
