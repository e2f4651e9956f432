// Gaps: runs of days inside a period with no contact dated to the day, longer than a number of days.
import { overlaps, type DatePeriod } from '../chronology/date-period.js';
import { dayNumber, isoDay } from './days.js';

export interface Gap {
  /** First and last day with no contact, yyyy-mm-dd, inclusive. */
  from: string;
  to: string;
  /** Days in the gap, both ends counted. */
  days: number;
  /** Entries dated to the month or year only whose period reaches into the gap: they may fall inside it. */
  approximate: number;
}

/**
 * Every run of more than `gapDays` days in [period.from, period.to] holding none of `contactDays` (ISO days),
 * from the period's first day to the first contact and from the last contact to the period's last day included.
 * `vague` holds the month- and year-dated entries, as how many entries each period stands for.
 */
export function findGaps(contactDays: ReadonlySet<string>, vague: ReadonlyMap<DatePeriod, number>, period: { from: string; to: string }, gapDays: number): Gap[] {
  const first = dayNumber(period.from);
  const last = dayNumber(period.to);
  const days = [...contactDays].map(dayNumber).filter((d) => d >= first && d <= last).sort((a, b) => a - b);
  const gaps: Gap[] = [];
  const consider = (start: number, end: number): void => {
    const length = end - start + 1;
    if (length <= gapDays) return;
    const span = { start: isoDay(start), end: isoDay(end) };
    let approximate = 0;
    for (const [p, n] of vague) if (overlaps(p, span)) approximate += n;
    gaps.push({ from: span.start, to: span.end, days: length, approximate });
  };
  let previous = first - 1;
  for (const d of days) {
    consider(previous + 1, d - 1);
    previous = d;
  }
  consider(previous + 1, last);
  return gaps;
}
