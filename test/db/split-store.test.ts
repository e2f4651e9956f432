// SQLite's writes run on the store thread: an open transaction does not hold up reads; writers queue in order.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../helpers/stores.js';

describe('the split SQLite store', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    await sql`create table probe (n integer primary key, v text)`.execute(store.database.db);
  });
  afterAll(async () => store.dispose());

  it('answers a read while a transaction is open, with the state before it', async () => {
    const db = store.database.db;
    await db.insertInto('probe' as never).values({ n: 1, v: 'before' } as never).execute();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => (inside = resolve));
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into probe (n, v) values (2, 'inside')`.execute(trx);
      inside();
      await gate;
    });
    await opened;
    // not waiting for the transaction: the reader sees the last commit only
    const rows = await sql<{ n: number }>`select n from probe order by n`.execute(db);
    expect(rows.rows.map((r) => r.n)).toEqual([1]);
    release();
    await tx;
    const after = await sql<{ n: number }>`select n from probe order by n`.execute(db);
    expect(after.rows.map((r) => r.n)).toEqual([1, 2]);
  });

  it('queues a second writer behind an open transaction, then runs it', async () => {
    const db = store.database.db;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const tx = db.transaction().execute(async (trx) => {
      await sql`insert into probe (n, v) values (10, 'tx')`.execute(trx);
      await gate;
      order.push('tx');
    });
    const write = sql`insert into probe (n, v) values (11, 'after')`.execute(db).then(() => order.push('write'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await Promise.all([tx, write]);
    expect(order).toEqual(['tx', 'write']);
  });

  it('hands a store error back with its SQLite code', async () => {
    const db = store.database.db;
    await expect(sql`insert into probe (n, v) values (1, 'again')`.execute(db)).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
  });
});
