// Pure scoring of detector output against the corpus labels: per-kind recall and precision, leak rate, flag density.
import type { FindingKind } from '../../src/anonymise/types.js';
import type { CorpusLabel } from './load-corpus.js';

export interface Predicted {
  start: number;
  end: number;
  kind: FindingKind;
}

export interface ScoredEntry {
  text: string;
  labels: readonly CorpusLabel[];
  predictions: readonly Predicted[];
}

export interface KindScore {
  kind: string;
  /** Labels of this kind, and how many of them some prediction of the same kind overlaps. */
  labels: number;
  found: number;
  /** Predictions of this kind: overlapping a same-kind label, overlapping only other-kind labels, overlapping none. */
  predictions: number;
  truePositives: number;
  otherKind: number;
  falsePositives: number;
  recall: number;
  /** truePositives / (truePositives + falsePositives): a prediction on another kind's label is neither. */
  precision: number;
}

export interface Report {
  kinds: KindScore[];
  entries: number;
  words: number;
  /** Entries with at least one label (of the kinds scored) that no prediction of its kind overlaps. */
  leakingEntries: number;
  leakRate: number;
  /** Predictions per 1 000 words of corpus text. */
  flagsPer1000Words: number;
  /** Where the misses are (entry index and label), for a reviewer to look up — never printed with text. */
  misses: Array<{ entry: number; label: CorpusLabel }>;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

/**
 * Scores predictions against labels. `kinds` limits the scoring to those kinds (labels and predictions of other
 * kinds are ignored, except that a prediction overlapping any label is never a false positive of clean text).
 * `group` maps a kind onto the kind it is scored as (e.g. mapped-name and person both as "name").
 */
export function evaluate(
  entries: readonly ScoredEntry[],
  kinds: readonly FindingKind[],
  group: (kind: FindingKind) => string = (k) => k,
): Report {
  const scored = new Set(kinds);
  const byKind = new Map<string, KindScore>();
  const score = (kind: string): KindScore => {
    let s = byKind.get(kind);
    if (s === undefined) {
      s = { kind, labels: 0, found: 0, predictions: 0, truePositives: 0, otherKind: 0, falsePositives: 0, recall: 1, precision: 1 };
      byKind.set(kind, s);
    }
    return s;
  };
  for (const k of kinds) score(group(k));

  let words = 0;
  let leakingEntries = 0;
  const misses: Report['misses'] = [];
  entries.forEach((entry, index) => {
    words += countWords(entry.text);
    const predictions = entry.predictions.filter((p) => scored.has(p.kind));
    let leaked = false;
    for (const label of entry.labels) {
      if (!scored.has(label.kind)) continue;
      const s = score(group(label.kind));
      s.labels += 1;
      if (predictions.some((p) => group(p.kind) === group(label.kind) && overlaps(p, label))) s.found += 1;
      else {
        leaked = true;
        misses.push({ entry: index, label });
      }
    }
    if (leaked) leakingEntries += 1;
    for (const p of predictions) {
      const s = score(group(p.kind));
      s.predictions += 1;
      const touched = entry.labels.filter((l) => overlaps(p, l));
      if (touched.some((l) => scored.has(l.kind) && group(l.kind) === group(p.kind))) s.truePositives += 1;
      else if (touched.length > 0) s.otherKind += 1;
      else s.falsePositives += 1;
    }
  });
  let flags = 0;
  for (const s of byKind.values()) {
    s.recall = s.labels === 0 ? 1 : s.found / s.labels;
    s.precision = s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives);
    flags += s.predictions;
  }
  return {
    kinds: [...byKind.values()],
    entries: entries.length,
    words,
    leakingEntries,
    leakRate: entries.length === 0 ? 0 : leakingEntries / entries.length,
    flagsPer1000Words: words === 0 ? 0 : (flags * 1000) / words,
    misses,
  };
}

/**
 * The publication check on anonymised output: a label "survives" when its surface text still appears in the
 * output as a whole word, with the same capitalisation, more often than the input uses it unlabelled. Returns the number of entries with a survivor, per kind.
 */
export function survivingLabels(
  entries: ReadonlyArray<{ text: string; labels: readonly CorpusLabel[]; output: string }>,
  kinds: readonly FindingKind[],
): { entries: number; byKind: Map<FindingKind, number> } {
  const byKind = new Map<FindingKind, number>(kinds.map((k) => [k, 0]));
  let leaking = 0;
  for (const entry of entries) {
    let leaked = false;
    for (const label of entry.labels) {
      if (!byKind.has(label.kind)) continue;
      const surface = entry.text.slice(label.start, label.end).replace(/\s+/g, ' ');
      const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      const word = new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'gu');
      // The same word used in its ordinary sense ("in May" beside a person called May) is not a label and may
      // stay: a label survives when the output has more whole-word occurrences than the input's unlabelled ones.
      const unlabelled = [...entry.text.matchAll(word)].filter((m) => !entry.labels.some((l) => l.start <= m.index && m.index < l.end)).length;
      if ([...entry.output.matchAll(word)].length > unlabelled) {
        leaked = true;
        byKind.set(label.kind, (byKind.get(label.kind) ?? 0) + 1);
      }
    }
    if (leaked) leaking += 1;
  }
  return { entries: leaking, byKind };
}

/** A fixed-width table of a report, for the eval script: figures only, never corpus text. */
export function formatReport(title: string, report: Report): string {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = report.kinds.map(
    (s) =>
      `  ${s.kind.padEnd(14)} ${String(s.labels).padStart(6)} ${String(s.found).padStart(6)} ${pct(s.recall)} ${String(s.predictions).padStart(6)} ${String(s.falsePositives).padStart(5)} ${String(s.otherKind).padStart(6)} ${pct(s.precision)}`,
  );
  return [
    title,
    `  ${'kind'.padEnd(14)} ${'labels'.padStart(6)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'flags'.padStart(6)} ${'FP'.padStart(5)} ${'other'.padStart(6)} ${'prec.'.padStart(7)}`,
    ...rows,
    `  entries ${report.entries}, words ${report.words}, leaking entries ${report.leakingEntries} (${pct(report.leakRate).trim()}), flags per 1 000 words ${report.flagsPer1000Words.toFixed(1)}`,
  ].join('\n');
}
