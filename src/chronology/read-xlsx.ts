// Reads an .xlsx upload (after the zip guard) into raw cells per row, with 1-based row numbers as Excel shows them.
import type ExcelJS from 'exceljs';
import type { CellValue, RawRow, RawSheet, RawWorkbook } from './types.js';
import { guardXlsx } from './zip-guard.js';
import { LimitError, UnreadableFileError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';

const DAY_MS = 86_400_000;
const DAYS_1900_TO_1904 = 1462;
/** Vertically merged values shorter than this (a date, a time, a tick, a source name) repeat down the merge; narratives do not. */
const REPEAT_MAX_CHARS = 32;

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

/** Date/time number formats, with "…" literals and [colour]/[$-locale] sections removed first (as Excel reads them). */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function excelSerialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS));
}

function shouldRepeat(v: CellValue): boolean {
  return typeof v !== 'string' || (v.length <= REPEAT_MAX_CHARS && !/[\r\n]/.test(v));
}

interface DateSystem {
  fix1904: boolean;
  date1904: boolean;
}

/** A cell's value as CellValue: numbers shown as dates become Date; exceljs's 1900 dates shifted when it missed 1904. */
function cellValue(cell: ExcelJS.Cell, ds: DateSystem): CellValue {
  let value = plainValue(cell.value);
  if (typeof value === 'number' && isDateFormat(cell.numFmt)) value = excelSerialToDate(value, ds.date1904);
  else if (value instanceof Date && ds.fix1904) value = new Date(value.getTime() + DAYS_1900_TO_1904 * DAY_MS);
  return value;
}

interface Slave {
  col: number;
  value: CellValue;
}

function readSheet(ws: ExcelJS.Worksheet, sheetNumber: number, ds: DateSystem, limits: IngestLimits, mergeType: ExcelJS.ValueType): RawSheet {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    const formulaColumns: number[] = [];
    const vertical: Slave[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > limits.maxColumns && cell.value !== null && cell.value !== undefined) {
        throw new LimitError('columns', messages.columns(rowNumber, limits));
      }
      if (cell.type === mergeType) {
        // Slave of a merged range: only the top-left cell holds the value (see shouldRepeat for the exception).
        const master = cell.master;
        if (Number(master.col) === col && Number(master.row) < rowNumber) vertical.push({ col, value: cellValue(master, ds) });
        return;
      }
      const value = cellValue(cell, ds);
      if (typeof value === 'string' && value.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(rowNumber, limits));
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
    if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(rowNumber, limits));
    rows.push(formulaColumns.length > 0 ? { row: rowNumber, cells, formulaColumns } : { row: rowNumber, cells });
  });
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  if (rows.length > limits.maxRows) throw new LimitError('rows', messages.rows(sheetNumber, limits));
  return { name: ws.name, rows };
}

/** exceljs reads `date1904="1"` only; the guard also sees `"true"` (and then we shift exceljs's 1900-based dates). */
function exceljsSaw1904(wb: ExcelJS.Workbook): boolean {
  const props: unknown = wb.properties;
  return isObject(props) && props.date1904 === true;
}

/**
 * Reads every worksheet. Dates come from exceljs as UTC instants whose UTC fields are what Excel displays (a time-only
 * cell is 1899-12-30T17:00Z, or 1904-01-01T17:00Z in the 1904 system). Vertical merges: see DESIGN notes in shouldRepeat.
 */
export async function readXlsx(buf: Buffer, limits: IngestLimits): Promise<RawWorkbook> {
  // exceljs is loaded on the first xlsx only (a csv never needs it), while the guard's inflating runs off-thread.
  const loading = import('exceljs');
  void loading.catch(() => undefined); // a failed load is reported below, unless the guard refuses the file first
  const guard = await guardXlsx(buf, limits);
  const { default: ExcelJS } = await loading;
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's load() wants its own Buffer type; ours is the same Node Buffer.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFileError('corrupt-xlsx', `The .xlsx file could not be read; it may be damaged. ${messages.saveAgain}`);
  }
  const ds: DateSystem = { fix1904: guard.date1904 && !exceljsSaw1904(wb), date1904: guard.date1904 };
  const sheets = wb.worksheets.map((ws, i) => readSheet(ws, i + 1, ds, limits, ExcelJS.ValueType.Merge));
  return { format: 'xlsx', sheets, date1904: guard.date1904 };
}
