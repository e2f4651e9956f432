// Merged timeline: the total order of DESIGN §4, flags, duplicate detection and order-independence.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compareAgencies, mergeTimeline } from '../../src/timeline/merge.js';
import { jaccard, textSimilarity, tokenSet } from '../../src/timeline/similarity.js';
import type { StoredEntry } from '../../src/chronology/types.js';

let seq = 0;
function stored(p: Partial<StoredEntry> & { date: string }): StoredEntry {
  seq++;
  const precision = p.date.length === 10 ? 'day' : p.date.length === 7 ? 'month' : 'year';
  return {
    datePrecision: precision,
    time: null,
    source: null,
    professional: null,
    contact: null,
    event: `Event ${seq}`,
    outcome: null,
    seen: null,
    comment: null,
    agency: null,
    extra: {},
    sheet: 'Chronology',
    row: 2,
    dateText: null,
    timeText: null,
    id: `id-${String(seq).padStart(6, '0')}`,
    submissionId: 'sub-police',
    submissionAgency: 'Police',
    ...p,
  };
}

const ids = (entries: { id: string }[]): string[] => entries.map((e) => e.id);

describe('mergeTimeline order', () => {
  const cases: { level: string; first: Partial<StoredEntry> & { date: string }; second: Partial<StoredEntry> & { date: string } }[] = [
    { level: 'earlier day first', first: { date: '2013-03-01' }, second: { date: '2013-03-02' } },
    { level: 'month sorts at its 1st, before the 2nd', first: { date: '2013-03' }, second: { date: '2013-03-02' } },
    { level: 'month sorts after the last day of the month before', first: { date: '2013-02-28' }, second: { date: '2013-03' } },
    { level: 'year sorts at 1 January', first: { date: '2012-12-31' }, second: { date: '2013' } },
    { level: 'month before day on the same start', first: { date: '2013-03' }, second: { date: '2013-03-01' } },
    { level: 'year before month on the same start', first: { date: '2013' }, second: { date: '2013-01' } },
    { level: 'year before day on the same start', first: { date: '2013' }, second: { date: '2013-01-01', time: '00:00' } },
    { level: 'untimed before timed', first: { date: '2013-03-01', time: null }, second: { date: '2013-03-01', time: '00:00' } },
    { level: 'earlier time first', first: { date: '2013-03-01', time: '09:05' }, second: { date: '2013-03-01', time: '17:00' } },
    {
      level: 'agency case-insensitively',
      first: { date: '2013-03-01', submissionAgency: 'adult social care' },
      second: { date: '2013-03-01', submissionAgency: 'Police' },
    },
    {
      level: 'agency then by code point (upper case first)',
      first: { date: '2013-03-01', submissionAgency: 'POLICE' },
      second: { date: '2013-03-01', submissionAgency: 'Police' },
    },
    {
      level: 'the row agency overrides the submission agency',
      first: { date: '2013-03-01', submissionAgency: 'Zeta Trust', agency: 'Alpha GP' },
      second: { date: '2013-03-01', submissionAgency: 'Beta Housing' },
    },
    { level: 'sheet', first: { date: '2013-03-01', sheet: 'A' }, second: { date: '2013-03-01', sheet: 'B' } },
    { level: 'source row (numeric, not text)', first: { date: '2013-03-01', row: 9 }, second: { date: '2013-03-01', row: 10 } },
    { level: 'submission id', first: { date: '2013-03-01', submissionId: 's1' }, second: { date: '2013-03-01', submissionId: 's2' } },
    { level: 'id as the last resort', first: { date: '2013-03-01', id: 'a' }, second: { date: '2013-03-01', id: 'b' } },
  ];
  it.each(cases)('$level', ({ first, second }) => {
    const a = stored(first);
    const b = stored(second);
    expect(ids(mergeTimeline([b, a]))).toEqual([a.id, b.id]);
    expect(ids(mergeTimeline([a, b]))).toEqual([a.id, b.id]);
  });

  it('sorts a realistic mix from three agencies', () => {
    const es = [
      stored({ date: '2013-04-03', time: '17:00', submissionAgency: 'Police', id: 'p2' }),
      stored({ date: '2013-04', submissionAgency: 'GP', id: 'g1' }),
      stored({ date: '2013-04-03', submissionAgency: 'IDVA Service', id: 'i1' }),
      stored({ date: '2013', submissionAgency: 'Housing', id: 'h1' }),
      stored({ date: '2013-04-03', time: '09:30', submissionAgency: 'Police', id: 'p1' }),
    ];
    expect(ids(mergeTimeline(es))).toEqual(['h1', 'g1', 'i1', 'p1', 'p2']);
  });

  it('collates agencies without the locale', () => {
    expect(['b', 'B', 'a', 'Ä', 'A'].sort(compareAgencies)).toEqual(['A', 'a', 'B', 'b', 'Ä']);
  });

  it('carries fields, effective agency and provenance', () => {
    const e = stored({ date: '2013-04-03', agency: 'GP Surgery', submissionId: 's9', sheet: 'Data', row: 14, extra: { Ref: 'x' } });
    const [t] = mergeTimeline([e]);
    expect(t).toMatchObject({ id: e.id, agency: 'GP Surgery', datePrecision: 'day', extra: { Ref: 'x' } });
    expect(t?.provenance).toEqual({ submissionId: 's9', sheet: 'Data', row: 14 });
  });

  it('rejects a date that is not ISO', () => {
    expect(() => mergeTimeline([stored({ date: '03/04/2013' })])).toThrow(RangeError);
  });
});

describe('mergeTimeline flags', () => {
  const reviewPeriod = { from: '2013-03-15', to: '2014-06-30' };
  it.each([
    ['2013-03', false],
    ['2013-02', true],
    ['2013-03-14', true],
    ['2013-03-15', false],
    ['2014-06-30', false],
    ['2014-07-01', true],
    ['2014', false],
    ['2012', true],
    ['2015', true],
  ])('%s outside the review period: %s', (date, outside) => {
    const [t] = mergeTimeline([stored({ date })], { reviewPeriod });
    expect(t?.flags.includes('outside-review-period')).toBe(outside);
  });

  it('flags nothing about the period without a review period', () => {
    expect(mergeTimeline([stored({ date: '1999' })])[0]?.flags).toEqual([]);
  });

  it('flags an ambiguous date', () => {
    expect(mergeTimeline([stored({ date: '2013-03-01', ambiguousDate: true })])[0]?.flags).toEqual(['ambiguous-date']);
  });
});

describe('possible duplicates', () => {
  const police = { submissionAgency: 'Police', submissionId: 'sp' };
  const idva = { submissionAgency: 'IDVA Service', submissionId: 'si' };
  const text = 'Police attended the address after a 999 call; victim reported an assault by her partner.';

  it('flags similar same-day, same-time entries of two agencies on both sides', () => {
    const a = stored({ date: '2013-04-03', time: '17:00', event: text, ...police });
    const b = stored({ date: '2013-04-03', time: '17:00', event: 'POLICE attended address after 999 call - victim reported assault by partner', ...idva });
    const c = stored({ date: '2013-04-03', time: '17:00', event: 'GP appointment for back pain', ...idva });
    const out = mergeTimeline([a, b, c]);
    const byId = new Map(out.map((t) => [t.id, t]));
    expect(byId.get(a.id)?.duplicateOf).toEqual([b.id]);
    expect(byId.get(b.id)?.duplicateOf).toEqual([a.id]);
    expect(byId.get(a.id)?.flags).toContain('possible-duplicate');
    expect(byId.get(c.id)?.flags).toEqual([]);
    expect(out).toHaveLength(3);
  });

  it.each([
    ['the same agency', { date: '2013-04-03', ...police }, { date: '2013-04-03', ...police, submissionId: 'sp2' }],
    ['the same agency in another case', { date: '2013-04-03', ...police }, { date: '2013-04-03', ...idva, agency: 'POLICE' }],
    ['different days', { date: '2013-04-03', ...police }, { date: '2013-04-04', ...idva }],
    ['different times', { date: '2013-04-03', time: '17:00', ...police }, { date: '2013-04-03', time: '17:05', ...idva }],
    ['one timed, one not', { date: '2013-04-03', time: '17:00', ...police }, { date: '2013-04-03', ...idva }],
    ['month precision', { date: '2013-04', ...police }, { date: '2013-04', ...idva }],
  ])('does not flag %s', (_label, x, y) => {
    const out = mergeTimeline([stored({ ...x, event: text }), stored({ ...y, event: text })]);
    expect(out.every((t) => t.duplicateOf.length === 0 && !t.flags.includes('possible-duplicate'))).toBe(true);
  });

  it('flags both untimed and counts the outcome text', () => {
    const a = stored({ date: '2013-04-03', event: 'MARAC referral made', outcome: 'Safety plan agreed', ...police });
    const b = stored({ date: '2013-04-03', event: 'MARAC referral made. Safety plan agreed.', ...idva });
    expect(mergeTimeline([a, b]).map((t) => t.duplicateOf.length)).toEqual([1, 1]);
  });

  it('uses 0.6 as an inclusive threshold', () => {
    expect(textSimilarity('a b c d', 'a b c e')).toBeCloseTo(0.6); // 3 of 5
    const a = stored({ date: '2013-04-03', event: 'one two three four', ...police });
    const b = stored({ date: '2013-04-03', event: 'one two three five', ...idva });
    const c = stored({ date: '2013-04-03', event: 'one two six seven', ...idva });
    const out = mergeTimeline([a, b, c]);
    expect(out.find((t) => t.id === a.id)?.duplicateOf).toEqual([b.id]);
  });
});

describe('similarity', () => {
  it('tokenises case-, punctuation- and apostrophe-insensitively', () => {
    expect(tokenSet("Victim's GP: called (again) victim’s")).toEqual(['again', 'called', 'gp', 'victims']);
    expect(jaccard([], [])).toBe(0);
  });

});

describe('mergeTimeline properties', () => {
  const entryArb = fc.record({
    date: fc.constantFrom('2013', '2013-03', '2013-03-01', '2013-03-02', '2014-01', '2014-01-01'),
    time: fc.constantFrom(null, '09:00', '17:00'),
    submissionAgency: fc.constantFrom('Police', 'police', 'GP', 'IDVA'),
    agency: fc.constantFrom(null, null, 'Housing'),
    sheet: fc.constantFrom('Sheet1', 'Data'),
    row: fc.integer({ min: 2, max: 5 }),
    submissionId: fc.constantFrom('s1', 's2', 's3'),
    event: fc.constantFrom('Police attended', 'Police attended home', 'GP visit', 'MARAC referral', 'attended police'),
  });
  const entriesArb = fc
    .array(entryArb, { maxLength: 40 })
    .map((rs) => rs.map((r, i) => stored({ ...r, id: `e${String(i).padStart(3, '0')}` })));
  const withShuffle = entriesArb.chain((es) =>
    fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length, maxLength: es.length })),
  );
  const opts = { reviewPeriod: { from: '2013-03-02', to: '2013-12-31' } };

  test.prop([withShuffle])('shuffling the input never changes the output', ([es, shuffled]) => {
    expect(mergeTimeline(shuffled, opts)).toEqual(mergeTimeline(es, opts));
  });

  test.prop([entriesArb])('keeps every entry exactly once', (es) => {
    const out = mergeTimeline(es, opts);
    expect(out).toHaveLength(es.length);
    expect(new Set(ids(out))).toEqual(new Set(ids(es)));
  });

  test.prop([entriesArb])('duplicate links are symmetric, across agencies, and flagged', (es) => {
    const out = mergeTimeline(es, opts);
    const byId = new Map(out.map((t) => [t.id, t]));
    for (const t of out) {
      expect(t.flags.includes('possible-duplicate')).toBe(t.duplicateOf.length > 0);
      for (const other of t.duplicateOf) {
        const o = byId.get(other);
        expect(o?.duplicateOf).toContain(t.id);
        expect(o?.agency.toLowerCase()).not.toBe(t.agency.toLowerCase());
        expect(o?.date).toBe(t.date);
        expect(o?.time).toBe(t.time);
      }
    }
  });

  test.prop([entriesArb])('which submission comes first does not matter', (es) => {
    const groups = new Map<string, StoredEntry[]>();
    for (const e of es) groups.set(e.submissionId, [...(groups.get(e.submissionId) ?? []), e]);
    const bySub = [...groups.values()];
    expect(mergeTimeline(bySub.reverse().flat(), opts)).toEqual(mergeTimeline(bySub.flat(), opts));
  });
});

describe('mergeTimeline at scale', () => {
  it('merges 100 000 entries, many on the same day, without going quadratic', () => {
    const agencies = ['Police', 'GP', 'IDVA', 'Housing', 'Mental Health Trust'];
    const es: StoredEntry[] = [];
    for (let i = 0; i < 100_000; i++) {
      const day = 1 + (i % 28);
      es.push(
        stored({
          date: `2013-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          time: i % 3 === 0 ? null : '10:00',
          submissionAgency: agencies[i % agencies.length] ?? 'Police',
          row: i + 2,
          event: `Contact number ${i} about welfare check ${i % 97}`,
        }),
      );
    }
    const out = mergeTimeline(es);
    expect(out).toHaveLength(100_000);
    let sorted = true;
    for (let i = 1; i < out.length; i++) sorted &&= (out[i - 1]?.date ?? '') <= (out[i]?.date ?? '');
    expect(sorted).toBe(true);
    expect(out.some((t) => t.duplicateOf.length > 0)).toBe(true);
  });
});
