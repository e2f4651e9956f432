// Anonymised XLSX and DOCX say whether a sign-off covers them (DESIGN §6): none, then the chair's, then void after an upload.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';
import { zipMemberText } from '../export/zip.js';

const PEOPLE = [
  { name: 'Hope Field', role: 'victim', pseudonym: 'Adult A' },
  { name: 'Declan Walsh', role: 'perpetrator' },
];
const ENTRIES = [
  { date: '03/04/2013', time: '17:00', event: 'Hope seen at the surgery; partner Declan Walsh waited outside.' },
  { date: '05/04/2013', event: 'DASH completed with Hope: high risk.' },
];

/** The sign-off line of each file: the agencies sheet's last row, and the DOCX's last paragraph. */
async function statements(t: TestApp, caseId: string, token?: string): Promise<{ xlsx: string; docx: string }> {
  const get = async (format: string) => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=${format}`, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res.rawPayload;
  };
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await get('xlsx')) as unknown as ArrayBuffer);
  const agencies = book.getWorksheet('Agencies');
  const xlsx = String(agencies?.getRow(agencies.rowCount).getCell(1).value ?? '');
  const xml = await zipMemberText(await get('docx'), 'word/document.xml');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  return { xlsx, docx: paragraphs.at(-1) ?? '' };
}

describe.each(storeKinds)('the sign-off state in XLSX and DOCX exports on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  let chair: string;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
    expect((await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: PEOPLE } })).statusCode).toBe(200);
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'GP Surgery', entries: ENTRIES } })).statusCode).toBe(201);
    const token = async (role: string) =>
      ((await t.call({ method: 'POST', url: '/api/tokens', payload: { role, caseId, label: role } })).json() as { token: string }).token;
    chair = await token('chair');
    reader = await token('reader');
  });
  afterAll(async () => t.close());

  it('says not signed off, then signed off by the chair, then that the sign-off no longer holds after an upload', async () => {
    const before = await statements(t, caseId, reader);
    expect(before.xlsx).toBe('Not signed off: the anonymised timeline has not been signed off for publication.');
    expect(before.docx).toBe(before.xlsx);

    const signed = await t.call({ method: 'POST', url: `/api/cases/${caseId}/sign-off`, token: chair });
    expect(signed.statusCode, signed.body).toBe(201);
    const after = await statements(t, caseId, reader);
    expect(after.xlsx).toMatch(/^Signed off: the anonymised timeline was signed off for publication by the chair on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, and nothing it rests on has changed since\.$/);
    expect(after.docx).toBe(after.xlsx);
    expect(after.xlsx).not.toContain((signed.json() as { by: string }).by);

    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'Police', entries: [{ date: '06/04/2013', event: 'Call logged.' }] } })).statusCode).toBe(201);
    const changed = await statements(t, caseId, chair);
    expect(changed.xlsx).toMatch(/^Not signed off: a sign-off by the chair on .* no longer holds, because chronologies, the people map or decisions changed after it\.$/);
    expect(changed.docx).toBe(changed.xlsx);
  });
});
