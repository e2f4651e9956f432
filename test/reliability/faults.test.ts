// A full disk and a lost database, as the client sees them: 507 / 503 with a clear message, never 500, never half an upload.
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/errors.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { jsonUpload, rows, seededRandom } from './workload.js';

const rnd = seededRandom(20240603);

async function counts(t: TestApp): Promise<{ submissions: number; entries: number }> {
  const db = t.app.database.db;
  const s = await db.selectFrom('submissions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const e = await db.selectFrom('entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { submissions: Number(s.n), entries: Number(e.n) };
}

function postJson(t: TestApp, caseId: string, n: number, agency = 'Police') {
  const up = jsonUpload(agency, rows(rnd, n, `f${n}-${Math.floor(rnd() * 1e9)}`));
  return t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, headers: { 'content-type': up.contentType }, payload: up.body });
}

describe('a full disk on SQLite (max_page_count lowered on the app’s own connection)', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    caseId = await createCase(t);
  });
  afterAll(async () => t.close());

  const pragma = async (text: string): Promise<number> => {
    const res = await sql<Record<string, number>>`${sql.raw(`pragma ${text}`)}`.execute(t.app.database.db);
    return Number(Object.values(res.rows[0] ?? {})[0]);
  };

  it('answers 507 storage_full, stores nothing of the upload, and takes the next one once there is room', async () => {
    expect((await postJson(t, caseId, 50)).statusCode).toBe(201);
    const before = await counts(t);
    const pages = await pragma('page_count');
    expect(await pragma(`max_page_count = ${pages + 2}`)).toBe(pages + 2);

    const res = await postJson(t, caseId, 2000);
    expect(res.statusCode, res.body).toBe(507);
    const body = res.json() as { error: string; message: string };
    expect(body.error).toBe('storage_full');
    expect(body.message).toMatch(/run out of storage.*Nothing was stored/);
    expect(await counts(t)).toEqual(before);
    // The server still answers while the disk is full.
    expect((await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).statusCode).toBe(200);

    await pragma('max_page_count = 1073741823');
    const again = await postJson(t, caseId, 2000);
    expect(again.statusCode, again.body).toBe(201);
    expect(await counts(t)).toEqual({ submissions: before.submissions + 1, entries: before.entries + 2000 });
  });

  it('refuses a multipart CSV the same way when the disk fills during the insert', async () => {
    const before = await counts(t);
    await pragma(`max_page_count = ${(await pragma('page_count')) + 1}`);
    const csv = ['Date,Event', ...Array.from({ length: 3000 }, (_, i) => `01/02/2013,a long enough event description number ${i}`)].join('\r\n');
    const boundary = 'diskfull';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="agency"\r\n\r\nGP\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="gp.csv"\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    await pragma('max_page_count = 1073741823');
    expect(res.statusCode, res.body).toBe(507);
    expect(await counts(t)).toEqual(before);
  });
});

describe('the error handler maps storage failures, whatever the driver throws', () => {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  const thrown: Record<string, { code?: string; message: string }> = {
    'pg disk full': { code: '53100', message: 'could not extend file: No space left on device' },
    'sqlite full': { code: 'SQLITE_FULL', message: 'database or disk is full' },
    'pg admin shutdown': { code: '57P01', message: 'terminating connection due to administrator command' },
    'pg crash shutdown': { code: '57P02', message: 'terminating connection due to crash of another server process' },
    'pg cannot connect now': { code: '57P03', message: 'the database system is starting up' },
    'pg connection failure': { code: '08006', message: 'connection failure' },
    'too many connections': { code: '53300', message: 'sorry, too many clients already' },
    'refused': { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    'reset': { code: 'ECONNRESET', message: 'read ECONNRESET' },
    'pg socket closed': { message: 'Connection terminated unexpectedly' },
    'pg client unusable after an error': { message: 'Client has encountered a connection error and is not queryable' },
    'pg pool connect timeout': { message: 'timeout exceeded when trying to connect' },
    'sqlite busy': { code: 'SQLITE_BUSY', message: 'database is locked' },
    'a bug': { code: '42P01', message: 'relation "nope" does not exist' },
  };
  app.get<{ Params: { which: string } }>('/throw/:which', async (request) => {
    const spec = thrown[request.params.which];
    throw Object.assign(new Error(spec?.message ?? 'x'), spec?.code ? { code: spec.code } : {});
  });
  afterAll(async () => app.close());

  const expected: [which: string, status: number, error: string][] = [
    ['pg disk full', 507, 'storage_full'],
    ['sqlite full', 507, 'storage_full'],
    ['pg admin shutdown', 503, 'database_unavailable'],
    ['pg crash shutdown', 503, 'database_unavailable'],
    ['pg cannot connect now', 503, 'database_unavailable'],
    ['pg connection failure', 503, 'database_unavailable'],
    ['too many connections', 503, 'database_unavailable'],
    ['refused', 503, 'database_unavailable'],
    ['reset', 503, 'database_unavailable'],
    ['pg socket closed', 503, 'database_unavailable'],
    ['pg client unusable after an error', 503, 'database_unavailable'],
    ['pg pool connect timeout', 503, 'database_unavailable'],
    ['sqlite busy', 503, 'database_unavailable'],
    ['a bug', 500, 'internal'],
  ];
  it.each(expected)('%s → %i %s, with a message that says nothing was stored', async (which, status, error) => {
    const res = await app.inject({ method: 'GET', url: `/throw/${encodeURIComponent(which)}` });
    expect(res.statusCode).toBe(status);
    const body = res.json() as { error: string; message: string };
    expect(body.error).toBe(error);
    expect(body.message).toMatch(/Nothing was (stored|changed)/);
    expect(body.message).not.toMatch(/ECONN|SQLITE|relation|administrator command/);
  });
});
