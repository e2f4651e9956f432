// The stores every storage and API test runs against: a fresh SQLite file and a fresh PostgreSQL schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type StoreKind = 'sqlite' | 'postgres';

/** Both by default; TEST_STORES=sqlite narrows a local run (CI always runs both). */
export const storeKinds: StoreKind[] =
  process.env.CI !== 'true' && process.env.TEST_STORES === 'sqlite' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestStore {
  kind: StoreKind;
  database: Database;
  dataDir: string;
  pgSchema: string | undefined;
  dispose(): Promise<void>;
}

export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chron-test-'));
  const pgSchema = kind === 'postgres' ? `t_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const database = await openDatabase({
    dataDir,
    databaseUrl: kind === 'postgres' ? PG_URL : undefined,
    pgSchema,
  });
  return {
    kind,
    database,
    dataDir,
    pgSchema,
    async dispose() {
      await database.close();
      if (pgSchema) await dropSchema(pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
