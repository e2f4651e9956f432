// The stored sort key: ordering by it is ordering by DESIGN §4's levels, and its key ranges select exactly the date filter.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { requireDatePeriod, overlaps } from '../../src/chronology/date-period.js';
import { compareCodepoints, keyRanges, sortKeyer, type OrderFields } from '../../src/timeline/order.js';

/** The levels compared one after another, as the order is defined (the reference the one-string key must equal). */
function byLevels(a: OrderFields, b: OrderFields): number {
  const pa = requireDatePeriod(a.date);
  const pb = requireDatePeriod(b.date);
  const rank = { year: 0, month: 1, day: 2 } as const;
  const time = (x: string | null, y: string | null): number => (x === y ? 0 : x === null ? -1 : y === null ? 1 : compareCodepoints(x, y));
  return (
    compareCodepoints(pa.start, pb.start) ||
    rank[pa.precision] - rank[pb.precision] ||
    time(a.time, b.time) ||
    compareCodepoints(a.agency.toLowerCase(), b.agency.toLowerCase()) ||
    compareCodepoints(a.agency, b.agency) ||
    compareCodepoints(a.sheet, b.sheet) ||
    a.row - b.row ||
    compareCodepoints(a.submissionId, b.submissionId) ||
    compareCodepoints(a.id, b.id)
  );
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

// Names with what makes collation hard: case, prefixes of one another, accents, astral characters, U+E000-U+FFFF.
const name = fc.array(fc.constantFrom('a', 'A', 'b', 'é', 'É', ' ', 'ß', '\u{1F600}', '\uFFFD', '\uE000', 'z', '\u0002', '-'), { maxLength: 5 }).map((xs) => xs.join(''));
const fields = fc.record({
  date: fc.constantFrom('2013', '2013-01', '2013-01-01', '2013-03', '2013-03-01', '2013-03-15', '2013-12-31', '2014-02-28'),
  time: fc.constantFrom(null, '00:00', '09:05', '17:00'),
  agency: name,
  sheet: name,
  row: fc.integer({ min: 1, max: 1_100_000 }),
  submissionId: fc.constantFrom('s1', 's2', 'S1'),
  id: fc.constantFrom('a', 'b', 'a.000001', 'a.000010'),
});

describe('sort key', () => {
  const key = sortKeyer();
  test.prop([fields, fields], { numRuns: 3000 })('compares as the levels do, one after another', (a, b) => {
    expect(sign(compareCodepoints(key(a), key(b)))).toBe(sign(byLevels(a, b)));
  });

  test.prop([fields, fields])('compares as UTF-8 bytes do (the order SQLite and PostgreSQL "C" keep)', (a, b) => {
    expect(sign(Buffer.compare(Buffer.from(key(a), 'utf8'), Buffer.from(key(b), 'utf8')))).toBe(sign(compareCodepoints(key(a), key(b))));
  });
});

describe('key ranges of a date filter', () => {
  const key = sortKeyer();
  const bound = fc.option(fc.constantFrom('2012', '2013', '2013-01', '2013-01-01', '2013-01-02', '2013-03', '2013-03-02', '2013-03-15', '2013-12-31', '2014-02'), { nil: undefined });
  test.prop([fc.array(fields, { maxLength: 30 }), bound, bound], { numRuns: 2000 })('select exactly the entries whose period overlaps, in order', (entries, from, to) => {
    const sorted = entries.map((e) => ({ e, k: key(e) })).sort((x, y) => compareCodepoints(x.k, y.k));
    const want = sorted.filter(({ e }) =>
      overlaps(requireDatePeriod(e.date), { start: from ? requireDatePeriod(from).start : '0000-01-01', end: to ? requireDatePeriod(to).end : '9999-12-31' }),
    );
    const got = keyRanges(from, to).flatMap((r) => sorted.filter(({ k }) => k >= r.from && (r.to === null || k < r.to)));
    expect(got.map((x) => x.k)).toEqual(want.map((x) => x.k));
  });

  it('keeps, of a range that ends before it starts, only what spans both ends', () => {
    expect(keyRanges('2014', '2013')).toEqual([]);
    expect(keyRanges('2013-03-15', '2013-01-01')).toEqual([{ from: '2013-01-010', to: '2013-01-011' }]);
  });
});
