// An ingest packed by the worker reads back as the same report and entries, frame by frame or whole, as often as needed.
import { describe, expect, it } from 'vitest';
import { FRAME_ENTRIES, PackedEntries, entrySlices, packEntries } from '../../src/chronology/entry-frames.js';
import type { EntryInput, IngestReport } from '../../src/chronology/types.js';

const entry = (row: number): EntryInput => ({
  date: '2013-04-03',
  datePrecision: 'day',
  time: row % 2 ? '17:00' : null,
  source: 'Records',
  professional: null,
  contact: 'Adult A',
  event: `Visit ${row} — “quoted”, ünïcode, line\nbreak`,
  outcome: null,
  seen: row % 3 === 0 ? true : null,
  comment: null,
  agency: null,
  extra: row % 5 === 0 ? { 'Column H': 'x' } : {},
  sheet: 'Chronology',
  row,
  dateText: '03/04/2013',
  timeText: null,
  ...(row % 7 === 0 ? { ambiguousDate: true } : {}),
});

const report: IngestReport = {
  sheet: 'Chronology',
  headerRow: 6,
  mapping: { Date: 'date' },
  unrecognisedColumns: [],
  warnings: [{ row: 9, column: 'Date', code: 'two-digit-year', message: 'check it' }],
};

describe('packed entries', () => {
  const entries = Array.from({ length: 2 * FRAME_ENTRIES + 17 }, (_, i) => entry(i + 7));
  const packed = new PackedEntries(packEntries(report, entries));

  it('gives the report and count at once', () => {
    expect(packed.report).toEqual(report);
    expect(packed.length).toBe(entries.length);
  });

  it('reads the entries back in order, a frame at a time, more than once', async () => {
    const sizes = [...packed.frames()].map((f) => f.length);
    expect(sizes).toEqual([FRAME_ENTRIES, FRAME_ENTRIES, 17]);
    expect([...packed.frames()].flat()).toEqual(entries);
    expect(await packed.toArray(async () => undefined)).toEqual(entries);
  });

  it('packs an empty list as a report alone', () => {
    const empty = new PackedEntries(packEntries(report, []));
    expect([empty.length, [...empty.frames()]]).toEqual([0, []]);
  });

  it('slices an array or a packed list for the store alike', () => {
    expect([...entrySlices(entries, 1000)].flat()).toEqual(entries);
    expect([...entrySlices(entries, 1000)].map((s) => s.length)).toEqual([1000, 1000, 17]);
    expect([...entrySlices(packed, 1000)].flat()).toEqual(entries);
  });
});
