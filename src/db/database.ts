// Opens the store: SQLite (better-sqlite3, WAL) by default, PostgreSQL when a URL is given; runs migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { kyselyEntryReader, sqliteEntryReader, type EntryReader } from './entry-reader.js';
import { postgresEntryWriter, sqliteEntryWriter, type EntryWriter } from './entry-writer.js';
import { startCheckpointer, type Checkpointer } from './checkpointer.js';
import { migrationProvider } from './migrations.js';
import { SplitSqliteDialect } from './split-sqlite-dialect.js';
import { DurabilityError } from './sqlite-writer.js';
import { StoreThread } from './store-thread.js';
import type { Schema } from './schema.js';

export interface Database {
  db: Kysely<Schema>;
  dialect: 'sqlite' | 'postgres';
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file: string | undefined;
  /** Bulk insert of entry rows inside a transaction (the upload hot path). */
  writeEntries: EntryWriter;
  /** A case's current entries in the merged order (the export hot path). */
  readEntries: EntryReader;
  /** How a worker thread opens a connection of its own to this store (the export workers: export/export-store.ts). */
  locator: StoreLocator;
  ping(): Promise<void>;
  /** After a purge: SQLite folds the WAL into the file and truncates it, so no deleted text lingers there. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** Where the store is: a worker opens the SQLite file read-only, or its own PostgreSQL connection to the schema. */
export type StoreLocator = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema: string | undefined };

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema (created if missing); tests use one per run. */
  pgSchema?: string | undefined;
  /** SQLite: how often the checkpointer folds the WAL into the file (checkpointer.ts). */
  checkpointEveryMs?: number | undefined;
}

async function openSqlite(dataDir: string, checkpointEveryMs: number | undefined): Promise<{ db: Kysely<Schema>; file: string; writeEntries: EntryWriter; readEntries: EntryReader; checkpointer: Checkpointer }> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'chronology.db');
  // The writing connection opens first (on its thread: durable settings checked, a crash's WAL folded in), then
  // this thread's reading one, which under WAL sees each commit and never waits for a writer.
  const writer = await StoreThread.open(file);
  let reader: SqliteDatabase.Database;
  try {
    reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 5000');
  } catch (err) {
    await writer.close();
    throw err;
  }
  const db = new Kysely<Schema>({ dialect: new SplitSqliteDialect(reader, writer) });
  const checkpointer = startCheckpointer(file, checkpointEveryMs);
  return { db, file, writeEntries: sqliteEntryWriter(writer, file), readEntries: sqliteEntryReader(reader), checkpointer };
}

export { DurabilityError, assertSqliteDurable } from './sqlite-writer.js';

async function assertPostgresDurable(db: Kysely<Schema>): Promise<void> {
  const setting = async (name: 'fsync' | 'synchronous_commit'): Promise<string> => {
    const res = await sql<{ v: string }>`select current_setting(${name}) as v`.execute(db);
    return res.rows[0]?.v ?? '';
  };
  const fsync = await setting('fsync');
  const commit = await setting('synchronous_commit');
  if (fsync !== 'on') throw new DurabilityError(`PostgreSQL fsync is ${fsync}, not on`);
  if (!['on', 'remote_write', 'remote_apply'].includes(commit)) {
    throw new DurabilityError(`PostgreSQL synchronous_commit is ${commit}, not on`);
  }
}

function openPostgres(url: string, schema: string | undefined): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A database host that stops answering (no RST) must fail a request in seconds, not hang it.
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // A checked-out client whose connection dies between two queries of a transaction emits 'error' too; with no
  // listener that is an uncaught exception and the process exits. The next query on it fails (→ 503) and
  // pg-pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let db: Kysely<Schema>;
  let file: string | undefined;
  let writeEntries: EntryWriter = postgresEntryWriter();
  let readEntries: EntryReader | undefined;
  let checkpointer: Checkpointer | undefined;
  const dialect = opts.databaseUrl ? 'postgres' : 'sqlite';
  if (opts.databaseUrl) {
    if (opts.pgSchema && !/^[a-z_][a-z0-9_]*$/.test(opts.pgSchema)) throw new Error('invalid schema name');
    db = openPostgres(opts.databaseUrl, opts.pgSchema);
    try {
      await assertPostgresDurable(db);
      if (opts.pgSchema) await sql`create schema if not exists ${sql.id(opts.pgSchema)}`.execute(db);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  } else {
    ({ db, file, writeEntries, readEntries, checkpointer } = await openSqlite(opts.dataDir, opts.checkpointEveryMs));
  }
  // Each schema keeps its own migration bookkeeping (Kysely otherwise finds another schema's tables).
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(dialect === 'postgres' && opts.pgSchema ? { migrationTableSchema: opts.pgSchema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await checkpointer?.close();
    await db.destroy();
    throw error instanceof Error ? error : new Error('migration failed');
  }
  return {
    db,
    dialect,
    file,
    writeEntries,
    readEntries: readEntries ?? kyselyEntryReader(db, dialect),
    locator: opts.databaseUrl ? { kind: 'postgres', url: opts.databaseUrl, schema: opts.pgSchema } : { kind: 'sqlite', file: file ?? '' },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async compact() {
      if (dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
    async close() {
      await checkpointer?.close();
      await db.destroy();
    },
  };
}
