// The oracle for the xlsx reader: exceljs's load() of the same file, its cells turned into raw rows the way the
// service read them before it had a reader of its own (date cells mended, merges as load() makes them).
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { DAYS_1900_TO_1904, MS_PER_DAY, fromNaiveExcelDate } from '../../../src/chronology/excel-serial.js';
import type { CellValue, RawRow, RawSheet } from '../../../src/chronology/types.js';
import { excelSerialCell, isDateFormat, shouldRepeat } from '../../../src/ingest/read/xlsx-cells.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

/** Rich text runs joined; hyperlink → its text; error → '#REF!' etc.; formula → its cached result. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (!isObject(v)) return null;
  if (Array.isArray(v.richText)) {
    const text = v.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join('');
    return text === '' ? null : text;
  }
  if ('hyperlink' in v) return plainValue(v.text);
  if (typeof v.error === 'string') return v.error;
  if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
  return null;
}

const isFormula = (v: unknown): boolean => isObject(v) && ('formula' in v || 'sharedFormula' in v);

interface DateSystem {
  fix1904: boolean;
  date1904: boolean;
}

function cellValue(cell: ExcelJS.Cell, ds: DateSystem): CellValue {
  let value = plainValue(cell.value);
  if (typeof value === 'number' && isDateFormat(cell.numFmt)) value = excelSerialCell(value, ds.date1904);
  else if (value instanceof Date && ds.fix1904) value = new Date(value.getTime() + DAYS_1900_TO_1904 * MS_PER_DAY);
  else if (value instanceof Date) value = fromNaiveExcelDate(value, ds.date1904);
  return value;
}

function readSheet(ws: ExcelJS.Worksheet, ds: DateSystem): RawSheet {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const formulaColumns: number[] = [];
    const vertical: { col: number; value: CellValue }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master;
        if (Number(master.col) === col && Number(master.row) < rowNumber) vertical.push({ col, value: cellValue(master, ds) });
        return;
      }
      const value = cellValue(cell, ds);
      if (isFormula(cell.value)) formulaColumns.push(col - 1);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value;
    });
    const ownContent = cells.some((c) => c !== null);
    for (const slave of vertical) {
      if (ownContent && shouldRepeat(slave.value)) {
        while (cells.length < slave.col - 1) cells.push(null);
        cells[slave.col - 1] = slave.value;
      }
    }
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    rows.push(formulaColumns.length > 0 ? { row: rowNumber, cells, formulaColumns } : { row: rowNumber, cells });
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  return { name: ws.name, rows };
}

/** xl/workbook.xml's text, to see `date1904="true"`, which exceljs reads as the 1900 system. */
async function workbookXml(buf: Buffer): Promise<string> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== 'xl/workbook.xml') continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return '';
  } finally {
    zip.close();
  }
}

/** The sheets exceljs's load() reads, as raw rows. */
export async function exceljsSheets(buf: Buffer): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(await workbookXml(buf))?.[0] ?? '';
  const date1904 = /\bdate1904\s*=\s*["'](?:1|true)["']/i.test(pr);
  const props: unknown = wb.properties;
  const saw1904 = isObject(props) && props.date1904 === true;
  const ds = { fix1904: date1904 && !saw1904, date1904 };
  return wb.worksheets.map((ws) => readSheet(ws, ds));
}
