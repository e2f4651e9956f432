// Worker-thread entry: parses one upload off the main thread (piscina calls the default export).
import { Piscina } from 'piscina';
import { ingestFile, type IngestOptions, type IngestOutcome } from './ingest.js';
import type { IngestReport } from './types.js';

export interface IngestTask {
  bytes: Uint8Array;
  fileName: string | undefined;
  options: IngestOptions;
}

/**
 * What crosses back to the main thread. A success travels as one NDJSON buffer, moved (not copied): its first
 * line is `{ report, count }`, then one entry per line, so the main thread can parse it a slice at a time
 * instead of deserialising 100 000 objects in one blocking step.
 */
export type WorkerOutcome = Uint8Array | Extract<IngestOutcome, { ok: false }>;

export interface NdjsonHead {
  report: IngestReport;
  count: number;
}

export default async function run(task: IngestTask): Promise<WorkerOutcome> {
  const outcome = await ingestFile(task.bytes, task.fileName, task.options);
  if (!outcome.ok) return outcome;
  const head: NdjsonHead = { report: outcome.report, count: outcome.entries.length };
  const lines = [JSON.stringify(head), ...outcome.entries.map((e) => JSON.stringify(e))];
  const ndjson = Buffer.from(lines.join('\n'), 'utf8');
  // A fresh ArrayBuffer of exactly the data, so the transfer moves nothing else of this thread's memory.
  const bytes = new Uint8Array(ndjson.byteLength);
  bytes.set(ndjson);
  return Piscina.move(bytes) as unknown as Uint8Array;
}
