// The cases API on both stores: create, list, read, update, purge, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('cases API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const create = (body: unknown) => t.call({ method: 'POST', url: '/api/cases', payload: body as object });

  it('opens a case with an unguessable id and returns the design shape', async () => {
    const res = await create({ title: 'DHR 2024/03 — Adult A', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ title: 'DHR 2024/03 — Adult A', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } });
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Date.parse(body.createdAt)).not.toBeNaN();
  });

  it('refuses a review period that ends before it starts, naming the field', async () => {
    const res = await create({ title: 'Case', reviewPeriod: { from: '2014-01-01', to: '2013-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_request' });
    expect(res.json().message).toContain('reviewPeriod.to');
  });

  it('refuses dates that do not exist', async () => {
    const res = await create({ title: 'Case', reviewPeriod: { from: '2013-02-30', to: '2014-01-01' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('reviewPeriod.from');
  });

  it('lists, reads and updates a case', async () => {
    const { id } = (await create({ title: 'List me', reviewPeriod: { from: '2012-01-01', to: '2012-12-31' } })).json();
    const list = await t.call({ method: 'GET', url: '/api/cases' });
    expect(list.statusCode).toBe(200);
    expect(list.json().cases.map((c: { id: string }) => c.id)).toContain(id);
    const one = await t.call({ method: 'GET', url: `/api/cases/${id}` });
    expect(one.json()).toMatchObject({ id, title: 'List me', status: 'open', authorsSeeMergedTimeline: false });
    const patched = await t.call({
      method: 'PATCH',
      url: `/api/cases/${id}`,
      payload: { title: 'Renamed', authorsSeeMergedTimeline: true, status: 'closed' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Renamed', authorsSeeMergedTimeline: true, status: 'closed' });
  });

  it('purges a case: 204, then 404', async () => {
    const { id } = (await create({ title: 'Purge me', reviewPeriod: { from: '2012-01-01', to: '2012-12-31' } })).json();
    expect((await t.call({ method: 'DELETE', url: `/api/cases/${id}` })).statusCode).toBe(204);
    expect((await t.call({ method: 'GET', url: `/api/cases/${id}` })).statusCode).toBe(404);
  });

  it('answers 404 with the error shape for an unknown case', async () => {
    const res = await t.call({ method: 'GET', url: '/api/cases/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found', message: expect.any(String) });
  });

  it('asks for a token: 401 with WWW-Authenticate, for none and for a wrong one', async () => {
    for (const token of [null, 'chr_wrong']) {
      const res = await t.call({ method: 'GET', url: '/api/cases', token });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json().error).toBe('unauthorised');
    }
  });

  it('answers /health and /ready without a token', async () => {
    expect((await t.call({ method: 'GET', url: '/health', token: null })).json()).toEqual({ status: 'ok' });
    expect((await t.call({ method: 'GET', url: '/ready', token: null })).json()).toEqual({ status: 'ready' });
  });
});
