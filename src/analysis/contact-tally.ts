// A streaming tally of contacts for an export: entries fed one at a time are kept as counts per agency, date and
// victim seen (a case has few distinct dates), so the export can count what it wrote with analyseContacts afterwards
// without holding its entries.
import { requireDatePeriod } from '../chronology/date-period.js';
import { analyseContacts, type Analysis, type AnalysisPeriod, type ContactEntry } from './contacts.js';

interface Counted {
  entry: ContactEntry;
  n: number;
}

export class ContactTally {
  private readonly counts = new Map<string, Counted>();
  private total = 0;

  /** Counts one entry (only the fields the analysis reads are kept). */
  add(e: ContactEntry): void {
    const key = `${e.agency}\u0000${e.date}\u0000${e.seen === null ? '' : e.seen ? 'y' : 'n'}`;
    const c = this.counts.get(key);
    if (c) c.n++;
    else this.counts.set(key, { entry: { agency: e.agency, date: e.date, datePrecision: e.datePrecision, seen: e.seen }, n: 1 });
    this.total++;
  }

  /** How many entries were fed. */
  get size(): number {
    return this.total;
  }

  /** The days the entries fed cover, from the earliest start to the latest end; null when none were fed. */
  span(): AnalysisPeriod | null {
    let from: string | null = null;
    let to: string | null = null;
    for (const { entry } of this.counts.values()) {
      const p = requireDatePeriod(entry.date, 'entry date');
      if (from === null || p.start < from) from = p.start;
      if (to === null || p.end > to) to = p.end;
    }
    return from === null || to === null ? null : { from, to };
  }

  /** The analysis of every entry fed, as analyseContacts counts them over `period`. */
  analyse(period: AnalysisPeriod, gapDays: number): Analysis {
    return analyseContacts(this.entries(), period, gapDays);
  }

  /** Each entry fed, as many times as it was fed (in no particular order). */
  private *entries(): Generator<ContactEntry> {
    for (const { entry, n } of this.counts.values()) for (let i = 0; i < n; i++) yield entry;
  }
}
