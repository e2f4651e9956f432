// Worker-thread entry for xlsx, csv and docx uploads: parses one upload off the main thread (piscina calls the default export).
import { runIngestTask } from './ingest-task.js';

export type { IngestTask } from './ingest-task.js';

export default runIngestTask;
