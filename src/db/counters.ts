// Numbers allocated in the database (versions, sign-off sequence): taken under a row lock, so instances agree.
import { sql, type Transaction } from 'kysely';
import type { Schema } from './schema.js';

/**
 * The next number of the case's sequence `name` (1 for the first), inside `trx`. The counter row stays locked until
 * the transaction ends, so a second transaction asking for the same name — on this instance or another on the same
 * PostgreSQL — waits here and then gets the next number; a rollback gives its number back. SQLite runs one
 * transaction at a time, so the wait never arises there. Also the way to serialise writers of one thing of a case
 * (call it first in the transaction, ignore the number): e.g. two chairs replacing the same decisions at once.
 */
export async function nextInSequence(trx: Transaction<Schema>, caseId: string, name: string): Promise<number> {
  const row = await trx
    .insertInto('case_counters')
    .values({ case_id: caseId, name, value: 1 })
    .onConflict((oc) => oc.columns(['case_id', 'name']).doUpdateSet({ value: sql<number>`case_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

/** The number `nextInSequence` would give now (for a dry run); not reserved. */
export async function peekSequence(db: Pick<Transaction<Schema>, 'selectFrom'>, caseId: string, name: string): Promise<number> {
  const row = await db.selectFrom('case_counters').select('value').where('case_id', '=', caseId).where('name', '=', name).executeTakeFirst();
  return Number(row?.value ?? 0) + 1;
}
