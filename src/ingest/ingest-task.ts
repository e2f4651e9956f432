// One upload read in a worker thread: entries go back over the task's port as they settle, then the outcome.
import type { MessagePort } from 'node:worker_threads';
import { postDone, postEntries, postRestart } from './entry-stream.js';
import { ingestFile, type IngestOptions } from './ingest.js';
import { readWork, startReadWork } from './read-work.js';

export interface IngestTask {
  bytes: Uint8Array;
  fileName: string | undefined;
  options: IngestOptions;
  /** Where settled entries go as they are built, then the outcome (entry-stream.ts). */
  port: MessagePort;
}

export async function runIngestTask(task: IngestTask): Promise<void> {
  const { port } = task;
  startReadWork();
  try {
    const outcome = await ingestFile(
      task.bytes,
      task.fileName,
      task.options,
      (entries) => postEntries(port, entries),
      () => postRestart(port),
    );
    postDone(port, outcome.ok ? { ok: true, report: outcome.report, count: outcome.count } : outcome, { ...readWork });
  } finally {
    port.close();
  }
}
