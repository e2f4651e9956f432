// The worker threads that run exports: each reads the store on a connection of its own and streams the file back
// through a credit channel, so the main thread only moves bytes to the response (DESIGN §9).
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Readable } from 'node:stream';
import { workerScript } from '../worker-script.js';
import { ChannelSource } from './export-channel.js';
import type { ExportOutcome, ExportTask } from './export-task.js';

export interface ExportPool {
  /** The export's bytes; destroying the stream (the client went away) stops the worker's task. */
  start(task: Omit<ExportTask, 'port' | 'idleMs'>): Readable;
  /** Told of every export's end, in numbers only; returns the function that stops telling. */
  onEnded(listener: (o: ExportOutcome) => void): () => void;
  close(): Promise<void>;
}

export interface ExportPoolOptions {
  maxThreads?: number;
  /** Exports one thread runs at once: a task mostly waits on the store or on the client's socket. */
  tasksPerThread?: number;
  /** An export whose client takes no bytes for this long is aborted (30 s; EXPORT_IDLE_SECONDS). */
  idleMs?: number;
}

const worker = workerScript('export-worker', import.meta.url);

export function createExportPool(opts: ExportPoolOptions = {}): ExportPool {
  const pool = new Piscina<ExportTask, ExportOutcome>({
    filename: worker.filename,
    // One worker kept warm: the timeline's JSON read goes through here too.
    minThreads: 1,
    maxThreads: opts.maxThreads ?? 2,
    concurrentTasksPerWorker: opts.tasksPerThread ?? 4,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    execArgv: worker.execArgv,
  });
  const listeners = new Set<(o: ExportOutcome) => void>();
  return {
    start(task) {
      const { port1, port2 } = new MessageChannel();
      const body = new ChannelSource(port1);
      pool.run({ ...task, idleMs: opts.idleMs ?? 30_000, port: port2 }, { transferList: [port2] }).then(
        (o) => {
          for (const l of listeners) l(o);
        },
        () => {
          // The thread died (out of memory) or the pool closed: the response ends with an error.
          port1.close();
          body.destroy(new Error('export failed'));
          for (const l of listeners) l({ outcome: 'failed', entries: 0, pages: 0, bytes: 0, maxAhead: 0, stalls: 0, threadId: -1 });
        },
      );
      return body;
    },
    onEnded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => pool.close({ force: true }),
  };
}
