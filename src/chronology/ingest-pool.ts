// A small pool of worker threads for parsing uploads, so a 50 000-row file never blocks the event loop.
import { Piscina } from 'piscina';
import type { IngestOptions, IngestOutcome } from './ingest.js';
import type { IngestTask, WorkerOutcome } from './ingest-worker.js';
import { PackedEntries } from './entry-frames.js';

/** A success keeps its entries packed (read them frame by frame); a failure is the same as IngestOutcome's. */
export type PackedOutcome = { ok: true; entries: PackedEntries; report: PackedEntries['report'] } | Extract<IngestOutcome, { ok: false }>;

export interface IngestPool {
  run(bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<IngestOutcome>;
  /** Like run, but the entries stay packed: for a consumer that writes them out slice by slice. */
  runPacked(bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<PackedOutcome>;
  close(): Promise<void>;
}

// Under tsx/vitest this module is TypeScript and so is its worker; compiled, both are JavaScript.
const compiled = import.meta.url.endsWith('.js');
const workerFile = new URL(compiled ? './ingest-worker.js' : './ingest-worker.ts', import.meta.url).href;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
  const runPacked = async (bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<PackedOutcome> => {
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
    const entries = new PackedEntries(outcome);
    return { ok: true, entries, report: entries.report };
  };
  return {
    runPacked,
    async run(bytes, fileName, options) {
      const outcome = await runPacked(bytes, fileName, options);
      if (!outcome.ok) return outcome;
      // Unpacked a frame at a time, yielding to other requests between frames.
      return { ok: true, report: outcome.report, entries: await outcome.entries.toArray(yieldTurn) };
    },
    close: () => pool.close({ force: true }),
  };
}
