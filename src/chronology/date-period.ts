// The span of days an ISO date at day, month or year precision covers, for sorting, overlap and filters.
import type { DatePrecision } from './types.js';

export interface DatePeriod {
  /** First day, yyyy-mm-dd. */
  start: string;
  /** Last day, yyyy-mm-dd. */
  end: string;
  precision: DatePrecision;
}

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses `yyyy`, `yyyy-mm` or `yyyy-mm-dd`; returns null for anything else (including impossible days). */
export function datePeriod(iso: string): DatePeriod | null {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) return null;
  const year = m[1] ?? '';
  const month = m[2];
  const day = m[3];
  if (month === undefined) return { start: `${year}-01-01`, end: `${year}-12-31`, precision: 'year' };
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  const last = daysInMonth(Number(year), mm);
  if (day === undefined) return { start: `${year}-${month}-01`, end: `${year}-${month}-${pad2(last)}`, precision: 'month' };
  const dd = Number(day);
  if (dd < 1 || dd > last) return null;
  return { start: iso, end: iso, precision: 'day' };
}

/** Like datePeriod, but throws a RangeError (without echoing the value) when it is not a valid ISO date. */
export function requireDatePeriod(iso: string, what = 'date'): DatePeriod {
  const p = datePeriod(iso);
  if (!p) throw new RangeError(`${what} is not an ISO date at day, month or year precision (yyyy-mm-dd, yyyy-mm or yyyy)`);
  return p;
}

/** True when two closed day ranges share at least one day (ISO strings compare in date order). */
export function overlaps(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && a.end >= b.start;
}
