// Cell rules the spreadsheet readers share: which number formats show dates, serials as dates, what repeats down a merge.
import { serialToUtcMillis } from '../../chronology/excel-serial.js';
import { UnreadableFileError, messages } from '../limits.js';
import type { CellValue } from '../../chronology/types.js';

/** Vertically merged values shorter than this (a date, a time, a tick, a source name) repeat down the merge; narratives do not. */
const REPEAT_MAX_CHARS = 32;

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

export const corruptXlsx = (): UnreadableFileError =>
  new UnreadableFileError('corrupt-xlsx', `The .xlsx file could not be read; it may be damaged. ${messages.saveAgain}`);
