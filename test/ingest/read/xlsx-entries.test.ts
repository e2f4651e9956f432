// The streamed xlsx path (the largest sheet built into entries as it inflates) gives exactly what reading the whole
// workbook and then building gives: every fixture, generated workbooks of one to three sheets, and the files it must
// read again whole (merged cells, rows out of order), whose first entries it voids with a restart.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildEntries, type BuildResult } from '../../../src/chronology/build-entries.js';
import type { EntryInput } from '../../../src/chronology/types.js';
import { defaultLimits } from '../../../src/ingest/limits.js';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { readXlsxEntries } from '../../../src/ingest/read/xlsx-entries.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { minimalXlsx } from '../../../fixtures/hostile.js';

const reviewPeriod = { from: '2012-01-01', to: '2014-12-31' };
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Both ways; the streamed entries are what reached the sink after the last restart. */
async function bothWays(buf: Buffer): Promise<{ whole: BuildResult; streamed: BuildResult; restarts: number }> {
  const whole = buildEntries(await readXlsx(buf, defaultLimits), { reviewPeriod });
  let sunk: EntryInput[] = [];
  let restarts = 0;
  const result = await readXlsxEntries(buf, defaultLimits, {
    reviewPeriod,
    sink: (batch) => sunk.push(...batch),
    restart: () => {
      restarts++;
      sunk = [];
    },
  });
  const streamed = result.ok ? { ...result, entries: sunk } : result;
  return { whole, streamed, restarts };
}

async function expectSame(buf: Buffer): Promise<number> {
  const { whole, streamed, restarts } = await bothWays(buf);
  expect(streamed).toEqual(whole);
  return restarts;
}

const HEADERS = [
  ['Date', 'Time', 'Source of evidence', 'Event description, actions taken, decisions made', 'Comments'],
  ['Date of contact', 'Event', 'Outcome'],
  ['Notes', 'Who', 'What'],
];
const cell = fc.constantFrom<string | null>(null, '03/04/2013', '1st March 2013', '31/09/2013', 'tbc', '17:00', 'Seen at home.', 'Visit', 'Police');

interface Sheet {
  name: string;
  titleRows: number;
  header: number;
  rows: (string | null)[][];
  merges: string[];
}
const sheet = (name: string): fc.Arbitrary<Sheet> =>
  fc.record({
    name: fc.constant(name),
    titleRows: fc.integer({ min: 0, max: 3 }),
    header: fc.integer({ min: 0, max: HEADERS.length - 1 }),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 70 }),
    merges: fc.subarray(['A1:C1', 'B40:B42', 'A2:A3', 'C33:D33']),
  });

async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (let i = 0; i < s.titleRows; i++) ws.addRow([`Title line ${i + 1}`]);
    ws.addRow(HEADERS[s.header] ?? []);
    for (const r of s.rows) ws.addRow(r);
    for (const m of s.merges) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const rowsOf = (n: number, date = '03/04/2013'): string[][] => Array.from({ length: n }, (_, i) => [date, '10:00', 'Niche', `Officers attended, visit ${i + 1}.`, '']);

describe('the streamed xlsx path builds what the whole read builds', () => {
  it.each(readdirSync(FILES_DIR).filter((f) => f.endsWith('.xlsx')))('fixture %s', async (name) => {
    await expectSame(readFileSync(join(FILES_DIR, name)));
  });

  test.prop([fc.array(fc.constantFrom('Guidance', 'Chronology', 'Notes'), { minLength: 1, maxLength: 3 }).chain((names) => fc.tuple(...names.map((n, i) => sheet(`${n} ${i + 1}`))))], { numRuns: 60 })(
    'generated workbooks of one to three sheets, with and without merged cells',
    async (sheets) => {
      await expectSame(await workbook(sheets));
    },
  );

  it('streams a long sheet without reading it again', async () => {
    const buf = await workbook([{ name: 'Chronology', titleRows: 2, header: 0, rows: rowsOf(200), merges: [] }]);
    expect(await expectSame(buf)).toBe(0);
  });

  it('reads a sheet with merged cells again whole, voiding the entries it had sent', async () => {
    const buf = await workbook([{ name: 'Chronology', titleRows: 2, header: 0, rows: rowsOf(3000), merges: ['A1:E1'] }]);
    expect(await expectSame(buf)).toBe(1);
  });

  it('reads a sheet whose rows come out of order again whole', async () => {
    const row = (r: number, date: string): string =>
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${date}</t></is></c><c r="B${r}" t="inlineStr"><is><t>Visit ${r}</t></is></c></row>`;
    const rows = [row(1, 'Date').replace('Visit 1', 'Event'), ...Array.from({ length: 2000 }, (_, i) => row(i + 2, '03/04/2013')), row(5, '04/04/2013')];
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    expect(await expectSame(buf)).toBe(1);
    const { streamed } = await bothWays(buf);
    expect(streamed.ok && streamed.entries.find((e) => e.row === 5)?.date).toBe('2013-04-04');
  });

  it('waits for the whole sheet when the table’s place depends on how many rows it has (a tie of headers)', async () => {
    const buf = await workbook([
      { name: 'Old', titleRows: 0, header: 0, rows: rowsOf(60, '01/01/2013'), merges: [] },
      { name: 'New', titleRows: 0, header: 0, rows: rowsOf(80, '02/02/2013'), merges: [] },
    ]);
    const { streamed } = await bothWays(buf);
    expect(streamed).toMatchObject({ ok: true, report: { sheet: 'New' }, count: 80 });
    await expectSame(buf);
  });

  it('reads the table from a smaller sheet when the largest has no date column', async () => {
    const buf = await workbook([
      { name: 'Notes', titleRows: 0, header: 2, rows: rowsOf(300), merges: [] },
      { name: 'Chronology', titleRows: 1, header: 1, rows: rowsOf(40).map((r) => [r[0] ?? '', r[3] ?? '', 'Done']), merges: [] },
    ]);
    const { streamed } = await bothWays(buf);
    expect(streamed).toMatchObject({ ok: true, report: { sheet: 'Chronology' }, count: 40 });
    await expectSame(buf);
  });

  it('reports every row error of a streamed sheet, as the whole read does', async () => {
    const rows = rowsOf(500);
    for (const i of [3, 250, 499]) rows[i] = ['31/09/2013', '10:00', 'Niche', 'A visit.', ''];
    const { streamed } = await bothWays(await workbook([{ name: 'Chronology', titleRows: 0, header: 0, rows, merges: [] }]));
    expect(streamed).toMatchObject({ ok: false, reason: 'invalid', totalErrors: 3 });
    await expectSame(await workbook([{ name: 'Chronology', titleRows: 0, header: 0, rows, merges: [] }]));
  });
});
