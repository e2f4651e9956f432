// Store errors that a fresh attempt can cure (unique violations from a race, PostgreSQL deadlocks), and a retry.

const RETRYABLE_PG = new Set(['23505', '40001', '40P01']);
const UNIQUE_SQLITE = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** A unique or primary-key violation, on either store. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || (typeof code === 'string' && UNIQUE_SQLITE.has(code));
}

/** Worth one more attempt: a unique violation (someone else took the key first), a serialisation failure or a deadlock. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (RETRYABLE_PG.has(code) || UNIQUE_SQLITE.has(code));
}

/**
 * Runs `attempt` (a whole transaction: it must start afresh each time) until it succeeds, at most `times` times,
 * again only after a retryable store error; any other error, or the last one, is thrown as it is.
 */
export async function withRetry<T>(attempt: () => Promise<T>, times = 5): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= times || !isRetryable(err)) throw err;
      // A little jitter, so two instances that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * n)));
    }
  }
}
