// The merged order of DESIGN §4 as one string per entry: written with the entry, indexed, and compared alike in memory.
import { requireDatePeriod, type DatePeriod } from '../chronology/date-period.js';

/**
 * Ends each variable-length part of a key. Nothing a part holds sorts below it (see `part`), so a part that is a
 * prefix of another sorts first, as the shorter string does.
 */
const END = '\u0001';

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** What an entry's place in the merged order depends on. */
export interface OrderFields {
  date: string;
  time: string | null;
  /** The merged agency: the row's own, else its submission's. */
  agency: string;
  sheet: string;
  row: number;
  submissionId: string;
  id: string;
}

/** A part of a key: U+0000 and U+0001 become U+0002 (no real agency or sheet name holds them; PostgreSQL holds no U+0000). */
// eslint-disable-next-line no-control-regex -- these two control characters are what must not be in a part
const part = (s: string): string => (/[\u0000\u0001]/.test(s) ? s.replace(/[\u0000\u0001]/g, '\u0002') : s);

/**
 * The sort key: period start, precision (year, month, day), untimed before timed then the time, the agency
 * case-insensitively then exactly, the sheet, the source row, the submission and last the id. Keys compare by code
 * point (compareCodepoints): UTF-8 bytes in the store (SQLite's BINARY, PostgreSQL's "C" collation) sort the same.
 */
export function sortKey(period: DatePeriod, e: OrderFields): string {
  const timed = e.time === null ? '0' : `1${part(e.time)}`;
  return `${period.start}${PRECISION_RANK[period.precision]}${timed}${END}${part(e.agency.toLowerCase())}${END}${part(e.agency)}${END}${part(e.sheet)}${END}${String(e.row).padStart(10, '0')}${END}${e.submissionId}${END}${e.id}`;
}

/** Sort keys for many entries: a case holds few distinct dates, so each date is parsed once. */
export function sortKeyer(): (e: OrderFields) => string {
  const periods = new Map<string, DatePeriod>();
  return (e) => {
    let period = periods.get(e.date);
    if (!period) {
      period = requireDatePeriod(e.date, 'entry date');
      periods.set(e.date, period);
    }
    return sortKey(period, e);
  };
}

/** Compares by Unicode code point (not UTF-16 unit), independent of locale: the order of UTF-8 bytes. */
export function compareCodepoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000..U+FFFF in code point order.
    if (x >= 0xd800 && y >= 0xd800) {
      x += x < 0xe000 ? 0x2000 : -0x800;
      y += y < 0xe000 ? 0x2000 : -0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** A run of sort keys, `from` inclusive, `to` exclusive (null: to the end). */
export interface KeyRange {
  from: string;
  to: string | null;
}

const nextDay = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The key ranges holding exactly the entries whose period overlaps [start of `from`, end of `to`], in key order and
 * disjoint, so reading them one after another reads the filtered timeline in order. An entry overlaps when it
 * starts on or before the end and ends on or after the start: those starting from the start day on, plus the
 * month- and year-precision entries that start earlier in the start's month or year (they start on its 1st, or on
 * 1 January, and last past the start).
 */
export function keyRanges(from: string | undefined, to: string | undefined): KeyRange[] {
  const end = to ? nextDay(requireDatePeriod(to, 'to').end) : null;
  if (!from) return [{ from: '', to: end }];
  const start = requireDatePeriod(from, 'from').start;
  const ranges: KeyRange[] = [];
  const yearStart = `${start.slice(0, 4)}-01-01`;
  const monthStart = `${start.slice(0, 7)}-01`;
  const beforeEnd = (day: string): boolean => end === null || day < end;
  if (yearStart < start && beforeEnd(yearStart)) ranges.push({ from: `${yearStart}${PRECISION_RANK.year}`, to: `${yearStart}${PRECISION_RANK.year + 1}` });
  if (monthStart < start && beforeEnd(monthStart)) ranges.push({ from: `${monthStart}${PRECISION_RANK.month}`, to: `${monthStart}${PRECISION_RANK.month + 1}` });
  if (beforeEnd(start)) ranges.push({ from: start, to: end });
  return ranges;
}
