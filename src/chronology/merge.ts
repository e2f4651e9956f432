// Merges stored entries of all agencies into one totally ordered timeline with flags (DESIGN §4).
import { overlaps, requireDatePeriod } from './date-period.js';
import type { DatePeriod } from './date-period.js';
import { similarPairs, tokenSet } from './similarity.js';
import type { ReviewPeriod, StoredEntry, TimelineEntry, TimelineFlag } from './types.js';

/** Token-set similarity at or above which two same-day entries of different agencies are flagged. */
export const DUPLICATE_THRESHOLD = 0.6;

export interface MergeOptions {
  reviewPeriod?: ReviewPeriod;
}

interface Keyed {
  entry: StoredEntry;
  /** Period start (yyyy-mm-dd), precision rank, then 0 untimed or 1 + HH:MM: compares as the first three levels. */
  primary: string;
  period: DatePeriod;
  precisionRank: number;
  agency: string;
  agencyFolded: string;
}

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

/** Compares by Unicode code point (not UTF-16 unit), independent of locale. */
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

/** The fixed agency collation: case-insensitive first (Unicode default case folding), then exact code points. */
export function compareAgencies(a: string, b: string): number {
  return compareCodepoints(a.toLowerCase(), b.toLowerCase()) || compareCodepoints(a, b);
}

function compareNullableTime(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareCodepoints(a, b);
}

function compareKeyed(a: Keyed, b: Keyed): number {
  // The first three levels are ASCII and fixed-width, so one string comparison decides most pairs.
  if (a.primary !== b.primary) return a.primary < b.primary ? -1 : 1;
  return (
    compareCodepoints(a.period.start, b.period.start) ||
    a.precisionRank - b.precisionRank ||
    compareNullableTime(a.entry.time, b.entry.time) ||
    compareCodepoints(a.agencyFolded, b.agencyFolded) ||
    compareCodepoints(a.agency, b.agency) ||
    compareCodepoints(a.entry.sheet, b.entry.sheet) ||
    a.entry.row - b.entry.row ||
    compareCodepoints(a.entry.submissionId, b.entry.submissionId) ||
    compareCodepoints(a.entry.id, b.entry.id)
  );
}

function keyOf(entry: StoredEntry): Keyed {
  const period = requireDatePeriod(entry.date, 'entry date');
  const agency = entry.agency ?? entry.submissionAgency;
  const precisionRank = PRECISION_RANK[period.precision];
  return {
    entry,
    period,
    primary: `${period.start}${precisionRank}${entry.time === null ? '0' : `1${entry.time}`}`,
    precisionRank,
    agency,
    agencyFolded: agency.toLowerCase(),
  };
}

/** For each position in `sorted`, the positions of entries it may duplicate (other agency, same day/time, similar text). */
function findDuplicates(sorted: readonly Keyed[]): number[][] {
  const result: number[][] = sorted.map(() => []);
  const buckets = new Map<string, number[]>();
  sorted.forEach((k, i) => {
    if (k.period.precision !== 'day') return;
    const key = `${k.period.start}|${k.entry.time ?? ''}`;
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  });
  for (const positions of buckets.values()) {
    if (positions.length < 2) continue;
    const groups = new Set(positions.map((i) => sorted[i]?.agencyFolded));
    if (groups.size < 2) continue;
    const items = positions.map((i) => {
      const k = sorted[i];
      const text = k ? [k.entry.event, k.entry.outcome ?? ''].join(' ') : '';
      return { tokens: tokenSet(text), group: k?.agencyFolded ?? '' };
    });
    for (const [a, b] of similarPairs(items, DUPLICATE_THRESHOLD)) {
      const pa = positions[a];
      const pb = positions[b];
      if (pa === undefined || pb === undefined) continue;
      result[pa]?.push(pb);
      result[pb]?.push(pa);
    }
  }
  for (const list of result) list.sort((x, y) => x - y);
  return result;
}

/**
 * The merged timeline: every input entry exactly once, in the total order of DESIGN §4 (period start, less
 * precise first, untimed first, time, agency, sheet, row, submission id, id), flagged but never dropped.
 * Throws a RangeError when an entry's date is not ISO at day, month or year precision.
 */
export function mergeTimeline(entries: readonly StoredEntry[], opts: MergeOptions = {}): TimelineEntry[] {
  const sorted = entries.map(keyOf).sort(compareKeyed);
  const review = opts.reviewPeriod
    ? {
        start: requireDatePeriod(opts.reviewPeriod.from, 'review period from').start,
        end: requireDatePeriod(opts.reviewPeriod.to, 'review period to').end,
      }
    : null;
  const duplicates = findDuplicates(sorted);

  return sorted.map((k, i): TimelineEntry => {
    const e = k.entry;
    const dupOf = (duplicates[i] ?? []).map((j) => sorted[j]?.entry.id ?? '');
    const flags: TimelineFlag[] = [];
    if (review && !overlaps(k.period, review)) flags.push('outside-review-period');
    if (e.ambiguousDate) flags.push('ambiguous-date');
    if (dupOf.length > 0) flags.push('possible-duplicate');
    return {
      id: e.id,
      date: e.date,
      datePrecision: k.period.precision,
      time: e.time,
      agency: k.agency,
      source: e.source,
      professional: e.professional,
      contact: e.contact,
      event: e.event,
      outcome: e.outcome,
      seen: e.seen,
      comment: e.comment,
      extra: { ...e.extra },
      flags,
      duplicateOf: dupOf,
      provenance: { submissionId: e.submissionId, sheet: e.sheet, row: e.row },
    };
  });
}
