// Merges entries of all agencies into one totally ordered timeline with flags (DESIGN §4), in memory or as a stream.
import { overlaps, requireDatePeriod, type DatePeriod } from '../chronology/date-period.js';
import type { ReviewPeriod, StoredEntry, TimelineEntry, TimelineFlag } from '../chronology/types.js';
import { compareCodepoints, sortKeyer } from './order.js';
import { similarIdPairs, type IdItem } from './similarity.js';
import { TokenDictionary } from './token-ids.js';

export { compareCodepoints } from './order.js';

/** Token-set similarity at or above which two same-day entries of different agencies are flagged. */
export const DUPLICATE_THRESHOLD = 0.6;

/**
 * Entries of one day and time compared for duplicates at once, at most: a bucket larger than this (no real case has
 * one) is compared a window at a time, so a hostile case cannot make the merge hold it whole.
 */
export const BUCKET_WINDOW = 10_000;

export interface MergeOptions {
  reviewPeriod?: ReviewPeriod;
}

/** The fixed agency collation: case-insensitive first (Unicode default case folding), then exact code points. */
export function compareAgencies(a: string, b: string): number {
  return compareCodepoints(a.toLowerCase(), b.toLowerCase()) || compareCodepoints(a, b);
}

interface Held {
  entry: StoredEntry;
  period: DatePeriod;
  agency: string;
}

/**
 * Turns entries that arrive in the merged order (sortKey's) into timeline entries. Entries of one day and time (or
 * both untimed) are contiguous in that order and are the only ones compared for duplicates, so the merger holds one
 * such bucket at a time: `push` returns the entries it can already finish, `end` the rest.
 */
export class OrderedMerger {
  private readonly periods = new Map<string, DatePeriod>();
  private readonly review: { start: string; end: string } | null;
  private bucket: Held[] = [];

  constructor(opts: MergeOptions = {}) {
    this.review = opts.reviewPeriod
      ? { start: requireDatePeriod(opts.reviewPeriod.from, 'review period from').start, end: requireDatePeriod(opts.reviewPeriod.to, 'review period to').end }
      : null;
  }

  push(entry: StoredEntry): TimelineEntry[] {
    let period = this.periods.get(entry.date);
    if (!period) {
      period = requireDatePeriod(entry.date, 'entry date');
      if (this.periods.size > 50_000) this.periods.clear();
      this.periods.set(entry.date, period);
    }
    const held: Held = { entry, period, agency: entry.agency ?? entry.submissionAgency };
    const first = this.bucket[0];
    let done: TimelineEntry[] = [];
    if (first && (!sameBucket(first, held) || this.bucket.length >= BUCKET_WINDOW)) done = this.flush();
    if (period.precision === 'day') this.bucket.push(held);
    else done.push(this.finish(held, []));
    return done;
  }

  end(): TimelineEntry[] {
    return this.flush();
  }

  private flush(): TimelineEntry[] {
    const bucket = this.bucket;
    this.bucket = [];
    const duplicates = bucket.length > 1 ? findDuplicates(bucket) : undefined;
    return bucket.map((h, i) => this.finish(h, duplicates?.get(i)?.map((j) => bucket[j]?.entry.id ?? '') ?? []));
  }

  private finish(h: Held, dupOf: string[]): TimelineEntry {
    const e = h.entry;
    const flags: TimelineFlag[] = [];
    if (this.review && !overlaps(h.period, this.review)) flags.push('outside-review-period');
    if (e.ambiguousDate) flags.push('ambiguous-date');
    if (dupOf.length > 0) flags.push('possible-duplicate');
    return {
      id: e.id,
      date: e.date,
      datePrecision: h.period.precision,
      time: e.time,
      agency: h.agency,
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
  }
}

/** Same day-precision start and the same time (or both untimed): the bucket duplicates are looked for in. */
const sameBucket = (a: Held, b: Held): boolean =>
  b.period.precision === 'day' && a.period.start === b.period.start && a.entry.time === b.entry.time;

/** For each position in a bucket with possible duplicates (another agency, similar text), their positions, ascending. */
function findDuplicates(bucket: readonly Held[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  const groups = new Map<string, number>();
  for (const h of bucket) {
    const g = h.agency.toLowerCase();
    if (!groups.has(g)) groups.set(g, groups.size);
  }
  if (groups.size < 2) return result;
  const dict = new TokenDictionary();
  const items: IdItem[] = bucket.map((h) => ({ tokens: dict.tokens(`${h.entry.event} ${h.entry.outcome ?? ''}`), group: groups.get(h.agency.toLowerCase()) ?? 0 }));
  for (const [x, y] of similarIdPairs(items, DUPLICATE_THRESHOLD, dict.size)) {
    for (const [a, b] of [
      [x, y],
      [y, x],
    ] as const) {
      const list = result.get(a);
      if (list) list.push(b);
      else result.set(a, [b]);
    }
  }
  for (const list of result.values()) list.sort((p, q) => p - q);
  return result;
}

/** Entries in the merged order (sortKey's), for a caller that holds them all (the stateless merge). */
export function sortForMerge(entries: readonly StoredEntry[]): StoredEntry[] {
  const key = sortKeyer();
  const keyed = entries.map((entry) => ({ entry, key: key({ ...entry, agency: entry.agency ?? entry.submissionAgency }) }));
  keyed.sort((a, b) => compareCodepoints(a.key, b.key));
  return keyed.map((k) => k.entry);
}

/**
 * The merged timeline: every input entry exactly once, in the total order of DESIGN §4 (period start, less
 * precise first, untimed first, time, agency, sheet, row, submission id, id), flagged but never dropped.
 * Throws a RangeError when an entry's date is not ISO at day, month or year precision.
 */
export function mergeTimeline(entries: readonly StoredEntry[], opts: MergeOptions = {}): TimelineEntry[] {
  return mergeInOrder(sortForMerge(entries), opts);
}

/** The merge of entries already in the merged order (as the store reads them). */
export function mergeInOrder(sorted: readonly StoredEntry[], opts: MergeOptions = {}): TimelineEntry[] {
  const merger = new OrderedMerger(opts);
  const out: TimelineEntry[] = [];
  for (const e of sorted) for (const t of merger.push(e)) out.push(t);
  for (const t of merger.end()) out.push(t);
  return out;
}

/** The merge of entries read from the store already in the merged order, page by page. */
export async function* mergeOrdered(pages: AsyncIterable<readonly StoredEntry[]>, opts: MergeOptions = {}): AsyncGenerator<TimelineEntry[]> {
  const merger = new OrderedMerger(opts);
  for await (const page of pages) {
    const out: TimelineEntry[] = [];
    for (const e of page) for (const t of merger.push(e)) out.push(t);
    if (out.length > 0) yield out;
  }
  const rest = merger.end();
  if (rest.length > 0) yield rest;
}
