// Access fails closed: a route that declares no access rule stops the app from becoming ready.
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { MissingAccessRule } from '../../src/plugins/access-rules.js';
import { testConfig } from '../helpers/app.js';
import { openTestStore, type TestStore } from '../helpers/stores.js';

describe('routes without an access rule', () => {
  let store: TestStore | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close().catch(() => undefined);
    await store?.dispose();
  });

  async function build(): Promise<FastifyInstance> {
    store = await openTestStore('sqlite');
    app = await buildApp(testConfig(store), { database: store.database });
    return app;
  }

  it('refuse to start: ready() fails naming the route', async () => {
    const a = await build();
    a.get('/api/forgotten', async () => ({ secret: 'everything' }));
    const failure = await a.ready().then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(MissingAccessRule);
    expect((failure as MissingAccessRule).routes).toEqual(expect.arrayContaining(['GET /api/forgotten', 'HEAD /api/forgotten']));
  });

  it('refuse to start also when the route sits in a plugin of its own', async () => {
    const a = await build();
    await a.register(async (child) => {
      child.post('/api/cases/:caseId/forgotten', async () => ({}));
    });
    await expect(a.ready()).rejects.toThrow(/POST \/api\/cases\/:caseId\/forgotten/);
  });

  it('start when every route has one, and list each with its rule', async () => {
    const a = await build();
    await a.ready();
    const rules = new Map(a.accessRoutes.map((r) => [`${r.method} ${r.url}`, r.access]));
    expect(rules.get('GET /health')).toBe('public');
    expect(rules.get('GET /docs/json')).toBe('public');
    expect(rules.get('GET /*')).toBe('public');
    expect(rules.get('GET /api/cases')).toBe('any');
    expect(rules.get('POST /api/cases')).toBe('admin');
    expect(rules.get('GET /api/cases/:caseId/timeline')).toBe('timeline:read');
    // No /api route is public.
    expect(a.accessRoutes.filter((r) => r.url.startsWith('/api/') && r.access === 'public')).toEqual([]);
  });
});
