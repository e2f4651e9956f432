// What each role sees of a case's data: authors their own agency only, readers anonymised output only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('data scope on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    for (const [agency, event] of [
      ['Police', 'Officers spoke to Sarah Thompson at home.'],
      ['GP', 'Sarah Thompson seen in surgery with bruising.'],
    ]) {
      const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries: [{ date: '03/04/2013', event }] } });
      expect(res.statusCode).toBe(201);
    }
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: [{ name: 'Sarah Thompson', role: 'victim' }] } });
    for (const [name, body] of [
      ['police', { role: 'author', agency: 'Police' }],
      ['reader', { role: 'reader' }],
    ] as const) {
      tokens[name] = ((await t.call({ method: 'POST', url: '/api/tokens', payload: { ...body, caseId, label: name } })).json() as { token: string }).token;
    }
  });
  afterAll(async () => t.close());

  const timeline = async (token: string, names: string) =>
    (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=${names}`, token })).json() as { entries: { agency: string; event: string }[] };

  it('gives an author only their own agency’s entries with real names, and only their own submissions', async () => {
    const real = await timeline(tokens.police ?? '', 'real');
    expect(real.entries.map((e) => e.agency)).toEqual(['Police']);
    expect(real.entries[0]?.event).toContain('Sarah Thompson');
    const list = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies`, token: tokens.police })).json() as { submissions: { agency: string }[] };
    expect(list.submissions.map((s) => s.agency)).toEqual(['Police']);
  });

  it('gives a reader every agency, anonymised, and never the unmapped-name report', async () => {
    const anon = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline`, token: tokens.reader })).json() as {
      entries: { agency: string; event: string }[];
      report: { unmappedNames?: string[] };
    };
    expect(new Set(anon.entries.map((e) => e.agency))).toEqual(new Set(['Police', 'GP']));
    expect(JSON.stringify(anon.entries)).not.toContain('Sarah');
    expect(anon.report.unmappedNames).toBeUndefined();
  });

  it('lets a reader filter by initials but never confirms a real name', async () => {
    const byInitials = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?person=ST`, token: tokens.reader });
    expect((byInitials.json() as { entries: unknown[] }).entries).toHaveLength(2);
    const byName = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?person=Sarah%20Thompson`, token: tokens.reader });
    expect(byName.statusCode).toBe(400);
    const search = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?q=Thompson`, token: tokens.reader });
    expect((search.json() as { entries: unknown[] }).entries).toHaveLength(0);
  });
});
