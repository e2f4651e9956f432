// Worker threads for parsing uploads, so a 50 000-row file never blocks the event loop: one pool for xlsx, csv and
// docx, and a sandboxed one for the files SheetJS reads (.xls, .ods).
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerScript } from '../worker-script.js';
import type { IngestOptions, IngestOutcome } from './ingest.js';
import type { IngestTask } from './ingest-task.js';
import { readsWithSheetJs } from './detect-format.js';
import { EntryStream, type IngestFailure } from './entry-stream.js';
import type { ReadWork } from './read-work.js';

/**
 * The file's memory moves to the worker instead of being copied (25 MB for a large CSV) when the Buffer owns all of
 * it, as a received upload's does; the caller's Buffer is then empty. A small Buffer that shares Node's pool is copied.
 */
function movable(bytes: Buffer): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

export interface IngestPool {
  /**
   * Entries stream back as the worker settles them (see EntryStream); the outcome comes last. `bytes` moves to the
   * worker: do not read it afterwards.
   */
  start(bytes: Buffer, fileName: string | undefined, options: IngestOptions): EntryStream;
  /** Every entry at once, for a consumer that needs the whole list (the stateless merge); `bytes` moves as above. */
  run(bytes: Buffer, fileName: string | undefined, options: IngestOptions): Promise<IngestOutcome>;
  close(): Promise<void>;
}

const worker = workerScript('ingest-worker', import.meta.url);
const sheetWorker = workerScript('sheet-worker', import.meta.url);

const outOfMemory: IngestFailure = {
  ok: false,
  failure: {
    kind: 'over-limit',
    code: 'too_large',
    message: 'The file needs more memory to read than the service allows. Split it or remove unused sheets, then upload again.',
    details: { limit: 'memory' },
  },
};

const tooSlow = (ms: number): IngestFailure => ({
  ok: false,
  failure: {
    kind: 'over-limit',
    code: 'too_large',
    message: `The file took longer than ${Math.round(ms / 1000)} s to read, so reading it was stopped. Save it as .xlsx (or split it), then upload again.`,
    details: { limit: 'time' },
  },
});

export interface IngestPoolOptions {
  maxThreads?: number;
  minThreads?: number;
  maxHeapMb?: number;
  /** The SheetJS worker's old-generation heap (256 MB by default). */
  sheetHeapMb?: number;
  /** Told, after each read, how it ended and what it cost in its worker (`work` undefined when the worker died or was stopped). */
  onRead?: (read: { format: 'sheetjs' | 'other'; ok: boolean; code: string | undefined; limit: string | undefined; ms: number; work: ReadWork | undefined }) => void;
}

/** How the SheetJS worker is started: frozen intrinsics, and limits on its heap, young generation and stack. */
export function sheetWorkerSetup(heapMb = 256): { execArgv: string[]; resourceLimits: ResourceLimits } {
  return {
    execArgv: [...sheetWorker.execArgv, '--frozen-intrinsics', '--disable-warning=ExperimentalWarning'],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
  };
}

export function createIngestPool(opts: IngestPoolOptions = {}): IngestPool {
  const pool = new Piscina<IngestTask, void>({
    filename: worker.filename,
    // One worker kept warm (modules loaded): a cold start adds a few hundred ms to an upload.
    minThreads: opts.minThreads ?? 1,
    maxThreads: opts.maxThreads ?? 2,
    idleTimeout: 30_000,
    // A hostile file that still gets past the limits exhausts the worker's heap, not the server's.
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
    execArgv: worker.execArgv,
  });
  // SheetJS reads a whole legacy workbook into objects of its own: it runs alone, started only when such a file comes,
  // with frozen intrinsics (a crafted file cannot pollute a prototype) and tight limits on heap, young generation and
  // stack. Only primitive cell values leave SheetJS (read/sheetjs.ts).
  const sheets = new Piscina<IngestTask, void>({
    filename: sheetWorker.filename,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 30_000,
    ...sheetWorkerSetup(opts.sheetHeapMb),
  });
  const start = (bytes: Buffer, fileName: string | undefined, options: IngestOptions): EntryStream => {
    const { port1, port2 } = new MessageChannel();
    const stream = new EntryStream(port1);
    const maxMs = options.limits.maxReadMs;
    const target = readsWithSheetJs(bytes) ? sheets : pool;
    // The worker died (out of memory, crashed) or ran out of time (piscina then ends its thread): the file is
    // refused, the server carries on. A worker that finished has already reported its own outcome, which this does
    // not replace.
    const signal = AbortSignal.timeout(maxMs);
    const t0 = performance.now();
    stream.onEnd = (done) => {
      const failed = done.ok ? undefined : done.failure;
      const limit = failed?.details.limit;
      opts.onRead?.({
        format: target === sheets ? 'sheetjs' : 'other',
        ok: done.ok,
        code: failed?.code,
        limit: typeof limit === 'string' ? limit : undefined,
        ms: Math.round(performance.now() - t0),
        work: stream.work,
      });
    };
    target.run({ bytes, fileName, options, port: port2 }, { transferList: [port2, ...movable(bytes)], signal }).then(
      () => stream.taskEnded(),
      () => stream.taskEnded(signal.aborted ? tooSlow(maxMs) : outOfMemory),
    );
    return stream;
  };
  return {
    start,
    run: (bytes, fileName, options) => start(bytes, fileName, options).collect(),
    close: async () => {
      await Promise.all([pool.close({ force: true }), sheets.close({ force: true })]);
    },
  };
}
