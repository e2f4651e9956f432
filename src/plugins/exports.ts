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
  async function exportsPlugin(app: FastifyInstance) {
    const pool = createExportPool();
    app.decorate('exports', pool);
    pool.onEnded(({ outcome, entries, pages, bytes, stalls }) => app.log.info({ outcome, entries, pages, bytes, stalls }, 'export ended'));
    app.addHook('onClose', async () =>
      pool.close().catch((err: unknown) => app.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'export workers closed with an error')),
    );
  },
  { name: 'exports' },
);
