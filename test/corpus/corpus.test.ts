// The labelled corpus and the redaction figures on its held-out test split: a test fails when a figure slips.
import { describe, expect, it } from 'vitest';
import { loadSplit, parseMarked } from './load-corpus.js';
import { evaluateSplit, type SplitFigures } from './evaluate-split.js';

const dev = loadSplit('dev');
const test = loadSplit('test');
const all = [...dev, ...test];
const labels = (kind: string): number => all.reduce((n, c) => n + c.entries.reduce((m, e) => m + e.labels.filter((l) => l.kind === kind).length, 0), 0);

describe('the corpus itself', () => {
  it('has 2 000+ entries, 60+ mapped people, 300+ identifiers and 300+ ordinary-word traps, split by file', () => {
    expect(all.reduce((n, c) => n + c.entries.length, 0)).toBeGreaterThanOrEqual(2000);
    expect(all.reduce((n, c) => n + c.map.people.length, 0)).toBeGreaterThanOrEqual(60);
    const identifiers = ['phone', 'email', 'postcode', 'address', 'nhs', 'ni', 'vehicle', 'dob', 'ref'].reduce((n, k) => n + labels(k), 0);
    expect(identifiers).toBeGreaterThanOrEqual(300);
    expect(labels('word')).toBeGreaterThanOrEqual(300);
    expect(test.length).toBeGreaterThanOrEqual(8);
    expect(dev.filter((c) => test.some((t) => t.id === c.id))).toEqual([]);
  });

  it('mentions every mapped person of every case', () => {
    for (const c of all) {
      const mentioned = new Set(c.entries.flatMap((e) => e.labels.filter((l) => l.kind === 'mapped').map((l) => l.index)));
      c.map.people.forEach((_, i) => expect(mentioned.has(i), `${c.id} person ${i}`).toBe(true));
    }
  });

  it('computes label offsets from the markup', () => {
    const { text, labels: found } = parseMarked('On arrival [[Sarah|m0]] said [[Gary|person]] rang [[St Anselm’s|term0]] from [[07700 900123|phone]].\\nEnd', 1, 1);
    expect(text).toBe('On arrival Sarah said Gary rang St Anselm’s from 07700 900123.\nEnd');
    expect(found.map((l) => [text.slice(l.start, l.end), l.kind, l.index ?? null])).toEqual([
      ['Sarah', 'mapped', 0],
      ['Gary', 'person', null],
      ['St Anselm’s', 'term', 0],
      ['07700 900123', 'phone', null],
    ]);
  });

  it('refuses an unknown tag, person or term', () => {
    expect(() => parseMarked('[[x|fax]]', 1, 0)).toThrow(/unknown tag/);
    expect(() => parseMarked('[[x|m3]]', 1, 0)).toThrow(/unknown person/);
    expect(() => parseMarked('[[x|term0]]', 1, 0)).toThrow(/unknown term/);
  });
});

/**
 * Floors measured on the test split (npm run eval:redaction; the README has the figures). They only rise: a change
 * that makes the anonymiser leak more, damage more or flag less fails here. The targets are stricter still.
 */
describe('the test split', () => {
  let figures: SplitFigures;
  const get = async (): Promise<SplitFigures> => (figures ??= await evaluateSplit(test));

  it('leaves at most 0.6% of mapped mentions and 3.5% of unmapped names, at 88.5% precision or better', async () => {
    const f = (await get()).figures;
    expect(f.mapped.left / f.mapped.labels).toBeLessThanOrEqual(0.006);
    expect(f.unmapped.left / f.unmapped.labels).toBeLessThanOrEqual(0.035);
    expect((f.unmapped.replacements - f.unmapped.falsePositives) / f.unmapped.replacements).toBeGreaterThanOrEqual(0.885);
  });

  it('leaves no protected term, and at most 3% of any identifier kind', async () => {
    const f = (await get()).figures;
    expect(f.terms.left).toBe(0);
    for (const [kind, c] of Object.entries(f.identifiers)) expect(c.left / Math.max(1, c.labels), kind).toBeLessThanOrEqual(0.03);
  });

  it('damages at most 4.5% of ordinary words, and gives at most 6 mentions another person’s initials', async () => {
    const f = (await get()).figures;
    expect(f.words.damaged / f.words.labels).toBeLessThanOrEqual(0.045);
    expect(f.wrongAttribution).toBeLessThanOrEqual(6);
  });

  it('finds nothing at 0.5 or more in the anonymised output (the anonymiser and the check are one pipeline)', async () => {
    const s = await get();
    expect(s.check.failing).toBeLessThanOrEqual(3);
  });

  it('reads a Word report whole and finds at least 90% of the leaks planted in it, in its header and properties too', async () => {
    const s = await evaluateSplit(test, { reports: true });
    const leaky = s.reports.filter((r) => r.kind === 'leaky');
    expect(leaky.length).toBeGreaterThanOrEqual(2);
    for (const r of leaky) {
      expect(r.verdict, r.file).toBe('fail');
      expect(r.found / r.planted, r.file).toBeGreaterThanOrEqual(0.9);
      for (const part of ['header', 'properties.title']) expect(r.missedParts, r.file).not.toContain(part);
    }
  });
}, 120_000);
