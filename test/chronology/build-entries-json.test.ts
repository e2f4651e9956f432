// Tests the JSON upload path: the same date, time and seen checks as files, errors by entry index and field name.
import { describe, expect, it } from 'vitest';
import { buildEntriesFromJson } from '../../src/chronology/build-entries.js';
import { jsonEntryInputSchema } from '../../src/chronology/json-entry-schema.js';
import type { BuildResult } from '../../src/chronology/build-entries.js';
import type { EntryInput, IngestReport, RowError } from '../../src/chronology/types.js';

function entriesOf(r: BuildResult): { entries: EntryInput[]; report: IngestReport } {
  if (!r.ok) throw new Error(`expected entries, got ${r.reason}`);
  return r;
}

function errorsOf(r: BuildResult): { errors: RowError[]; totalErrors: number } {
  if (r.ok || r.reason !== 'invalid') throw new Error('expected row errors');
  return r;
}

describe('buildEntriesFromJson', () => {
  it('builds entries with the same parser; row is the 1-based index', () => {
    const { entries, report } = entriesOf(
      buildEntriesFromJson([{ date: '03/04/2013', time: '5pm', event: 'Visit', seen: 'yes' }, { date: '2013-05', event: 'Letter', seen: false }], {}),
    );
    expect(entries.map((e) => [e.row, e.date, e.datePrecision, e.time, e.seen, e.sheet])).toEqual([
      [1, '2013-04-03', 'day', '17:00', true, 'JSON'],
      [2, '2013-05', 'month', null, false, 'JSON'],
    ]);
    expect(report.mapping.event).toBe('event');
  });

  it('reports errors by index and field name, and an empty event', () => {
    const { errors, totalErrors } = errorsOf(
      buildEntriesFromJson([{ date: '31/02/2013', time: '13pm', event: 'Visit' }, { date: '', event: '  ' }], {}),
    );
    expect(totalErrors).toBe(4);
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [1, 'date', '31/02/2013'],
      [1, 'time', '13pm'],
      [2, 'date', ''],
      [2, 'event', ''],
    ]);
  });

  it('outside the review period is a warning, not an error', () => {
    const { report } = entriesOf(buildEntriesFromJson([{ date: '2010', event: 'Old' }], { reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }));
    expect(report.warnings).toEqual([{ row: 1, column: 'date', code: 'outside-review-period', message: expect.stringContaining('outside the review period') as string }]);
  });

  it('has a schema that refuses unknown fields and a missing event', () => {
    expect(jsonEntryInputSchema.safeParse({ date: '03/04/2013', event: 'Visit', seen: '✓', time: null }).success).toBe(true);
    expect(jsonEntryInputSchema.safeParse({ date: '03/04/2013', evnt: 'Visit' }).success).toBe(false);
    expect(jsonEntryInputSchema.safeParse({ date: 20130403, event: 'Visit' }).success).toBe(false);
  });
});
