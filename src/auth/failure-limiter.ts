// Counts failed sign-ins per client address; past the limit in a minute the address waits. In memory (one instance)
// or through the store (instances on one PostgreSQL share the count).
import type { RateCounters } from '../db/rate-counters.js';

export interface SignInFailures {
  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(address: string): Promise<number>;
  fail(address: string): Promise<void>;
}

/** One instance: a sliding minute per address, in memory. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds the address must wait, or 0 when it may try. */
  retryAfter(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.perMinute) return 0;
    const oldest = recent[0] ?? this.now();
    return Math.max(1, Math.ceil((oldest + 60_000 - this.now()) / 1000));
  }

  fail(address: string): void {
    const recent = this.recent(address);
    recent.push(this.now());
    this.failures.set(address, recent);
    if (this.failures.size > 10_000) this.prune();
  }

  private recent(address: string): number[] {
    const cutoff = this.now() - 60_000;
    return (this.failures.get(address) ?? []).filter((t) => t > cutoff);
  }

  private prune(): void {
    for (const address of [...this.failures.keys()]) {
      if (this.recent(address).length === 0) this.failures.delete(address);
    }
  }
}

/** In memory, for one instance (SQLite): the limiter above behind the shared interface. */
export function localSignInFailures(perMinute: number): SignInFailures {
  const limiter = new FailureLimiter(perMinute);
  return {
    retryAfter: (address) => Promise.resolve(limiter.retryAfter(address)),
    fail: (address) => Promise.resolve(limiter.fail(address)),
  };
}

/** Through the store, for instances on one PostgreSQL: a fixed minute per address, counted by every instance. */
export function sharedSignInFailures(perMinute: number, counters: RateCounters): SignInFailures {
  const key = (address: string): string => `sign-in:${address}`;
  return {
    async retryAfter(address) {
      const { count, ttlMs } = await counters.read(key(address), 60_000);
      return count < perMinute ? 0 : Math.max(1, Math.ceil(ttlMs / 1000));
    },
    async fail(address) {
      await counters.hit(key(address), 60_000);
    },
  };
}
