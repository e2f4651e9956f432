// The export workers on the app: every timeline export and read runs there and streams back (export/export-pool.ts).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createExportPool, type ExportPool } from '../export/export-pool.js';

declare module 'fastify' {
  interface FastifyInstance {
    exports: ExportPool;
  }
}

export default fp(
  async function exportsPlugin(app: FastifyInstance, opts: { idleSeconds: number }) {
    const pool = createExportPool({ idleMs: opts.idleSeconds * 1000 });
    app.decorate('exports', pool);
    // One line an export, numbers only.
    pool.onEnded(({ outcome, entries, pages, bytes, stalls }) => {
      if (outcome === 'idle') app.log.warn({ outcome, idleSeconds: opts.idleSeconds, entries, pages, bytes, stalls }, 'export aborted: the client stopped reading');
      else app.log.info({ outcome, entries, pages, bytes, stalls }, 'export ended');
    });
    app.addHook('onClose', async () =>
      pool.close().catch((err: unknown) => app.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'export workers closed with an error')),
    );
  },
  { name: 'exports' },
);
