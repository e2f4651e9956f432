// Worker-thread entry: parses one upload off the main thread (piscina calls the default export).
import { Piscina } from 'piscina';
import { packEntries } from './entry-frames.js';
import { ingestFile, type IngestOptions, type IngestOutcome } from './ingest.js';

export interface IngestTask {
  bytes: Uint8Array;
  fileName: string | undefined;
  options: IngestOptions;
}

/**
 * What crosses back to the main thread. A success travels as one buffer of serialised slices (entry-frames.ts),
 * moved (not copied), so the main thread can unpack it a slice at a time instead of deserialising 100 000
 * objects in one blocking step.
 */
export type WorkerOutcome = Uint8Array | Extract<IngestOutcome, { ok: false }>;

export default async function run(task: IngestTask): Promise<WorkerOutcome> {
  const outcome = await ingestFile(task.bytes, task.fileName, task.options);
  if (!outcome.ok) return outcome;









  return Piscina.move(packEntries(outcome.report, outcome.entries)) as unknown as Uint8Array;
}
