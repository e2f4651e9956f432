// The publication gate through the API, on both stores: check → decisions → sign-off, voided by any later change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const PEOPLE = [
  { name: 'Hope Field', role: 'victim', pseudonym: 'Adult A' },
  { name: 'Declan Walsh', role: 'perpetrator' },
  { name: 'Rose Field', role: 'child', pseudonym: 'Child C' },
];
const TERMS = [{ text: "St Anselm's Primary School", aliases: ["St Anselm's"], label: '[school]' }];
const ENTRIES = [
  { date: '03/04/2013', time: '17:00', event: 'Hope seen at the surgery; partner Declan Walsh waited outside.' },
  { date: '04/04/2013', event: "School (St Anselm's) reported Hope's son upset. They met at the Rose and Crown." },
  { date: '05/04/2013', event: 'DASH completed; a red mark on her neck.' },
];

interface Finding {
  kind: string;
  text: string;
  confidence: number;
  decision: string | null;
}

describe.each(storeKinds)('redaction gate on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    expect((await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: PEOPLE, terms: TERMS } })).statusCode).toBe(200);
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP', entries: ENTRIES } })).statusCode).toBe(201);
    const tok = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId, label: 'Publication reviewer' } });
    reader = (tok.json() as { token: string }).token;
  });
  afterAll(async () => t.close());

  const check = async (token?: string) => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check`, ...(token ? { token } : {}) });
    expect(res.statusCode).toBe(200);
    return res.json() as { verdict: string; findings: Finding[] };
  };

  it('stores and returns the protected terms with the people', async () => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/people` });
    expect(res.json()).toMatchObject({ terms: TERMS, people: [{ initials: 'HF' }, { initials: 'DW' }, { initials: 'RF' }] });
  });

  it('anonymises names and terms, and questions what it kept, so the verdict is review', async () => {
    const tl = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline` })).json() as { entries: { event: string }[] };
    const text = tl.entries.map((e) => e.event).join(' ');
    expect(text).not.toMatch(/Hope|Declan|Walsh|Anselm/);
    expect(text).toContain('[school]');
    const r = await check();
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => [f.kind, f.text, f.decision])).toEqual([['mapped-name', 'Rose', null]]);
  });

  it('refuses a sign-off while anything is open, with the open findings', async () => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'not_clean', verdict: 'review', findings: [{ text: 'Rose' }] });
    expect((await t.call({ method: 'GET', url: `/api/cases/${caseId}/sign-off` })).json()).toEqual({ signOff: null, holds: false });
  });

  it('takes the chair’s decisions, audited, and the check then passes', async () => {
    const put = await t.call({ method: 'PUT', url: `/api/cases/${caseId}/decisions`, payload: { decisions: [{ text: 'Rose', decision: 'not-a-name', note: 'the pub' }] } });
    expect(put.statusCode).toBe(200);
    expect((await t.call({ method: 'GET', url: `/api/cases/${caseId}/decisions` })).json()).toMatchObject({ decisions: [{ text: 'Rose', decision: 'not-a-name', note: 'the pub' }] });
    const r = await check();
    expect(r.findings.map((f) => f.decision)).toEqual(['not-a-name']);
    expect(r.verdict).toBe('pass');
    const audit = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/audit?action=decisions.replace` })).json() as { events: { action: string; detail: object }[] };
    expect(audit.events.at(-1)).toMatchObject({ action: 'decisions.replace', detail: { decisions: 1, notAName: 1, keep: 0 } });
    expect(JSON.stringify(audit)).not.toContain('Rose');
  });

  it('records a sign-off on pass that holds until the next upload, map or decision change', async () => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off` });
    expect(res.statusCode).toBe(201);
    const signOff = res.json() as { id: string; verdict: string; entries: number; sha256: string };
    expect(signOff).toMatchObject({ verdict: 'pass', entries: 3 });
    expect(signOff.sha256).toMatch(/^[0-9a-f]{64}$/);
    const status = async () => (await t.call({ method: 'GET', url: `/api/cases/${caseId}/sign-off` })).json() as { signOff: { id: string } | null; holds: boolean };
    expect(await status()).toMatchObject({ signOff: { id: signOff.id }, holds: true });
    expect((await t.call({ method: 'GET', url: `/api/cases/${caseId}/sign-off`, token: reader })).json()).toMatchObject({ holds: true });

    // a decision change voids it
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/decisions`, payload: { decisions: [{ text: 'Rose', decision: 'keep' }] } });
    expect(await status()).toMatchObject({ holds: false });
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off` })).statusCode).toBe(201);
    expect(await status()).toMatchObject({ holds: true });

    // a re-upload voids it
    await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP', entries: ENTRIES } });
    expect(await status()).toMatchObject({ holds: false });
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off` })).statusCode).toBe(201);

    // a map change voids it
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: PEOPLE } });
    expect(await status()).toMatchObject({ holds: false });
  });

  it('lets only the chair decide and sign off, and tells a reader nothing about the map', async () => {
    expect((await t.call({ method: 'PUT', url: `/api/cases/${caseId}/decisions`, token: reader, payload: { decisions: [] } })).statusCode).toBe(403);
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off`, token: reader })).statusCode).toBe(403);
    const leaked = await t.call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check`, token: reader, payload: { text: 'Declan Walsh and Gary Whitfield were present.' } });
    const findings = (leaked.json() as { findings: (Finding & { suggestion: string })[] }).findings;
    // the mapped name and the unmapped one look alike: same kind, same confidence, suggestions of one form
    expect(findings.map((f) => [f.kind, f.confidence])).toEqual([['person', 0.9], ['person', 0.9]]);
    expect(findings.map((f) => f.suggestion)).toEqual(["Possibly a person's name: replace with DW.", "Possibly a person's name: replace with GW."]);
  });

  it('never un-replaces a mapped person for a decision on their name', async () => {
    await t.call({ method: 'PUT', url: `/api/cases/${caseId}/decisions`, payload: { decisions: [{ text: 'Hope', decision: 'not-a-name' }] } });
    const tl = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline` })).json() as { entries: { event: string }[] };
    expect(tl.entries.map((e) => e.event).join(' ')).not.toContain('Hope');
  });
});
