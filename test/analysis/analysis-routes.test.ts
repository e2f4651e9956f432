// The analysis through the API on both stores: a four-agency case whose counts, gaps and first/last contacts are
// computed here day by day from the entries as generated; each role sees the agencies its timeline shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResponse } from '../../src/analysis/analysis-schemas.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';
import { countByDays, type Contact } from './count-by-days.js';

const AGENCIES = ['Police', 'GP', 'Housing', "Children's Services"];
/** Windows in which no agency has contact: the gaps over 90 days the analysis must find. */
const SILENT = [
  ['2012-05-01', '2012-09-30'],
  ['2014-03-01', '2014-07-15'],
];

/** A small seeded generator (mulberry32), so the case is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per agency: the JSON entries to post and the contacts they are, dates as stored (ISO at their precision). */
function makeCase(): { uploads: Map<string, object[]>; contacts: Contact[] } {
  const rnd = random(20);
  const uploads = new Map<string, object[]>();
  const contacts: Contact[] = [];
  const start = Date.UTC(2011, 9, 1);
  for (const agency of AGENCIES) {
    const rows: object[] = [];
    const n = 25 + Math.floor(rnd() * 30);
    while (rows.length < n) {
      const iso = new Date(start + Math.floor(rnd() * 1250) * 86_400_000).toISOString().slice(0, 10);
      if (SILENT.some(([f, t]) => iso >= (f as string) && iso <= (t as string))) continue;
      const seen = rnd() < 0.4 ? true : rnd() < 0.5 ? false : null;
      const p = rnd();
      const [y, m] = iso.split('-');
      // mostly to the day; some to the month only (as 04/2013), a few to the year only
      const typed = p < 0.08 ? `${m}/${y}` : p < 0.12 ? `${y}` : iso;
      const stored = p < 0.08 ? `${y}-${m}` : p < 0.12 ? `${y}` : iso;
      if (stored.length < 10 && SILENT.some(([f, t]) => (f as string).startsWith(stored) || (t as string).startsWith(stored))) continue;
      rows.push({ date: typed, event: `${agency} contact ${rows.length}`, ...(seen === null ? {} : { seen }) });
      contacts.push({ agency, date: stored, seen });
    }
    uploads.set(agency, rows);
  }
  return { uploads, contacts };
}

/** First and last contact by the case's own words: earliest start, latest end, the more precise on a tie. */
function firstLast(contacts: readonly Contact[], agency: string, from: string, to: string): [string | null, string | null] {
  const span = (d: string): [string, string] => (d.length === 10 ? [d, d] : d.length === 7 ? [`${d}-01`, `${d}-${new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5)), 0)).getUTCDate()}`] : [`${d}-01-01`, `${d}-12-31`]);
  const mine = contacts.filter((c) => c.agency === agency && span(c.date)[1] >= from && span(c.date)[0] <= to);
  if (mine.length === 0) return [null, null];
  const byStart = [...mine].sort((a, b) => span(a.date)[0].localeCompare(span(b.date)[0]) || b.date.length - a.date.length);
  const byEnd = [...mine].sort((a, b) => span(b.date)[1].localeCompare(span(a.date)[1]) || b.date.length - a.date.length);
  return [byStart[0]?.date ?? null, byEnd[0]?.date ?? null];
}

function expectMatches(a: AnalysisResponse, contacts: readonly Contact[], agencies: readonly string[], from: string, to: string, gapDays: number): void {
  const mine = contacts.filter((c) => agencies.includes(c.agency));
  const want = countByDays(mine, from, to, gapDays);
  expect(a.period).toEqual({ from, to });
  expect(a.gaps.map((g) => [g.from, g.to, g.days])).toEqual(want.gaps);
  expect([...new Set(a.months.map((m) => m.agency))].sort()).toEqual([...agencies].sort());
  for (const m of a.months) {
    const [contactsIn, seen, approximate] = want.monthly.get(`${m.agency}|${m.month}`) ?? [0, 0, 0];
    expect({ at: `${m.agency} ${m.month}`, contacts: m.contacts, seen: m.seen, approximate: m.approximate }).toEqual({ at: `${m.agency} ${m.month}`, contacts: contactsIn, seen, approximate });
  }
  const monthsInPeriod = new Set(a.months.map((m) => m.month)).size;
  expect(a.months).toHaveLength(monthsInPeriod * agencies.length);
  for (const s of a.agencies) expect([s.first, s.last], s.agency).toEqual(firstLast(mine, s.agency, from, to));
  const years = mine.filter((c) => c.date.length === 4 && c.date >= from.slice(0, 4) && c.date <= to.slice(0, 4));
  expect(a.years.reduce((n, y) => n + y.contacts, 0)).toBe(years.length);
}

describe.each(storeKinds)('GET /api/cases/:caseId/analysis on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  const { uploads, contacts } = makeCase();
  const token = async (body: object): Promise<string> => ((await t.call({ method: 'POST', url: '/api/tokens', payload: { label: 'test', ...body } })).json() as { token: string }).token;
  const get = async (query: string, tok?: string) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/analysis${query}`, ...(tok ? { token: tok } : {}) });
    return { status: res.statusCode, body: res.json() as AnalysisResponse & { error?: string } };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t); // review period 2012-01-01 to 2014-12-31
    for (const [agency, entries] of uploads) {
      const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it('gives every agency-month its contacts and every gap over 90 days, as counted day by day', async () => {
    const { status, body } = await get('');
    expect(status).toBe(200);
    expectMatches(body, contacts, AGENCIES, '2012-01-01', '2014-12-31', 90);
    for (const [f, to] of SILENT) expect(body.gaps.some((g) => g.from <= (f as string) && g.to >= (to as string)), `${f} to ${to}`).toBe(true);
    expect(body.months.reduce((n, m) => n + m.contacts, 0)).toBeGreaterThan(80);
    expect(body.counting).toMatch(/month only/);
    const outside = contacts.filter((c) => c.date < '2012' || c.date > '2014-12-31').length;
    expect(body.agencies.reduce((n, s) => n + s.outside, 0)).toBe(outside);
  });

  it('narrows to from/to and to chosen agencies, with a shorter gap', async () => {
    const { body } = await get('?gapDays=30&from=2013-02&to=2013-11-15&agency=GP&agency=housing');
    expectMatches(body, contacts, ['GP', 'Housing'], '2013-02-01', '2013-11-15', 30);
  });

  it('shows an author its own agency only, and every agency once the chair shares the merged timeline', async () => {
    const author = await token({ role: 'author', caseId, agency: 'Police' });
    const own = await get('', author);
    expect(own.status).toBe(200);
    expect(own.body.agencies.map((s) => s.agency)).toEqual(['Police']);
    expectMatches(own.body, contacts, ['Police'], '2012-01-01', '2014-12-31', 90);
    expect((await get('?agency=GP', author)).body.months).toEqual([]);

    const reader = await token({ role: 'reader', caseId });
    expect((await get('', reader)).body.agencies).toHaveLength(4);

    await t.call({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { authorsSeeMergedTimeline: true } });
    expect((await get('', author)).body.agencies).toHaveLength(4);
    await t.call({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { authorsSeeMergedTimeline: false } });
  });

  it('refuses a bad gap, a bad date and a window outside the review period, naming the field', async () => {
    for (const q of ['?gapDays=0', '?gapDays=ten', '?from=31/09/2013', '?from=2013-13', '?from=2016']) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(typeof res.body.error, q).toBe('string');
    }
  });

  it('answers 404 to the chair of another case', async () => {
    const other = await createCase(t, 'Other');
    const chair = await token({ role: 'chair', caseId: other });
    expect((await get('', chair)).status).toBe(404);
  });
});
