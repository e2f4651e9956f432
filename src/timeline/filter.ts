// Narrows a merged timeline by date range, agency, text, victim seen and person (DESIGN §4 filters).
import { overlaps, requireDatePeriod } from '../chronology/date-period.js';
import type { TimelineEntry } from '../chronology/types.js';

export interface TimelineFilter {
  /** yyyy, yyyy-mm or yyyy-mm-dd; inclusive: entries whose period overlaps [start of from, end of to] are kept. */
  from?: string;
  to?: string;
  /** Keep entries of any of these agencies (case-insensitive, exact); empty means all. */
  agency?: string[];
  /** Case-insensitive substring over every text field. */
  q?: string;
  /** Keep only entries with this victim-seen value (entries with no value are dropped). */
  seen?: boolean;
  /** Keep entries for which this returns true (e.g. mentions a mapped person). */
  person?: (e: TimelineEntry) => boolean;
}

function searchableText(e: TimelineEntry): string[] {
  const fields = [e.agency, e.source, e.professional, e.contact, e.event, e.outcome, e.comment];
  return [...fields.filter((f): f is string => f !== null), ...Object.values(e.extra)];
}

/**
 * Keeps the entries that pass every given filter, in their order. Throws a RangeError when `from` or `to`
 * is not an ISO date at day, month or year precision.
 */
export function filterTimeline(entries: readonly TimelineEntry[], f: TimelineFilter): TimelineEntry[] {
  const range = {
    start: f.from ? requireDatePeriod(f.from, 'from').start : '0000-01-01',
    end: f.to ? requireDatePeriod(f.to, 'to').end : '9999-12-31',
  };
  const agencies = f.agency && f.agency.length > 0 ? new Set(f.agency.map((a) => a.trim().toLowerCase())) : null;
  const q = f.q ? f.q.toLowerCase() : '';
  const hasRange = Boolean(f.from || f.to);

  return entries.filter((e) => {
    if (hasRange) {
      const period = requireDatePeriod(e.date, 'entry date');
      if (!overlaps(period, range)) return false;
    }
    if (agencies && !agencies.has(e.agency.trim().toLowerCase())) return false;
    if (f.seen !== undefined && e.seen !== f.seen) return false;
    if (q && !searchableText(e).some((t) => t.toLowerCase().includes(q))) return false;
    if (f.person && !f.person(e)) return false;
    return true;
  });
}
