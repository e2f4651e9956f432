// A small pool of worker threads for parsing uploads, so a 50 000-row file never blocks the event loop.
import { Piscina } from 'piscina';
import type { IngestOptions, IngestOutcome } from './ingest.js';
import type { IngestTask, NdjsonHead, WorkerOutcome } from './ingest-worker.js';
import type { EntryInput } from './types.js';

export interface IngestPool {
  run(bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<IngestOutcome>;
  close(): Promise<void>;
}

// Under tsx/vitest this module is TypeScript and so is its worker; compiled, both are JavaScript.
const compiled = import.meta.url.endsWith('.js');
const workerFile = new URL(compiled ? './ingest-worker.js' : './ingest-worker.ts', import.meta.url).href;

const SLICE = 2000;

/** Parses the worker's NDJSON a line at a time (no giant string), yielding to other requests between slices. */
async function parseSlices(ndjson: Uint8Array): Promise<IngestOutcome> {
  const buf = Buffer.from(ndjson.buffer, ndjson.byteOffset, ndjson.byteLength);
  let at = 0;
  const nextLine = (): string => {
    const end = buf.indexOf(10, at);
    const line = buf.toString('utf8', at, end < 0 ? buf.length : end);
    at = end < 0 ? buf.length : end + 1;
    return line;
  };
  const head = JSON.parse(nextLine()) as NdjsonHead;
  const entries: EntryInput[] = [];
  for (let i = 1; i <= head.count; i++) {
    entries.push(JSON.parse(nextLine()) as EntryInput);
    if (i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { ok: true, report: head.report, entries };
}

export function createIngestPool(opts: { maxThreads?: number; maxHeapMb?: number } = {}): IngestPool {
  const pool = new Piscina<IngestTask, WorkerOutcome>({
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
      let outcome: WorkerOutcome;
      try {
        outcome = await pool.run({ bytes, fileName, options });
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
      if (!(outcome instanceof Uint8Array)) return outcome;
      return parseSlices(outcome);
    },
    close: () => pool.close({ force: true }),
  };
}
