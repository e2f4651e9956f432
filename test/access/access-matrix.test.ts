// Every route × every kind of caller, from one table, on both stores: who gets 2xx, 401, 403 or 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, multipart } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

type Caller = 'none' | 'bad' | 'admin' | 'chair' | 'otherChair' | 'author' | 'otherAuthor' | 'reader';
const callers: Caller[] = ['none', 'bad', 'admin', 'chair', 'otherChair', 'author', 'otherAuthor', 'reader'];

interface World {
  caseId: string;
  tokens: Record<Caller, string | null>;
}

interface Row {
  route: string;
  /** Builds the request; `fresh` rows get a world of their own (they destroy what they touch). */
  request: (w: World, t: TestApp) => Promise<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object | Buffer; headers?: Record<string, string> }>;
  expect: Record<Caller, number>;
  fresh?: boolean;
}

const anyone = (ok: number): Record<Caller, number> => ({ none: 401, bad: 401, admin: ok, chair: ok, otherChair: ok, author: ok, otherAuthor: ok, reader: ok });
const caseRule = (ok: number, allowed: Caller[]): Record<Caller, number> => ({
  none: 401,
  bad: 401,
  admin: allowed.includes('admin') ? ok : 403,
  chair: allowed.includes('chair') ? ok : 403,
  otherChair: 404,
  author: allowed.includes('author') ? ok : 403,
  otherAuthor: allowed.includes('otherAuthor') ? ok : 403,
  reader: allowed.includes('reader') ? ok : 403,
});

const entries = [{ date: '03/04/2013', time: '17:00', event: 'Officers attended.' }];

const rows: Row[] = [
  { route: 'GET /api/session', request: async () => ({ method: 'GET', url: '/api/session' }), expect: anyone(200) },
  { route: 'GET /api/template.xlsx', request: async () => ({ method: 'GET', url: '/api/template.xlsx' }), expect: anyone(200) },
  { route: 'GET /api/cases', request: async () => ({ method: 'GET', url: '/api/cases' }), expect: anyone(200) },
  {
    route: 'POST /api/cases',
    request: async () => ({ method: 'POST', url: '/api/cases', payload: { title: 'New', reviewPeriod: { from: '2012-01-01', to: '2013-01-01' } } }),
    expect: { ...caseRule(201, ['admin']), otherChair: 403 },
  },
  { route: 'GET /api/cases/:id', request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}` }), expect: caseRule(200, ['admin', 'chair', 'author', 'otherAuthor', 'reader']) },
  { route: 'PATCH /api/cases/:id', request: async (w) => ({ method: 'PATCH', url: `/api/cases/${w.caseId}`, payload: { title: 'Renamed' } }), expect: caseRule(200, ['admin', 'chair']) },
  { route: 'DELETE /api/cases/:id', fresh: true, request: async (w) => ({ method: 'DELETE', url: `/api/cases/${w.caseId}` }), expect: caseRule(204, ['admin', 'chair']) },
  { route: 'GET /api/cases/:id/people', request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/people` }), expect: caseRule(200, ['admin', 'chair']) },
  {
    route: 'PUT /api/cases/:id/people',
    request: async (w) => ({ method: 'PUT', url: `/api/cases/${w.caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }] } }),
    expect: caseRule(200, ['admin', 'chair']),
  },
  {
    route: 'POST /api/cases/:id/chronologies (Police)',
    request: async (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/chronologies`, payload: { agency: 'Police', entries } }),
    expect: caseRule(201, ['admin', 'chair', 'author']),
  },
  {
    route: 'POST /api/cases/:id/chronologies (multipart, Police)',
    request: async (w) => ({
      method: 'POST',
      url: `/api/cases/${w.caseId}/chronologies`,
      ...multipart([
        { name: 'agency', value: 'Police' },
        { name: 'file', filename: 'p.csv', content: Buffer.from('Date,Event\r\n03/04/2013,Officers attended.\r\n') },
      ]),
    }),
    expect: caseRule(201, ['admin', 'chair', 'author']),
  },
  { route: 'GET /api/cases/:id/chronologies', request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/chronologies` }), expect: caseRule(200, ['admin', 'chair', 'author', 'otherAuthor']) },
  {
    route: 'GET /api/cases/:id/timeline?names=real',
    request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline?names=real` }),
    expect: caseRule(200, ['admin', 'chair', 'author', 'otherAuthor']),
  },
  {
    route: 'GET /api/cases/:id/timeline (anonymised, default)',
    request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline` }),
    expect: caseRule(200, ['admin', 'chair', 'reader']),
  },
  {
    route: 'GET /api/cases/:id/timeline?names=pseudonym&format=csv',
    request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline?names=pseudonym&format=csv` }),
    expect: caseRule(200, ['admin', 'chair', 'reader']),
  },
  {
    route: 'GET /api/cases/:id/timeline (anonymised, authors allowed by the chair)',
    fresh: true,
    request: async (w, t) => {
      await t.call({ method: 'PATCH', url: `/api/cases/${w.caseId}`, payload: { authorsSeeMergedTimeline: true } });
      return { method: 'GET', url: `/api/cases/${w.caseId}/timeline?format=xlsx` };
    },
    expect: caseRule(200, ['admin', 'chair', 'author', 'otherAuthor', 'reader']),
  },
  {
    route: 'POST /api/cases/:id/redaction-check (text)',
    request: async (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/redaction-check`, payload: { text: 'Adult A was seen.' } }),
    expect: caseRule(200, ['admin', 'chair', 'reader']),
  },
  {
    route: 'POST /api/cases/:id/redaction-check (the timeline)',
    request: async (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/redaction-check` }),
    expect: caseRule(200, ['admin', 'chair', 'reader']),
  },
  { route: 'POST /api/redaction-check', request: async () => ({ method: 'POST', url: '/api/redaction-check', payload: { text: 'Adult A was seen.' } }), expect: anyone(200) },
  { route: 'GET /api/cases/:id/audit', request: async (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/audit` }), expect: caseRule(200, ['admin', 'chair']) },
  {
    route: 'POST /api/tokens (reader of the case)',
    request: async (w) => ({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId: w.caseId, label: 'panel' } }),
    expect: { ...caseRule(201, ['admin', 'chair']) },
  },
  {
    route: 'POST /api/tokens (chair)',
    request: async (w) => ({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId: w.caseId, label: 'chair 2' } }),
    expect: { ...caseRule(201, ['admin']) },
  },
  { route: 'GET /api/tokens', request: async () => ({ method: 'GET', url: '/api/tokens' }), expect: { ...caseRule(200, ['admin', 'chair']), otherChair: 200 } },
  {
    route: 'DELETE /api/tokens/:id (a reader of the case)',
    fresh: true,
    request: async (w, t) => {
      const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId: w.caseId, label: 'to revoke' } });
      return { method: 'DELETE', url: `/api/tokens/${(res.json() as { id: string }).id}` };
    },
    expect: caseRule(204, ['admin', 'chair']),
  },
  {
    route: 'POST /api/merge',
    request: async () => ({
      method: 'POST',
      url: '/api/merge?names=real',
      ...multipart([
        { name: 'agency', value: 'Police' },
        { name: 'file', filename: 'p.csv', content: Buffer.from('Date,Event\r\n03/04/2013,Officers attended.\r\n') },
      ]),
    }),
    expect: anyone(200),
  },
];

describe.each(storeKinds)('access matrix on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  async function world(): Promise<World> {
    const caseId = await createCase(t);
    const otherCase = await createCase(t, 'Other case');
    const token = async (body: object): Promise<string> => {
      const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { label: 'test', ...body } });
      if (res.statusCode !== 201) throw new Error(`token not created: ${res.body}`);
      return (res.json() as { token: string }).token;
    };
    return {
      caseId,
      tokens: {
        none: null,
        bad: 'chr_not_a_real_token',
        admin: ADMIN,
        chair: await token({ role: 'chair', caseId }),
        otherChair: await token({ role: 'chair', caseId: otherCase }),
        author: await token({ role: 'author', caseId, agency: 'Police' }),
        otherAuthor: await token({ role: 'author', caseId, agency: 'GP' }),
        reader: await token({ role: 'reader', caseId }),
      },
    };
  }

  let shared: World;
  beforeAll(async () => {
    shared = await world();
  });

  for (const row of rows) {
    it.each(callers)(`${row.route} as %s`, async (caller) => {
      const w = row.fresh ? await world() : shared;
      const req = await row.request(w, t);
      const res = await t.call({ ...req, token: w.tokens[caller] });
      expect(res.statusCode, res.body).toBe(row.expect[caller]);
      if (res.statusCode >= 400) expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      if (res.statusCode === 401) expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  }
});
