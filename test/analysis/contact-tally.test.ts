// The export's streaming tally counts exactly as the analysis does over the same entries, in any order, and knows
// their span.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactTally } from '../../src/analysis/contact-tally.js';
import { analyseContacts, type ContactEntry } from '../../src/analysis/contacts.js';

const entry = fc
  .tuple(fc.constantFrom('Police', 'police ', 'GP', 'Housing'), fc.integer({ min: 0, max: 1200 }), fc.constantFrom('day', 'month', 'year'), fc.constantFrom(true, false, null))
  .map(([agency, offset, precision, seen]): ContactEntry => {
    const iso = new Date(Date.UTC(2012, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    const date = precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
    return { agency, date, datePrecision: precision as ContactEntry['datePrecision'], seen };
  });

describe('ContactTally', () => {
  it('gives the analysis of the entries fed, whatever their order and repeats', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 120 }), fc.integer({ min: 1, max: 120 }), (entries, gapDays) => {
        const tally = new ContactTally();
        for (const e of entries) tally.add(e);
        const period = { from: '2012-06-01', to: '2014-05-31' };
        expect(tally.size).toBe(entries.length);
        expect(tally.analyse(period, gapDays)).toEqual(analyseContacts(entries, period, gapDays));
      }),
      { numRuns: 150 },
    );
  });

  it('knows the span of what it was fed: earliest start to latest end', () => {
    const tally = new ContactTally();
    expect(tally.span()).toBeNull();
    for (const [date, datePrecision] of [['2013-04-03', 'day'], ['2012-11', 'month'], ['2013', 'year'], ['2013-04-03', 'day']] as const) {
      tally.add({ agency: 'GP', date, datePrecision, seen: null });
    }
    expect(tally.span()).toEqual({ from: '2012-11-01', to: '2013-12-31' });
  });
});
