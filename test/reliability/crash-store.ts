// The store a crash run writes to (a fresh SQLite file, or a fresh PostgreSQL database) and the checks read straight from it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface StoredSubmission {
  id: string;
  agency_key: string;
  version: number;
  current: number;
  entries: number;
  rows: number;
}

export interface CrashStore {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl: string | undefined;
  /** Integrity of the file itself: 'ok', or what SQLite found (PostgreSQL: always 'ok'). */
  integrity(): Promise<string>;
  /** Every submission with its declared entry count and the rows it really has, read directly (server down). */
  submissions(): Promise<StoredSubmission[]>;
  dispose(): Promise<void>;
}

const SUBMISSIONS_SQL = `
  select s.id, s.agency_key, s.version, s.current, s.entries,
         (select count(*) from entries e where e.submission_id = s.id) as rows
  from submissions s order by s.agency_key, s.version`;

/** A database URL like `base` but naming another database. */
export function withDatabase(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** A fresh PostgreSQL database `crash_<random>` (the server has no schema setting, so each run gets its own database). */
export async function createPgDatabase(prefix = 'crash'): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database "${name}"`);
  return {
    name,
    url: withDatabase(PG_ADMIN_URL, name),
    drop: () => adminQuery(`drop database if exists "${name}" with (force)`),
  };
}

export async function openCrashStore(kind: 'sqlite' | 'postgres'): Promise<CrashStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-crash-'));
  if (kind === 'sqlite') {
    const file = join(dataDir, 'chronology.db');
    const read = <T>(fn: (db: SqliteDatabase.Database) => T): T => {
      // Read-only, and only while the server is down: the WAL left by the kill is read, never checkpointed away.
      const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
      try {
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      kind,
      dataDir,
      databaseUrl: undefined,
      integrity: async () => read((db) => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')),
      submissions: async () => read((db) => db.prepare(SUBMISSIONS_SQL).all() as StoredSubmission[]),
      async dispose() {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createPgDatabase();
  return {
    kind,
    dataDir,
    databaseUrl: database.url,
    integrity: async () => 'ok',
    async submissions() {
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      try {
        const res = await c.query<StoredSubmission>(SUBMISSIONS_SQL);
        return res.rows.map((r) => ({ ...r, version: Number(r.version), current: Number(r.current), entries: Number(r.entries), rows: Number(r.rows) }));
      } finally {
        await c.end();
      }
    },
    async dispose() {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
