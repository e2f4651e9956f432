// A small pool of worker threads for parsing uploads, so a 50 000-row file never blocks the event loop.
import { Piscina } from 'piscina';
import type { IngestOptions, IngestOutcome } from './ingest.js';
import type { IngestTask } from './ingest-worker.js';

export interface IngestPool {
  run(bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<IngestOutcome>;
  close(): Promise<void>;
}

// Under tsx/vitest this module is TypeScript and so is its worker; compiled, both are JavaScript.
const compiled = import.meta.url.endsWith('.js');
const workerFile = new URL(compiled ? './ingest-worker.js' : './ingest-worker.ts', import.meta.url).href;

export function createIngestPool(opts: { maxThreads?: number; maxHeapMb?: number } = {}): IngestPool {
  const pool = new Piscina<IngestTask, IngestOutcome>({
    filename: workerFile,
    minThreads: 0,
    maxThreads: opts.maxThreads ?? 2,
    idleTimeout: 30_000,
    // A hostile file that still gets past the limits exhausts the worker's heap, not the server's.
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
    execArgv: compiled ? [] : ['--import', 'tsx'],
  });
  return {
    async run(bytes, fileName, options) {
      try {
        return await pool.run({ bytes, fileName, options });
      } catch {
        // The worker died (out of memory, crashed): the file is refused, the server carries on.
        return {
          ok: false,
          statusCode: 413,
          body: {
            error: 'too_large',
            limit: 'memory',
            message: 'The file needs more memory to read than the service allows. Split it or remove unused sheets, then upload again.',
          },
        };
      }
    },
    close: () => pool.close({ force: true }),
  };
}
