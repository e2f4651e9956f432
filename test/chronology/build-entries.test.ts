// Tests turning raw rows into entries: both templates, continuation rows, row errors with row and column, warnings.
import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../src/chronology/build-entries.js';
import type { BuildResult } from '../../src/chronology/build-entries.js';
import type { CellValue, EntryInput, IngestReport, IngestWarning, RowError } from '../../src/chronology/types.js';
import { DARLINGTON_HEADER, GM_HEADER, GM_TITLE_BLOCK, GUIDANCE_SHEET, sheet, workbook } from './helpers/raw-workbook.js';

/** A GM-template workbook: guidance sheet first, title block, header on row 6, data from row 7. */
const gm = (rows: CellValue[][]): BuildResult =>
  buildEntries(workbook(sheet('Guidance', GUIDANCE_SHEET), sheet('Chronology', [...GM_TITLE_BLOCK, GM_HEADER, ...rows])), {
    reviewPeriod: { from: '2012-01-01', to: '2014-12-31' },
  });

function entriesOf(r: BuildResult): { entries: EntryInput[]; report: IngestReport } {
  if (!r.ok) throw new Error(`expected entries, got ${r.reason}: ${JSON.stringify(r)}`);
  return r;
}

function errorsOf(r: BuildResult): { errors: RowError[]; totalErrors: number } {
  if (r.ok || r.reason !== 'invalid') throw new Error(`expected row errors, got ${JSON.stringify(r).slice(0, 300)}`);
  return r;
}

const codes = (w: IngestWarning[]): string[] => w.map((x) => `${x.row}:${x.code}`);

describe('buildEntries with the Greater Manchester template', () => {
  it('reads the example row and reports the sheet, header row and mapping', () => {
    const { entries, report } = entriesOf(
      gm([['01/01/2012', '17:00', 'Police log', 'PC 4471 Helen Fraser', 'Adult A', 'Call from neighbour.\r\nOfficers attended.', 'DASH completed']]),
    );
    expect(entries).toEqual([
      {
        date: '2012-01-01',
        datePrecision: 'day',
        time: '17:00',
        source: 'Police log',
        professional: 'PC 4471 Helen Fraser',
        contact: 'Adult A',
        event: 'Call from neighbour.\nOfficers attended.',
        outcome: null,
        seen: null,
        comment: 'DASH completed',
        agency: null,
        extra: {},
        sheet: 'Chronology',
        row: 7,
        dateText: '01/01/2012',
        timeText: '17:00',
      },
    ]);
    expect(report).toEqual({
      sheet: 'Chronology',
      headerRow: 6,
      mapping: {
        Date: 'date',
        Time: 'time',
        'Source of evidence': 'source',
        'Name of professional': 'professional',
        'Contact with': 'contact',
        'Event description, actions taken, decisions made': 'event',
        Comments: 'comment',
      },
      unrecognisedColumns: [],
      warnings: [],
    });
  });

  it('skips empty rows, including trailing ones, and keeps date cells, partial dates and times', () => {
    const { entries } = entriesOf(
      gm([
        [new Date(Date.UTC(2013, 3, 3)), 0.75, null, null, null, 'GP appointment'],
        [],
        [null, '   ', null],
        ['04/2013', null, null, null, null, 'Referred to IDVA sometime in April'],
        ['2014', '1700', null, null, null, 'Moved house'],
        [],
        [null, null],
      ]),
    );
    expect(entries.map((e) => [e.row, e.date, e.datePrecision, e.time, e.dateText])).toEqual([
      [7, '2013-04-03', 'day', '18:00', '03/04/2013'],
      [10, '2013-04', 'month', null, '04/2013'],
      [11, '2014', 'year', '17:00', '2014'],
    ]);
  });

  it('appends a continuation row (no date or time) to the entry above, with a warning', () => {
    const { entries, report } = entriesOf(
      gm([
        ['03/04/2013', '17:00', 'Log', null, null, 'First part of a long narrative', 'Comment 1'],
        [null, null, null, null, null, 'second part', 'Comment 2'],
        [null, null, null, null, null, null, 'Comment 3'],
      ]),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.event).toBe('First part of a long narrative\nsecond part');
    expect(entries[0]?.comment).toBe('Comment 1\nComment 2\nComment 3');
    expect(codes(report.warnings)).toEqual(['8:continuation-merged', '9:continuation-merged']);
    expect(report.warnings[0]?.message).toContain('row 7');
  });

  it('rejects a continuation row before any entry', () => {
    const { errors } = errorsOf(gm([[null, null, null, null, null, 'Text with nothing above it']]));
    expect(errors).toEqual([{ row: 7, column: 'Date', value: '', message: expect.stringContaining('no entry above it') as string }]);
  });

  it('rejects a row with text but no date when it is more than a continuation', () => {
    const { errors } = errorsOf(gm([['03/04/2013', null, null, null, null, 'Visit'], [null, null, 'GP records', null, null, 'Another visit']]));
    expect(errors).toEqual([{ row: 8, column: 'Date', value: '', message: expect.stringContaining('no date') as string }]);
  });

  it('rejects 31/09/2013 with the row and column, and lists every error in the file at once', () => {
    const { errors, totalErrors } = errorsOf(
      gm([
        ['31/09/2013', '17:00', null, null, null, 'Visit'],
        ['01/10/2013', '25:61', null, null, null, 'Visit'],
        ['12/25/2013', 'teatime', null, null, null, 'Visit'],
        ['tbc', null, null, null, null, 'Visit'],
        ['02/10/2013', null, null, null, null, 'Fine'],
      ]),
    );
    expect(totalErrors).toBe(5);
    expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [7, 'Date', '31/09/2013'],
      [8, 'Time', '25:61'],
      [9, 'Date', '12/25/2013'],
      [9, 'Time', 'teatime'],
      [10, 'Date', 'tbc'],
    ]);
    expect(errors[0]?.message).toContain('September has 30 days');
    expect(errors[2]?.message).toContain('day first');
  });

  it('caps the error list at 1000 and still counts them all', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => [`bad ${i}`, null, null, null, null, 'Visit']);
    const { errors, totalErrors } = errorsOf(gm(rows));
    expect(totalErrors).toBe(1500);
    expect(errors).toHaveLength(1000);
    expect(errors[999]?.row).toBe(7 + 999);
  });

  it('honours a smaller maxErrors', () => {
    const wb = workbook(sheet('S', [GM_HEADER, ['x'], ['y'], ['z']].map((r) => [...r, null, null, null, null, 'Visit'])));
    const r = errorsOf(buildEntries(wb, { maxErrors: 2 }));
    expect([r.errors.length, r.totalErrors]).toEqual([2, 3]);
  });

  it('warns about dates outside the review period, two-digit years, duplicates and formulas', () => {
    const wb = workbook(
      sheet('S', [
        GM_HEADER,
        ['03/04/2011', null, null, null, null, 'Before the period'],
        ['03/04/13', null, null, null, null, 'Two-digit year'],
        ['03/04/13', null, null, null, null, 'Two-digit year'],
        ['2011', null, null, null, null, 'A whole year before the period'],
        ['12/2011', null, null, null, null, 'Overlaps nothing'],
        ['2012', null, null, null, null, 'Overlaps the period'],
      ]),
    );
    const formulaRow = wb.sheets[0]?.rows[6];
    if (formulaRow) formulaRow.formulaColumns = [0];
    const { entries, report } = entriesOf(buildEntries(wb, { reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }));
    expect(codes(report.warnings)).toEqual([
      '2:outside-review-period',
      '3:two-digit-year',
      '4:two-digit-year',
      '4:duplicate-row',
      '5:outside-review-period',
      '6:outside-review-period',
      '7:formula-cell',
    ]);
    expect(report.warnings.find((w) => w.code === 'formula-cell')?.column).toBe('Date');
    expect(report.warnings.find((w) => w.code === 'duplicate-row')?.message).toContain('row 3');
    expect(entries.map((e) => e.ambiguousDate ?? false)).toEqual([false, true, true, false, false, false]);
  });

  it('calls rows duplicates only when every cell is the same, however the text splits between cells', () => {
    const wb = workbook(
      sheet('S', [
        GM_HEADER,
        ['03/04/2013', null, 'Records 1', 'PC 2', null, 'Visit'],
        ['03/04/2013', null, 'Records ', '1PC 2', null, 'Visit'],
        ['03/04/2013', null, 'Records 1', 'PC 2', null, 'Visit', '1:x'],
        ['03/04/2013', null, 'Records 1', 'PC 2', '', 'Visit '],
        [new Date(Date.UTC(2013, 3, 3)), null, 'Records 1', 'PC 2', null, 'Visit'],
      ]),
    );
    const { report } = entriesOf(buildEntries(wb));
    expect(codes(report.warnings.filter((w) => w.code === 'duplicate-row'))).toEqual(['5:duplicate-row']);
  });

  it('splits a Date/Time column and takes the time from a date cell when the time is empty', () => {
    const wb = workbook(
      sheet('S', [
        ['Date/Time', 'Agency', 'Details', 'Time'],
        ['03/04/2013 17:00', 'Police', 'Call', null],
        [new Date(Date.UTC(2013, 3, 4, 9, 30)), 'GP', 'Visit', null],
        [new Date(Date.UTC(2013, 3, 5, 9, 30)), 'GP', 'Visit', '10:00'],
      ]),
    );
    const { entries, report } = entriesOf(buildEntries(wb, {}));
    expect(entries.map((e) => [e.date, e.time, e.agency, e.timeText])).toEqual([
      ['2013-04-03', '17:00', 'Police', null],
      ['2013-04-04', '09:30', 'GP', null],
      ['2013-04-05', '10:00', 'GP', '10:00'],
    ]);
    expect(codes(report.warnings)).toEqual(['2:date-time-split', '3:time-from-date-cell']);
    expect(report.mapping).toEqual({ 'Date/Time': 'datetime', Agency: 'agency', Details: 'event', Time: 'time' });
  });
});

describe('buildEntries with the Darlington template', () => {
  const darlington = (rows: CellValue[][]): BuildResult =>
    buildEntries(workbook(sheet('Sheet1', [['Chronology of involvement — Agency: Police'], [], DARLINGTON_HEADER, ...rows])), {});

  it.each<[CellValue, boolean | null]>([
    ['✓', true],
    ['✔', true],
    ['Yes', true],
    ['y', true],
    [true, true],
    ['Seen', true],
    ['No', false],
    ['N', false],
    ['FALSE', false],
    ['not seen', false],
    [null, null],
    ['  ', null],
    ['n/a', null],
  ])('reads Victim seen %j as %s', (cell, seen) => {
    const { entries } = entriesOf(darlington([['03/04/13', 'Adult A', 'Home visit', 'Police', 'None', cell, 'AB: fine']]));
    expect(entries[0]?.seen).toBe(seen);
  });

  it.each(['x', 'maybe', 'Yes and no'])('rejects Victim seen %j with the row and column', (cell) => {
    const { errors } = errorsOf(darlington([['03/04/13', 'Adult A', 'Home visit', 'Police', 'None', cell, null]]));
    expect(errors).toEqual([{ row: 4, column: 'Victim seen ✓', value: cell, message: expect.stringContaining('Yes') as string }]);
  });

  it('maps the Darlington columns and keeps unrecognised ones in extra', () => {
    const rows = [['03/04/13', 'Adult A', 'Home visit', 'Police', 'Referral', '✓', 'AB: fine', 'Medium', 'stray']];
    const wb = workbook(
      sheet('Sheet1', [['Chronology of involvement — Agency: Police'], [], [...DARLINGTON_HEADER, 'Risk level'], ...rows]),
    );
    const { entries, report } = entriesOf(buildEntries(wb, {}));
    expect(entries[0]).toMatchObject({
      date: '2013-04-03',
      contact: 'Adult A',
      event: 'Home visit',
      source: 'Police',
      outcome: 'Referral',
      seen: true,
      comment: 'AB: fine',
      extra: { 'Risk level': 'Medium', 'Column I': 'stray' },
      ambiguousDate: true,
    });
    expect(report.unrecognisedColumns).toEqual(['Risk level', 'Column I']);
    expect(report.mapping['Date (dd/mm/yy)']).toBe('date');
  });

  it('skips the header row repeated further down the sheet', () => {
    const { entries } = entriesOf(darlington([['03/04/13', null, 'A'], DARLINGTON_HEADER, ['04/04/13', null, 'B']]));
    expect(entries.map((e) => e.event)).toEqual(['A', 'B']);
  });
});

describe('buildEntries when there is no table', () => {
  it('answers no-date-column with the headers it saw', () => {
    const r = buildEntries(workbook(sheet('S', [['When', 'What happened'], ['yesterday', 'x']])), {});
    expect(r).toMatchObject({ ok: false, reason: 'no-date-column', seenHeaders: ['When', 'What happened'] });
  });

  it('rejects a table with no entries below its header', () => {
    const { errors } = errorsOf(gm([[], []]));
    expect(errors).toEqual([{ row: 6, column: 'Date', value: '', message: expect.stringContaining('no entries') as string }]);
  });

  it('rejects a row with a date and nothing else', () => {
    const { errors } = errorsOf(gm([['03/04/2013', '17:00']]));
    expect(errors[0]).toMatchObject({ row: 7, message: expect.stringContaining('nothing else') as string });
  });
});
