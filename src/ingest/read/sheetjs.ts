// Reads a legacy .xls (BIFF8) or an .ods with SheetJS into raw rows: only primitive cell values cross into our code,
// each checked, merged cells and Excel dates handled as the xlsx readers handle them.
import type { CellValue, RawRow, RawSheet, RawWorkbook } from '../../chronology/types.js';
import { LimitError, UnsupportedFormatError, UnreadableFileError, messages, type IngestLimits } from '../limits.js';
import { MergeWalk, orderedMerges, type Merge } from './merges.js';
import { excelSerialCell, isDateFormat } from './xlsx-cells.js';

export type SheetJsFormat = 'xls' | 'ods';

/** What SheetJS hands over, as far as we read it: checked field by field, nothing else trusted. */
export type Unchecked = Record<string, unknown>;

const isRecord = (v: unknown): v is Unchecked => typeof v === 'object' && v !== null;

/** Excel's error codes as SheetJS gives them (an error cell's `v`), shown as Excel shows them. */
const ERRORS = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
]);

/** A SheetJS cell as one of our primitive values, or null for anything else. */
function primitive(cell: unknown, date1904: boolean): CellValue {
  if (!isRecord(cell)) return null;
  const { t, v, z } = cell;
  switch (t) {
    case 's':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'n':
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      return typeof z === 'string' && isDateFormat(z) ? excelSerialCell(v, date1904) : v;
    case 'b':
      return typeof v === 'boolean' ? v : null;
    case 'e':
      return typeof v === 'number' ? (ERRORS.get(v) ?? null) : null;
    default:
      return null; // 'z' (a stub) and anything unknown
  }
}

/** `!merges` as numbered ranges, each field checked (0-based in SheetJS, 1-based here). */
function mergesOf(ws: Unchecked, format: SheetJsFormat, limits: IngestLimits): Merge[] {
  const raw = ws['!merges'];
  if (!Array.isArray(raw)) return [];
  const merges: Merge[] = [];
  for (const m of raw as unknown[]) {
    if (!isRecord(m) || !isRecord(m.s) || !isRecord(m.e)) continue;
    const [top, left, bottom, right] = [m.s.r, m.s.c, m.e.r, m.e.c].map((n) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n + 1 : 0));
    if (!top || !left || !bottom || !right) continue;
    const merge = { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
    if (merge.top !== merge.bottom || merge.left !== merge.right) merges.push(merge);
  }
  return orderedMerges(merges, limits, `.${format}`);
}

/**
 * One SheetJS sheet (dense mode: `!data` rows of cells) as raw rows: each cell's type and value checked, so only
 * strings, finite numbers, booleans and our own Dates come out, whatever SheetJS handed over.
 */
export function sheetFromSheetJs(name: string, ws: Unchecked, sheetNumber: number, format: SheetJsFormat, date1904: boolean, limits: IngestLimits): RawSheet {
  const data = Array.isArray(ws['!data']) ? (ws['!data'] as unknown[]) : [];
  const walk = new MergeWalk(mergesOf(ws, format, limits));
  const rows: RawRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const rowNumber = r + 1;
    const source = data[r];
    const cells: CellValue[] = [];
    const formulaColumns: number[] = [];
    if (Array.isArray(source)) {
      for (let c = 0; c < source.length; c++) {
        const cell: unknown = source[c];
        const value = primitive(cell, date1904);
        if (value === null) continue;
        if (c >= limits.maxColumns) throw new LimitError('columns', messages.columns(rowNumber, limits));
        if (typeof value === 'string' && value.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(rowNumber, limits));
        if (isRecord(cell) && typeof cell.f === 'string') formulaColumns.push(c);
        while (cells.length < c) cells.push(null);
        cells[c] = value;
      }
    }
    const isSlave = walk.apply(rowNumber, cells, limits);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (rowNumber > limits.maxRows && cells.length > 0) throw new LimitError('rows', messages.rows(sheetNumber, limits));
    const kept = formulaColumns.filter((i) => !isSlave(i));
    rows.push(kept.length > 0 ? { row: rowNumber, cells, formulaColumns: kept } : { row: rowNumber, cells });
  }
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  return { name: name.slice(0, 100), rows };
}

const FORMAT_NAMES: Record<SheetJsFormat, string> = { xls: 'Excel 97–2003 (.xls)', ods: 'OpenDocument (.ods)' };

function refusal(err: unknown, format: SheetJsFormat): Error {
  // SheetJS throws Errors, plain objects with a message, and strings.
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : isRecord(err) && typeof err.message === 'string' ? err.message : '';
  if (/password|encrypt/i.test(text)) {
    return new UnsupportedFormatError(
      'encrypted-office',
      `This ${FORMAT_NAMES[format]} file is password-protected. Remove the password (in Excel: File › Info › Protect Workbook › Encrypt with Password, clear it), save it as .xlsx, then upload again.`,
    );
  }
  return new UnreadableFileError(`corrupt-${format}`, `The ${FORMAT_NAMES[format]} file could not be read; it may be damaged. ${messages.saveAgain}`);
}

/**
 * Reads every sheet of an .xls or .ods. SheetJS reads at most maxRows + 1 rows of a sheet (`sheetRows`), so a sheet
 * over the limit is refused without the rest being read. Its formatted text is never asked for (`cellText: false`).
 */
export async function readSheetJs(buf: Buffer, format: SheetJsFormat, limits: IngestLimits): Promise<RawWorkbook> {
  const XLSX = await import('@e965/xlsx');
  let wb: Unchecked;
  try {
    wb = XLSX.read(buf, { type: 'buffer', dense: true, cellNF: true, cellDates: false, cellHTML: false, cellText: false, sheetRows: limits.maxRows + 1, WTF: false }) as unknown as Unchecked;
  } catch (err) {
    throw refusal(err, format);
  }
  const props = isRecord(wb.Workbook) && isRecord(wb.Workbook.WBProps) ? wb.Workbook.WBProps : {};
  const date1904 = props.date1904 === true;
  const names = Array.isArray(wb.SheetNames) ? (wb.SheetNames as unknown[]).filter((n): n is string => typeof n === 'string') : [];
  const sheetsIn = isRecord(wb.Sheets) ? wb.Sheets : {};
  const sheets: RawSheet[] = [];
  names.forEach((name, i) => {
    const ws = Object.hasOwn(sheetsIn, name) ? sheetsIn[name] : undefined;
    if (isRecord(ws)) sheets.push(sheetFromSheetJs(name, ws, i + 1, format, date1904, limits));
  });
  return { format, sheets, date1904 };
}
