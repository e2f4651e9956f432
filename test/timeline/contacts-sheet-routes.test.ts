// The XLSX export's 'Contacts by month' sheet through the API on both stores: a four-agency case whose counts are
// made here entry by entry from the entries as posted, in every names mode, narrowed by from/to, an author's own
// agency only; the stateless merge over its entries' span; read with exceljs and through LibreOffice.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedSheet, readCsvSheet, readSheet, type Contact } from '../export/contacts-by-month.js';
import { convertWithSoffice, waitForSoffice } from '../export/soffice.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, multipart } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

const AGENCIES = ['Police', 'GP', 'Housing', "Children's Services"];

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

/** Per agency the JSON rows to post (dates as an author types them), and the contacts they are (ISO at precision). */
function makeCase(): { uploads: Map<string, object[]>; contacts: Contact[] } {
  const rnd = random(4);
  const uploads = new Map<string, object[]>();
  const contacts: Contact[] = [];
  // From October 2011 to mid 2015: the review period is 2012–2014, so some fall outside it.
  const start = Date.UTC(2011, 9, 1);
  for (const agency of AGENCIES) {
    const rows: object[] = [];
    const n = 20 + Math.floor(rnd() * 20);
    for (let i = 0; i < n; i++) {
      const iso = new Date(start + Math.floor(rnd() * 1350) * 86_400_000).toISOString().slice(0, 10);
      const [y, m, d] = iso.split('-');
      const p = rnd();
      const typed = p < 0.1 ? `${m}/${y}` : p < 0.15 ? `${y}` : `${d}/${m}/${y}`;
      const date = p < 0.1 ? `${y}-${m}` : p < 0.15 ? `${y}` : iso;
      const seen = rnd() < 0.4 ? true : rnd() < 0.5 ? false : null;
      rows.push({ date: typed, event: `${agency} contact ${i}`, ...(seen === null ? {} : { seen }) });
      contacts.push({ agency, date, seen });
    }
    uploads.set(agency, rows);
  }
  return { uploads, contacts };
}

async function sheetOf(bytes: Buffer): Promise<{ names: string[]; sheet: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Contacts by month');
  if (!sheet) throw new Error('no contacts sheet');
  return { names: wb.worksheets.map((w) => w.name), sheet };
}

function expectSame(got: ReturnType<typeof readSheet>, want: ReturnType<typeof expectedSheet>): void {
  expect(got.headers).toEqual(want.headers);
  expect([...got.rows.keys()]).toEqual([...want.rows.keys()]);
  for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
}

describe.each(storeKinds)('the XLSX export’s Contacts by month on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  const { uploads, contacts } = makeCase();
  const xlsx = async (query: string, token?: string): Promise<Buffer> => {
    const res = await t.call({ method: 'GET', url: `/api/cases/${caseId}/timeline?format=xlsx${query}`, ...(token ? { token } : {}) });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    return res.rawPayload;
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

  it('counts every agency-month of the review period as counted here, the same in every names mode', async () => {
    const want = expectedSheet(contacts, '2012-01-01', '2014-12-31');
    expect([...want.rows.keys()]).toEqual(expect.arrayContaining(['2012 (year only)', 'Outside the months']));
    for (const names of ['initials', 'pseudonym', 'real']) {
      const { names: sheets, sheet } = await sheetOf(await xlsx(`&names=${names}`));
      expect(sheets, names).toEqual(['Combined chronology', 'Contacts by month', 'Agencies']);
      expectSame(readSheet(sheet), want);
    }
  });

  it('covers only the export’s from and to, and counts only the agencies exported', async () => {
    const { sheet } = await sheetOf(await xlsx('&from=2013-02&to=2013-11-15&agency=GP&agency=housing'));
    const held = contacts.filter((c) => {
      if (c.agency !== 'GP' && c.agency !== 'Housing') return false;
      if (c.date.length === 4) return c.date === '2013';
      if (c.date.length === 7) return c.date >= '2013-02' && c.date <= '2013-11';
      return c.date >= '2013-02-01' && c.date <= '2013-11-15';
    });
    expectSame(readSheet(sheet), expectedSheet(held, '2013-02-01', '2013-11-15'));
  });

  it('gives an author its own agency alone', async () => {
    const res = await t.call({ method: 'POST', url: '/api/tokens', payload: { role: 'author', caseId, agency: 'Police', label: 'police author' } });
    const author = (res.json() as { token: string }).token;
    const { sheet } = await sheetOf(await xlsx('&names=real', author));
    const got = readSheet(sheet);
    expect(got.headers).toEqual(['Month', 'Police', 'Police: victim seen', 'All agencies', 'All agencies: victim seen', 'Dated to the month only']);
    expectSame(got, expectedSheet(contacts.filter((c) => c.agency === 'Police'), '2012-01-01', '2014-12-31'));
  });

  it('reads the same through LibreOffice (xlsx → csv of the second sheet)', { timeout: 120_000 }, async () => {
    if (!(await waitForSoffice(100_000))) throw new Error('LibreOffice (soffice) is not installed');
    const dir = await mkdtemp(join(tmpdir(), 'contacts-api-'));
    const file = join(dir, 'timeline.xlsx');
    await writeFile(file, await xlsx(''));
    const csv = await readFile(await convertWithSoffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2'), 'utf8');
    expectSame(readCsvSheet(parse(csv, { bom: true, relax_column_count: true }) as string[][]), expectedSheet(contacts, '2012-01-01', '2014-12-31'));
  });

  it('spans the entries in a stateless merge, which has no review period', async () => {
    const parts = [
      { name: 'agency', value: 'Greater Manchester Police' },
      { name: 'file', filename: 'gm.xlsx', content: fixture('gm-police.xlsx') },
      { name: 'agency', value: 'GP' },
      { name: 'file', filename: 'gp.xlsx', content: fixture('darlington-gp.xlsx') },
    ];
    const json = await t.call({ method: 'POST', url: '/api/merge?names=real', ...multipart(parts) });
    const merged = (json.json() as { entries: { agency: string; date: string; seen: boolean | null }[] }).entries;
    const res = await t.call({ method: 'POST', url: '/api/merge?format=xlsx', ...multipart(parts) });
    expect(res.statusCode).toBe(200);
    const { sheet } = await sheetOf(res.rawPayload);
    const start = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
    const end = (d: string): string =>
      d.length === 4 ? `${d}-12-31` : d.length === 7 ? new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) : d;
    const from = merged.map((e) => start(e.date)).sort()[0] ?? '';
    const to = merged.map((e) => end(e.date)).sort().pop() ?? '';
    const got = readSheet(sheet);
    expectSame(got, expectedSheet(merged.map((e) => ({ agency: e.agency, date: e.date, seen: e.seen })), from, to));
    expect([...got.rows.values()].reduce((n, r) => n + (r['All agencies'] ?? 0), 0)).toBe(merged.length);
  });
});
