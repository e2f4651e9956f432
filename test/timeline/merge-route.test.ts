// The stateless merge: files in, one timeline out, in every format, with nothing stored.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

describe.each(storeKinds)('POST /api/merge on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const snapshot = async (): Promise<string> => {
    const db = t.store.database.db;
    const out: unknown[] = [];
    for (const table of ['cases', 'submissions', 'entries', 'people', 'audit_events'] as const) out.push(await db.selectFrom(table).selectAll().execute());
    out.push((await db.selectFrom('tokens').select(['id', 'role']).execute()).length);
    return JSON.stringify(out);
  };

  const merge = (query: string, parts: Parameters<typeof multipart>[0]) => t.call({ method: 'POST', url: `/api/merge?${query}`, ...multipart(parts) });

  it('merges two agencies’ files in order and stores nothing', async () => {
    const before = await snapshot();
    const res = await merge('names=real', [
      { name: 'agency', value: 'Greater Manchester Police' },
      { name: 'file', filename: 'gm.xlsx', content: fixture('gm-police.xlsx') },
      { name: 'agency', value: 'GP' },
      { name: 'file', filename: 'gp.xlsx', content: fixture('darlington-gp.xlsx') },
    ]);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json() as { case: { id: null }; entries: { agency: string; date: string; id: string }[] };
    expect(body.case.id).toBeNull();
    expect(new Set(body.entries.map((e) => e.agency))).toEqual(new Set(['Greater Manchester Police', 'GP']));
    expect(body.entries.length).toBeGreaterThan(23);
    // Stable ids: the same files give the same ids.
    const again = await merge('names=real', [
      { name: 'agency', value: 'Greater Manchester Police' },
      { name: 'file', filename: 'gm.xlsx', content: fixture('gm-police.xlsx') },
      { name: 'agency', value: 'GP' },
      { name: 'file', filename: 'gp.xlsx', content: fixture('darlington-gp.xlsx') },
    ]);
    expect((again.json() as typeof body).entries.map((e) => e.id)).toEqual(body.entries.map((e) => e.id));
    expect(await snapshot()).toBe(before);
  });

  it('returns every file’s row errors, file by file, and stores nothing', async () => {
    const before = await snapshot();
    const res = await merge('names=real', [
      { name: 'agency', value: 'Police' },
      { name: 'file', filename: 'gm.xlsx', content: fixture('gm-police.xlsx') },
      { name: 'agency', value: 'Probation' },
      { name: 'file', filename: 'bad.xlsx', content: fixture('bad-dates.xlsx') },
    ]);
    expect(res.statusCode).toBe(422);
    const body = res.json() as { files: { file: number; agency: string; errors: unknown[] }[] };
    expect(body.files).toHaveLength(1);
    expect(body.files[0]).toMatchObject({ file: 2, agency: 'Probation' });
    expect(body.files[0]?.errors.length).toBeGreaterThan(3);
    expect(await snapshot()).toBe(before);
  });

  it.each(['csv', 'xlsx', 'docx'])('answers format=%s as an attachment', async (format) => {
    const res = await merge(`names=real&format=${format}`, [
      { name: 'agency', value: 'Housing' },
      { name: 'file', filename: 'h.csv', content: fixture('housing-1252.csv') },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(new RegExp(`attachment; filename="merged-chronology-\\d{4}-\\d{2}-\\d{2}\\.${format}"`));
    expect(res.rawPayload.length).toBeGreaterThan(100);
  });

  it('needs at least one file, and multipart', async () => {
    expect((await merge('', [{ name: 'agency', value: 'Police' }])).statusCode).toBe(400);
    expect((await t.call({ method: 'POST', url: '/api/merge', payload: { agency: 'x' } })).statusCode).toBe(415);
  });
});
