// Multipart parsing with the upload limits, and the worker pool that reads the files.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createIngestPool, type IngestPool } from '../ingest/ingest-pool.js';
import { defaultLimits, type IngestLimits } from '../ingest/limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    ingest: IngestPool;
    ingestLimits: IngestLimits;
  }
}

export default fp(
  async function uploadsPlugin(app: FastifyInstance, opts: { maxUploadBytes: number }) {
    const limits: IngestLimits = { ...defaultLimits, maxFileBytes: opts.maxUploadBytes };
    await app.register(multipart, {
      throwFileSizeLimit: true,
      limits: {
        fileSize: limits.maxFileBytes,
        files: 1,
        fields: 10,
        parts: 12,
        fieldSize: 1024 * 1024,
        fieldNameSize: 100,
        headerPairs: 100,
      },
    });
    // One line per read, numbers and codes only (never a name or a file's content): what a hostile file cost is seen there.
    const pool = createIngestPool({ onRead: ({ work, ...read }) => app.log.info({ ...read, inflatedBytes: work?.inflatedBytes }, 'upload read') });
    app.decorate('ingest', pool);
    app.decorate('ingestLimits', limits);
    // a worker still starting when the signal comes may refuse a tidy end: that is logged, and the store still closes
    app.addHook('onClose', async () =>
      pool.close().catch((err: unknown) => app.log.warn({ error: err instanceof Error ? err.name : 'unknown' }, 'ingest workers closed with an error')),
    );
  },
  { name: 'uploads' },
);
