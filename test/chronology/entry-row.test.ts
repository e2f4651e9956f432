// An entry as a store row and back: what crosses from the ingest worker is the entry ingest built.
import { describe, expect, it } from 'vitest';
import { fromEntryRow, toEntryRow } from '../../src/chronology/entry-row.js';
import type { EntryInput } from '../../src/chronology/types.js';

const base: EntryInput = {
  date: '2013-04',
  datePrecision: 'month',
  time: null,
  source: 'Police log',
  professional: 'PC 4471 Helen Fraser',
  contact: 'Adult A',
  event: 'Call from neighbour.\nOfficers attended.',
  outcome: 'DASH completed',
  seen: null,
  comment: null,
  agency: 'Police',
  extra: {},
  sheet: 'Chronology',
  row: 7,
  dateText: '04/2013',
  timeText: null,
};

describe('entry rows', () => {
  it.each<[string, Partial<EntryInput>]>([
    ['a month date with nothing extra', {}],
    ['seen, with extra columns', { seen: true, extra: { 'Risk level': 'medium', 'Column H': 'x' } }],
    ['not seen, a two-digit year', { seen: false, ambiguousDate: true, date: '2013-04-03', datePrecision: 'day', dateText: '03/04/13' }],
  ])('come back as the entry: %s', (_label, change) => {
    const entry = { ...base, ...change };
    expect(fromEntryRow(toEntryRow(entry))).toStrictEqual(entry);
  });

  it('hold the values in the table column order the store writes', () => {
    expect(toEntryRow({ ...base, seen: true, extra: { a: 'b' } })).toEqual([
      '2013-04', 'month', null, 'Police log', 'PC 4471 Helen Fraser', 'Adult A', 'Call from neighbour.\nOfficers attended.', 'DASH completed',
      1, null, 'Police', '{"a":"b"}', 'Chronology', 7, '04/2013', null, 0,
    ]);
  });
});
