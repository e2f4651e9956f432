// Merges stored entries of all agencies into one totally ordered timeline with flags (DESIGN §4).
import { overlaps, requireDatePeriod } from './date-period.js';
import type { DatePeriod } from './date-period.js';
import { similarIdPairs, type IdItem } from './similarity.js';
import { TokenDictionary } from './token-ids.js';
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

/** Builds sort keys; a timeline holds few distinct dates and agencies, so each is parsed or folded once. */
function keyer(): (entry: StoredEntry) => Keyed {
  const periods = new Map<string, DatePeriod>();
  const folded = new Map<string, string>();
  return (entry) => {
    let period = periods.get(entry.date);
    if (!period) {
      period = requireDatePeriod(entry.date, 'entry date');
      periods.set(entry.date, period);
    }
    const agency = entry.agency ?? entry.submissionAgency;
    let agencyFolded = folded.get(agency);
    if (agencyFolded === undefined) {
      agencyFolded = agency.toLowerCase();
      folded.set(agency, agencyFolded);
    }
    const precisionRank = PRECISION_RANK[period.precision];
    return {
      entry,
      period,
      primary: `${period.start}${precisionRank}${entry.time === null ? '0' : `1${entry.time}`}`,
      precisionRank,
      agency,
      agencyFolded,
    };
  };
}

/** The bucket a day-precision entry is compared in: same day, same time (or both untimed). */
const sameBucket = (a: Keyed, b: Keyed): boolean => a.period.start === b.period.start && (a.entry.time ?? '') === (b.entry.time ?? '');

/**
 * For each position in `sorted` with possible duplicates (other agency, same day/time, similar text), their
 * positions, ascending. Equal bucket keys are contiguous in the total order (day precision, start, untimed
 * before timed, then time), so buckets are runs of `sorted`.
 */
function findDuplicates(sorted: readonly Keyed[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  const dict = new TokenDictionary();
  for (let from = 0; from < sorted.length; ) {
    const first = sorted[from] as Keyed;
    let to = from + 1;
    if (first.period.precision === 'day') while (to < sorted.length && (sorted[to] as Keyed).period.precision === 'day' && sameBucket(first, sorted[to] as Keyed)) to++;
    const size = to - from;
    const start = from;
    from = to;
    if (size < 2 || first.period.precision !== 'day') continue;
    const groups = new Map<string, number>();
    for (let i = start; i < to; i++) {
      const g = (sorted[i] as Keyed).agencyFolded;
      if (!groups.has(g)) groups.set(g, groups.size);
    }
    if (groups.size < 2) continue;
    const items: IdItem[] = [];
    for (let i = start; i < to; i++) {
      const k = sorted[i] as Keyed;
      items.push({ tokens: dict.tokens(`${k.entry.event} ${k.entry.outcome ?? ''}`), group: groups.get(k.agencyFolded) ?? 0 });
    }
    for (const pair of similarIdPairs(items, DUPLICATE_THRESHOLD, dict.size)) {
      for (const [x, y] of [pair, [pair[1], pair[0]]]) {
        const list = result.get(start + (x as number));
        if (list) list.push(start + (y as number));
        else result.set(start + (x as number), [start + (y as number)]);
      }
    }
  }
  for (const list of result.values()) list.sort((x, y) => x - y);
  return result;
}

/**
 * The merged timeline: every input entry exactly once, in the total order of DESIGN §4 (period start, less
 * precise first, untimed first, time, agency, sheet, row, submission id, id), flagged but never dropped.
 * Throws a RangeError when an entry's date is not ISO at day, month or year precision.
 */
export function mergeTimeline(entries: readonly StoredEntry[], opts: MergeOptions = {}): TimelineEntry[] {
  const sorted = entries.map(keyer()).sort(compareKeyed);
  const review = opts.reviewPeriod
    ? {
        start: requireDatePeriod(opts.reviewPeriod.from, 'review period from').start,
        end: requireDatePeriod(opts.reviewPeriod.to, 'review period to').end,
      }
    : null;
  const duplicates = findDuplicates(sorted);

  return sorted.map((k, i): TimelineEntry => {
    const e = k.entry;
    const dupOf = duplicates.get(i)?.map((j) => sorted[j]?.entry.id ?? '') ?? [];
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
