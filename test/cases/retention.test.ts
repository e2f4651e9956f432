// Retention: closed cases past RETENTION_DAYS are purged; open cases and recently closed ones stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/cases/retention.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('retention on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  it('purges only closed cases whose retention ran out, and audits it', async () => {
    const old = await createCase(t, 'Closed long ago');
    const recent = await createCase(t, 'Closed last week');
    const open = await createCase(t, 'Still open');
    for (const id of [old, recent]) await t.call({ method: 'PATCH', url: `/api/cases/${id}`, payload: { status: 'closed' } });
    const db = t.store.database.db;
    await db.updateTable('cases').set({ closed_at: new Date(Date.now() - 400 * 86_400_000).toISOString() }).where('id', '=', old).execute();
    await db.updateTable('cases').set({ closed_at: new Date(Date.now() - 7 * 86_400_000).toISOString() }).where('id', '=', recent).execute();

    expect(await purgeExpired({ ...t.app.repos, compact: () => t.app.database.compact() }, 365)).toBe(1);
    const left = (await db.selectFrom('cases').select('id').execute()).map((r) => r.id);
    expect(left).not.toContain(old);
    expect(left).toEqual(expect.arrayContaining([recent, open]));
    const audit = await db.selectFrom('audit_events').select(['action', 'detail']).where('case_id', 'is', null).execute();
    expect(audit.some((e) => e.action === 'case.purge' && e.detail.includes(old) && e.detail.includes('retention'))).toBe(true);
  });
});
