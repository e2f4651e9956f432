// Workbooks for the differential test of the xlsx reader: one grid of values written by each kind of writer an
// agency's file may come from — exceljs (shared strings, and its streaming writer with and without them), SheetJS
// (with and without shared strings) and LibreOffice (saving what exceljs wrote).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import fc from 'fast-check';

export type GridValue =
  | null
  | string
  | number
  | boolean
  | { date: Date; numFmt: string }
  | { number: number; numFmt: string }
  | { formula: string; result: string | number }
  | { richText: string[] }
  | { link: string }
  | { error: '#REF!' | '#N/A' };

export interface Grid {
  rows: GridValue[][];
  /** Non-overlapping ranges such as 'A3:A5'. */
  merges: string[];
}

// Where exceljs misreads, the reader does not follow it, so the generated values stay clear of those cases (each is
// tested on its own): no ';' (exceljs decodes a formula's `&name;` text twice), no '_' (exceljs and SheetJS write
// `_xHHHH_` unescaped), no formula results of 0 or false (exceljs drops falsy results).
const CHARS = ['a', 'b', 'Z', ' ', '0', '9', '/', ':', '.', ',', '&', '<', '>', '"', "'", '\n', '\t', 'é', '’', '£', '€', 'ł', '中', '😀'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 40 }).map((c) => c.join(''));
const DATE_FORMATS = ['dd/mm/yyyy', 'dd/mm/yyyy hh:mm', 'hh:mm', 'd-mmm-yy', '[$-809]dd mmmm yyyy;@', 'mm-dd-yy', 'yyyy-mm-dd hh:mm:ss'];
// Whole seconds from 1900-03-01 to 2100: what an author types.
const date = fc.integer({ min: -2_203_891_200, max: 4_102_444_800 }).map((s) => new Date(s * 1000));

export const gridValue: fc.Arbitrary<GridValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: text, weight: 4 },
  fc.constantFrom('03/04/2013', 'Visit', 'A long narrative of several words, longer than a date, that is not repeated down a merge.'),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.record({ date, numFmt: fc.constantFrom(...DATE_FORMATS) }),
  fc.record({ number: fc.integer({ min: 1, max: 60_000 }), numFmt: fc.constantFrom(...DATE_FORMATS, '0.00', '#,##0', '@') }),
  fc.record({ formula: fc.constant('A1&"x"'), result: text }),
  fc.record({ formula: fc.constant('1+1'), result: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ richText: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ link: text }),
  fc.record({ error: fc.constantFrom('#REF!' as const, '#N/A' as const) }),
);

export const grid: fc.Arbitrary<Grid> = fc.record({
  rows: fc.array(fc.array(gridValue, { maxLength: 6 }), { maxLength: 22 }),
  merges: fc.subarray(['A1:E1', 'A3:A5', 'C4:C7', 'D9:E10', 'A14:A20']),
});

function exceljsValue(v: Exclude<GridValue, null>): { value: ExcelJS.CellValue; numFmt?: string } {
  if (typeof v !== 'object') return { value: v };
  if ('date' in v) return { value: v.date, numFmt: v.numFmt };
  if ('number' in v) return { value: v.number, numFmt: v.numFmt };
  if ('formula' in v) return { value: { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue };
  if ('richText' in v) return { value: { richText: v.richText.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) } };
  if ('link' in v) return { value: { text: v.link, hyperlink: 'https://example.org/' } };
  return { value: { error: v.error } as ExcelJS.CellErrorValue };
}

function fill(ws: ExcelJS.Worksheet, g: Grid): void {
  g.rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r + 1, c + 1);
      const { value, numFmt } = exceljsValue(v);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    }),
  );
  for (const range of g.merges) ws.mergeCells(range);
}

/** exceljs's own writer (shared strings). */
export async function exceljsBook(g: Grid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Chronology'), g);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** exceljs's streaming writer, with or without shared strings (without: every string a `t="str"` cell). */
export async function exceljsStreamedBook(g: Grid, useSharedStrings: boolean): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings, useStyles: true });
  const ws = wb.addWorksheet('Chronology');
  fill(ws, g);
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** SheetJS, with or without a shared string table; dates as numbers with their format, as Excel stores them. */
export function sheetjsBook(g: Grid, bookSST: boolean): Buffer {
  const ws: XLSX.WorkSheet = {};
  let maxR = 0;
  let maxC = 0;
  g.rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = sheetjsCell(v);
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(maxR, 20), c: Math.max(maxC, 5) } });
  ws['!merges'] = g.merges.map((m) => XLSX.utils.decode_range(m));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Chronology');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', bookSST }) as Buffer;
}

function sheetjsCell(v: Exclude<GridValue, null>): XLSX.CellObject {
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  if ('date' in v) return { t: 'n', v: v.date.getTime() / 86_400_000 + 25_569, z: v.numFmt };
  if ('number' in v) return { t: 'n', v: v.number, z: v.numFmt };
  // SheetJS writes a formula's text result as a shared string (`t="s"`), which exceljs reads as a number: plain text here.
  if ('formula' in v) return typeof v.result === 'string' ? { t: 's', v: v.result } : { t: 'n', v: v.result, f: v.formula };
  if ('richText' in v) return { t: 's', v: v.richText.join('') };
  if ('link' in v) return { t: 's', v: v.link, l: { Target: 'https://example.org/' } };
  return { t: 'e', v: v.error === '#REF!' ? 0x17 : 0x2a, w: v.error };
}

/** LibreOffice saves a boolean as a FALSE() or TRUE() formula, and exceljs drops a formula's false result. */
export const withoutFalse = (g: Grid): Grid => ({ ...g, rows: g.rows.map((r) => r.map((v) => (v === false ? true : v))) });

/** Each workbook saved again by LibreOffice as .xlsx, in one run of soffice. */
export function libreOfficeBooks(books: Buffer[]): Buffer[] {
  const work = mkdtempSync(join(tmpdir(), 'dhr-lo-xlsx-'));
  try {
    const inputs = books.map((b, i) => {
      const file = join(work, `in-${i}.xlsx`);
      writeFileSync(file, b);
      return file;
    });
    const out = join(work, 'out');
    const args = ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'xlsx:Calc Office Open XML', '--outdir', out, ...inputs];
    execFileSync(process.env.SOFFICE ?? '/usr/bin/soffice', args, { stdio: 'pipe', timeout: 180_000 });
    return inputs.map((_f, i) => readFileSync(join(out, `in-${i}.xlsx`)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
