// The WAL is folded into the database file by the checkpointer's worker, never inside a request's COMMIT.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../../src/db/database.js';

const sizes = (dir: string): { db: number; wal: number } => ({
  db: statSync(join(dir, 'chronology.db')).size,
  wal: statSync(join(dir, 'chronology.db-wal')).size,
});

/** ~4 MB of audit rows in one transaction: far past SQLite's own 1000-page auto-checkpoint threshold. */
async function writeMegabytes(database: Database): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 40; i++) {
      await sql`insert into audit_events (id, at, case_id, token_id, role, action, outcome, detail) values (${`fill-${i}`}, ${new Date().toISOString()}, null, null, 'admin', 'test.fill', 'ok', ${'x'.repeat(100_000)})`.execute(trx);
    }
  });
}

describe('WAL checkpoints', () => {
  let dir: string;
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are not run inside a COMMIT: a large write stays in the WAL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'chron-ckpt-'));
    database = await openDatabase({ dataDir: dir, checkpointEveryMs: 60_000 });
    const before = sizes(dir);
    await writeMegabytes(database);
    const after = sizes(dir);
    expect(after.wal).toBeGreaterThan(4_000_000);
    expect(after.db).toBe(before.db);
  });

  it('are run by the checkpointer on its own connection, and the data reads back the same', async () => {
    dir = mkdtempSync(join(tmpdir(), 'chron-ckpt-'));
    database = await openDatabase({ dataDir: dir, checkpointEveryMs: 100 });
    const before = sizes(dir);
    await writeMegabytes(database);
    await expect.poll(() => sizes(dir).db, { timeout: 15_000, interval: 100 }).toBeGreaterThan(before.db + 4_000_000);
    const n = await sql<{ n: number }>`select count(*) as n from audit_events where action = 'test.fill'`.execute(database.db);
    expect(Number(n.rows[0]?.n)).toBe(40);
  });
});
