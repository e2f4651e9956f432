// No mapped name survives any export format, in initials or pseudonym mode; the case's own timeline passes its check.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxSegments } from '../../src/redaction/docx-parts.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

const PEOPLE = [
  { name: 'Sarah Thompson', role: 'victim', pseudonym: 'Adult A', aliases: ['Sarah T'] },
  { name: 'Mark Reid', role: 'perpetrator', pseudonym: 'Adult B' },
  { name: 'Janet Thompson', role: 'family', title: 'Mrs' },
  { name: 'Gary Whitfield', role: 'other' },
  { name: 'Helen Fraser', role: 'professional' },
  { name: 'Siobhán O’Connor', role: 'professional' },
  { name: 'Siobhán Kelly', role: 'professional', initials: 'SK' },
  { name: 'Lisa Moran', role: 'other' },
];

/** Real names and their parts, as they appear in the fixtures: none may be in an anonymised export. */
const FORBIDDEN = ['Sarah', 'Thompson', 'Reid', 'Janet', 'Whitfield', 'Helen', 'Fraser', 'Siobhán', 'Siobhan', 'Connor', 'Kelly', 'Moran'];

async function textOf(format: string, body: Buffer): Promise<string> {
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void cells.push(String(c.text)))));
    return cells.join('\n');
  }
  if (format === 'docx') return (await docxSegments(body)).map((s) => s.text).join('\n');
  return body.toString('utf8');
}

describe('anonymised exports', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    caseId = await createCase(t);
    for (const [agency, file] of [
      ['Greater Manchester Police', 'gm-police.xlsx'],
      ['GP', 'darlington-gp.xlsx'],
      ['Housing', 'housing-1252.csv'],
      ['IDVA', 'idva-utf8bom.csv'],
    ] as const) {
      expect((await upload(t, caseId, agency, file, fixture(file))).statusCode).toBe(201);
    }
    const map = await t.call({ method: 'PUT', url: `/api/cases/${caseId}/people`, payload: { people: PEOPLE } });
    expect(map.statusCode, map.body).toBe(200);
  });
  afterAll(async () => t.close());

  it('real names are really in the data (so the checks below can fail)', async () => {
    const real = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&format=csv` })).body;
    for (const name of ['Sarah', 'Thompson', 'Reid', 'Whitfield', 'Fraser', 'Siobhán']) expect(real).toContain(name);
  });

  for (const names of ['initials', 'pseudonym']) {
    for (const format of ['json', 'csv', 'xlsx', 'docx']) {
      it(`names=${names} format=${format} holds no mapped name, phone number or postcode`, async () => {
        const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=${names}&format=${format}` });
        expect(res.statusCode).toBe(200);
        const text = await textOf(format, res.rawPayload);
        expect(text.length).toBeGreaterThan(2000);
        for (const word of FORBIDDEN) expect(text, word).not.toMatch(new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'iu'));
        expect(text).not.toContain('07700 900123');
        expect(text).not.toContain('M14 5RT');
        expect(text).toContain(names === 'initials' ? 'ST' : 'Adult A');
      });
    }
  }

  it('lists unmapped people by initials in an anonymised report, and by real name only with names=real', async () => {
    const real = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real` })).json() as { report: { unmappedNames: string[] } };
    expect(real.report.unmappedNames.length).toBeGreaterThan(0);
    const anon = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline` });
    const report = (anon.json() as { report: { unmapped: { initials: string; entries: string[] }[]; unmappedNames?: string[] } }).report;
    expect(report.unmappedNames).toBeUndefined();
    expect(report.unmapped.length).toBeGreaterThan(0);
    expect(report.unmapped.every((u) => /^[A-Z]{1,6}$/.test(u.initials) && u.entries.length > 0)).toBe(true);
    for (const name of real.report.unmappedNames) expect(anon.body).not.toContain(name);
  });

  it('passes its own redaction check', async () => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { verdict: string; findings: { kind: string; text: string; confidence: number }[] };
    const failing = body.findings.filter((f) => f.confidence >= 0.5);
    expect(failing, JSON.stringify(failing.slice(0, 5))).toEqual([]);
    expect(body.verdict).not.toBe('fail');
  });

  it('fails the check on a draft that still names someone, saying where', async () => {
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/redaction-check`, payload: { text: 'Summary.\n\nSarah’s partner rang from 07700 900123.' } });
    const body = res.json() as { verdict: string; findings: { kind: string; where: string }[] };
    expect(body.verdict).toBe('fail');
    expect(body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'mapped-name', where: 'paragraph 2' }), expect.objectContaining({ kind: 'phone' })]));
  });
});
