// What the main thread and the SQLite store thread (store-worker.ts) say to each other.
import type { EntryBatch } from './entry-batch.js';
import type { EntryTarget } from './entry-writer.js';

/** Every request names the connection it was meant for: a thread that died and was replaced has another one. */
export type StoreRequest =
  | { op: 'open'; file: string }
  | { op: 'query'; connection: string; sql: string; params: readonly unknown[] }
  | { op: 'entries'; connection: string; target: EntryTarget; rows: EntryBatch }
  | { op: 'close'; connection: string };

/** A statement's outcome as Kysely's SQLite driver gives it: rows of a reader, or changes and the last row id. */
export interface StoreQueryResult {
  rows: unknown[];
  changes?: number;
  lastInsertRowid?: number | bigint;
}

/** An error as it crosses the thread: what the error handler and the retry look at (code, name, message). */
export interface StoreFailure {
  name: string;
  message: string;
  code?: string;
}

export type StoreReply = { ok: true; result?: StoreQueryResult; connection?: string } | { ok: false; error: StoreFailure };
