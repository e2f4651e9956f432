// The merged timeline through HTTP on both stores: order across agencies, filters, flags and every export format's content.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

interface Entry {
  id: string;
  date: string;
  datePrecision: string;
  time: string | null;
  agency: string;
  event: string;
  seen: boolean | null;
  flags: string[];
  duplicateOf: string[];
  provenance: { submissionId: string; sheet: string; row: number };
}

describe.each(storeKinds)('timeline on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t, 'DHR 2024/03 — Adult A', '2012-01-01', '2014-12-31');
    for (const [agency, file] of [
      ['Greater Manchester Police', 'gm-police.xlsx'],
      ['GP', 'darlington-gp.xlsx'],
      ['Housing', 'housing-1252.csv'],
    ] as const) {
      expect((await upload(t, caseId, agency, file, fixture(file))).statusCode).toBe(201);
    }
    // Two agencies record the same call: flagged as possible duplicates of each other.
    const same = {
      date: '14/03/2012',
      time: '02:35',
      event:
        'Call from neighbour Gary Whitfield reporting shouting and a woman screaming at 14 Birchfields Road, M14 5RT. Crew attended with PC 4471 Helen Fraser and PC 3310 Dean Marsh. Sarah Thompson said her partner Mark Reid had pushed her against the kitchen door during an argument about money. Redness to left cheek. Reid had left before the crew arrived. DASH completed by police: standard risk.',
    };
    expect((await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'Ambulance', entries: [same] } })).statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  const get = (query: string) => t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?names=real&${query}` });
  const entriesOf = async (query = ''): Promise<Entry[]> => ((await get(query)).json() as { entries: Entry[] }).entries;

  it('merges every agency into one total order: period start, less precise first, untimed first, time, agency', async () => {
    const entries = await entriesOf();
    expect(new Set(entries.map((e) => e.agency))).toEqual(new Set(['Greater Manchester Police', 'GP', 'Housing', 'Ambulance']));
    const start = (e: Entry): string => (e.datePrecision === 'year' ? `${e.date}-01-01` : e.datePrecision === 'month' ? `${e.date}-01` : e.date);
    const rank = { year: 0, month: 1, day: 2 } as Record<string, number>;
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1] as Entry;
      const b = entries[i] as Entry;
      const key = (e: Entry) => [start(e), rank[e.datePrecision], e.time === null ? 0 : 1, e.time ?? ''] as const;
      const [ka, kb] = [key(a), key(b)];
      const cmp = ka[0] !== kb[0] ? (ka[0] < kb[0] ? -1 : 1) : ka[1] !== kb[1] ? Math.sign((ka[1] ?? 0) - (kb[1] ?? 0)) : ka[2] !== kb[2] ? Math.sign(ka[2] - kb[2]) : ka[3] < kb[3] ? -1 : ka[3] > kb[3] ? 1 : 0;
      expect(cmp, `${a.id} before ${b.id}`).toBeLessThanOrEqual(0);
    }
    // Stable: the same request gives the same ids in the same order.
    expect((await entriesOf()).map((e) => e.id)).toEqual(entries.map((e) => e.id));
  });

  it('flags entries outside the review period and possible duplicates between agencies, dropping nothing', async () => {
    const entries = await entriesOf();
    expect(entries.find((e) => e.date === '2011-11-20')?.flags).toContain('outside-review-period');
    const ambulance = entries.find((e) => e.agency === 'Ambulance');
    const police = entries.find((e) => e.agency === 'Greater Manchester Police' && e.date === '2012-03-14' && e.time === '02:35');
    expect(ambulance?.flags).toContain('possible-duplicate');
    expect(ambulance?.duplicateOf).toEqual([police?.id]);
    expect(police?.duplicateOf).toEqual([ambulance?.id]);
  });

  it('filters by date range (partial dates overlap), agency, text and victim seen', async () => {
    const in2013 = await entriesOf('from=2013&to=2013');
    expect(in2013.length).toBeGreaterThan(0);
    for (const e of in2013) expect(e.date.slice(0, 4)).toBe('2013');
    const gp = await entriesOf('agency=GP&agency=Housing');
    expect(new Set(gp.map((e) => e.agency))).toEqual(new Set(['GP', 'Housing']));
    const marac = await entriesOf('q=marac');
    expect(marac.length).toBeGreaterThan(0);
    for (const e of marac) expect(JSON.stringify(e).toLowerCase()).toContain('marac');
    const seen = await entriesOf('seen=true');
    expect(seen.length).toBeGreaterThan(0);
    for (const e of seen) expect(e.seen).toBe(true);
    expect((await get('from=2013-02-30')).statusCode).toBe(400);
  });

  it('exports CSV with BOM, CRLF and the same entries, and names the file after the case', async () => {
    const res = await get('format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="dhr-2024-03-adult-a-chronology-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toContain('\r\n');
    const rows = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength((await entriesOf()).length);
    expect(rows.some((r) => r.Date === '04/2013')).toBe(true);
  });

  it('exports XLSX with the combined sheet, real date cells and the agencies sheet', async () => {
    const res = await get('format=xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Combined chronology');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Date');
    expect(sheet?.rowCount).toBe((await entriesOf()).length + 1);
    const dates = [] as unknown[];
    sheet?.eachRow((row, n) => n > 1 && dates.push(row.getCell(1).value));
    expect(dates.some((d) => d instanceof Date)).toBe(true);
    expect(dates.some((d) => d === '2014')).toBe(true);
    const agencies = wb.getWorksheet('Agencies');
    // Four agencies under the header, a blank row, the names mode and the sign-off state.
    expect(agencies?.getRow(5).getCell(1).text).not.toBe('');
    expect(agencies?.getRow(6).getCell(1).text).toBe('');
    expect(agencies?.getRow(7).getCell(1).text).toMatch(/^(Names are anonymised|NOT ANONYMISED)/);
    expect(agencies?.getRow(8).getCell(1).text).toMatch(/^(Not signed off|Signed off)/);
    expect(agencies?.rowCount).toBe(8);
  });

  it('exports DOCX, a Word document that contains the narrative', async () => {
    const res = await get('format=docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
