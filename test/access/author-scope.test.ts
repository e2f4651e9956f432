// An author's exports, in every format, name no other agency and hold nothing of another agency's (DESIGN §8).
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { pdfAllText, pdfPages, squash } from '../export/pdf-tools.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

const OWN = 'Greater Manchester Police';
/** Agencies whose very involvement is sensitive: the police author must never learn of them. */
const OTHERS = ['Brook Sexual Health Clinic', 'Safe Haven Refuge'];
/** Everything of the other agencies that could leak: names, file name, cell text. */
const CANARIES = ['Brook', 'Refuge', 'Haven', 'clinic-canary', 'CANARY-CELL', 'Darlington', 'Chronology of Involvement'];

/** Every text in a zip (xlsx/docx): each member's XML with the tags taken out, metadata and sheet names included. */
async function zipText(zip: Buffer): Promise<string> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const parts: string[] = [];
  try {
    for await (const entry of file.eachEntry()) {
      parts.push(entry.fileName, (await text(await file.openReadStreamPromise(entry))).replace(/<[^>]+>/g, ' '));
    }
  } finally {
    file.close();
  }
  return parts.join('\n');
}

const bodyText = async (format: string, body: Buffer): Promise<string> =>
  format === 'xlsx' || format === 'docx' ? zipText(body) : format === 'pdf' ? pdfAllText(body) : body.toString('utf8');

describe.each(storeKinds)('an author’s scope on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let author: string;
  let ownEntries: number;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    const police = await upload(t, caseId, OWN, 'gm-police.xlsx', fixture('gm-police.xlsx'));
    expect(police.statusCode).toBe(201);
    ownEntries = (police.json() as { submission: { entries: number } }).submission.entries;
    expect((await upload(t, caseId, OTHERS[0] ?? '', 'brook-clinic-canary.xlsx', fixture('darlington-gp.xlsx'))).statusCode).toBe(201);
    const json = await t.call({
      method: 'POST',
      url: `/api/cases/${caseId}/chronologies`,
      payload: { agency: OTHERS[1], entries: [{ date: '03/04/2013', event: 'CANARY-CELL: stayed at the refuge.' }, { date: '05/04/2013', event: 'CANARY-CELL again.' }] },
    });
    expect(json.statusCode).toBe(201);
    const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: OWN, label: 'police author' } });
    author = (res.json() as { token: string }).token;
  });
  afterAll(async () => t.close());

  it('the police fixture itself mentions none of the canaries (so any found came from elsewhere)', () => {
    const own = fixture('gm-police.xlsx');
    return zipText(own).then((s) => {
      for (const c of CANARIES) expect(s).not.toContain(c);
    });
  });

  it.each(['json', 'csv', 'xlsx', 'docx', 'pdf'])('real names as %s: only its own agency, its own counts, no trace of the others', async (format) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&format=${format}`, token: author });
    expect(res.statusCode, res.body).toBe(200);
    const all = await bodyText(format, res.rawPayload);
    for (const c of CANARIES) expect(all, `${format} holds "${c}"`).not.toContain(c);
    expect(all).toContain(OWN);
    if (format === 'json') {
      const body = res.json() as { entries: { agency: string }[]; report: { total: number } };
      expect(new Set(body.entries.map((e) => e.agency))).toEqual(new Set([OWN]));
      expect(body.report.total).toBe(ownEntries);
    }
    if (format === 'docx') expect(all).toContain(`${ownEntries} entries`);
    if (format === 'pdf') expect(squash(all)).toContain(squash(`End of the chronology: ${ownEntries} entries.`));
  });

  it('the PDF’s first page lists its own agency alone, with its own version and rows, and shows no sign-off state', async () => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&format=pdf`, token: author });
    const [first] = await pdfPages(res.rawPayload);
    expect(squash(first ?? '')).toContain(squash(`Agencies: ${OWN} (version 1, ${ownEntries} entries) Generated`));
    expect(first).toContain('Sign-off: not shown in this export.');
  });

  it('the XLSX agencies sheet lists its own agency alone, with its own version and rows', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&format=xlsx`, token: author });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Agencies');
    const rows: unknown[][] = [];
    // The submissions, then (after a blank row) the export's two status lines.
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push([row.getCell(1).text, row.getCell(2).value, row.getCell(3).value]);
    });
    expect(rows).toEqual([[OWN, 1, ownEntries], [expect.stringMatching(/^NOT ANONYMISED/), null, null], ['Sign-off: not shown in this export. A sign-off never covers a real-names export such as this one.', null, null]]);
  });

  it.each(['docx', 'pdf'])('the chair’s %s export of the same case lists all three agencies (the canary can see them)', async (format) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&format=${format}` });
    const all = squash(await bodyText(format, res.rawPayload));
    for (const agency of [OWN, ...OTHERS]) expect(all).toContain(squash(agency));
  });

  it('when the chair shares the anonymised merged timeline, the author gets no real unmapped names from it', async () => {
    await t.call({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { authorsSeeMergedTimeline: true } });
    try {
      const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline`, token: author });
      expect(res.statusCode).toBe(200);
      const chair = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real` })).json() as { report: { unmappedNames: string[] } };
      expect(chair.report.unmappedNames.length).toBeGreaterThan(0);
      const report = (res.json() as { report: { unmappedNames?: string[]; unmapped: { initials: string }[] } }).report;
      expect(report.unmappedNames).toBeUndefined();
      expect(report.unmapped.length).toBeGreaterThan(0);
      for (const name of chair.report.unmappedNames) expect(res.body).not.toContain(name);
    } finally {
      await t.call({ method: 'PATCH', url: `/api/cases/${caseId}`, payload: { authorsSeeMergedTimeline: false } });
    }
  });
});
