// What the panel looks for (DESIGN §4): contacts and victim-seen counts per agency and month, gaps with no contact
// from any agency, and each agency's first and last contact. Pure: entries in, figures out.
import { agencyKey } from '../access/agency.js';
import { overlaps, requireDatePeriod, type DatePeriod } from '../chronology/date-period.js';
import type { DatePrecision } from '../chronology/types.js';
import { compareAgencies } from '../timeline/merge.js';
import { monthsBetween } from './days.js';
import { findGaps, type Gap } from './gaps.js';

/** What the analysis needs of an entry (a stored or merged entry has all of it). */
export interface ContactEntry {
  agency: string;
  date: string;
  datePrecision: DatePrecision;
  seen: boolean | null;
}

export interface AnalysisPeriod {
  /** First and last day analysed, yyyy-mm-dd, inclusive. */
  from: string;
  to: string;
}

/** A period narrowed by a from and a to (each at day, month or year precision); null when no day is left. */
export function narrowPeriod(period: AnalysisPeriod, window: { from?: string | undefined; to?: string | undefined }): AnalysisPeriod | null {
  const from = window.from ? requireDatePeriod(window.from, 'from').start : period.from;
  const to = window.to ? requireDatePeriod(window.to, 'to').end : period.to;
  const narrowed = { from: from > period.from ? from : period.from, to: to < period.to ? to : period.to };
  return narrowed.from > narrowed.to ? null : narrowed;
}

export interface MonthCount {
  month: string;
  agency: string;
  /** Entries dated in this month: to the day, or to the month only (those are also counted in `approximate`). */
  contacts: number;
  /** Of `contacts`, those where the victim was seen. */
  seen: number;
  /** Of `contacts`, those dated to the month only. */
  approximate: number;
}

export interface YearCount {
  year: string;
  agency: string;
  /** Entries dated to the year only: in no month's count. */
  contacts: number;
  seen: number;
}

export interface AgencySummary {
  agency: string;
  /** Earliest and latest contact inside the period, ISO at the entry's precision; null when it has none there. */
  first: string | null;
  last: string | null;
  /** Every entry inside the period, whatever its precision. */
  contacts: number;
  seen: number;
  /** Of `contacts`, those dated to the month or the year only. */
  approximate: number;
  /** Entries wholly outside the period: in no other count. */
  outside: number;
}

export interface Analysis {
  period: AnalysisPeriod;
  gapDays: number;
  months: MonthCount[];
  years: YearCount[];
  gaps: Gap[];
  agencies: AgencySummary[];
}

interface Tally {
  agency: string;
  months: Map<string, MonthCount>;
  years: Map<string, YearCount>;
  summary: AgencySummary;
  first: DatePeriod | null;
  last: DatePeriod | null;
}

const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/** Is `p` an earlier first contact than `q`: an earlier start, or the same start more precisely. */
const earlier = (p: DatePeriod, q: DatePeriod): boolean => p.start < q.start || (p.start === q.start && PRECISION_RANK[p.precision] < PRECISION_RANK[q.precision]);
const later = (p: DatePeriod, q: DatePeriod): boolean => p.end > q.end || (p.end === q.end && PRECISION_RANK[p.precision] < PRECISION_RANK[q.precision]);

const isoOf = (p: DatePeriod): string => (p.precision === 'day' ? p.start : p.precision === 'month' ? p.start.slice(0, 7) : p.start.slice(0, 4));

/**
 * The figures for entries over a period. An entry dated to the day counts in its month; one dated to the month
 * counts in that month too and in `approximate`; one dated to the year only counts in `years`, in no month. Gaps are
 * runs of more than `gapDays` days inside the period with no entry dated to that day from any agency; a gap says
 * how many month- or year-dated entries could fall inside it (`approximate`). Entries wholly outside the period
 * count only in their agency's `outside`.
 */
export function analyseContacts(entries: Iterable<ContactEntry>, period: AnalysisPeriod, gapDays: number): Analysis {
  const range = { start: period.from, end: period.to };
  const months = monthsBetween(period.from, period.to);
  const tallies = new Map<string, Tally>();
  const contactDays = new Set<string>();
  // Month- and year-dated entries by their period (one object per distinct date), so memory follows the dates.
  const vague = new Map<DatePeriod, number>();
  const addVague = (p: DatePeriod): void => {
    vague.set(p, (vague.get(p) ?? 0) + 1);
  };

  const keys = new Map<string, string>();
  const tallyOf = (agency: string): Tally => {
    let key = keys.get(agency);
    if (key === undefined) {
      key = agencyKey(agency);
      keys.set(agency, key);
    }
    let t = tallies.get(key);
    if (!t) {
      const name = agency.trim();
      t = {
        agency: name,
        months: new Map(months.map((month) => [month, { month, agency: name, contacts: 0, seen: 0, approximate: 0 }])),
        years: new Map(),
        summary: { agency: name, first: null, last: null, contacts: 0, seen: 0, approximate: 0, outside: 0 },
        first: null,
        last: null,
      };
      tallies.set(key, t);
    }
    return t;
  };

  // A case's entries share few distinct dates: each is parsed once.
  const periods = new Map<string, DatePeriod>();
  for (const e of entries) {
    const t = tallyOf(e.agency);
    let p = periods.get(e.date);
    if (!p) {
      p = requireDatePeriod(e.date, 'entry date');
      periods.set(e.date, p);
    }
    if (!overlaps(p, range)) {
      t.summary.outside++;
      continue;
    }
    const seen = e.seen === true ? 1 : 0;
    t.summary.contacts++;
    t.summary.seen += seen;
    if (!t.first || earlier(p, t.first)) t.first = p;
    if (!t.last || later(p, t.last)) t.last = p;
    if (p.precision === 'year') {
      const year = p.start.slice(0, 4);
      const y = t.years.get(year) ?? { year, agency: t.agency, contacts: 0, seen: 0 };
      y.contacts++;
      y.seen += seen;
      t.years.set(year, y);
      t.summary.approximate++;
      addVague(p);
      continue;
    }
    const m = t.months.get(p.start.slice(0, 7));
    if (m) {
      m.contacts++;
      m.seen += seen;
    }
    if (p.precision === 'month') {
      if (m) m.approximate++;
      t.summary.approximate++;
      addVague(p);
    } else contactDays.add(p.start);
  }

  const ordered = [...tallies.values()].sort((a, b) => compareAgencies(a.agency, b.agency));
  return {
    period,
    gapDays,
    months: ordered.flatMap((t) => [...t.months.values()]),
    years: ordered.flatMap((t) => [...t.years.values()].sort((a, b) => a.year.localeCompare(b.year))),
    gaps: findGaps(contactDays, vague, period, gapDays),
    agencies: ordered.map((t) => ({ ...t.summary, first: t.first ? isoOf(t.first) : null, last: t.last ? isoOf(t.last) : null })),
  };
}
