// Purges closed cases whose retention period has run out: at start-up, then once a day.
import type { FastifyInstance } from 'fastify';
import type { AuditRepository } from '../audit/audit-repository.js';
import type { CasesRepository } from './cases-repository.js';

const DAY = 24 * 60 * 60 * 1000;

export interface RetentionDeps {
  cases: CasesRepository;
  audit: AuditRepository;
  /** Reclaims the purged pages so no deleted text lingers in the store's files. */
  compact(): Promise<void>;
}

export async function purgeExpired(deps: RetentionDeps, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY).toISOString();
  const ids = await deps.cases.closedBefore(cutoff);
  for (const id of ids) {
    await deps.cases.purge(id);
    await deps.audit.record({ caseId: null, tokenId: null, role: 'system', action: 'case.purge', outcome: 'ok', detail: { caseId: id, reason: 'retention' } });
  }
  if (ids.length > 0) await deps.compact();
  return ids.length;
}

/** The wiring: the app's repositories and store, checked when the app is ready and daily after. */
export function scheduleRetention(app: FastifyInstance, retentionDays: number): void {
  const deps: RetentionDeps = { cases: app.repos.cases, audit: app.repos.audit, compact: () => app.database.compact() };
  const run = (): void => {
    purgeExpired(deps, retentionDays).then(
      (purged) => app.log.info({ purged }, 'retention check'),
      (err: unknown) => app.log.error({ err: { type: err instanceof Error ? err.name : 'unknown' } }, 'retention check failed'),
    );
  };
  app.addHook('onReady', async () => {
    run();
    const timer = setInterval(run, DAY);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  });
}
