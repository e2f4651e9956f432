// Worker-thread entry: parses one upload off the main thread (piscina calls the default export).
import { ingestFile, type IngestOptions, type IngestOutcome } from './ingest.js';

export interface IngestTask {
  bytes: Uint8Array;
  fileName: string | undefined;
  options: IngestOptions;
}

export default async function run(task: IngestTask): Promise<IngestOutcome> {
  return ingestFile(task.bytes, task.fileName, task.options);
}
