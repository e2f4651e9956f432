// Worker-thread entry for the files SheetJS reads (.xls, .ods): started by the pool with frozen intrinsics, a smaller
// heap, young generation and stack, and a time limit (ingest-pool.ts), so a hostile file can harm only this thread.
import './quiet-console.js';
import { runIngestTask } from './ingest-task.js';

void import('@e965/xlsx').catch(() => undefined);

export default runIngestTask;
