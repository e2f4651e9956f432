// Counts per key in fixed time windows, kept in the store so every instance on one PostgreSQL sees the same counts.
import { sql, type Kysely } from 'kysely';
import type { Schema } from './schema.js';

export interface WindowCount {
  /** Hits in the current window (this one included, for `hit`). */
  count: number;
  /** Milliseconds until the window ends (0 when no window is open). */
  ttlMs: number;
}

/** Windows that ended longer ago than this are deleted by `prune`. */
const KEEP_MS = 10 * 60_000;

export class RateCounters {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit for `key`: a window of `windowMs` opens at the first hit and the count starts again after it. */
  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    const expired = now - windowMs;
    // One statement, atomic on both stores: a concurrent hit from another instance waits for the row, then counts on.
    const row = await this.db
      .insertInto('rate_counters')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_counters.window_start <= ${expired} then 1 else rate_counters.count + 1 end`,
          window_start: sql<number>`case when rate_counters.window_start <= ${expired} then ${now} else rate_counters.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), ttlMs: Math.max(0, Number(row.window_start) + windowMs - now) };
  }

  /** The count of the window open for `key`, without counting. */
  async read(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    const row = await this.db.selectFrom('rate_counters').select(['count', 'window_start']).where('key', '=', key).executeTakeFirst();
    const ends = row ? Number(row.window_start) + windowMs : 0;
    return row && ends > now ? { count: Number(row.count), ttlMs: ends - now } : { count: 0, ttlMs: 0 };
  }

  /** Deletes windows long over (any instance may run it; each key is recreated on its next hit). */
  async prune(): Promise<void> {
    await this.db.deleteFrom('rate_counters').where('window_start', '<', this.now() - KEEP_MS).execute();
  }
}
