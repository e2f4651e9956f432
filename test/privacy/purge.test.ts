// Purging a case leaves nothing of it: no rows in any table, and (SQLite) no bytes of its text in the files.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

describe.each(storeKinds)('purge on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  it('removes the case, its submissions, entries, people, tokens and audit trail, and records the purge globally', async () => {
    const caseId = await createCase(t);
    const keep = await createCase(t, 'Another review');
    expect((await upload(t, caseId, 'Police', 'Birchfields-Thompson.xlsx', fixture('gm-police.xlsx'))).statusCode).toBe(201);
    expect((await upload(t, keep, 'Police', 'p.csv', Buffer.from('Date,Event\r\n03/04/2013,Kept entry\r\n'))).statusCode).toBe(201);
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Quentin Zabriskie', role: 'perpetrator' }] } });
    const chair = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'chair' } });
    expect(chair.statusCode).toBe(201);

    expect((await t.call({ method: 'DELETE', url: `/api/cases/${caseId}` })).statusCode).toBe(204);

    const db = t.store.database.db;
    for (const table of ['submissions', 'entries', 'people', 'tokens', 'audit_events'] as const) {
      const rows = await db.selectFrom(table).select('case_id').where('case_id', '=', caseId).execute();
      expect(rows, table).toHaveLength(0);
    }
    expect(await db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toHaveLength(0);
    const kept = await db.selectFrom('entries').select('event').where('case_id', '=', keep).execute();
    expect(kept.map((r) => r.event)).toEqual(['Kept entry']);
    const global = await db.selectFrom('audit_events').select(['action', 'detail']).where('case_id', 'is', null).execute();
    expect(global.some((e) => e.action === 'case.purge' && e.detail.includes(caseId))).toBe(true);
    // The chair token of the purged case no longer works.
    const token = (chair.json() as { token: string }).token;
    expect((await t.call({ method: 'GET', url: '/api/cases', token })).statusCode).toBe(401);
  });

});

describe('purge on sqlite, byte for byte', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('leaves no trace of the text in the database file or its WAL (secure_delete)', async () => {
    const caseId = await createCase(t);
    expect((await upload(t, caseId, 'Police', 'p.xlsx', fixture('gm-police.xlsx'))).statusCode).toBe(201);
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Quentin Zabriskie', role: 'perpetrator' }] } });
    const file = join(t.store.dataDir, 'chronology.db');
    const bytes = (): Buffer => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    await t.store.database.compact();
    expect(bytes().includes('Birchfields')).toBe(true); // the probe can see the text before the purge
    expect((await t.call({ method: 'DELETE', url: `/api/cases/${caseId}` })).statusCode).toBe(204);
    const after = bytes();
    for (const word of ['Birchfields', 'Whitfield', 'Zabriskie', 'would not let her leave']) expect(after.includes(word), word).toBe(false);
  });
});
