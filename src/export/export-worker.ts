// Worker-thread entry for timeline exports: one export off the main thread (piscina calls the default export).
import { runExportTask } from './export-task.js';

export type { ExportTask, ExportOutcome } from './export-task.js';

export default runExportTask;
