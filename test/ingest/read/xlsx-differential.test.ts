// The xlsx reader against exceljs's load() as the oracle: every fixture, and generated and fuzzed workbooks written
// by exceljs (with and without shared strings), SheetJS and LibreOffice must give the same cells, row for row.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import * as XLSX from '@e965/xlsx';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { defaultLimits } from '../../../src/ingest/limits.js';
import { FILES_DIR } from '../../../fixtures/paths.js';
import { minimalXlsx } from '../../../fixtures/hostile.js';
import { exceljsSheets } from './exceljs-oracle.js';
import { exceljsBook, exceljsStreamedBook, grid, libreOfficeBooks, sheetjsBook, withoutFalse, type Grid } from './workbook-writers.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function expectSameAsExceljs(buf: Buffer): Promise<void> {
  const ours = await readXlsx(buf, defaultLimits);
  expect(ours.sheets).toEqual(await exceljsSheets(buf));
}

describe('the xlsx reader reads as exceljs does', () => {
  it.each(readdirSync(FILES_DIR).filter((f) => f.endsWith('.xlsx')))('fixture %s', async (name) => {
    await expectSameAsExceljs(readFileSync(join(FILES_DIR, name)));
  });

  test.prop([grid], { numRuns: 40 })('workbooks exceljs writes with shared strings', async (g) => {
    await expectSameAsExceljs(await exceljsBook(g));
  });

  test.prop([grid, fc.boolean()], { numRuns: 40 })('workbooks exceljs’s streaming writer writes, with and without shared strings', async (g, shared) => {
    await expectSameAsExceljs(await exceljsStreamedBook(g, shared));
  });

  test.prop([grid, fc.boolean()], { numRuns: 40 })('workbooks SheetJS writes, with and without shared strings', async (g, sst) => {
    await expectSameAsExceljs(sheetjsBook(g, sst));
  });

  it('workbooks LibreOffice saved', { timeout: 240_000 }, async () => {
    const grids: Grid[] = fc.sample(grid, { numRuns: 12, seed: 18 });
    const saved = libreOfficeBooks(await Promise.all(grids.map((g) => exceljsBook(withoutFalse(g)))));
    expect(saved).toHaveLength(12);
    for (const buf of saved) await expectSameAsExceljs(buf);
  });

  // Hand-written XML: unlike Excel, it may leave values in the cells a merge covers (load() drops them), and it
  // may leave out what writers usually put in (references, types).
  const xmlCell = fc.constantFrom<string | number | null>(null, null, 'Visit', '03/04/2013', 'A narrative longer than thirty-two characters, not repeated.', 7);
  const xmlGrid = fc.array(fc.array(xmlCell, { maxLength: 5 }), { maxLength: 22 });
  const merges = fc.subarray(['A1:E1', 'A3:A5', 'C4:C7', 'D9:E10', 'B12:B12', 'A14:A20']);
  const letter = (c: number): string => String.fromCharCode(65 + c);

  test.prop([xmlGrid, merges], { numRuns: 60 })('hand-written sheets with values under merges', async (rows, ranges) => {
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
    await expectSameAsExceljs(minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${rowXml}</sheetData>${mergeXml}</worksheet>`));
  });

  it.each([
    ['inline rich text runs', '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Vis</t></r><r><rPr><b/></rPr><t xml:space="preserve">it </t></r></is></c></row>'],
    ['CRLF and lone CR in text, and a character reference to CR', '<row r="1"><c r="A1" t="inlineStr"><is><t>one\r\ntwo\rthree&#13;four</t></is></c></row>'],
    ['comments and processing instructions', '<row r="1"><!-- a note --><?pi x?><c r="A1" t="inlineStr"><is><t>a <!-- b --></t></is></c></row>'],
    ['a shared formula and its slaves', '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">1+1</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>2</v></c></row>'],
    ['booleans and errors as formula results', '<row r="1"><c r="A1" t="b"><f>1=1</f><v>1</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" t="str"><f>"x"</f><v>x</v></c></row>'],
  ])('hand-written sheets: %s', async (_label, rows) => {
    await expectSameAsExceljs(minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${rows}</sheetData></worksheet>`));
  });
});

describe('where exceljs misreads, the reader reads as Excel (and SheetJS) do', () => {
  const sheetjsCells = (buf: Buffer): unknown[][] => XLSX.utils.sheet_to_json(XLSX.read(buf, { type: 'buffer' }).Sheets.Sheet1 ?? {}, { header: 1, raw: true });
  const ourCells = async (buf: Buffer): Promise<unknown[][]> => ((await readXlsx(buf, defaultLimits)).sheets[0]?.rows ?? []).map((r) => r.cells);

  it('decodes a formula’s text result once, as XML says (exceljs and SheetJS decode `&amp;lt;` twice, to "<")', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="str"><f>"x"</f><v>a &amp;lt; b</v></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([['a &lt; b']]);
  });

  it('keeps a formula’s result of 0 or FALSE, as LibreOffice writes booleans (exceljs drops falsy results)', async () => {
    const buf = minimalXlsx(
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="b"><f aca="false">FALSE()</f><v>0</v></c><c r="B1"><f>1-1</f><v>0</v></c><c r="C1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    );
    expect(await ourCells(buf)).toEqual([[false, 0, 'Date']]);
    expect(sheetjsCells(buf)).toEqual([[false, 0, 'Date']]);
  });

  it('reads a formula’s shared-string result as its text, as SheetJS writes it (exceljs reads a number)', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><f>"Da"&amp;"te"</f><v>0</v></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([['Date']]);
    expect(sheetjsCells(buf)).toEqual([['Date']]);
  });

  it('reads CDATA sections as text (exceljs skips them)', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a <b> & c]]></t></is></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([['a <b> & c']]);
    expect(sheetjsCells(buf)).toEqual([['a <b> & c']]);
  });

  it('decodes _xHHHH_ escapes in an inline string as in a shared one (exceljs leaves them in inline strings)', async () => {
    const buf = minimalXlsx(
      `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>one_x000D_two _x005F_x0041_</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
      `<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>one_x000D_two</t></si></sst>`,
    );
    expect(await ourCells(buf)).toEqual([['one\rtwo _x0041_', 'one\rtwo']]);
  });

  it('leaves phonetic runs out of an inline string, as Excel shows it', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([['東京']]);
  });

  it('numbers rows and cells that leave out their references in order', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Visit</t></is></c></row><row><c><v>7</v></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([['Date', 'Visit'], [7]]);
    expect(sheetjsCells(buf)).toEqual([['Date', 'Visit'], [7]]);
  });

  it('reads an ISO date cell (t="d") as its date, not its year', async () => {
    const buf = minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="d"><v>2013-04-03T17:30:00</v></c></row></sheetData></worksheet>`);
    expect(await ourCells(buf)).toEqual([[new Date(Date.UTC(2013, 3, 3, 17, 30))]]);
  });

  it('reads prefixed SpreadsheetML (x:row, x:c) as the same cells', async () => {
    const buf = minimalXlsx(`<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>Visit</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`);
    expect(await ourCells(buf)).toEqual([[null, 'Visit']]);
  });
});
