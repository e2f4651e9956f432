// The published contract as a client meets it: what the document declares, and the check every test app's responses
// pass through (test/helpers/contract.ts) refusing what a generated client could not trust.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResponses, type RecordedResponse } from '../helpers/contract.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; headers: Record<string, Json> };
}
const doc = YAML.parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
const op = (method: string, path: string): Json => doc.paths[path]?.[method] ?? {};
const responses = (o: Json): Record<string, Json> => (o.responses ?? {}) as Record<string, Json>;
const mediaTypes = (r: Json | undefined): string[] => Object.keys((r?.content ?? {}) as Json);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const record = (over: Partial<RecordedResponse>): RecordedResponse => ({
  method: 'GET',
  route: '/api/cases/:caseId',
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': 600, 'x-ratelimit-remaining': 599, 'x-ratelimit-reset': 60 },
  body: Buffer.from(JSON.stringify({ id: 'c1', title: 'T', reviewPeriod: { from: '2012-01-01', to: '2013-01-01' }, status: 'open', authorsSeeMergedTimeline: false, createdAt: 'x', updatedAt: 'y' })),
  ...over,
});

describe('the published contract', () => {
  it('is OpenAPI 3.1, with a name for every operation, once each', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ids = operations.map((o) => o.op.operationId);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks no bearer token of the health probes, and one of every /api operation', () => {
    expect(op('get', '/health').security).toEqual([]);
    expect(op('get', '/ready').security).toEqual([]);
    for (const { path, op: o } of operations.filter((x) => x.path.startsWith('/api/'))) {
      expect(o.security, path).toBeUndefined();
      expect(responses(o)['401'], path).toEqual({ $ref: '#/components/responses/Unauthorised' });
      expect(responses(o)['429'], path).toEqual({ $ref: '#/components/responses/RateLimited' });
    }
  });

  it('declares downloads with their real media types and Content-Disposition', () => {
    const timeline = responses(op('get', '/api/cases/{caseId}/timeline'))['200'];
    expect(mediaTypes(timeline)).toEqual(expect.arrayContaining(['application/json', 'text/csv', XLSX, DOCX]));
    expect(timeline?.headers).toHaveProperty('Content-Disposition');
    expect(mediaTypes(responses(op('post', '/api/merge'))['200'])).toEqual(expect.arrayContaining(['application/json', 'text/csv', XLSX, DOCX]));
    expect(mediaTypes(responses(op('get', '/api/template.xlsx'))['200'])).toEqual([XLSX]);
    expect(mediaTypes(responses(op('get', '/api/template.csv'))['200'])).toEqual(['text/csv']);
  });

  it('declares the multipart bodies of uploads, the merge and the redaction check, with their file parts', () => {
    const multipart = (method: string, path: string): Json => {
      const body = op(method, path).requestBody as { content: Record<string, { schema: Json }> };
      return body.content['multipart/form-data']?.schema ?? {};
    };
    expect(multipart('post', '/api/cases/{caseId}/chronologies')).toMatchObject({ properties: { agency: { type: 'string' }, file: { format: 'binary' } }, required: ['agency', 'file'] });
    expect(multipart('post', '/api/merge')).toMatchObject({ properties: { file: { type: 'array', items: { format: 'binary' } } } });
    expect(multipart('post', '/api/cases/{caseId}/redaction-check')).toMatchObject({ properties: { file: { format: 'binary' } } });
    expect((op('post', '/api/cases/{caseId}/redaction-check').requestBody as Json).required).toBe(false);
  });

  it('gives 204s no content, and names the error body once', () => {
    for (const o of [op('delete', '/api/cases/{caseId}'), op('delete', '/api/tokens/{id}')]) expect(responses(o)['204']).not.toHaveProperty('content');
    expect(doc.components.schemas.ErrorBody).toMatchObject({ required: ['error', 'message'] });
    const inline = operations.flatMap(({ path, method, op: o }) =>
      Object.entries(responses(o)).flatMap(([status, r]) =>
        Object.values((r.content ?? {}) as Record<string, { schema: Json }>)
          .filter((m) => !m.schema.$ref && (m.schema.properties as Json | undefined)?.error)
          .map(() => `${method} ${path} ${status}`),
      ),
    );
    expect(inline).toEqual([]);
  });

  it('lets a JSON entry say seen: null, the 3.1 way', () => {
    const entry = (doc.components.schemas.JsonChronologyInput?.properties as Json | undefined)?.entries as { items: { properties: { seen: Json } } };
    const seen = JSON.stringify(entry.items.properties.seen);
    expect(seen).toContain('"type":"null"');
    expect(seen).not.toContain('nullable');
  });
});

describe('the response check', () => {
  it('passes a response the document declares', () => {
    expect(checkResponses(doc, [record({})])).toEqual([]);
  });

  it('refuses an undeclared status, a wrong media type, an invalid body, a body on a 204 and a missing header', () => {
    const problems = checkResponses(doc, [
      record({ status: 418 }),
      record({ headers: { ...record({}).headers, 'content-type': 'text/html' } }),
      record({ body: Buffer.from(JSON.stringify({ id: 'c1' })) }),
      record({ method: 'DELETE', status: 204, body: Buffer.from('null') }),
      record({ headers: { 'content-type': 'application/json' } }),
      record({ route: '/api/undocumented' }),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/→ 418: status not declared/),
      expect.stringMatching(/media type text\/html not declared/),
      expect.stringMatching(/body invalid at \/: must have required property 'title'/),
      expect.stringMatching(/DELETE .* → 204: a body was sent where none is declared/),
      expect.stringMatching(/header X-RateLimit-Limit declared but not sent/),
      expect.stringMatching(/header X-RateLimit-Remaining declared but not sent/),
      expect.stringMatching(/header X-RateLimit-Reset declared but not sent/),
      expect.stringMatching(/\/api\/undocumented .*not in the document/),
    ]);
  });
});

describe('the global rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', {}, { requestsPerMinute: 1 });
  });
  afterAll(async () => t.close());

  it('answers 429 rate_limited, saying how long to wait, with Retry-After', async () => {
    expect((await t.call({ method: 'GET', url: '/api/session' })).statusCode).toBe(200);
    const res = await t.call({ method: 'GET', url: '/api/session' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/try again in \d+ seconds/) });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(t.responses.map((r) => r.status)).toEqual([200, 429]);
  });
});
