// PostgreSQL going away under the app: backends terminated mid-upload, the port closed, a black hole; 503 or success, never 500 or half an upload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { ensureAdminToken } from '../../src/tokens/tokens-repository.js';
import { ADMIN } from '../helpers/app.js';
import { createPgDatabase, PG_ADMIN_URL, withDatabase } from './crash-store.js';
import { SERVER_TOKEN, startServer } from './server-process.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { jsonUpload, rows, seededRandom } from './workload.js';

const rnd = seededRandom(77);
const dataDir = mkdtempSync(join(tmpdir(), 'chron-faults-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

let logs = '';
const logStream = new Writable({
  write(chunk: Buffer, _enc, cb) {
    logs = (logs + chunk.toString('utf8')).slice(-50_000);
    cb();
  },
});
/** The last error the app logged (type and code only are logged, never content). */
const lastError = (): string => logs.split('\n').filter((l) => l.includes('"level":50')).at(-1)?.slice(0, 600) ?? '';

async function appOver(database: Database): Promise<FastifyInstance> {
  const config = { port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, adminToken: ADMIN, logLevel: 'error' as const, maxUploadBytes: 25 << 20, retentionDays: undefined, exportIdleSeconds: 30 };
  const app = await buildApp(config, { database, logStream, requestsPerMinute: 100_000, authFailuresPerMinute: 100_000 });
  await ensureAdminToken(app.repos.tokens, ADMIN);
  await app.ready();
  return app;
}

const auth = { authorization: `Bearer ${ADMIN}` };

async function newCase(app: FastifyInstance): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/cases', headers: auth, payload: { title: 'DHR faults', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } } });
  if (res.statusCode !== 201) throw new Error(`case: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

function upload(app: FastifyInstance, caseId: string, n: number, agency = 'Police') {
  const up = jsonUpload(agency, rows(rnd, n, `pg${Math.floor(rnd() * 1e9)}`));
  return app.inject({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, headers: { ...auth, 'content-type': up.contentType }, payload: up.body });
}

/** Straight from the database: every submission whole, one current highest version per agency. */
async function consistency(url: string): Promise<{ submissions: number; partial: number; badCurrent: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const subs = await c.query<{ n: string; partial: string }>(
      `select count(*) as n, count(*) filter (where entries <> (select count(*) from entries e where e.submission_id = s.id)) as partial from submissions s`,
    );
    const cur = await c.query<{ bad: string }>(
      `select count(*) as bad from (select agency_key from submissions group by case_id, agency_key
         having count(*) filter (where current = 1) <> 1 or max(version) <> max(version) filter (where current = 1)) x`,
    );
    return { submissions: Number(subs.rows[0]?.n), partial: Number(subs.rows[0]?.partial), badCurrent: Number(cur.rows[0]?.bad) };
  } finally {
    await c.end();
  }
}

describe('PostgreSQL backends terminated in the middle of uploads', () => {
  let db: Awaited<ReturnType<typeof createPgDatabase>>;
  let database: Database;
  let app: FastifyInstance;
  let caseId: string;
  const killer = new pg.Client({ connectionString: PG_ADMIN_URL });
  beforeAll(async () => {
    db = await createPgDatabase('faults');
    database = await openDatabase({ dataDir, databaseUrl: db.url });
    app = await appOver(database);
    caseId = await newCase(app);
    await killer.connect();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await killer.end();
    await db?.drop();
  });

  // Only this test's own database: other test files share the server.
  const terminate = async (): Promise<number> => {
    const res = await killer.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [db.name]);
    return res.rowCount ?? 0;
  };

  it('answers 503 or 201 (never 500), leaves no partial rows, and the next upload succeeds', async () => {
    const seen: Record<string, number> = {};
    for (const delay of [0, 2, 5, 10, 20, 35, 50, 80, 120, 200]) {
      const before = await consistency(db.url);
      const pending = upload(app, caseId, 2000, delay % 2 === 0 ? 'Police' : 'GP');
      await new Promise((r) => setTimeout(r, delay));
      await terminate();
      const res = await pending;
      seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
      expect([201, 503], `after ${delay} ms: ${res.body.slice(0, 200)} ${lastError()}`).toContain(res.statusCode);
      if (res.statusCode === 503) expect(res.json()).toMatchObject({ error: 'database_unavailable' });
      const after = await consistency(db.url);
      expect(after.partial).toBe(0);
      expect(after.badCurrent).toBe(0);
      expect(after.submissions).toBe(before.submissions + (res.statusCode === 201 ? 1 : 0));
      const next = await upload(app, caseId, 100);
      expect(next.statusCode, `the upload after a ${delay} ms cut: ${next.body.slice(0, 300)}`).toBe(201);
    }
    // What really happened, for the record (the pool may have reconnected in time for some).
    console.log(`terminated mid-upload → ${JSON.stringify(seen)}`);
  });
});

describe('the real server while PostgreSQL terminates its connections under concurrent uploads', () => {
  it('stays up: every answer is 201 or 503, nothing partial, and it still takes uploads afterwards', async () => {
    const db = await createPgDatabase('faults');
    const server = await startServer({ dataDir, databaseUrl: db.url });
    const killer = new pg.Client({ connectionString: PG_ADMIN_URL });
    await killer.connect();
    const headers = { authorization: `Bearer ${SERVER_TOKEN}` };
    const post = (body: Buffer, type: string, caseId: string) =>
      fetch(`${server.baseUrl}/api/cases/${caseId}/chronologies`, { method: 'POST', headers: { ...headers, 'content-type': type }, body }).then(
        (r) => String(r.status),
        () => 'no answer',
      );
    try {
      const made = await fetch(`${server.baseUrl}/api/cases`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } }) });
      const caseId = ((await made.json()) as { id: string }).id;
      const tally: Record<string, number> = {};
      for (let i = 0; i < 20; i++) {
        const ups = ['Police', 'GP', 'IDVA'].map((a) => jsonUpload(a, rows(rnd, 1500, `srv${i}${a}`)));
        const answers = ups.map((u) => post(u.body, u.contentType, caseId));
        await new Promise((r) => setTimeout(r, Math.floor(rnd() * 150)));
        await killer.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [db.name]);
        for (const a of await Promise.all(answers)) tally[a] = (tally[a] ?? 0) + 1;
      }
      console.log(`real server, backends terminated 20 times under 3 uploads each → ${JSON.stringify(tally)}`);
      expect(server.child.exitCode, `the server died: ${server.stderr().slice(-800)}`).toBeNull();
      expect(Object.keys(tally).filter((k) => k !== '201' && k !== '503'), JSON.stringify(tally)).toEqual([]);
      const after = jsonUpload('Police', rows(rnd, 100, 'after'));
      expect(await post(after.body, after.contentType, caseId)).toBe('201');
      // A 503 says "Nothing was stored": so exactly the 201s (and the one after) are in the database.
      expect(await consistency(db.url)).toEqual({ submissions: (tally['201'] ?? 0) + 1, partial: 0, badCurrent: 0 });
    } finally {
      await killer.end();
      await server.kill();
      await db.drop();
    }
  }, 90_000);
});

describe('PostgreSQL unreachable', () => {
  it('openDatabase rejects a closed port with a clear error, without hanging', async () => {
    const t0 = Date.now();
    await expect(openDatabase({ dataDir, databaseUrl: 'postgres://postgres@127.0.0.1:1/test' })).rejects.toThrow(/ECONNREFUSED 127\.0\.0\.1:1/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  describe('when the database goes away behind a running app (a proxy cut in front of it)', () => {
    let db: Awaited<ReturnType<typeof createPgDatabase>>;
    let proxy: TcpProxy;
    let database: Database;
    let app: FastifyInstance;
    let caseId: string;
    beforeAll(async () => {
      db = await createPgDatabase('faults');
      const target = new URL(PG_ADMIN_URL);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const viaProxy = new URL(withDatabase(PG_ADMIN_URL, db.name));
      viaProxy.port = String(proxy.port);
      database = await openDatabase({ dataDir, databaseUrl: viaProxy.toString() });
      app = await appOver(database);
      caseId = await newCase(app);
    });
    afterAll(async () => {
      await proxy?.restore();
      await app?.close();
      await database?.close();
      await proxy?.close();
      await db?.drop();
    });

    it('/ready says 503 and uploads 503 while it is gone; both recover when it is back', async () => {
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
      await proxy.cut();
      const ready = await app.inject({ url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable' });
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
      const refused = await upload(app, caseId, 500);
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.json()).toMatchObject({ error: 'database_unavailable' });

      await proxy.restore();
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
      expect((await upload(app, caseId, 500)).statusCode).toBe(201);
      expect(await consistency(db.url)).toEqual({ submissions: 1, partial: 0, badCurrent: 0 });
    });

    it('/ready answers 503 within 10 s when the network swallows packets (no RST), instead of hanging', async () => {
      await proxy.blackhole();
      // Let the pool notice its reset connections, so /ready must open a new one into the black hole.
      await new Promise((r) => setTimeout(r, 300));
      try {
        const t0 = Date.now();
        const res = await Promise.race([
          app.inject({ url: '/ready' }),
          new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
        ]);
        expect(res, 'GET /ready still had no answer after 10 s').not.toBeNull();
        expect(res?.statusCode).toBe(503);
        expect(Date.now() - t0).toBeLessThan(10_000);
      } finally {
        await proxy.restore();
      }
    }, 20_000);
  });
});
