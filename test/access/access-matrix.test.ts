// Every registered route × every kind of caller, on both stores: built from the app's own route list, so a new
// route is in the matrix the day it is added. Refusals are exact (401, 403, 404); what an allowed caller gets is
// exact where the route has a recipe below, and "past the door" (not 401/403/404) where it has none yet.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_RULES, type AccessRule, type CaseAction, type Role } from '../../src/access/roles.js';
import { ADMIN, startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, multipart } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

type Caller = 'none' | 'bad' | 'admin' | 'chair' | 'otherChair' | 'author' | 'otherAuthor' | 'reader';
const callers: Caller[] = ['none', 'bad', 'admin', 'chair', 'otherChair', 'author', 'otherAuthor', 'reader'];
/** The role each caller's token has; otherChair chairs another case, otherAuthor writes for another agency (GP). */
const roleOf: Record<Exclude<Caller, 'none' | 'bad'>, Role> = { admin: 'admin', chair: 'chair', otherChair: 'chair', author: 'author', otherAuthor: 'author', reader: 'reader' };

interface World {
  caseId: string;
  tokens: Record<Caller, string | null>;
}

type Request = Pick<InjectOptions, 'method' | 'url' | 'payload' | 'headers'>;

interface Recipe {
  name: string;
  /** Builds the request; `fresh` recipes get a world of their own (they destroy or change what they touch). */
  request: (w: World, t: TestApp) => Promise<Request> | Request;
  ok: number;
  /** What callers the route's rule lets in get instead of `ok`, where the scope decides more than the rule. */
  refined?: Partial<Record<Caller, number>>;
  fresh?: boolean;
}

/** The status the route's access rule alone gives a caller: a refusal, or 'in' (the handler decides). */
function byRule(rule: AccessRule, caller: Caller): 401 | 403 | 404 | 'in' {
  if (caller === 'none' || caller === 'bad') return 401;
  if (rule === 'any' || rule === 'public') return 'in';
  const role = roleOf[caller];
  if (rule === 'admin') return role === 'admin' ? 'in' : 403;
  if (caller === 'otherChair') return 404;
  return CASE_RULES[rule satisfies CaseAction].includes(role) ? 'in' : 403;
}

const entries = [{ date: '03/04/2013', time: '17:00', event: 'Officers attended.' }];
const csvFile = Buffer.from('Date,Event\r\n03/04/2013,Officers attended.\r\n');
const policeCsv = multipart([
  { name: 'agency', value: 'Police' },
  { name: 'file', filename: 'p.csv', content: csvFile },
]);
const onlyChairs = { author: 403, otherAuthor: 403 } as const;

const recipes: Record<string, Recipe[]> = {
  'GET /api/session': [{ name: '', request: () => ({ method: 'GET', url: '/api/session' }), ok: 200 }],
  'GET /api/template.xlsx': [{ name: '', request: () => ({ method: 'GET', url: '/api/template.xlsx' }), ok: 200 }],
  'GET /api/template.csv': [{ name: '', request: () => ({ method: 'GET', url: '/api/template.csv' }), ok: 200 }],
  'GET /api/cases': [{ name: '', request: () => ({ method: 'GET', url: '/api/cases' }), ok: 200 }],
  'POST /api/cases': [{ name: '', request: () => ({ method: 'POST', url: '/api/cases', payload: { title: 'New', reviewPeriod: { from: '2012-01-01', to: '2013-01-01' } } }), ok: 201 }],
  'GET /api/cases/:caseId': [{ name: '', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}` }), ok: 200 }],
  'PATCH /api/cases/:caseId': [{ name: '', request: (w) => ({ method: 'PATCH', url: `/api/cases/${w.caseId}`, payload: { title: 'Renamed' } }), ok: 200 }],
  'DELETE /api/cases/:caseId': [{ name: '', fresh: true, request: (w) => ({ method: 'DELETE', url: `/api/cases/${w.caseId}` }), ok: 204 }],
  'GET /api/cases/:caseId/people': [{ name: '', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/people` }), ok: 200 }],
  'PUT /api/cases/:caseId/people': [
    { name: '', request: (w) => ({ method: 'PUT', url: `/api/cases/${w.caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }] } }), ok: 200 },
  ],
  'POST /api/cases/:caseId/chronologies': [
    { name: 'JSON for Police', request: (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/chronologies`, payload: { agency: 'Police', entries } }), ok: 201, refined: { otherAuthor: 403 } },
    { name: 'multipart for Police', request: (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/chronologies`, ...policeCsv }), ok: 201, refined: { otherAuthor: 403 } },
    { name: 'dry run for GP', request: (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/chronologies?dryRun=true`, payload: { agency: 'GP', entries } }), ok: 200, refined: { author: 403 } },
  ],
  'GET /api/cases/:caseId/chronologies': [{ name: '', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/chronologies` }), ok: 200 }],
  'GET /api/cases/:caseId/timeline': [
    { name: 'names=real', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline?names=real` }), ok: 200, refined: { reader: 403 } },
    { name: 'anonymised (default)', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline` }), ok: 200, refined: onlyChairs },
    { name: 'names=pseudonym&format=csv', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/timeline?names=pseudonym&format=csv` }), ok: 200, refined: onlyChairs },
    {
      name: 'anonymised xlsx, shared with authors by the chair',
      fresh: true,
      request: async (w, t) => {
        await t.call({ method: 'PATCH', url: `/api/cases/${w.caseId}`, payload: { authorsSeeMergedTimeline: true } });
        return { method: 'GET', url: `/api/cases/${w.caseId}/timeline?format=xlsx` };
      },
      ok: 200,
    },
  ],
  'GET /api/cases/:caseId/analysis': [{ name: '', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/analysis?gapDays=30` }), ok: 200 }],
  'GET /api/cases/:caseId/chronologies/diff': [
    {
      name: 'Police, two versions',
      fresh: true,
      request: async (w, t) => {
        for (const event of ['Officers attended.', 'Officers attended; words exchanged.']) {
          await t.call({ method: 'POST', url: `/api/cases/${w.caseId}/chronologies`, payload: { agency: 'Police', entries: [{ date: '03/04/2013', event }] } });
        }
        return { method: 'GET', url: `/api/cases/${w.caseId}/chronologies/diff?agency=Police` };
      },
      ok: 200,
      refined: { otherAuthor: 403 },
    },
  ],
  'POST /api/cases/:caseId/redaction-check': [
    { name: 'a text', request: (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/redaction-check`, payload: { text: 'Adult A was seen.' } }), ok: 200 },
    { name: 'the timeline', request: (w) => ({ method: 'POST', url: `/api/cases/${w.caseId}/redaction-check` }), ok: 200 },
  ],
  'POST /api/redaction-check': [{ name: '', request: () => ({ method: 'POST', url: '/api/redaction-check', payload: { text: 'Adult A was seen.' } }), ok: 200 }],
  'GET /api/cases/:caseId/audit': [{ name: '', request: (w) => ({ method: 'GET', url: `/api/cases/${w.caseId}/audit` }), ok: 200 }],
  'POST /api/tokens': [
    { name: 'a reader of the case', request: (w) => ({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId: w.caseId, label: 'panel' } }), ok: 201, refined: { otherChair: 404, author: 403, otherAuthor: 403, reader: 403 } },
    { name: 'a chair', request: (w) => ({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId: w.caseId, label: 'chair 2' } }), ok: 201, refined: { chair: 403, otherChair: 404, author: 403, otherAuthor: 403, reader: 403 } },
  ],
  'GET /api/tokens': [{ name: '', request: () => ({ method: 'GET', url: '/api/tokens' }), ok: 200, refined: { author: 403, otherAuthor: 403, reader: 403 } }],
  'DELETE /api/tokens/:id': [
    {
      name: 'a reader of the case',
      fresh: true,
      request: async (w, t) => {
        const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId: w.caseId, label: 'to revoke' } });
        return { method: 'DELETE', url: `/api/tokens/${(res.json() as { id: string }).id}` };
      },
      ok: 204,
      refined: { otherChair: 404, author: 403, otherAuthor: 403, reader: 403 },
    },
  ],
  'POST /api/merge': [{ name: 'names=real', request: () => ({ method: 'POST', url: '/api/merge?names=real', ...policeCsv }), ok: 200 }],
};

/** The rule each route above must declare (DESIGN §8); a route changing its rule must change this too. */
const RULES: Record<string, AccessRule> = {
  'GET /api/session': 'any',
  'GET /api/template.xlsx': 'any',
  'GET /api/template.csv': 'any',
  'GET /api/cases': 'any',
  'POST /api/cases': 'admin',
  'GET /api/cases/:caseId': 'case:read',
  'PATCH /api/cases/:caseId': 'case:update',
  'DELETE /api/cases/:caseId': 'case:delete',
  'GET /api/cases/:caseId/people': 'people:read',
  'PUT /api/cases/:caseId/people': 'people:write',
  'POST /api/cases/:caseId/chronologies': 'chronology:upload',
  'GET /api/cases/:caseId/chronologies': 'chronology:list',
  'GET /api/cases/:caseId/timeline': 'timeline:read',
  'GET /api/cases/:caseId/analysis': 'analysis:read',
  'GET /api/cases/:caseId/chronologies/diff': 'chronology:diff',
  'POST /api/cases/:caseId/redaction-check': 'redaction:check',
  'POST /api/redaction-check': 'any',
  'GET /api/cases/:caseId/audit': 'audit:read',
  'POST /api/tokens': 'any',
  'GET /api/tokens': 'any',
  'DELETE /api/tokens/:id': 'any',
  'POST /api/merge': 'any',
};

/** A route without a recipe: its parameters filled in, no body. Enough to see who the door lets in. */
function bare(method: string, url: string, w: World): Request {
  return { method: method as Request['method'], url: url.replace(':caseId', w.caseId).replace(/:[A-Za-z]+/g, 'none') };
}

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

  // The route list is the app's own; it is read when the tests run, so describe a placeholder per route now.
  const routes = (): { method: string; url: string; access: AccessRule }[] =>
    t.app.accessRoutes.filter((r) => r.method !== 'HEAD' && r.access !== 'public');

  it('covers every registered route, and no /api route is public', () => {
    const api = t.app.accessRoutes.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(15);
    expect(api.filter((r) => r.access === 'public')).toEqual([]);
    for (const head of api.filter((r) => r.method === 'HEAD')) {
      const get = t.app.accessRoutes.find((r) => r.method === 'GET' && r.url === head.url);
      expect(get?.access, head.url).toBe(head.access);
    }
  });

  it('gives each route with a recipe the rule DESIGN §8 gives it', () => {
    const declared = Object.fromEntries(routes().map((r) => [`${r.method} ${r.url}`, r.access]));
    for (const key of Object.keys(recipes)) expect(declared[key], key).toBe(RULES[key]);
  });

  it.each(callers)('every route as %s', async (caller) => {
    const failures: string[] = [];
    for (const route of routes()) {
      const key = `${route.method} ${route.url}`;
      const rule = byRule(route.access, caller);
      for (const recipe of recipes[key] ?? [{ name: '(no recipe)', request: (w: World) => bare(route.method, route.url, w), ok: 0 }]) {
        const w = recipe.fresh ? await world() : shared;
        const res = await t.call({ ...(await recipe.request(w, t)), token: w.tokens[caller] });
        const label = `${key} ${recipe.name}`.trim();
        const got = res.statusCode;
        if (rule !== 'in') {
          if (got !== rule) failures.push(`${label}: ${got}, expected ${rule} by its rule '${route.access}'`);
        } else if (recipe.ok === 0) {
          if (got === 401 || got === 403 || got === 404) failures.push(`${label}: ${got}, but its rule '${route.access}' lets ${caller} in`);
        } else {
          const want = recipe.refined?.[caller] ?? recipe.ok;
          if (got !== want) failures.push(`${label}: ${got}, expected ${want}: ${res.body.slice(0, 200)}`);
        }
        if (got >= 400) {
          const body = res.json() as { error?: unknown; message?: unknown };
          if (typeof body.error !== 'string' || typeof body.message !== 'string') failures.push(`${label}: error body without error/message`);
        }
        if (got === 401 && res.headers['www-authenticate'] !== 'Bearer') failures.push(`${label}: 401 without WWW-Authenticate: Bearer`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets anyone reach the public routes without a token', async () => {
    for (const url of ['/health', '/ready', '/docs/json', '/openapi.json', '/']) {
      expect((await t.call({ method: 'GET', url, token: null })).statusCode, url).toBe(200);
    }
  });
});
