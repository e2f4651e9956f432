// The version diff through the API on both stores: a re-upload with one entry added, one removed and one changed
// is found exactly; text follows the names mode and the scope as the timeline's does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffResponse } from '../../src/analysis/analysis-schemas.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const V1 = [
  { date: '05/01/2013', time: '17:00', event: 'Officers attended a report of a domestic argument at the address', seen: 'yes' },
  { date: '10/02/2013', event: 'Sarah Thompson called 999 to report threats made by text message' },
  { date: '01/03/2013', event: 'MARAC referral made following DASH assessment scored high risk' },
  { date: '22/04/2013', event: 'Telephone call from neighbour about shouting heard' },
  { date: '03/2013', event: 'Letter sent about the outcome of the referral' },
];
// v2: row 2 edited (more words, an outcome), row 4 removed, a new row added; the rest as before, in another order.
const V2 = [
  V1[4],
  { date: '14/05/2013', event: 'Housing officer visited; no answer at the door' },
  V1[0],
  { date: '10/02/2013', event: 'Sarah Thompson called 999 to report threats made by text message from Mark Reid', outcome: 'Crime recorded' },
  V1[2],
];

describe.each(storeKinds)('GET /api/cases/:caseId/chronologies/diff on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  const post = async (agency: string, entries: readonly unknown[], tok?: string) => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency, entries }, ...(tok ? { token: tok } : {}) });
    expect(res.statusCode, res.body).toBe(201);
  };
  const token = async (body: object): Promise<string> => ((await t.call({ method: 'POST', url: '/api/tokens', payload: { label: 'test', ...body } })).json() as { token: string }).token;
  const diff = async (query: string, tok?: string) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies/diff${query}`, ...(tok ? { token: tok } : {}) });
    return { status: res.statusCode, body: res.json() as DiffResponse & { error?: string }, text: res.body };
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    const people = [
      { name: 'Sarah Thompson', role: 'victim', pseudonym: 'Adult A' },
      { name: 'Mark Reid', role: 'perpetrator' },
    ];
    expect((await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people } })).statusCode).toBe(200);
    await post('Police', V1);
    await post('GP', [{ date: '2013-01-02', event: 'Registered with the practice' }]);
    await post('Police', V2);
  });
  afterAll(async () => t.close());

  it('finds the one added, the one removed and the one changed entry of the re-upload, in initials by default', async () => {
    const { status, body, text } = await diff('?agency=Police');
    expect(status).toBe(200);
    expect(body.from?.version).toBe(1);
    expect(body.to.version).toBe(2);
    expect(body.names).toBe('initials');
    expect(body.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 3 });
    expect(body.added.map((e) => [e.date, e.event])).toEqual([['2013-05-14', 'Housing officer visited; no answer at the door']]);
    expect(body.removed.map((e) => [e.date, e.event])).toEqual([['2013-04-22', 'Telephone call from neighbour about shouting heard']]);
    const [change] = body.changed;
    expect(change?.fields).toEqual(['event', 'outcome']);
    expect(change?.before.event).toBe('ST called 999 to report threats made by text message');
    expect(change?.after.event).toBe('ST called 999 to report threats made by text message from MR');
    expect(change?.after.outcome).toBe('Crime recorded');
    expect(change?.before.provenance.submissionId).toBe(body.from?.submissionId);
    expect(change?.after.provenance.submissionId).toBe(body.to.submissionId);
    expect(text).not.toMatch(/Sarah|Thompson|Reid/);
  });

  it('shows pseudonyms or real names when asked, and real names only to those who may see them', async () => {
    expect((await diff('?agency=Police&names=pseudonym')).body.changed[0]?.after.event).toMatch(/^Adult A called/);
    expect((await diff('?agency=police&names=real')).body.changed[0]?.after.event).toMatch(/Sarah Thompson.*Mark Reid$/);
    const reader = await token({ role: 'reader', caseId });
    expect((await diff('?agency=Police', reader)).status).toBe(403);
  });

  it("gives an agency's author its own diff, with the real names it wrote, and refuses it another agency's", async () => {
    const police = await token({ role: 'author', caseId, agency: 'Police' });
    const own = await diff('', police);
    expect(own.status).toBe(200);
    expect(own.body.agency).toBe('Police');
    expect(own.body.names).toBe('real');
    expect(own.body.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 3 });
    expect((await diff('?agency=GP', police)).status).toBe(403);
    expect((await diff('?agency=Police&names=initials', police)).status).toBe(403); // the merged timeline is not shared
    const gp = await token({ role: 'author', caseId, agency: 'GP' });
    const gpDiff = await diff('?agency=Police', gp);
    expect(gpDiff.status).toBe(403);
    expect(gpDiff.text).not.toMatch(/Sarah|Housing officer/);
  });

  it('compares chosen versions, and a first version against nothing', async () => {
    await post('Police', V2); // v3: the same as v2
    expect((await diff('?agency=Police')).body.summary).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 5 });
    const oneToThree = await diff('?agency=Police&from=1&to=3');
    expect(oneToThree.body.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 3 });
    expect([oneToThree.body.from?.version, oneToThree.body.to.version]).toEqual([1, 3]);
    const first = await diff('?agency=GP');
    expect(first.body.from).toBeNull();
    expect(first.body.summary).toEqual({ added: 1, removed: 0, changed: 0, unchanged: 0 });
  });

  it('refuses a missing agency, unknown versions and agencies with 400 and 404', async () => {
    expect((await diff('')).status).toBe(400);
    expect((await diff('?agency=Police&from=9')).status).toBe(404);
    expect((await diff('?agency=Police&to=0')).status).toBe(400);
    expect((await diff('?agency=Ambulance')).status).toBe(404);
  });
});
