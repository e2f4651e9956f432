// GET …/timeline?format=pdf on both stores: the file, its entries, the names mode, and the sign-off state as it stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, squash } from '../export/pdf-tools.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const PEOPLE = [
  { name: 'Hope Field', role: 'victim', pseudonym: 'Adult A' },
  { name: 'Declan Walsh', role: 'perpetrator' },
];
const ENTRIES = [
  { date: '03/04/2013', time: '17:00', event: 'Hope seen at the surgery; partner Declan Walsh waited outside.', outcome: 'Referred to the IDVA.' },
  { date: '05/04/2013', event: 'DASH completed with Hope: high risk.', comment: 'Good practice.' },
];

describe.each(storeKinds)('the PDF timeline export on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let reader: string;
  let chair: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    expect((await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: PEOPLE } })).statusCode).toBe(200);
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP Surgery', entries: ENTRIES } })).statusCode).toBe(201);
    const tok = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'reader', caseId, label: 'Publication reviewer' } });
    reader = (tok.json() as { token: string }).token;
    const ch = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'chair', caseId, label: 'Chair' } });
    chair = (ch.json() as { token: string }).token;
  });
  afterAll(async () => t.close());

  const pdf = async (query: string, token?: string) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=pdf${query}`, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return { res, pages: await pdfPages(res.rawPayload, { raw: true }) };
  };

  it('answers application/pdf as an attachment named for the case, with the anonymised entries', async () => {
    const { res, pages } = await pdf('');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dhr-2024-03-adult-a-chronology-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const all = squash(pages.join('\n'));
    expect(all).toContain(squash('HF seen at the surgery; partner DW waited outside.'));
    expect(all).toContain(squash('DASH completed with HF: high risk.'));
    expect(all).toContain(squash('Referred to the IDVA.'));
    expect(all).not.toMatch(/Hope|Declan|Walsh/);
    expect(squash(pages[0] ?? '')).toContain(squash('Names are anonymised: people are referred to by their initials'));
  });

  it('uses pseudonyms and real names as the other formats do', async () => {
    const pseudo = squash((await pdf('&names=pseudonym')).pages.join('\n'));
    expect(pseudo).toContain(squash('Adult A seen at the surgery'));
    const real = await pdf('&names=real');
    expect(squash(real.pages.join('\n'))).toContain(squash('Hope seen at the surgery; partner Declan Walsh waited outside.'));
    expect(squash(real.pages[0] ?? '')).toContain(squash('NOT ANONYMISED'));
  });

  it('filters like the other formats', async () => {
    const { pages } = await pdf('&from=2013-04-05');
    const all = squash(pages.join('\n'));
    expect(all).toContain(squash('DASH completed with HF'));
    expect(all).not.toContain(squash('seen at the surgery'));
    expect(all).toContain(squash('End of the chronology: 1 entry.'));
  });

  it('states on page 1 that nothing is signed off, then the chair’s sign-off by role and date, then that it no longer holds', async () => {
    expect(squash((await pdf('')).pages[0] ?? '')).toContain(squash('Not signed off: the anonymised timeline has not been signed off for publication.'));
    // "Hope" and "Declan" are mapped, so the check passes once they are replaced.
    const signed = await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off`, token: chair });
    expect(signed.statusCode, signed.body).toBe(201);
    const first = squash((await pdf('', reader)).pages[0] ?? '');
    expect(first).toMatch(/Signedoff:theanonymisedtimelinewassignedoffforpublicationbythechairon\d{2}\/\d{2}\/\d{4}\d{2}:\d{2},andnothingitrestsonhaschangedsince\./);
    // A role and a date: not the token's label, nor its id.
    expect(first).not.toContain('Chair,');
    expect(first).not.toContain((signed.json() as { by: string }).by);
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'Police', entries: [{ date: '06/04/2013', event: 'Call logged.' }] } })).statusCode).toBe(201);
    expect(squash((await pdf('')).pages[0] ?? '')).toContain(squash('no longer holds, because chronologies, the people map or decisions changed after it'));
  });

  it('refuses a reader real names, as for every format', async () => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=pdf&names=real`, token: reader });
    expect(res.statusCode).toBe(403);
  });
});
