// Two instances (two buildApp, each with its own pool) on one PostgreSQL schema: versions, tokens and limits stay consistent.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuildOptions } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { ensureAdminToken } from '../../src/tokens/tokens-repository.js';
import { ADMIN, testConfig } from '../helpers/app.js';
import { openTestStore, type TestStore } from '../helpers/stores.js';
import { jsonUpload, rows, seededRandom } from './workload.js';

const auth = { authorization: `Bearer ${ADMIN}` };
const rnd = seededRandom(19);

/** A second instance over the same schema, with a pool of its own, as another process would have. */
async function instance(store: TestStore, opts: BuildOptions = {}): Promise<{ app: FastifyInstance; database: Database }> {
  const database = await openDatabase({ dataDir: store.dataDir, databaseUrl: store.database.dialect === 'postgres' ? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' : undefined, pgSchema: store.pgSchema });
  const app = await buildApp(testConfig(store, { logLevel: 'silent' }), { database, requestsPerMinute: 100_000, authFailuresPerMinute: 100_000, ...opts });
  await app.ready();
  return { app, database };
}

describe('two instances on one PostgreSQL', () => {
  let store: TestStore;
  let a: { app: FastifyInstance; database: Database };
  let b: { app: FastifyInstance; database: Database };
  beforeAll(async () => {
    store = await openTestStore('postgres');
    a = await instance(store);
    b = await instance(store);
    await ensureAdminToken(a.app.repos.tokens, ADMIN);
  });
  afterAll(async () => {
    for (const i of [a, b]) {
      await i.app.close();
      await i.database.close();
    }
    await store.dispose();
  });

  it('takes ten uploads of one agency at once, split between them: versions 1-10, one current, no error', async () => {
    const made = await a.app.inject({ method: 'POST', url: '/api/cases', headers: auth, payload: { title: 'DHR two instances', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } } });
    const caseId = (made.json() as { id: string }).id;
    const uploads = Array.from({ length: 10 }, (_, i) => jsonUpload('Police', rows(rnd, 200 + i, `two-${i}`)));
    const results = await Promise.all(
      uploads.map((up, i) =>
        (i % 2 === 0 ? a : b).app.inject({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, headers: { ...auth, 'content-type': up.contentType }, payload: up.body }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 10 }, () => 201));
    const versions = results.map((r) => (r.json() as { submission: { version: number } }).submission.version);
    expect([...versions].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const listed = (await b.app.inject({ method: 'GET', url: `/api/cases/${caseId}/chronologies`, headers: auth })).json() as {
      submissions: { version: number; current: boolean; entries: number; sha256: string }[];
    };
    expect(listed.submissions).toHaveLength(10);
    const current = listed.submissions.filter((s) => s.current);
    expect(current.map((s) => s.version)).toEqual([10]);
    // Each acknowledged upload is stored whole under the version it was told.
    for (const [i, up] of uploads.entries()) {
      const s = listed.submissions.find((x) => x.version === versions[i]);
      expect(s?.entries).toBe(up.entries);
    }
  });

  it('makes one admin token when both start at once on an empty store, with ADMIN_TOKEN or without', async () => {
    for (const adminToken of [ADMIN, undefined]) {
      const empty = await openTestStore('postgres');
      const x = await instance(empty);
      const y = await instance(empty);
      try {
        const made = await Promise.all([ensureAdminToken(x.app.repos.tokens, adminToken), ensureAdminToken(y.app.repos.tokens, adminToken)]);
        const tokens = await x.app.repos.tokens.list();
        expect(tokens.filter((t) => t.role === 'admin')).toHaveLength(1);
        // Without ADMIN_TOKEN exactly one of them has a secret to print.
        expect(made.filter((m) => m !== null)).toHaveLength(adminToken ? 0 : 1);
      } finally {
        for (const i of [x, y]) {
          await i.app.close();
          await i.database.close();
        }
        await empty.dispose();
      }
    }
  });

  it('share the request limit and the failed sign-in count through the store', async () => {
    const shared = await openTestStore('postgres');
    const x = await instance(shared, { requestsPerMinute: 6, authFailuresPerMinute: 4 });
    const y = await instance(shared, { requestsPerMinute: 6, authFailuresPerMinute: 4 });
    try {
      await ensureAdminToken(x.app.repos.tokens, ADMIN);
      const call = (i: { app: FastifyInstance }, token = ADMIN) => i.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: `Bearer ${token}` } });
      // Six requests a minute from one address in all, three through each: the seventh, through either, waits.
      const codes = [];
      for (let n = 0; n < 6; n++) codes.push((await call(n % 2 ? y : x)).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
      for (const i of [x, y]) {
        const over = await call(i);
        expect(over.statusCode).toBe(429);
        expect((over.json() as { message: string }).message).toMatch(/Too many requests/);
        expect((over.json() as { error: string }).error).toBe('rate_limited');
      }
      // Four bad tokens, two through each: the address now waits on both, even with a good token.
      const bad = [await call(x, 'chr_wrong_1'), await call(y, 'chr_wrong_2'), await call(x, 'chr_wrong_3'), await call(y, 'chr_wrong_4')];
      expect(bad.map((r) => r.statusCode)).toEqual([401, 401, 401, 401]);
      for (const i of [x, y]) {
        const blocked = await call(i);
        expect(blocked.statusCode).toBe(429);
        expect((blocked.json() as { message: string }).message).toMatch(/failed sign-ins/);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      }
    } finally {
      for (const i of [x, y]) {
        await i.app.close();
        await i.database.close();
      }
      await shared.dispose();
    }
  });
});
