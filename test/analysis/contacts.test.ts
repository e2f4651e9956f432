// The contacts analysis on hand-counted cases and on random cases checked against a day-by-day count made here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseContacts, type ContactEntry } from '../../src/analysis/contacts.js';
import { countByDays } from './count-by-days.js';

const e = (agency: string, date: string, seen: boolean | null = null): ContactEntry => ({
  agency,
  date,
  datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
  seen,
});

describe('contacts per agency and month', () => {
  const period = { from: '2013-01-01', to: '2013-12-31' };
  const entries = [
    e('Police', '2013-01-05', true),
    e('Police', '2013-01-20', false),
    e('police ', '2013-03-02'), // the same agency, typed differently
    e('GP', '2013-01-07', true),
    e('GP', '2013-02'), // month only
    e('GP', '2013', true), // year only
    e('GP', '2012-12-31'), // outside
    e('Police', '2014-01'), // outside
  ];
  const a = analyseContacts(entries, period, 90);

  it('counts every month of the period for every agency, zero months included', () => {
    expect(a.months).toHaveLength(24);
    const row = (agency: string, month: string) => a.months.find((m) => m.agency === agency && m.month === month);
    expect(row('Police', '2013-01')).toEqual({ month: '2013-01', agency: 'Police', contacts: 2, seen: 1, approximate: 0 });
    expect(row('Police', '2013-03')).toMatchObject({ contacts: 1, seen: 0 });
    expect(row('GP', '2013-02')).toEqual({ month: '2013-02', agency: 'GP', contacts: 1, seen: 0, approximate: 1 });
    expect(row('GP', '2013-06')).toMatchObject({ contacts: 0, seen: 0, approximate: 0 });
  });

  it('puts a year-only entry in years, in no month, and counts it as approximate', () => {
    expect(a.years).toEqual([{ year: '2013', agency: 'GP', contacts: 1, seen: 1 }]);
    expect(a.months.filter((m) => m.agency === 'GP').reduce((n, m) => n + m.contacts, 0)).toBe(2);
  });

  it('gives each agency its first and last contact, totals and entries outside the period', () => {
    expect(a.agencies).toEqual([
      { agency: 'GP', first: '2013', last: '2013', contacts: 3, seen: 2, approximate: 2, outside: 1 },
      { agency: 'Police', first: '2013-01-05', last: '2013-03-02', contacts: 3, seen: 1, approximate: 0, outside: 1 },
    ]);
  });

  it('finds the silences longer than gapDays, with the vague entries that may fall in them', () => {
    // day contacts: 01-05, 01-07, 01-20, 03-02; then nothing to 31 December
    expect(a.gaps).toEqual([{ from: '2013-03-03', to: '2013-12-31', days: 304, approximate: 1 }]);
    expect(analyseContacts(entries, period, 303).gaps).toHaveLength(1);
    expect(analyseContacts(entries, period, 304).gaps).toEqual([]); // longer than, not as long as
    expect(analyseContacts(entries, period, 3).gaps.map((g) => [g.from, g.to, g.days])).toEqual([
      ['2013-01-01', '2013-01-04', 4],
      ['2013-01-08', '2013-01-19', 12],
      ['2013-01-21', '2013-03-01', 40],
      ['2013-03-03', '2013-12-31', 304],
    ]);
  });

  it('reports the whole period as one gap when no agency had contact', () => {
    expect(analyseContacts([], { from: '2012-02-01', to: '2012-03-31' }, 30).gaps).toEqual([{ from: '2012-02-01', to: '2012-03-31', days: 60, approximate: 0 }]);
  });
});

describe('random cases against a day-by-day count', () => {
  const dayIn = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2012, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const entry = fc.record({
    agency: fc.constantFrom('Police', 'GP', 'Housing'),
    date: fc.oneof({ weight: 8, arbitrary: dayIn }, { weight: 1, arbitrary: dayIn.map((d) => d.slice(0, 7)) }, { weight: 1, arbitrary: dayIn.map((d) => d.slice(0, 4)) }),
    seen: fc.constantFrom(true, false, null),
  }).map((r) => e(r.agency, r.date, r.seen));

  it('gives the same gaps and month counts', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (entries, gapDays) => {
        const from = '2012-03-15';
        const to = '2014-02-10';
        const a = analyseContacts(entries, { from, to }, gapDays);
        const want = countByDays(entries, from, to, gapDays);
        expect(a.gaps.map((g) => [g.from, g.to, g.days])).toEqual(want.gaps);
        for (const m of a.months) {
          const [contacts, seen, approximate] = want.monthly.get(`${m.agency}|${m.month}`) ?? [0, 0, 0];
          expect({ contacts: m.contacts, seen: m.seen, approximate: m.approximate }).toEqual({ contacts, seen, approximate });
        }
        const total = [...want.monthly.values()].reduce((n, c) => n + c[0], 0);
        expect(a.months.reduce((n, m) => n + m.contacts, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
