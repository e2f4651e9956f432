// A batch of entry rows on its way to the store: V8-serialised bytes from the ingest worker, opened only by the
// thread that writes them (SQLite's store thread), or rows already in hand (JSON uploads, tests).
import { deserialize, serialize } from 'node:v8';
import type { EntryRow } from '../chronology/entry-row.js';

/** Rows serialised once where they were built: the threads between only move the bytes. */
export interface PackedRows {
  readonly packed: Uint8Array;
  readonly count: number;
}

export type EntryBatch = readonly EntryRow[] | PackedRows;

/** The rows as bytes that own their whole buffer, so they can be moved to another thread instead of copied. */
export function packRows(rows: readonly EntryRow[]): PackedRows {
  const bytes = serialize(rows);
  const packed = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Buffer.from(bytes);
  return { packed, count: rows.length };
}

export const isPacked = (batch: EntryBatch): batch is PackedRows => !Array.isArray(batch);

export const batchLength = (batch: EntryBatch): number => (isPacked(batch) ? batch.count : batch.length);

export const unpackRows = (batch: EntryBatch): readonly EntryRow[] => (isPacked(batch) ? (deserialize(batch.packed) as EntryRow[]) : batch);

/** What moves with a batch when it is posted to another thread: a packed batch's bytes (the sender's copy is then empty). */
export const transferOf = (batch: EntryBatch): ArrayBuffer[] =>
  isPacked(batch) && batch.packed.buffer instanceof ArrayBuffer && batch.packed.byteLength === batch.packed.buffer.byteLength ? [batch.packed.buffer] : [];
