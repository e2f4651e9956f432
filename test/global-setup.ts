// Runs once before the suite: PostgreSQL must answer, or the run fails (never a silent skip).
import pg from 'pg';
import { PG_URL, storeKinds } from './helpers/stores.js';

export default async function setup(): Promise<void> {
  if (!storeKinds.includes('postgres')) return;
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_URL} (${err instanceof Error ? err.message : 'error'}). ` +
        'The suite runs every storage test on PostgreSQL too; start it or set TEST_DATABASE_URL.',
      { cause: err },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
