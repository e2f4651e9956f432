// How exceljs's cell values become raw cells, shared by the load() and streaming readers.
import type ExcelJS from 'exceljs';
import { DAYS_1900_TO_1904, MS_PER_DAY, fromNaiveExcelDate, serialToUtcMillis } from '../../chronology/excel-serial.js';
import { UnreadableFileError, messages } from '../limits.js';
import type { CellValue } from '../../chronology/types.js';

/** Vertically merged values shorter than this (a date, a time, a tick, a source name) repeat down the merge; narratives do not. */
const REPEAT_MAX_CHARS = 32;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !(v instanceof Date);

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

export const isFormula = (v: unknown): boolean => isObject(v) && ('formula' in v || 'sharedFormula' in v);

/** Date/time number formats, with "…" literals and [colour]/[$-locale] sections removed first (as Excel reads them). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** A date-formatted number as the date Excel shows; the phantom 29/02/1900 stays a number for parseDate to explain. */
export function excelSerialCell(serial: number, date1904: boolean): Date | number {
  const ms = serialToUtcMillis(serial, date1904);
  return ms === null ? serial : new Date(Math.round(ms));
}

export function shouldRepeat(v: CellValue): boolean {
  return typeof v !== 'string' || (v.length <= REPEAT_MAX_CHARS && !/[\r\n]/.test(v));
}

export interface DateSystem {
  fix1904: boolean;
  date1904: boolean;
}

/** A cell's value as CellValue: numbers shown as dates become Date; exceljs's 1900 dates shifted when it missed 1904. */
export function cellValue(cell: ExcelJS.Cell, ds: DateSystem): CellValue {
  let value = plainValue(cell.value);
  if (typeof value === 'number' && isDateFormat(cell.numFmt)) value = excelSerialCell(value, ds.date1904);
  else if (value instanceof Date && ds.fix1904) value = new Date(value.getTime() + DAYS_1900_TO_1904 * MS_PER_DAY);
  else if (value instanceof Date) value = fromNaiveExcelDate(value, ds.date1904);
  return value;
}

export const corruptXlsx = (): UnreadableFileError =>
  new UnreadableFileError('corrupt-xlsx', `The .xlsx file could not be read; it may be damaged. ${messages.saveAgain}`);

/** exceljs reads `date1904="1"` only; the guard also sees `"true"` (and then we shift exceljs's 1900-based dates). */
export function dateSystem(guard1904: boolean, exceljsSaw1904: boolean): DateSystem {
  return { fix1904: guard1904 && !exceljsSaw1904, date1904: guard1904 };
}
