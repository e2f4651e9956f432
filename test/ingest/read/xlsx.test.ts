// Reading real-looking workbooks: row numbers as Excel shows them, rich text, formulas, merges, dates and 1904, limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { LimitError, defaultLimits } from '../../../src/ingest/limits.js';
import type { CellValue, RawSheet, RawWorkbook } from '../../../src/chronology/types.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { GM_HEADER } from '../../../fixtures/gm-police.js';
import { DARLINGTON_HEADER } from '../../../fixtures/small-fixtures.js';
import { minimalXlsx } from '../../../fixtures/hostile.js';

const read = (name: string): Promise<RawWorkbook> => readXlsx(readFileSync(join(FILES_DIR, name)), defaultLimits);
const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));
const time = (h: number, m: number): Date => utc(1899, 12, 30, h, m);

function cells(sheet: RawSheet | undefined, row: number): CellValue[] {
  const found = sheet?.rows.find((r) => r.row === row);
  if (!found) throw new Error(`row ${row} not read`);
  return found.cells;
}

async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sheet1'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx: gm-police.xlsx', async () => {
  const wb = await read('gm-police.xlsx');
  const sheet = wb.sheets[0];

  it('keeps the title block, the blank row and the header at the rows Excel shows', () => {
    expect(wb.format).toBe('xlsx');
    expect(wb.date1904).toBe(false);
    expect(cells(sheet, 1)).toEqual(['Comprehensive Agency Chronology']);
    expect(cells(sheet, 4)).toEqual(['Review period: 01/01/2012 – 31/12/2014']);
    expect(cells(sheet, 6)).toEqual([]);
    expect(cells(sheet, 7)).toEqual(GM_HEADER);
  });

  it('gives date cells as Dates and time cells as 1899-12-30 times', () => {
    expect(cells(sheet, 9).slice(0, 4)).toEqual([utc(2012, 3, 14), time(2, 35), 'STORM command and control log 0412', 'PC 4471 Helen Fraser']);
  });

  it('keeps text dates and text times as typed', () => {
    expect(cells(sheet, 11)[0]).toBe('15/03/2012');
    expect(cells(sheet, 15).slice(0, 2)).toEqual(['3/7/12', '14:00']);
    expect(cells(sheet, 20).slice(0, 2)).toEqual(['14/02/2013', '1700']);
    expect(cells(sheet, 22).slice(0, 2)).toEqual(['20/05/2013', '17.00']);
  });

  it('keeps line breaks in a multi-line cell and gives a continuation row empty date and time', () => {
    expect(cells(sheet, 12)[5]).toMatch(/07700 900123\.\nSarah said/);
    expect(cells(sheet, 13).slice(0, 2)).toEqual([null, null]);
    expect(cells(sheet, 13)[5]).toMatch(/^\(continued\)/);
  });

  it('gives a formula its cached result and records its column', () => {
    const row = sheet?.rows.find((r) => r.row === 16);
    expect(row?.cells[0]).toEqual(utc(2012, 7, 3));
    expect(row?.formulaColumns).toEqual([0]);
    expect(sheet?.rows.find((r) => r.row === 15)?.formulaColumns).toBeUndefined();
  });

  it('joins rich text runs and gives a hyperlink its text', () => {
    expect(cells(sheet, 18)[5]).toMatch(/^MARAC actions for police: flag the address/);
    expect(cells(sheet, 21)[2]).toBe('Niche RMS intelligence log');
  });

  it('keeps the time of a date-time cell', () => {
    expect(cells(sheet, 23)[0]).toEqual(utc(2013, 8, 8, 19, 20));
  });

  it('drops the trailing formatted but empty rows', () => {
    expect(sheet?.rows.at(-1)?.row).toBe(31);
  });
});

describe('readXlsx: darlington-gp.xlsx', async () => {
  const wb = await read('darlington-gp.xlsx');

  it('reads the guidance sheet first and the chronology sheet second', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(['GUIDANCE', 'Chronology of Involvement']);
    expect(cells(wb.sheets[1], 5)).toEqual(DARLINGTON_HEADER);
  });

  it('keeps two-digit-year, partial and ✓ cells as text', () => {
    const sheet = wb.sheets[1];
    expect(cells(sheet, 6)[0]).toBe('03/04/13');
    expect(cells(sheet, 6)[5]).toBe('✓');
    expect(cells(sheet, 7)[0]).toBe('04/2013');
    expect(cells(sheet, 10)[0]).toBe('2014');
    expect(cells(sheet, 11)[0]).toEqual(utc(2014, 2, 17));
  });

  it('repeats a vertically merged date into the merged row that has its own event', () => {
    expect(cells(wb.sheets[1], 8)[0]).toBe('12/06/13');
    expect(cells(wb.sheets[1], 9)[0]).toBe('12/06/13');
    expect(cells(wb.sheets[1], 9)[2]).toMatch(/^Later the same day/);
  });
});

describe('readXlsx: merged cells', () => {
  it('gives horizontal slaves null, and long text no repeat down a merge', async () => {
    const buf = await workbook((ws) => {
      ws.getCell('A1').value = 'Title across the table';
      ws.mergeCells('A1:D1');
      ws.getCell('A3').value = '01/01/2012';
      ws.getCell('B3').value = 'A long narrative of several words merged down three rows by the author.';
      ws.mergeCells('B3:B5');
      ws.getCell('A4').value = '02/01/2012';
    });
    const sheet = (await readXlsx(buf, defaultLimits)).sheets[0];
    expect(cells(sheet, 1)).toEqual(['Title across the table']);
    expect(cells(sheet, 3)).toEqual(['01/01/2012', 'A long narrative of several words merged down three rows by the author.']);
    expect(cells(sheet, 4)).toEqual(['02/01/2012']);
    expect(sheet?.rows.at(-1)?.row).toBe(4); // row 5 holds only the merge slave: empty, trailing, dropped
  });

  it('does not repeat a merged date into rows with nothing else', async () => {
    const buf = await workbook((ws) => {
      ws.getCell('A1').value = utc(2013, 4, 3);
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
      ws.getCell('B1').value = 'event';
      ws.mergeCells('A1:A3');
      ws.getCell('B2').value = 'second event';
    });
    const sheet = (await readXlsx(buf, defaultLimits)).sheets[0];
    expect(cells(sheet, 2)).toEqual([utc(2013, 4, 3), 'second event']);
    expect(sheet?.rows.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('readXlsx: values', () => {
  it('gives error cells their error text, booleans as booleans, and date-formatted numbers as Dates', async () => {
    const buf = await workbook((ws) => {
      ws.getCell('A1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      ws.getCell('B1').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
      ws.getCell('C1').value = true;
      ws.getCell('D1').value = 41367;
      ws.getCell('D1').numFmt = 'd-mmm-yy';
      ws.getCell('E1').value = 41367;
    });
    const row = (await readXlsx(buf, defaultLimits)).sheets[0]?.rows[0];
    expect(row?.cells).toEqual(['#REF!', '#DIV/0!', true, utc(2013, 4, 3), 41367]);
    expect(row?.formulaColumns).toEqual([1]);
  });
});

describe('readXlsx: 1904 date system', () => {
  it('reads 1904.xlsx: the flag, the dates and the raw serial', async () => {
    const wb = await read('1904.xlsx');
    const sheet = wb.sheets[0];
    expect(wb.date1904).toBe(true);
    expect(cells(sheet, 2).slice(0, 2)).toEqual([utc(2013, 4, 3), utc(1904, 1, 1, 17, 0)]);
    expect(cells(sheet, 3)[0]).toEqual(utc(2012, 2, 29));
    expect(cells(sheet, 4)[0]).toBe(39905);
  });

  it('honours date1904="true", which exceljs itself ignores', async () => {
    const wb = await readXlsx(minimalXlsx(undefined, undefined, '<workbookPr date1904="true"/>'), defaultLimits);
    expect(wb.date1904).toBe(true);
  });
});

describe('readXlsx: LibreOffice', () => {
  it('reads a workbook LibreOffice saved', async () => {
    const sheet = (await read('libreoffice-saved.xlsx')).sheets[0];
    expect(cells(sheet, 2).slice(0, 2)).toEqual([utc(2012, 1, 1), time(17, 0)]);
    expect(cells(sheet, 4)[0]).toEqual(utc(2013, 4, 3));
  });
});

describe('readXlsx: fixtures for the date parser and the header finder', () => {
  it('bad-dates.xlsx keeps each bad value at its row', async () => {
    const sheet = (await read('bad-dates.xlsx')).sheets[0];
    expect([3, 4, 5, 6].map((r) => cells(sheet, r)[0])).toEqual(['31/09/2013', '13/13/2013', 'tbc', '12/25/2013']);
    expect(cells(sheet, 7).slice(0, 2)).toEqual(['14/10/2013', '25:61']);
  });

  it('no-date-column.xlsx has no date header', async () => {
    const sheet = (await read('no-date-column.xlsx')).sheets[0];
    expect(cells(sheet, 1)).toEqual(['Agency', 'Source of evidence', 'Event description', 'Comments']);
  });
});

describe('readXlsx: limits', () => {
  const limit = async (buf: Buffer, limits = defaultLimits): Promise<string | undefined> =>
    readXlsx(buf, limits).then(
      () => undefined,
      (e: unknown) => (e instanceof LimitError ? e.limit : String(e)),
    );

  it('refuses a row wider than maxColumns', async () => {
    const buf = await workbook((ws) => {
      ws.getRow(1).values = Array.from({ length: 70 }, (_, i) => `c${i}`);
    });
    expect(await limit(buf)).toBe('columns');
  });

  it('refuses a 1 MB cell', async () => {
    const buf = await workbook((ws) => {
      // Prose-like text, so the file compresses like a real one rather than tripping the ratio check.
      let seed = 7;
      const words = Array.from({ length: 200_000 }, () => ((seed = (seed * 48271) % 2147483647) % 1e6).toString(36));
      ws.getCell('A1').value = words.join(' ').slice(0, 1024 * 1024);
    });
    expect(await limit(buf)).toBe('cell');
  });

  it('refuses more rows than maxRows', async () => {
    const buf = await workbook((ws) => {
      for (let r = 1; r <= 20; r++) ws.getCell(r, 1).value = r;
    });
    expect(await limit(buf, { ...defaultLimits, maxRows: 19 })).toBe('rows');
    expect(await limit(buf, { ...defaultLimits, maxRows: 20 })).toBeUndefined();
  });
});

describe('readXlsx: dates before March 1900 and the phantom 29/02/1900', () => {
  it('reads date cells as Excel shows them, and leaves serial 60 for the parser to refuse', async () => {
    const buf = await workbook((ws) => {
      for (const [i, serial] of [1, 59, 60, 61].entries()) {
        ws.getCell(i + 1, 1).value = serial;
        ws.getCell(i + 1, 1).numFmt = 'dd/mm/yyyy';
        ws.getCell(i + 1, 2).value = serial;
        ws.getCell(i + 1, 2).numFmt = '[$-809]dd mmmm yyyy;@';
        // A format exceljs does not take for a date (no lower-case y/d, no M): the number reaches our conversion.
        ws.getCell(i + 1, 3).value = serial;
        ws.getCell(i + 1, 3).numFmt = 'YYYY';
      }
    });
    const sheet = (await readXlsx(buf, defaultLimits)).sheets[0];
    for (const col of [0, 1, 2]) {
      expect([1, 2, 3, 4].map((r) => cells(sheet, r)[col])).toEqual([utc(1900, 1, 1), utc(1900, 2, 28), 60, utc(1900, 3, 1)]);
    }
  });
});
