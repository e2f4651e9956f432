// The streaming xlsx reader gives exactly the rows load() gives: every fixture, generated workbooks with merges,
// and it hands back to load() what it cannot read the same way.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { readXlsxStreamed } from '../../../src/ingest/read/xlsx-stream.js';
import { guardXlsx } from '../../../src/ingest/zip-guard.js';
import { LimitError, defaultLimits } from '../../../src/ingest/limits.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { minimalXlsx } from '../../../fixtures/hostile.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function bothReadings(buf: Buffer): Promise<{ streamed: unknown; loaded: unknown }> {
  const guard = await guardXlsx(buf, defaultLimits);
  const streamed = await readXlsxStreamed(buf, guard, defaultLimits, ExcelJS);
  return { streamed, loaded: (await readXlsx(buf, defaultLimits, 'load')).sheets };
}

async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Chronology'), wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsxStreamed', () => {
  it.each(readdirSync(FILES_DIR).filter((f) => f.endsWith('.xlsx')))('reads %s as load() does', async (name) => {
    const { streamed, loaded } = await bothReadings(readFileSync(join(FILES_DIR, name)));
    expect(streamed).toBeDefined();
    expect(streamed).toEqual(loaded);
  });

  const when = new Date(Date.UTC(2013, 3, 3, 17, 30));
  const value = fc.constantFrom<ExcelJS.CellValue | 'date'>(
    null,
    'Visit',
    '03/04/2013',
    'A long narrative of several words, longer than a date, that is not repeated down a merge.',
    'Line one\nline two',
    41367,
    'date',
    { formula: 'A1&"x"', result: 'Visitx' },
    { formula: '1+1', result: 2 },
    { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'plain' }] },
    { text: 'Link text', hyperlink: 'https://example.org/' },
  );
  // Ranges that never overlap one another: a title across, a date and an event down, a block.
  const merges = fc.subarray(['A1:E1', 'A3:A5', 'C4:C7', 'D9:E10', 'B12:B12', 'A14:A20']);
  const grid = fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 22 });

  test.prop([grid, merges], { numRuns: 40 })('reads generated workbooks with merged cells as load() does', async (rows, ranges) => {
    const buf = await workbook((ws) => {
      rows.forEach((cells, r) =>
        cells.forEach((v, c) => {
          if (v === null) return;
          const cell = ws.getCell(r + 1, c + 1);
          if (v === 'date') {
            cell.value = when;
            cell.numFmt = 'dd/mm/yyyy hh:mm';
          } else cell.value = v;
        }),
      );
      for (const range of ranges) ws.mergeCells(range);
    });
    const { streamed, loaded } = await bothReadings(buf);
    expect(streamed).toBeDefined();
    expect(streamed).toEqual(loaded);
  });

  // Hand-written XML: unlike Excel, it may leave values in the cells a merge covers (load() drops them).
  const xmlCell = fc.constantFrom<string | number | null>(null, null, 'Visit', '03/04/2013', 'A narrative longer than thirty-two characters, not repeated.', 7);
  const xmlGrid = fc.array(fc.array(xmlCell, { maxLength: 5 }), { maxLength: 22 });
  const letter = (c: number): string => String.fromCharCode(65 + c);

  test.prop([xmlGrid, merges], { numRuns: 60 })('reads hand-written sheets with values under merges as load() does', async (rows, ranges) => {
    const rowXml = rows
      .map((cells, r) => {
        const cs = cells.map((v, c) => {
          const ref = `${letter(c)}${r + 1}`;
          if (v === null) return '';
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
        });
        return `<row r="${r + 1}">${cs.join('')}</row>`;
      })
      .join('');
    const mergeXml = ranges.length > 0 ? `<mergeCells count="${ranges.length}">${ranges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    const { streamed, loaded } = await bothReadings(minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${rowXml}</sheetData>${mergeXml}</worksheet>`));
    expect(streamed).toBeDefined();
    expect(streamed).toEqual(loaded);
  });

  it('is not used for a sheet with boolean or error cells, whose formula results it would read as numbers', async () => {
    const buf = await workbook((ws) => {
      ws.getCell('A1').value = 'Date';
      ws.getCell('B1').value = { formula: '1=1', result: true } as ExcelJS.CellFormulaValue;
    });
    const guard = await guardXlsx(buf, defaultLimits);
    expect([...guard.sheetParts.values()].map((p) => p.streamable)).toEqual([false]);
    expect((await readXlsx(buf, defaultLimits)).sheets[0]?.rows[0]?.cells).toEqual(['Date', true]);
  });

  it.each([
    ['rows and cells without their r reference', '<row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Visit</t></is></c></row>'],
    ['inline rich text (the streaming reader keeps only its last run)', '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Vis</t></r><r><t>it</t></r></is></c></row>'],
  ])('hands a sheet with %s to load()', async (_label, rows) => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`);
    const guard = await guardXlsx(buf, defaultLimits);
    expect([...guard.sheetParts.values()].map((p) => p.streamable)).toEqual([false]);
    const outcome = (reader: 'auto' | 'load'): Promise<unknown> => readXlsx(buf, defaultLimits, reader).then((wb) => wb.sheets, (e: unknown) => e);
    expect(await outcome('auto')).toEqual(await outcome('load'));
  });

  it('refuses merged ranges that cover more cells than the limit, without creating them', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B1:ZZ100000"/></mergeCells></worksheet>`;
    const err = await readXlsx(minimalXlsx(sheet), defaultLimits).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('cells');
  });
});

describe('the guard’s notes for the streaming reader', () => {
  it('collects each merged range once, however the mergeCells element is written', async () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:E1"/><mergeCell ref="A3:A5"/></mergeCells></worksheet>`;
    const guard = await guardXlsx(minimalXlsx(sheet), defaultLimits);
    expect([...guard.sheetParts.values()]).toEqual([{ merges: ['A1:E1', 'A3:A5'], streamable: true }]);
  });
});
