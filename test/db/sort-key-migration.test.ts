// Migration 0003 gives entries stored before it their sort key, and then the reader returns them in the merged order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/db/migrations.js';
import type { Schema } from '../../src/db/schema.js';
import { sortKeyer } from '../../src/timeline/order.js';
import { PG_URL, storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('sort key migration on %s', (kind) => {
  it('keys every entry stored before it, from its own fields and its submission’s agency', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chron-migrate-'));
    const schema = `m_${process.pid}_${randomBytes(4).toString('hex')}`;
    const db =
      kind === 'sqlite'
        ? new Kysely<Schema>({ dialect: new SqliteDialect({ database: new SqliteDatabase(join(dir, 'x.db')) }) })
        : new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` }) }) });
    try {
      if (kind === 'postgres') await sql`create schema ${sql.id(schema)}`.execute(db);
      const migrator = new Migrator({ db, provider: migrationProvider(kind), ...(kind === 'postgres' ? { migrationTableSchema: schema } : {}) });
      expect((await migrator.migrateTo('0002_counters')).error).toBeUndefined();
      await sql`insert into cases (id, title, review_from, review_to, created_at, updated_at) values ('c1', 'Case', '2012-01-01', '2014-12-31', 'x', 'x')`.execute(db);
      await sql`insert into submissions (id, case_id, agency, agency_key, version, current, sha256, entries, uploaded_at, report) values ('s1', 'c1', 'Police', 'police', 1, 1, 'x', 3, 'x', '{}')`.execute(db);
      const rows = [
        ['e3', '2013-04-03', '10:00', null, 'Chronology', 5],
        ['e1', '2013', null, 'Police PPU', 'Chronology', 2],
        ['e2', '2013-04-03', null, null, 'Sheet 2', 9],
      ] as const;
      for (const [id, date, time, agency, sheet, row] of rows) {
        await sql`insert into entries (id, submission_id, case_id, position, date, date_precision, time, event, agency, extra, sheet, row)
          values (${id}, 's1', 'c1', ${row}, ${date}, 'day', ${time}, 'x', ${agency}, '{}', ${sheet}, ${row})`.execute(db);
      }
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const keyed = await db.selectFrom('entries').select(['id', 'sort_key']).orderBy('sort_key').execute();
      expect(keyed.map((r) => r.id)).toEqual(['e1', 'e2', 'e3']);
      const key = sortKeyer();
      for (const [id, date, time, agency, sheet, row] of rows) {
        expect(keyed.find((r) => r.id === id)?.sort_key).toBe(key({ date, time, agency: agency ?? 'Police', sheet, row, submissionId: 's1', id }));
      }
    } finally {
      if (kind === 'postgres') await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
