// Runs SQLite's WAL checkpoints in a worker thread instead of inside whichever COMMIT crosses the threshold.
import { Piscina } from 'piscina';
import { workerScript } from '../worker-script.js';
import type { CheckpointTask } from './checkpoint-worker.js';

/**
 * By default SQLite checkpoints inside the COMMIT that takes the WAL past 1000 pages: after a 50 000-row upload
 * that copied ~35 MB into the database file and fsynced it on the event loop (~60 ms). The main connection turns
 * that off (`wal_autocheckpoint = 0`) and this worker checkpoints instead, every few seconds, on its own
 * connection. A request while one runs is dropped: the next tick does it.
 */
export interface Checkpointer {
  close(): Promise<void>;
}

const worker = workerScript('checkpoint-worker', import.meta.url);

export function startCheckpointer(file: string, everyMs = 5000): Checkpointer {
  // Started at the first tick: a process that lives a few seconds (a test, a CLI) never needs it.
  let pool: Piscina<CheckpointTask, void> | undefined;
  let running: Promise<void> | undefined;
  const tick = (): void => {
    pool ??= new Piscina<CheckpointTask, void>({
      filename: worker.filename,
      minThreads: 1,
      maxThreads: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: worker.execArgv,
    });
    // A checkpoint that fails leaves the WAL as it is (safe); the next start-up folds it in.
    running ??= pool.run({ file }).then(
      () => {
        running = undefined;
      },
      () => {
        running = undefined;
      },
    );
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await running;
      if (!pool) return;
      // The worker's connection closes first, so the main connection's close is the last and tidies the WAL.
      await pool.run({ file, close: true }).catch(() => undefined);
      // a checkpoint worker still starting may refuse a tidy end; the main connection's close tidies the WAL anyway
      await pool.close({ force: true }).catch(() => undefined);
    },
  };
}
