// The redaction targets on the labelled corpus: fails when a figure drops below its target.
import { describe, expect, it } from 'vitest';
import { detectIdentifiers } from '../../src/anonymise/identifiers/identifiers.js';
import { evaluate, survivingLabels } from './evaluate.js';
import { loadCorpus, parseMarkedLine, type CorpusCase } from './load-corpus.js';
import { namesPipeline } from './names-pipeline.js';
import { IDENTIFIER_KINDS, runEvaluation, type Evaluation } from './run-evaluation.js';

const cases: CorpusCase[] = loadCorpus();
const entries = cases.flatMap((c) => c.entries);
const labelCount = (kind: string): number => entries.reduce((n, e) => n + e.labels.filter((l) => l.kind === kind).length, 0);

describe('the corpus itself', () => {
  it('has at least 400 entries and 300 mentions of mapped people', () => {
    expect(entries.length).toBeGreaterThanOrEqual(400);
    expect(labelCount('mapped-name')).toBeGreaterThanOrEqual(300);
  });

  it.each(IDENTIFIER_KINDS)('has at least 10 labels of %s', (kind) => {
    expect(labelCount(kind)).toBeGreaterThanOrEqual(10);
  });

  it('mentions every mapped person of every case', () => {
    for (const c of cases) {
      const mentioned = new Set(c.entries.flatMap((e) => e.labels.map((l) => l.mappedIndex)));
      c.people.forEach((_, i) => expect(mentioned.has(i), `${c.id} person ${i}`).toBe(true));
    }
  });

  it('computes label offsets from the markup', () => {
    const { text, labels } = parseMarkedLine('On arrival [[Sarah|m0]] said [[Gary|person]] rang from [[07700 900123|phone]].\\nEnd', 1);
    expect(text).toBe('On arrival Sarah said Gary rang from 07700 900123.\nEnd');
    expect(labels.map((l) => [text.slice(l.start, l.end), l.kind, l.mappedIndex])).toEqual([
      ['Sarah', 'mapped-name', 0],
      ['Gary', 'person', undefined],
      ['07700 900123', 'phone', undefined],
    ]);
  });

  it('rejects an unknown tag or person', () => {
    expect(() => parseMarkedLine('[[x|fax]]', 1)).toThrow(/unknown tag/);
    expect(() => parseMarkedLine('[[x|m3]]', 1)).toThrow(/unknown person/);
  });
});

describe('scoring', () => {
  const labels = [{ start: 0, end: 5, kind: 'phone' as const }];
  it('counts an overlapping prediction of the same kind as found, another kind as neither hit nor false alarm', () => {
    const same = evaluate([{ text: 'x', labels, predictions: [{ start: 2, end: 9, kind: 'phone' }] }], ['phone', 'reference']);
    expect(same.kinds.find((k) => k.kind === 'phone')).toMatchObject({ found: 1, truePositives: 1, falsePositives: 0 });
    const other = evaluate([{ text: 'x', labels, predictions: [{ start: 0, end: 5, kind: 'reference' }] }], ['phone', 'reference']);
    expect(other.kinds.find((k) => k.kind === 'phone')).toMatchObject({ found: 0, recall: 0 });
    expect(other.kinds.find((k) => k.kind === 'reference')).toMatchObject({ otherKind: 1, falsePositives: 0 });
    expect(other.leakingEntries).toBe(1);
  });

  it('finds a label that survives anonymisation as a whole word only', () => {
    const text = 'Mark said';
    const l = [{ start: 0, end: 4, kind: 'mapped-name' as const, mappedIndex: 0 }];
    expect(survivingLabels([{ text, labels: l, output: 'MR said' }], ['mapped-name']).entries).toBe(0);
    expect(survivingLabels([{ text, labels: l, output: 'Marked: Mark said' }], ['mapped-name']).entries).toBe(1);
  });
});

describe('identifier targets (each kind ≥ 98% recall)', () => {
  const result = runEvaluation(cases, { identifiers: detectIdentifiers });
  it.each(IDENTIFIER_KINDS)('%s', (kind) => {
    const score = result.all.kinds.find((k) => k.kind === kind);
    expect(score?.recall ?? 0).toBeGreaterThanOrEqual(0.98);
  });
});

describe('name targets', () => {
  let evaluation: Evaluation | undefined;
  const names = async (): Promise<Evaluation> => (evaluation ??= runEvaluation(cases, { identifiers: detectIdentifiers, ...namesPipeline }));

  it('finds every mention of a mapped person (100% recall over ≥ 300 mentions)', async () => {
    const mapped = (await names()).all.kinds.find((k) => k.kind === 'mapped-name');
    expect(mapped?.labels ?? 0).toBeGreaterThanOrEqual(300);
    expect(mapped?.found).toBe(mapped?.labels);
  });

  it('finds unmapped person names at ≥ 95% recall and ≥ 80% precision', async () => {
    const person = (await names()).all.kinds.find((k) => k.kind === 'person');
    expect(person?.recall ?? 0).toBeGreaterThanOrEqual(0.95);
    expect(person?.precision ?? 0).toBeGreaterThanOrEqual(0.8);
  });

  it('leaves no mapped name in the anonymised output', async () => {
    expect((await names()).output?.byKind.get('mapped-name')).toBe(0);
  });
});
