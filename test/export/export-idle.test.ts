// An export whose client stops reading is aborted after EXPORT_IDLE_SECONDS: the worker stops, its store read ends,
// the response is cut short, and one line without names says so. Real HTTP on a real port, on SQLite and PostgreSQL.
import type { IncomingMessage } from 'node:http';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { PG_URL, storeKinds } from '../helpers/stores.js';
import { chronologyCsv, get, listen, NAMED, nextOutcome } from './worker-exports.js';

const N = 20_000;
const IDLE_SECONDS = 3;

/** Reads until at least `bytes` have come, then stops reading (the socket is no longer read: TCP pushes back). */
async function readThenStop(res: IncomingMessage, bytes: number): Promise<number> {
  let got = 0;
  await new Promise<void>((resolve) => {
    const onData = (c: Buffer) => {
      got += c.length;
      if (got < bytes) return;
      res.pause();
      res.off('data', onData);
      resolve();
    };
    res.on('data', onData);
  });
  return got;
}

/** Reads on to the end, or until the response is cut off; says how many bytes came and whether it was complete. */
function readOn(res: IncomingMessage): Promise<{ bytes: number; complete: boolean }> {
  return new Promise((resolve) => {
    let bytes = 0;
    const done = () => resolve({ bytes, complete: res.complete });
    res.on('data', (c: Buffer) => (bytes += c.length));
    res.once('end', done);
    res.once('error', done);
    res.once('close', done);
    res.resume();
  });
}

describe.each(storeKinds)('an export whose client stops reading, on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let base: string;
  /** Whether some transaction still reads the case's entries: a lock on the entries table (PostgreSQL), or a
   * snapshot older than the last write that keeps a checkpoint from completing (SQLite's WAL). */
  let storeReadOpen: () => Promise<boolean>;
  let closeProbe: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp(kind, { exportIdleSeconds: IDLE_SECONDS });
    caseId = await createCase(t);
    expect((await upload(t, caseId, 'Greater Manchester Police', 'police.csv', chronologyCsv(N))).statusCode).toBe(201);
    base = await listen(t);
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      const table = `"${t.store.pgSchema ?? ''}".entries`;
      storeReadOpen = async () => {
        const res = await client.query<{ n: number }>('select count(*)::int as n from pg_locks where relation = to_regclass($1)', [table]);
        return (res.rows[0]?.n ?? 0) > 0;
      };
      closeProbe = () => client.end();
    } else {
      const probe = new SqliteDatabase(t.store.database.file ?? '');
      probe.pragma('busy_timeout = 0');
      storeReadOpen = async () => {
        // A write after the export's snapshot began, then a checkpoint that must fold in every frame and restart the WAL.
        await createCase(t, 'Another review');
        const [r] = probe.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        return r?.busy === 1;
      };
      closeProbe = () => {
        probe.close();
        return Promise.resolve();
      };
    }
  }, 180_000);
  afterAll(async () => {
    await closeProbe();
    await t.close();
  });

  it(`is aborted after ${IDLE_SECONDS} s without a byte taken: the worker stops, its store read ends, the response is cut short`, async () => {
    const ended = nextOutcome(t);
    const res = await get(base, `/api/cases/${caseId}/timeline?format=json`);
    expect(res.statusCode).toBe(200);
    await readThenStop(res, 64 * 1024);
    const stoppedAt = Date.now();
    // The export waits on the client with its snapshot open.
    expect(await storeReadOpen()).toBe(true);

    const o = await ended;
    expect(o.outcome).toBe('idle');
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(IDLE_SECONDS * 1000);
    expect(o.entries).toBeLessThan(N);
    expect(o.stalls).toBeGreaterThan(0);
    await expect.poll(storeReadOpen, { timeout: 5_000, interval: 100 }).toBe(false);

    // What was already on its way arrives, then the connection ends without the response's last chunk.
    const rest = await readOn(res);
    expect(rest.complete).toBe(false);
    expect(res.socket.destroyed).toBe(true);

    const lines = t.logs().split('\n').filter((l) => l.includes('"outcome":"idle"'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('export aborted: the client stopped reading');
    expect(lines[0]).toContain(`"idleSeconds":${IDLE_SECONDS}`);
    for (const name of NAMED) expect(t.logs()).not.toContain(name);
    expect(t.logs()).not.toContain('Officers attended');
  }, 60_000);

  it('leaves alone a client that reads slowly: each wait is shorter than the limit', async () => {
    const ended = nextOutcome(t);
    const res = await get(base, `/api/cases/${caseId}/timeline?format=json`);
    expect(res.statusCode).toBe(200);
    // After every 2 MB, a pause of half the limit: the worker waits on credit, never for the whole limit.
    let bytes = 0;
    let next = 2 * 1024 * 1024;
    res.on('data', (c: Buffer) => {
      bytes += c.length;
      if (bytes < next) return;
      next += 2 * 1024 * 1024;
      res.pause();
      setTimeout(() => res.resume(), (IDLE_SECONDS * 1000) / 2);
    });
    const complete = await new Promise<boolean>((resolve) => res.once('close', () => resolve(res.complete)));
    expect(complete).toBe(true);
    const o = await ended;
    expect(o).toMatchObject({ outcome: 'done', entries: N });
    expect(o.stalls).toBeGreaterThan(0);
  }, 60_000);
});
