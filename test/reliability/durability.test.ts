// The store is durable or the service does not run: SQLite pragmas after open, unsafe settings refused, start-up refusals in one line.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as databaseModule from '../../src/db/database.js';
import { DurabilityError, openDatabase } from '../../src/db/database.js';
import { openTestStore, PG_URL } from '../helpers/stores.js';
import { runUntilExit } from './server-process.js';

// Asked of the lead: export assertSqliteDurable from src/db/database.ts. Looked up by name so this file compiles before it is.
const assertSqliteDurable = (databaseModule as unknown as Record<string, unknown>).assertSqliteDurable as
  | ((db: SqliteDatabase.Database) => void)
  | undefined;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'chron-durable-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = (name: string): string => {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  return d;
};

describe('the SQLite store is opened durable', () => {
  it('has journal_mode=wal, synchronous=FULL (2) and foreign_keys=1 on the app’s connection', async () => {
    const database = await openDatabase({ dataDir: fresh('open') });
    try {
      const one = async (pragma: string): Promise<unknown> => {
        const res = await sql<Record<string, unknown>>`${sql.raw(`pragma ${pragma}`)}`.execute(database.db);
        return Object.values(res.rows[0] ?? {})[0];
      };
      expect(await one('journal_mode')).toBe('wal');
      expect(await one('synchronous')).toBe(2);
      expect(await one('foreign_keys')).toBe(1);
    } finally {
      await database.close();
    }
  });

  it('leaves the file itself in WAL mode, so every later connection is too', async () => {
    const d = fresh('persist');
    await (await openDatabase({ dataDir: d })).close();
    const raw = new SqliteDatabase(join(d, 'chronology.db'), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });
});

describe('a SQLite handle with unsafe settings is refused', () => {
  const handle = (setup: (db: SqliteDatabase.Database) => void): SqliteDatabase.Database => {
    const db = new SqliteDatabase(join(fresh(`h${Math.random().toString(16).slice(2)}`), 'x.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    setup(db);
    return db;
  };
  const cases: [label: string, setup: (db: SqliteDatabase.Database) => void, message: RegExp][] = [
    ['synchronous = OFF', (db) => db.pragma('synchronous = OFF'), /synchronous is 0/],
    ['synchronous = NORMAL (may lose the last commits on power loss)', (db) => db.pragma('synchronous = NORMAL'), /synchronous is 1/],
    ['a rollback journal instead of WAL', (db) => db.pragma('journal_mode = DELETE'), /journal_mode is delete/],
    // Leaving WAL takes a step through a rollback journal.
    ['a journal kept only in memory', (db) => (db.pragma('journal_mode = DELETE'), db.pragma('journal_mode = MEMORY')), /journal_mode is memory/],
    ['foreign keys off', (db) => db.pragma('foreign_keys = OFF'), /foreign_keys/],
  ];

  it.each(cases)('refuses %s with a DurabilityError naming the setting', (_label, setup, message) => {
    expect(assertSqliteDurable, 'src/db/database.ts must export assertSqliteDurable').toBeTypeOf('function');
    const db = handle(setup);
    try {
      expect(() => assertSqliteDurable?.(db)).toThrow(DurabilityError);
      expect(() => assertSqliteDurable?.(db)).toThrow(message);
    } finally {
      db.close();
    }
  });

  it('accepts WAL + FULL + foreign keys', () => {
    expect(assertSqliteDurable).toBeTypeOf('function');
    const db = handle(() => undefined);
    try {
      expect(() => assertSqliteDurable?.(db)).not.toThrow();
    } finally {
      db.close();
    }
  });
});

/** PG_URL with a session setting added the way libpq does it: `?options=-c name=value`. */
const pgUrlWith = (setting: string): string => {
  const u = new URL(PG_URL);
  u.searchParams.set('options', `-c ${setting}`);
  return u.toString();
};

describe('a PostgreSQL session that would not wait for the disk is refused', () => {
  // fsync is a server-wide setting a test cannot turn off; synchronous_commit is per session, so that is what is tested.
  it('rejects synchronous_commit=off with a DurabilityError', async () => {
    const opening = openDatabase({ dataDir: dir, databaseUrl: pgUrlWith('synchronous_commit=off') });
    await expect(opening).rejects.toThrow(DurabilityError);
    await expect(opening).rejects.toThrow(/synchronous_commit is off/);
  });

  it('accepts the server defaults (fsync on, synchronous_commit on)', async () => {
    const store = await openTestStore('postgres');
    await store.dispose();
  });
});

describe('the real server refuses to start on a store it cannot make durable, in one line', () => {
  const expectOneLineRefusal = (r: { code: number | string; stdout: string; stderr: string }, fragment: RegExp): void => {
    expect(r.code, r.stderr).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: /);
    expect(lines[0]).toMatch(fragment);
    expect(r.stdout).not.toMatch(/admin token/i);
  };

  it('when DATA_DIR is a file', async () => {
    const file = join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    expectOneLineRefusal(await runUntilExit({ dataDir: file }), /not-a-directory/);
  });

  it('when another process holds the SQLite file locked, so WAL cannot be switched on', async () => {
    const d = fresh('locked');
    const holder = new SqliteDatabase(join(d, 'chronology.db'));
    holder.pragma('journal_mode = DELETE');
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('create table t (x); insert into t values (1)');
    try {
      expectOneLineRefusal(await runUntilExit({ dataDir: d }), /locked/i);
    } finally {
      holder.close();
    }
  });

  it('when PostgreSQL would acknowledge commits before they are on disk', async () => {
    expectOneLineRefusal(await runUntilExit({ dataDir: dir, databaseUrl: pgUrlWith('synchronous_commit=off') }), /synchronous_commit is off/);
  });
});
