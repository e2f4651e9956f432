// Legacy .xls and .ods through SheetJS: rows, dates (1900 and 1904), merges, formulas and errors as the xlsx readers
// give them; only checked primitive values come out; limits, damaged and password-protected files refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { CellValue, RawWorkbook } from '../../../src/chronology/types.js';
import { defaultLimits } from '../../../src/ingest/limits.js';
import { readSheetJs, sheetFromSheetJs, type SheetJsFormat } from '../../../src/ingest/read/sheetjs.js';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { absurdRecordsXls, encryptedXls } from '../../../fixtures/hostile-office.js';

const fixture = (name: string): Buffer => readFileSync(join(FILES_DIR, name));
const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));
const cells = (wb: RawWorkbook, row: number, sheet = 0): CellValue[] | undefined => wb.sheets[sheet]?.rows.find((r) => r.row === row)?.cells;

/** A workbook SheetJS writes as .xls (BIFF8) or .ods from rows of cell objects. */
function written(format: SheetJsFormat, rows: XLSX.CellObject[][], extra: { merges?: XLSX.Range[]; date1904?: boolean } = {}): Buffer {
  const ws: XLSX.WorkSheet = {};
  rows.forEach((r, i) => r.forEach((c, j) => (ws[XLSX.utils.encode_cell({ r: i, c: j })] = c)));
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: Math.max(...rows.map((r) => r.length)) - 1 } });
  if (extra.merges) ws['!merges'] = extra.merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Chronology');
  if (extra.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: format === 'xls' ? 'biff8' : 'ods' }) as Buffer);
}

describe('readSheetJs: the LibreOffice-saved twins of gm-police.xlsx', () => {
  it.each(['xls', 'ods'] as const)('gm-police.%s reads the rows gm-police.xlsx reads (times to the minute)', async (format) => {
    const ours = await readSheetJs(fixture(`gm-police.${format}`), format, defaultLimits);
    const twin = await readXlsx(fixture('gm-police.xlsx'), defaultLimits);
    expect(ours.format).toBe(format);
    const minute = (c: CellValue): CellValue => (c instanceof Date ? new Date(Math.round(c.getTime() / 60_000) * 60_000) : c);
    const norm = (wb: RawWorkbook) => wb.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => ({ ...r, cells: r.cells.map(minute) })) }));
    expect(norm(ours)).toEqual(norm(twin));
    expect(cells(ours, 1)).toEqual(['Comprehensive Agency Chronology']);
    expect(cells(ours, 16)?.[0]).toEqual(utc(2012, 7, 3));
    expect(ours.sheets[0]?.rows.find((r) => r.row === 16)?.formulaColumns).toEqual([0]);
  });
});

describe('readSheetJs: cells', () => {
  it.each(['xls', 'ods'] as const)('%s: dates, times, numbers, booleans, errors and text', async (format) => {
    const buf = written(format, [
      [{ t: 's', v: 'Date' }, { t: 's', v: 'Time' }, { t: 's', v: 'Event' }, { t: 's', v: 'Seen' }, { t: 's', v: 'Count' }],
      [{ t: 'n', v: 41367, z: 'dd/mm/yyyy' }, { t: 'n', v: 17 / 24, z: 'hh:mm' }, { t: 's', v: 'Line one\nline two' }, { t: 'b', v: true }, { t: 'n', v: 3 }],
      [{ t: 'n', v: 41368.75, z: 'dd/mm/yyyy hh:mm' }, { t: 'z' }, { t: 's', v: '' }, { t: 'e', v: 0x17 }],
    ]);
    const wb = await readSheetJs(buf, format, defaultLimits);
    expect(cells(wb, 2)).toEqual([utc(2013, 4, 3), utc(1899, 12, 30, 17), 'Line one\nline two', true, 3]);
    // SheetJS's .ods writer leaves error cells out; its .xls writer keeps them.
    expect(cells(wb, 3)).toEqual(format === 'xls' ? [utc(2013, 4, 4, 18), null, null, '#REF!'] : [utc(2013, 4, 4, 18)]);
  });

  it('reads a 1904 workbook’s date serials in the 1904 system', async () => {
    const wb = await readSheetJs(written('xls', [[{ t: 's', v: 'Date' }], [{ t: 'n', v: 39905, z: 'dd/mm/yyyy' }]], { date1904: true }), 'xls', defaultLimits);
    expect(wb.date1904).toBe(true);
    expect(cells(wb, 2)).toEqual([utc(2013, 4, 3)]);
  });

  it('applies merges as the xlsx readers do: a slave is empty, a short value repeats down a vertical merge', async () => {
    const rows: XLSX.CellObject[][] = [
      [{ t: 's', v: 'Date' }, { t: 's', v: 'Event' }],
      [{ t: 's', v: '12/06/13' }, { t: 's', v: 'First' }],
      [{ t: 's', v: 'ignored under the merge' }, { t: 's', v: 'Second' }],
    ];
    const wb = await readSheetJs(written('xls', rows, { merges: [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }] }), 'xls', defaultLimits);
    expect(cells(wb, 3)).toEqual(['12/06/13', 'Second']);
  });

  it('lets only checked primitive values out of what SheetJS hands over', () => {
    const hostile = {
      '!data': [
        [{ t: 's', v: { toString: () => 'x' } }, { t: 'n', v: '12' }, { t: 'n', v: Infinity }, { t: 'b', v: 'yes' }, { t: 'd', v: new Date() }, null, 'text', { t: 's', v: 'kept' }],
        { length: 3 },
      ],
      '!merges': [{ s: { r: -1, c: 0 }, e: { r: 'x', c: 1 } }, 'A1:B2'],
    };
    const sheet = sheetFromSheetJs('Sheet1', hostile, 1, 'xls', false, defaultLimits);
    expect(sheet.rows).toEqual([{ row: 1, cells: [null, null, null, null, null, null, null, 'kept'] }]);
  });
});

describe('readSheetJs: refusals', () => {
  it('refuses a row past the row limit (SheetJS reads no further than the limit and one row)', async () => {
    const rows: XLSX.CellObject[][] = Array.from({ length: 12 }, (_, i) => [{ t: 's', v: `row ${i + 1}` }]);
    await expect(readSheetJs(written('xls', rows), 'xls', { ...defaultLimits, maxRows: 10 })).rejects.toMatchObject({ kind: 'over-limit', limit: 'rows' });
  });

  it('refuses columns past the limit and a cell over the cell limit', async () => {
    const wide = [Array.from({ length: 70 }, (): XLSX.CellObject => ({ t: 's', v: 'x' }))];
    await expect(readSheetJs(written('ods', wide), 'ods', defaultLimits)).rejects.toMatchObject({ limit: 'columns' });
    const big = [[{ t: 's', v: 'a'.repeat(200) } as XLSX.CellObject]];
    await expect(readSheetJs(written('ods', big), 'ods', { ...defaultLimits, maxCellChars: 100 })).rejects.toMatchObject({ limit: 'cell' });
  });

  it('refuses a password-protected .xls with 415 saying to remove the password', async () => {
    await expect(readSheetJs(encryptedXls(), 'xls', defaultLimits)).rejects.toMatchObject({ kind: 'unsupported-format', format: 'encrypted-office', message: expect.stringMatching(/password/) });
  });

  it('refuses an .xls whose records claim absurd sizes with 422', async () => {
    await expect(readSheetJs(absurdRecordsXls(), 'xls', defaultLimits)).rejects.toMatchObject({ kind: 'unreadable-file', reason: 'corrupt-xls' });
  });
});
