// Writes many entry rows fast inside a transaction: cached prepared statements on SQLite's store thread, unnest() on PostgreSQL.
import { open } from 'node:fs/promises';
import type SqliteDatabase from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type { EntryRow } from '../chronology/entry-row.js';
import { unpackRows, type EntryBatch } from './entry-batch.js';
import { entryId } from '../ids.js';
import { sortKeyer, type OrderFields } from '../timeline/order.js';
import type { EntriesTable, Schema } from './schema.js';

/** Where a batch of entries goes: its submission, and the position of its first entry in the upload. */
export interface EntryTarget {
  submissionId: string;
  caseId: string;
  /** The submission's agency: an entry's merged agency unless its row names one. */
  agency: string;
  position: number;
}

export interface EntryWriter {
  /** A packed batch may be moved to another thread: do not read it afterwards. */
  write(trx: Transaction<Schema>, target: EntryTarget, rows: EntryBatch): Promise<void>;
  /** Just before the upload's COMMIT: gets what the transaction wrote onto the disk without blocking the event loop. */
  beforeCommit(): Promise<void>;
}

/** The columns the store fills itself, then those of an EntryRow in its order. */
const COLUMNS = [
  'id',
  'submission_id',
  'case_id',
  'position',
  'date',
  'date_precision',
  'time',
  'source',
  'professional',
  'contact',
  'event',
  'outcome',
  'seen',
  'comment',
  'agency',
  'extra',
  'sheet',
  'row',
  'date_text',
  'time_text',
  'ambiguous_date',
  'sort_key',
] as const satisfies readonly (keyof EntriesTable)[];

const INTEGER = new Set<string>(['position', 'seen', 'row', 'ambiguous_date']);

/** The values the store adds before an entry's own (COLUMNS order): its id, submission, case and position. */
function storeValues(t: EntryTarget, index: number): [string, string, string, number] {
  const position = t.position + index;
  return [entryId(t.submissionId, position), t.submissionId, t.caseId, position];
}

/** The value the store adds after them: the entry's place in the merged order (order.ts), so reads come sorted. */
function keyValue(key: (e: OrderFields) => string, t: EntryTarget, id: string, r: EntryRow): string {
  return key({ date: r[0], time: r[2], agency: r[10] ?? t.agency, sheet: r[12], row: r[13], submissionId: t.submissionId, id });
}

/**
 * Rows per INSERT on SQLite: one statement for 50 rows binds the same values with a fiftieth of the calls (50, 200 or
 * 500 rows per INSERT cost the same: about 18 µs a row, SQLite's own B-tree and index work).
 */
const SQLITE_ROWS_PER_INSERT = 50;

/**
 * SQLite: Kysely compiles a fresh statement for every multi-row insert; prepared statements of 50 rows (and of one,
 * for the rest of a batch) on the same connection, so inside the same transaction, are several times faster for
 * 100 000 rows. This is the one place that goes under Kysely, and only for this hot path. It runs on the store
 * thread (store-worker.ts), inside the transaction the upload holds there.
 */
export function sqliteInserter(native: SqliteDatabase.Database): (target: EntryTarget, rows: readonly EntryRow[]) => void {
  const insert = (rows: number): string => `insert into entries (${COLUMNS.join(', ')}) values ${Array.from({ length: rows }, () => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')}`;
  let insertMany: SqliteDatabase.Statement | undefined;
  let insertOne: SqliteDatabase.Statement | undefined;
  const key = sortKeyer();
  const run = (target: EntryTarget, rows: readonly EntryRow[]): void => {
    insertMany ??= native.prepare(insert(SQLITE_ROWS_PER_INSERT));
    insertOne ??= native.prepare(insert(1));
    // better-sqlite3 binds an array argument's items in turn: each row's values follow the four the store adds.
    const values = (i: number): unknown[] => {
      const head = storeValues(target, i);
      const row = rows[i] as EntryRow;
      return [...head, row, keyValue(key, target, head[0], row)];
    };
    let i = 0;
    for (; i + SQLITE_ROWS_PER_INSERT <= rows.length; i += SQLITE_ROWS_PER_INSERT) {
      const args: unknown[] = [];
      for (let j = i; j < i + SQLITE_ROWS_PER_INSERT; j++) args.push(...values(j));
      insertMany.run(...args);
    }
    for (; i < rows.length; i++) insertOne.run(...values(i));
  };
  return (target, rows) => {
    try {
      run(target, rows);
    } catch (err) {
      // On SQLITE_FULL or an I/O error SQLite may roll the whole transaction back itself; Kysely's ROLLBACK
      // would then fail and hide the real error (a 500 instead of 507). Reopen an empty transaction for it.
      if (!native.inTransaction) native.exec('BEGIN');
      throw err;
    }
  };
}

/** Where the main thread sends a batch of entries: the store thread that holds the upload's transaction. */
export interface EntrySink {
  entries(target: EntryTarget, rows: EntryBatch): Promise<void>;
}

/**
 * SQLite, from the main thread: each batch goes to the store thread, which inserts it while the event loop answers
 * other requests (the inserts and the COMMIT's fsync no longer hold it). A packed batch moves there unopened.
 */
export function sqliteEntryWriter(sink: EntrySink, file: string): EntryWriter {
  const write: EntryWriter['write'] = (_trx, target, rows) => sink.entries(target, rows);
  /**
   * With synchronous=FULL the COMMIT fsyncs the WAL, and a 50 000-row upload has written tens of MB to it. An
   * fdatasync of the WAL from libuv's thread pool first flushes all that, so the COMMIT's own fsync (on the store
   * thread) has only the last pages left and other statements wait less. (It only adds a flush: durability is unchanged.)
   */
  const beforeCommit = async (): Promise<void> => {
    const wal = await open(`${file}-wal`, 'r').catch(() => undefined);
    if (!wal) return;
    try {
      await wal.datasync();
    } finally {
      await wal.close();
    }
  };
  return { write, beforeCommit };
}

const PG_CHUNK = 5000;

/** PostgreSQL: one statement per 5 000 rows, each column sent as one array and unnested. */
export function postgresEntryWriter(): EntryWriter {
  const key = sortKeyer();
  const write: EntryWriter['write'] = async (trx, target, batch) => {
    const entryRows = unpackRows(batch);
    for (let i = 0; i < entryRows.length; i += PG_CHUNK) {
      const chunk = entryRows.slice(i, i + PG_CHUNK);
      const rows = chunk.map((r, j) => {
        const head = storeValues(target, i + j);
        return [...head, ...r, keyValue(key, target, head[0], r)];
      });
      const arrays = COLUMNS.map((c, k) => sql`${rows.map((r) => r[k])}::${sql.raw(INTEGER.has(c) ? 'integer' : 'text')}[]`);
      await sql`insert into entries (${sql.join(COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
    }
  };
  // The server's own COMMIT does not block this process.
  return { write, beforeCommit: () => Promise.resolve() };
}
