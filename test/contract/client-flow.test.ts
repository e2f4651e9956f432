// A client generated from openapi.yaml (openapi-typescript types, openapi-fetch) drives a real review over HTTP:
// open a case, issue an author token, upload the police chronology, read the timeline, download every file. No casts:
// if the contract and the server disagree, this fails to type-check or fails here (and the recorder checks each answer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient, { type Client } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_DIR } from '../../fixtures/paths.js';
import type { components, paths } from '../../src/schemas/openapi-types.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';

type Timeline = components['schemas']['Timeline'];

const POLICE = 'Greater Manchester Police';

describe('a generated client, end to end', () => {
  let t: TestApp;
  let baseUrl: string;
  let admin: Client<paths>;
  const as = (token: string): Client<paths> => createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = as(ADMIN);
  });
  afterAll(async () => t.close());

  it('opens a case, issues an author token, uploads a file and reads and downloads the timeline', async () => {
    const health = await createClient<paths>({ baseUrl }).GET('/health');
    expect(health.data?.status).toBe('ok');

    const opened = await admin.POST('/api/cases', { body: { title: 'DHR 2026/01 — Adult B', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } } });
    if (!opened.data) throw new Error(`case not opened: ${opened.error?.message}`);
    const caseId = opened.data.id;
    expect(opened.response.status).toBe(201);

    const issued = await admin.POST('/api/tokens', { body: { role: 'author', caseId, agency: POLICE, label: 'police IMR author' } });
    if (!issued.data) throw new Error(`token not issued: ${issued.error?.message}`);
    const author = as(issued.data.token);
    expect(issued.data).toMatchObject({ role: 'author', caseId, agency: POLICE });

    const bytes = readFileSync(join(FILES_DIR, 'gm-police.xlsx'));
    const uploaded = await author.POST('/api/cases/{caseId}/chronologies', {
      params: { path: { caseId } },
      body: { agency: POLICE, file: new Blob([bytes]) },
      bodySerializer: (body) => {
        const form = new FormData();
        if (body && 'file' in body) {
          form.append('agency', body.agency);
          form.append('file', body.file, 'gm-police.xlsx');
        }
        return form;
      },
    });
    if (!uploaded.data) throw new Error(`upload refused: ${uploaded.error?.message}`);
    expect(uploaded.response.status).toBe(201);
    expect(uploaded.data.submission).toMatchObject({ agency: POLICE, version: 1 });
    expect(uploaded.data.submission.entries).toBeGreaterThan(0);

    const listed = await author.GET('/api/cases/{caseId}/chronologies', { params: { path: { caseId } } });
    expect(listed.data?.submissions.map((s) => [s.agency, s.version, s.current])).toEqual([[POLICE, 1, true]]);

    const timeline = await admin.GET('/api/cases/{caseId}/timeline', { params: { path: { caseId }, query: { names: 'initials' } } });
    // the 200 declares JSON and the three downloads; asked for JSON, the body is the JSON one
    if (!timeline.data || typeof timeline.data === 'string' || !('entries' in timeline.data)) throw new Error(`no timeline: ${timeline.error?.message}`);
    const json: Timeline = timeline.data;
    expect(json.entries).toHaveLength(uploaded.data.submission.entries);
    expect(json.entries.every((e) => e.agency === POLICE && e.provenance.sheet.length > 0)).toBe(true);

    const csv = await admin.GET('/api/cases/{caseId}/timeline', { params: { path: { caseId }, query: { format: 'csv' } }, parseAs: 'text' });
    expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(csv.data?.split('\r\n')[0]).toContain('Date');

    for (const format of ['xlsx', 'docx'] as const) {
      const file = await admin.GET('/api/cases/{caseId}/timeline', { params: { path: { caseId }, query: { format } }, parseAs: 'arrayBuffer' });
      expect(file.response.status).toBe(200);
      expect(Buffer.from(file.data ?? new ArrayBuffer(0)).subarray(0, 2).toString('latin1')).toBe('PK');
    }

    const template = await author.GET('/api/template.xlsx', { parseAs: 'blob' });
    expect(template.data?.size).toBeGreaterThan(1000);
    const templateCsv = await author.GET('/api/template.csv', { parseAs: 'text' });
    expect(templateCsv.data).toContain('Date');
  });

  it('reads refusals as the declared error body', async () => {
    const missing = await admin.GET('/api/cases/{caseId}', { params: { path: { caseId: 'no-such-case' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error?.error).toBe('not_found');
    const anonymous = await createClient<paths>({ baseUrl }).GET('/api/cases');
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error?.error).toBe('unauthorised');
    const past = await admin.POST('/api/tokens', { body: { role: 'admin', label: 'late', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.error?.message).toContain('expiresAt');
  });
});
