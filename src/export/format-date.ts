// UK display forms of ISO dates at their precision: dd/mm/yyyy, mm/yyyy or yyyy.
import type { DatePrecision } from '../chronology/types.js';

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** '2013-04-03' → '03/04/2013', '2013-04' → '04/2013', '2013' → '2013'; anything else is returned as is. */
export function formatDisplayDate(iso: string, precision?: DatePrecision): string {
  const m = ISO_PARTIAL.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const p = precision ?? (d ? 'day' : mo ? 'month' : 'year');
  if (p === 'day' && mo && d) return `${d}/${mo}/${y}`;
  if (p !== 'year' && mo) return `${mo}/${y}`;
  return y ?? iso;
}

/** A day-precision ISO date as a Date at UTC midnight (what spreadsheet date cells want), else null. */
export function isoDayToUtcDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A moment as 'dd/mm/yyyy HH:MM' in UK local time (Europe/London), for "generated at" lines. */
export function formatDisplayDateTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
