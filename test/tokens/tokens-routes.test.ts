// Issuing tokens: the expiry must lie ahead, and an expired token signs nobody in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('tokens on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
  });
  afterAll(async () => t.close());

  it('refuses to mint a token whose expiry is already past, naming the field', async () => {
    const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId, label: 'panel', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request', message: expect.stringContaining('expiresAt') });
    const listed = (await t.call({ method: 'GET', url: '/api/tokens' })).json() as { tokens: { label: string }[] };
    expect(listed.tokens.map((x) => x.label)).not.toContain('panel');
  });

  it('mints one that expires in the future; it works until then and not after', async () => {
    const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId, label: 'hour', expiresAt: soon } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as { id: string; token: string };
    expect((await t.call({ method: 'GET', url: '/api/session', token: created.token })).statusCode).toBe(200);
    await t.store.database.db.updateTable('tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', created.id).execute();
    expect((await t.call({ method: 'GET', url: '/api/session', token: created.token })).statusCode).toBe(401);
  });
});
