// Parses a chronology date cell, UK day-first always, into ISO at day, month or year precision (plus any time typed with it).
import { serialToUtcMillis } from './excel-serial.js';
import type { CellValue, DatePrecision } from './types.js';
import { parseTime, quote } from './parse-time.js';
import {
  MAX_YEAR,
  MIN_YEAR,
  MONTH_NAMES,
  WEEKDAY_PREFIX,
  daysInMonth,
  expandTwoDigitYear,
  monthFromWord,
  pad2,
} from './month-names.js';

export interface ParsedDate {
  /** yyyy-mm-dd, yyyy-mm or yyyy. */
  iso: string;
  precision: DatePrecision;
  /** The year was typed with two digits (03/04/13) and expanded: 00–69 → 20xx, 70–99 → 19xx. */
  twoDigitYear: boolean;
  /** HH:MM when the cell also carried a time ('03/04/2013 17:00', a date-time cell), else null. */
  time: string | null;
  /** The date as typed (trimmed) or, for a date cell or serial number, as Excel shows it (dd/mm/yyyy). */
  text: string;
}

export type DateResult = { ok: true; value: ParsedDate } | { ok: false; message: string };

export interface ParseDateOptions {
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
}

const HOW = 'use dd/mm/yyyy, or mm/yyyy or yyyy when only the month or year is known';
const MAX_DATE_CHARS = 60;

const fail = (message: string): DateResult => ({ ok: false, message });
const notADate = (raw: string): DateResult => fail(`${quote(raw)} is not a date — ${HOW}`);

interface Parts {
  year: number;
  month?: number;
  day?: number;
  twoDigitYear: boolean;
}

/** Checks the parts are a real calendar date in range, and builds the ISO value. */
function build(p: Parts, text: string, time: string | null = null): DateResult {
  const { year, month, day } = p;
  const shown = quote(text);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return fail(`${shown} has year ${year} — the year must be between ${MIN_YEAR} and ${MAX_YEAR}`);
  }
  if (month === undefined) return ok(String(year), 'year', p.twoDigitYear, time, text);
  if (month < 1 || month > 12) {
    const usOrder = day !== undefined && day >= 1 && day <= 12 && month <= 31;
    return fail(
      usOrder
        ? `${shown} has month ${month} — dates must be day first (dd/mm/yyyy)`
        : `${shown} has month ${month} — months run from 1 to 12`,
    );
  }
  const ym = `${year}-${pad2(month)}`;
  if (day === undefined) return ok(ym, 'month', p.twoDigitYear, time, text);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const name = MONTH_NAMES[month] ?? '';
    const why =
      month === 2 && day === 29
        ? `${year} is not a leap year, so February has 28 days`
        : month === 2
          ? 'February has 28 or 29 days'
          : day < 1
            ? 'days start at 1'
            : `${name} has ${last} days`;
    return fail(`${shown} is not a real date — ${why}`);
  }
  return ok(`${ym}-${pad2(day)}`, 'day', p.twoDigitYear, time, text);
}

function ok(iso: string, precision: DatePrecision, twoDigitYear: boolean, time: string | null, text: string): DateResult {
  return { ok: true, value: { iso, precision, twoDigitYear, time, text } };
}

function yearOf(digits: string): { year: number; twoDigitYear: boolean } | null {
  if (digits.length === 4) return { year: Number(digits), twoDigitYear: false };
  if (digits.length === 2) return { year: expandTwoDigitYear(Number(digits)), twoDigitYear: true };
  return null;
}

const SEP = String.raw`\s*([/.\-])\s*`;
const NUMERIC_DMY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{1,2})\s*\2\s*(\d+)$`);
const NUMERIC_YMD = /^(\d{4})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const NUMERIC_MY = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{4})$`);
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const NUMERIC_SHORT = new RegExp(String.raw`^(\d{1,2})${SEP}(\d{2})$`);
const WORDS_DMY = /^(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s/.-]*([a-z]+\.?)[\s/.,-]*(\d{2}|\d{4})$/i;
const WORDS_MDY = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const WORDS_MY = /^([a-z]+\.?)[\s/.,-]*(\d{2}|\d{4})$/i;

/** A date written without a time: the numeric and worded forms UK authors use. */
function parseDateText(t: string, raw: string): DateResult | null {
  let m = NUMERIC_DMY.exec(t);
  if (m) {
    const y = yearOf(m[4] ?? '');
    if (!y) return fail(`${quote(raw)} has a ${(m[4] ?? '').length}-digit year — write the year in full, e.g. 2013`);
    return build({ ...y, month: Number(m[3]), day: Number(m[1]) }, raw);
  }
  m = NUMERIC_YMD.exec(t);
  if (m) return build({ year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), twoDigitYear: false }, raw);
  m = NUMERIC_MY.exec(t);
  if (m) return build({ year: Number(m[3]), month: Number(m[1]), twoDigitYear: false }, raw);
  m = ISO_MONTH.exec(t);
  if (m) return build({ year: Number(m[1]), month: Number(m[2]), twoDigitYear: false }, raw);
  if (/^\d{4}$/.test(t)) return build({ year: Number(t), twoDigitYear: false }, raw);
  if (NUMERIC_SHORT.test(t)) {
    return fail(`${quote(raw)} is incomplete — write the full date dd/mm/yyyy, or mm/yyyy when only the month is known`);
  }
  m = WORDS_DMY.exec(t);
  if (m) return worded(m[3] ?? '', m[2] ?? '', Number(m[1]), raw);
  m = WORDS_MDY.exec(t);
  if (m) return worded(m[3] ?? '', m[1] ?? '', Number(m[2]), raw);
  m = WORDS_MY.exec(t);
  if (m) return worded(m[2] ?? '', m[1] ?? '', undefined, raw);
  return null;
}

function worded(yearDigits: string, monthWord: string, day: number | undefined, raw: string): DateResult {
  const month = monthFromWord(monthWord);
  const y = yearOf(yearDigits);
  if (month === null || !y) return notADate(raw);
  return build({ ...y, month, day }, raw);
}

/** A date followed by a time ('03/04/2013 17:00', '2013-04-03T17:00', '3/4/13 at 5pm'): both parts must be valid. */
function splitDateTime(t: string, raw: string): DateResult | null {
  if (/(?:z|[+-]\d{2}:?\d{2})$/i.test(t) && /\d[t\s]\d/i.test(t)) {
    return fail(`${quote(raw)} has a time zone — give the UK date (and time) as shown on the record, e.g. 03/04/2013 17:00`);
  }
  const m = /^(.*?\d)(?:\s*t\s*|\s*,?\s+(?:at\s+)?|\s+-\s+)(\d{1,2}(?:[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?)?\s*(?:[ap]\.?m\.?|hrs|hours)?)$/i.exec(t);
  if (!m) return null;
  const timeText = (m[2] ?? '').replace(/\.\d+$/, '');
  const date = parseDateText(m[1] ?? '', raw);
  if (!date || !date.ok || date.value.precision !== 'day') return null;
  const time = parseTime(timeText);
  if (!time.ok) return fail(`${quote(raw)} has a time that is not valid — use dd/mm/yyyy HH:MM, e.g. 03/04/2013 17:00`);
  return { ok: true, value: { ...date.value, time: time.value } };
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The common cell exactly as d/m/yyyy … dd/mm/yyyy (no spaces, four-digit year): the parts without the patterns.
 * Null for anything else, which takes the general path; the answer is the one NUMERIC_DMY would give.
 */
function fastDayMonthYear(raw: string): DateResult | null {
  const n = raw.length;
  if (n < 8 || n > 10 || raw.charCodeAt(n - 5) !== 47) return null;
  const slash = raw.indexOf('/');
  if (slash < 1 || slash > 2 || slash + 2 > n - 5 || n - 5 - slash - 1 > 2) return null;
  for (let i = 0; i < n; i++) if (i !== slash && i !== n - 5 && !isDigit(raw.charCodeAt(i))) return null;
  const day = Number(raw.slice(0, slash));
  const month = Number(raw.slice(slash + 1, n - 5));
  return build({ year: Number(raw.slice(n - 4)), month, day, twoDigitYear: false }, raw);
}

function fromText(raw: string): DateResult {
  const fast = fastDayMonthYear(raw);
  if (fast) return fast;
  const trimmed = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (trimmed === '') return fail(`The date is empty — ${HOW}`);
  // No date, even 'Wednesday, 22nd of September 2013 at 17:00:00', is this long: skip the patterns for a paragraph.
  if (trimmed.length > MAX_DATE_CHARS) return notADate(trimmed);
  const t = trimmed.replace(WEEKDAY_PREFIX, '').replace(/[\u2010-\u2015]/g, '-');
  const parsed = parseDateText(t, trimmed) ?? splitDateTime(t, trimmed);
  if (parsed) return parsed;
  if (/^\d+(?:\.\d+)?$/.test(t)) {
    return fail(`${quote(trimmed)} is a number, not a date — ${HOW}`);
  }
  return notADate(trimmed);
}

/** Milliseconds since 1970 in UTC (as exceljs builds date cells) → the date and time Excel displays. */
function fromUtcMillis(ms: number): DateResult {
  if (!Number.isFinite(ms)) return fail(`The cell holds an invalid date — ${HOW}`);
  // Round to the minute first: 23:59:59.9996 of float noise must not move the day.
  const d = new Date(Math.round(ms / 60_000) * 60_000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const h = d.getUTCHours();
  const min = d.getUTCMinutes();
  const time = h === 0 && min === 0 ? null : `${pad2(h)}:${pad2(min)}`;
  if ((year === 1899 && month === 12) || (year === 1904 && month === 1 && day === 1 && time !== null)) {
    return fail(`The date cell holds only a time (${time ?? '00:00'}) — put the date in the Date column as dd/mm/yyyy`);
  }
  const text = `${pad2(day)}/${pad2(month)}/${year}`;
  return build({ year, month, day, twoDigitYear: false }, text, time);
}

function fromSerial(n: number, date1904: boolean): DateResult {
  const notSerial = fail(`${String(n)} is a number, not a date — ${HOW}`);
  if (!Number.isFinite(n) || n < 0) return notSerial;
  // A year typed into a General-format cell arrives as a number: 2013 means the year, not serial 2013 (1905).
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return build({ year: n, twoDigitYear: false }, String(n));
  if (n < 1 && !date1904) return fail(`The date cell holds only a time — put the date in the Date column as dd/mm/yyyy`);
  const ms = serialToUtcMillis(n, date1904);
  if (ms === null) return fail(`${n} is Excel's 29/02/1900, which is not a real date — ${HOW}`);
  const result = fromUtcMillis(ms);
  return result.ok ? result : notSerial;
}

/**
 * A date cell → ISO date at its precision, or a message a report author understands. Day-first always: 03/04/2013 is
 * 3 April. Text, Excel serial numbers (1900 or 1904 system) and date cells (read in UTC, as exceljs gives them, which
 * is the day Excel displays) are accepted. Never throws.
 */
export function parseDate(input: CellValue, opts: ParseDateOptions = {}): DateResult {
  if (input === null) return fail(`The date is empty — ${HOW}`);
  if (typeof input === 'string') return fromText(input);
  if (typeof input === 'number') return fromSerial(input, opts.date1904 === true);
  if (typeof input === 'boolean') return fail(`${input ? 'TRUE' : 'FALSE'} is not a date — ${HOW}`);
  return fromUtcMillis(input.getTime());
}
