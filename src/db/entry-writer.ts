// Writes many entry rows fast inside a transaction: a cached prepared statement on SQLite, unnest() on PostgreSQL.
import type SqliteDatabase from 'better-sqlite3';
import { sql, type Transaction } from 'kysely';
import type { EntriesTable, Schema } from './schema.js';

export type EntryWriter = (trx: Transaction<Schema>, rows: readonly EntriesTable[]) => Promise<void>;

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
] as const satisfies readonly (keyof EntriesTable)[];

const INTEGER = new Set<string>(['position', 'seen', 'row', 'ambiguous_date']);

/**
 * SQLite: Kysely compiles a fresh statement for every multi-row insert; a prepared statement run per row on the
 * same connection (so inside the same transaction) is several times faster for 100 000 rows. This is the one
 * place that goes under Kysely, and only for this hot path.
 */
export function sqliteEntryWriter(native: SqliteDatabase.Database): EntryWriter {
  let insert: SqliteDatabase.Statement | undefined;
  // Synchronous like all of better-sqlite3: the caller passes slices and yields between them.
  return async (_trx, rows) => {
    insert ??= native.prepare(`insert into entries (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as EntriesTable;
      try {
        insert.run(COLUMNS.map((c) => r[c]));
      } catch (err) {
        // On SQLITE_FULL or an I/O error SQLite may roll the whole transaction back itself; Kysely's ROLLBACK
        // would then fail and hide the real error (a 500 instead of 507). Reopen an empty transaction for it.
        if (!native.inTransaction) native.exec('BEGIN');
        throw err;
      }
    }
  };
}

const PG_CHUNK = 5000;

/** PostgreSQL: one statement per 5 000 rows, each column sent as one array and unnested. */
export function postgresEntryWriter(): EntryWriter {
  return async (trx, rows) => {
    for (let i = 0; i < rows.length; i += PG_CHUNK) {
      const chunk = rows.slice(i, i + PG_CHUNK);
      const arrays = COLUMNS.map((c) => sql`${chunk.map((r) => r[c])}::${sql.raw(INTEGER.has(c) ? 'integer' : 'text')}[]`);
      await sql`insert into entries (${sql.join(COLUMNS.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
    }
  };
}
