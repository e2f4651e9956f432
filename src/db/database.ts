// Opens the store: SQLite (better-sqlite3, WAL) by default, PostgreSQL when a URL is given; runs migrations.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Schema } from './schema.js';

export interface Database {
  db: Kysely<Schema>;
  dialect: 'sqlite' | 'postgres';
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file: string | undefined;
  ping(): Promise<void>;
  /** After a purge: SQLite folds the WAL into the file and truncates it, so no deleted text lingers there. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL schema (created if missing); tests use one per run. */
  pgSchema?: string | undefined;
}

function openSqlite(dataDir: string): { db: Kysely<Schema>; file: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'chronology.db');
  const native = new SqliteDatabase(file);
  native.pragma('journal_mode = WAL');
  native.pragma('synchronous = FULL');
  native.pragma('foreign_keys = ON');
  native.pragma('secure_delete = ON');
  native.pragma('busy_timeout = 5000');
  return { db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: native }) }), file };
}

function openPostgres(url: string, schema: string | undefined): Kysely<Schema> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let db: Kysely<Schema>;
  let file: string | undefined;
  const dialect = opts.databaseUrl ? 'postgres' : 'sqlite';
  if (opts.databaseUrl) {
    if (opts.pgSchema && !/^[a-z_][a-z0-9_]*$/.test(opts.pgSchema)) throw new Error('invalid schema name');
    db = openPostgres(opts.databaseUrl, opts.pgSchema);
    if (opts.pgSchema) await sql`create schema if not exists ${sql.id(opts.pgSchema)}`.execute(db);
  } else {
    ({ db, file } = openSqlite(opts.dataDir));
  }
  // Each schema keeps its own migration bookkeeping (Kysely otherwise finds another schema's tables).
  const migrator = new Migrator({
    db,
    provider: migrationProvider(dialect),
    ...(dialect === 'postgres' && opts.pgSchema ? { migrationTableSchema: opts.pgSchema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error instanceof Error ? error : new Error('migration failed');
  }
  return {
    db,
    dialect,
    file,
    async ping() {
      await sql`select 1`.execute(db);
    },
    async compact() {
      if (dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    },
    close: () => db.destroy(),
  };
}
