// A small pool of worker threads for parsing uploads, so a 50 000-row file never blocks the event loop.
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerScript } from '../worker-script.js';
import type { IngestOptions, IngestOutcome } from './ingest.js';
import type { IngestTask } from './ingest-worker.js';
import { EntryStream, type IngestFailure } from './entry-stream.js';

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

const outOfMemory: IngestFailure = {
  ok: false,
  statusCode: 413,
  body: {
    error: 'too_large',
    limit: 'memory',
    message: 'The file needs more memory to read than the service allows. Split it or remove unused sheets, then upload again.',
  },
};

export function createIngestPool(opts: { maxThreads?: number; minThreads?: number; maxHeapMb?: number } = {}): IngestPool {
  const pool = new Piscina<IngestTask, void>({
    filename: worker.filename,
    // One worker kept warm (modules loaded, exceljs imported): a cold start adds a few hundred ms to an upload.
    minThreads: opts.minThreads ?? 1,
    maxThreads: opts.maxThreads ?? 2,
    idleTimeout: 30_000,
    // A hostile file that still gets past the limits exhausts the worker's heap, not the server's.
    resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
    execArgv: worker.execArgv,
  });
  const start = (bytes: Buffer, fileName: string | undefined, options: IngestOptions): EntryStream => {
    const { port1, port2 } = new MessageChannel();
    const stream = new EntryStream(port1);
    // The worker died (out of memory, crashed): the file is refused, the server carries on. A worker that
    // finished has already reported its own outcome, which this does not replace.
    pool.run({ bytes, fileName, options, port: port2 }, { transferList: [port2, ...movable(bytes)] }).then(
      () => stream.taskEnded(),
      () => stream.taskEnded(outOfMemory),
    );
    return stream;
  };
  return {
    start,
    run: (bytes, fileName, options) => start(bytes, fileName, options).collect(),
    close: () => pool.close({ force: true }),
  };
}
