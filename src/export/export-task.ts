// One export in a worker thread: reads the case's entries from the store in pages, merges, narrows and anonymises
// them, and writes the format into the channel to the response (export-channel.ts).
import { threadId, type MessagePort } from 'node:worker_threads';
import { finished, pipeline } from 'node:stream/promises';
import type { StoreLocator } from '../db/database.js';
import { storedEntry } from '../db/entry-reader.js';
import { runTimeline, type TimelineJob } from '../timeline/timeline-job.js';
import type { Format } from '../timeline/render-timeline.js';
import type { ExportContext } from './export-context.js';
import { ChannelSink, type ToMain } from './export-channel.js';
import { openPageReader } from './export-store.js';
import { timelineToCsv } from './to-csv.js';
import { writeTimelineDocx } from './to-docx.js';
import { timelineToJson } from './to-json.js';
import { writeTimelinePdf } from './to-pdf.js';
import { writeTimelineXlsx } from './to-xlsx.js';

export interface ExportTask {
  store: StoreLocator;
  format: Format;
  job: TimelineJob;
  ctx: ExportContext;
  /** The JSON document's fields before `entries` (the case and names mode); the report follows the entries. */
  jsonHead: Record<string, unknown>;
  /** How long the writer may wait for the client to take bytes before the export is aborted. */
  idleMs: number;
  port: MessagePort;
}

/** How an export ended, in numbers only (logged, and what the tests look at). */
export interface ExportOutcome {
  /** `stopped`: the client went away; `idle`: it took no bytes for the idle limit, and the export was aborted. */
  outcome: 'done' | 'stopped' | 'idle' | 'failed';
  entries: number;
  /** Page queries sent to the store. */
  pages: number;
  bytes: number;
  /** The most bytes sent and not yet taken by the response at any time, and how often the writer waited for credit. */
  maxAhead: number;
  stalls: number;
  threadId: number;
}

export async function runExportTask(task: ExportTask): Promise<ExportOutcome> {
  const { port } = task;
  const sink = new ChannelSink(port, { idleMs: task.idleMs });
  let pages = 0;
  let entries = 0;
  let outcome: ExportOutcome['outcome'] = 'done';
  const reader = await openPageReader(task.store);
  try {
    async function* stored() {
      for await (const page of reader.pages(task.job.read, () => pages++)) {
        yield page.map(storedEntry);
        // A turn of the worker's loop per page: a stop is heard even while nothing is written (a filter that keeps
        // nothing), and the other exports on this thread move on.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    const timeline = runTimeline(stored(), task.job);
    async function* counted() {
      for await (const e of timeline.entries) {
        entries++;
        yield e;
      }
    }
    switch (task.format) {
      case 'json':
        await pipeline(timelineToJson(counted(), task.jsonHead, () => ({ report: timeline.report() })), sink);
        break;
      case 'csv':
        await pipeline(timelineToCsv(counted()), sink);
        break;
      case 'xlsx':
        await writeTimelineXlsx(counted(), task.ctx, sink);
        break;
      case 'docx':
        await writeTimelineDocx(counted(), task.ctx, sink);
        break;
      case 'pdf':
        await writeTimelinePdf(counted(), task.ctx, sink);
        break;
    }
    await finished(sink);
  } catch {
    // The error itself may quote a cell; only the fact is reported.
    outcome = sink.stopped ? 'stopped' : sink.idle ? 'idle' : 'failed';
    if (outcome === 'failed') port.postMessage({ type: 'error' } satisfies ToMain);
  } finally {
    await reader.close().catch(() => undefined);
    // After a stop nothing more goes to the main thread (after an idle abort it has had its last message);
    // otherwise the main thread closes the channel once it has every message (closing here could drop the last ones).
    if (sink.stopped) port.close();
  }
  return { outcome, entries, pages, bytes: sink.bytes, maxAhead: sink.maxAhead, stalls: sink.stalls, threadId };
}
