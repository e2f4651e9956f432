// Entries crossing from the ingest worker to the main thread while the file is still being read: V8-serialised
// batches of entry rows over a MessagePort, then one message with the outcome.
import type { MessagePort } from 'node:worker_threads';
import { EntriesRestarted, fromEntryRow, toEntryRow } from '../chronology/entry-row.js';
import { packRows, transferOf, unpackRows, type EntryBatch, type PackedRows } from '../db/entry-batch.js';
import type { IngestOutcome } from './ingest.js';
import type { ReadWork } from './read-work.js';
import type { EntryInput, IngestReport } from '../chronology/types.js';

export type IngestFailure = Extract<IngestOutcome, { ok: false }>;

/** How an ingest ended: the report and how many entries were sent, or why the file was refused. */
export type IngestDone = { ok: true; report: IngestReport; count: number } | IngestFailure;

type StreamMessage = { kind: 'entries'; batch: PackedRows } | { kind: 'restart' } | { kind: 'done'; outcome: IngestDone; work: ReadWork };

const RESTART = 'restart';

/**
 * Worker side: one batch of settled entries, as rows (entry-row.ts) serialised here. The bytes move (not copied) and
 * stay bytes on the main thread: SQLite's store thread opens them, so the main thread never builds the rows.
 */
export function postEntries(port: MessagePort, entries: readonly EntryInput[]): void {
  const batch = packRows(entries.map(toEntryRow));
  port.postMessage({ kind: 'entries', batch } satisfies StreamMessage, transferOf(batch));
}

/** Worker side: the batches sent so far are void; they come again from the first. */
export function postRestart(port: MessagePort): void {
  port.postMessage({ kind: 'restart' } satisfies StreamMessage);
}

/** Worker side: the last message. Messages on one port arrive in order, so every batch is in before this. */
export function postDone(port: MessagePort, outcome: IngestDone, work: ReadWork): void {
  port.postMessage({ kind: 'done', outcome, work } satisfies StreamMessage);
}

/**
 * Main side: the batches as they arrive, kept as bytes (a third of their size as objects) until the consumer
 * reads them, then the outcome. A consumer that stores them can start before the worker has finished.
 */
export class EntryStream {
  /** Batches from a worker stay bytes, for the store to open; a JSON upload's are rows already. */
  private readonly queue: (EntryBatch | typeof RESTART)[] = [];
  private done: IngestDone | undefined;
  private readonly waiting: (() => void)[] = [];
  /** False once the consumer only wants the outcome: batches still arriving are dropped, not kept. */
  private keep = true;
  /** What the worker said in its last message, and whether its task has ended (see taskEnded). */
  private reported: IngestDone | undefined;
  private taskOver = false;
  /** What the read cost in its worker, once it has reported (undefined for a worker that died, and for JSON). */
  work: ReadWork | undefined;
  /** Called once, with how the stream ended. */
  onEnd: ((done: IngestDone) => void) | undefined;

  constructor(private readonly port?: MessagePort) {
    port?.on('message', (m: StreamMessage) => {
      if (m.kind === 'entries' || m.kind === 'restart') {
        if (this.keep) this.queue.push(m.kind === 'entries' ? m.batch : RESTART);
      } else {
        this.reported = m.outcome;
        this.work = m.work;
        if (this.taskOver) this.finish(m.outcome);
      }
      this.wakeAll();
    });
  }

  /**
   * The worker's task has ended, so its thread is free again. The stream ends only now, not at the worker's last
   * message: an answer sent before the pool knows its worker is free lets the next upload start a second, cold
   * worker (a few hundred ms). A task that failed ends the stream with `failure` unless the worker had reported.
   */
  taskEnded(failure?: IngestFailure): void {
    this.taskOver = true;
    if (this.reported) this.finish(this.reported);
    else if (failure) this.finish(failure);
  }

  /** A stream that is already complete: JSON uploads, read on the main thread. */
  static of(outcome: IngestOutcome): EntryStream {
    const stream = new EntryStream();
    if (outcome.ok) {
      if (outcome.entries.length > 0) stream.queue.push(outcome.entries.map(toEntryRow));
      stream.finish({ ok: true, report: outcome.report, count: outcome.entries.length });
    } else {
      stream.finish(outcome);
    }
    return stream;
  }

  /** Ends the stream with this outcome unless it has ended already. */
  private finish(outcome: IngestDone): void {
    if (this.done) return;
    this.done = outcome;
    this.port?.close();
    this.wakeAll();
    this.onEnd?.(outcome);
  }

  private wakeAll(): void {
    for (const wake of this.waiting.splice(0)) wake();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * The settled entries in order, a batch at a time, packed as the worker sent them; ends when the worker has
   * finished, whatever its outcome. Throws EntriesRestarted when those given so far are void; the next call gives
   * the new ones.
   */
  async *batches(): AsyncGenerator<EntryBatch> {
    for (;;) {
      const batch = this.queue.shift();
      if (batch === RESTART) throw new EntriesRestarted();
      if (batch) yield batch;
      else if (this.done) return;
      else await this.next();
    }
  }

  /** How the ingest ended; waits for the worker. Batches not yet read are dropped. */
  async outcome(): Promise<IngestDone> {
    this.keep = false;
    this.queue.length = 0;
    while (!this.done) await this.next();
    return this.done;
  }

  /** The consumer has given up (its store failed): what is queued or still to come is dropped. */
  abandon(): void {
    this.queue.length = 0;
    // Never answered: the store's own error is (this only ends the stream for anything still reading it).
    this.finish({ ok: false, failure: { kind: 'conflict', code: 'abandoned', message: 'The upload was abandoned.', details: {} } });
  }

  /** Every entry (a consumer that needs them all at once), then the outcome. */
  async collect(): Promise<IngestOutcome> {
    const entries: EntryInput[] = [];
    for (;;) {
      try {
        for await (const batch of this.batches()) for (const row of unpackRows(batch)) entries.push(fromEntryRow(row));
        break;
      } catch (err) {
        if (!(err instanceof EntriesRestarted)) throw err;
        entries.length = 0;
      }
    }
    const done = await this.outcome();
    return done.ok ? { ok: true, entries, count: entries.length, report: done.report } : done;
  }
}
