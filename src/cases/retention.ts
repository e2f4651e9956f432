// Purges closed cases whose retention period has run out: at start-up, then once a day.
import type { FastifyInstance } from 'fastify';

const DAY = 24 * 60 * 60 * 1000;

export async function purgeExpired(app: FastifyInstance, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY).toISOString();
  const ids = await app.repos.cases.closedBefore(cutoff);
  for (const id of ids) {
    await app.repos.cases.purge(id);
    await app.repos.audit.record({ caseId: null, tokenId: null, role: 'system', action: 'case.purge', outcome: 'ok', detail: { caseId: id, reason: 'retention' } });
  }
  if (ids.length > 0) await app.database.compact();
  return ids.length;
}

export function scheduleRetention(app: FastifyInstance, retentionDays: number): void {
  const run = (): void => {
    purgeExpired(app, retentionDays).then(
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
