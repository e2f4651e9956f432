// Exports run in a worker on a connection of their own: credit-bounded, stopped by a client that goes away, and the
// server answers /health meanwhile. Real HTTP on a real port, on SQLite and PostgreSQL.
import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_AGENCIES } from '../../src/access/agency.js';
import { CREDIT_BYTES } from '../../src/export/export-channel.js';
import { PAGE_ROWS } from '../../src/db/entry-reader.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';
import { chronologyCsv, firstChunk, get as getAt, listen, nextOutcome, readAll } from './worker-exports.js';

const N = 20_000;
/** One flush of the worker's channel may carry a writer's chunk beyond the message size. */
const SLACK = 256 * 1024;

describe.each(storeKinds)('exports in a worker on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    expect((await upload(t, caseId, 'Greater Manchester Police', 'police.csv', chronologyCsv(N))).statusCode).toBe(201);
    base = await listen(t);
  }, 180_000);
  afterAll(async () => t.close());
  const get = (path: string) => getAt(base, path);

  it('sends no more than its credit ahead of a reader that does not read, then the rest once it reads', async () => {
    const map = await t.app.repos.people.map(caseId);
    const ended = nextOutcome(t);
    const body = t.app.exports.start({
      store: t.app.database.locator,
      format: 'csv',
      job: { read: { caseId, agencyKey: null }, agencies: ALL_AGENCIES, reviewPeriod: undefined, map, names: 'initials', unmappedNames: false, filter: {} },
      ctx: { caseTitle: 'Adult A', submissions: [], generatedAt: new Date(), namesMode: 'initials' },
      jsonHead: {},
    });
    // Nothing reads: the worker uses its credit and waits; what has come is all that is buffered here.
    await new Promise((resolve) => body.once('waiting', resolve));
    expect(body.readableLength).toBeGreaterThan(0);
    expect(body.readableLength).toBeLessThanOrEqual(CREDIT_BYTES + SLACK);
    const csv = (await readAll(body)).toString('utf8');
    expect(csv.split('\r\n').length - 2).toBe(N);
    expect(csv).not.toContain('Sarah Thompson');
    const o = await ended;
    expect(o).toMatchObject({ outcome: 'done', entries: N });
    expect(o.bytes).toBeGreaterThan(4 * CREDIT_BYTES);
    expect(o.stalls).toBeGreaterThan(0);
    expect(o.maxAhead).toBeLessThanOrEqual(CREDIT_BYTES + SLACK);
    expect(o.threadId).not.toBe(threadId);
  });

  it('stops reading the store when the client goes away mid-export', async () => {
    const ended = nextOutcome(t);
    // PDF: the slowest writer, so the worker is still far from the end when the client goes.
    const res = await get(`/api/cases/${caseId}/timeline?format=pdf`);
    expect(res.statusCode).toBe(200);
    await firstChunk(res);
    res.socket.destroy();
    const o = await ended;
    expect(o.outcome).toBe('stopped');
    // Every page of a whole read, and the empty one that ends it; a stopped export read fewer.
    expect(o.pages).toBeLessThan(N / PAGE_ROWS + 1);
    expect(o.entries).toBeLessThan(N);
    expect(t.logs()).toMatch(/"outcome":"stopped".*"export ended"/);
  });

  it('answers /health while an export is still in flight, then finishes the export whole', async () => {
    const ended = nextOutcome(t);
    let inFlight = true;
    void ended.then(() => (inFlight = false));
    // A client that reads the first bytes and then nothing: the worker waits on its credit, the export stays open.
    const res = await get(`/api/cases/${caseId}/timeline?format=pdf`);
    expect(res.statusCode).toBe(200);
    const chunks = [await firstChunk(res)];
    res.pause();
    for (let i = 0; i < 5; i++) {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(inFlight).toBe(true);
    }
    chunks.push(await readAll(res));
    const o = await ended;
    expect(o).toMatchObject({ outcome: 'done', entries: N });
    expect(o.threadId).not.toBe(threadId);
    const pdf = Buffer.concat(chunks).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});
