// The workbook's 'Contacts by month' sheet on a multi-agency timeline: its counts against a count made here entry by
// entry, read back with exceljs and through LibreOffice's xlsx→csv; narrowed by the export's from/to; no review period.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/chronology/types.js';
import type { ExportContext } from '../../src/export/export-context.js';
import { writeTimelineXlsx } from '../../src/export/to-xlsx.js';
import { expectedSheet, readCsvSheet, readSheet, type Contact } from './contacts-by-month.js';
import { sampleContext } from './sample-timeline.js';
import { convertWithSoffice, waitForSoffice } from './soffice.js';
import { zipMemberText } from './zip.js';

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

// A formula-looking agency name: its header must be neutralised, its counts still found under it.
const AGENCIES = ['Police', 'GP Surgery', 'housing association', 'Adult Social Care', '+Probation'];

/** Entries of five agencies from 2012 to 2015 (the review period is 2013–2014): to the day, the month, the year. */
function makeTimeline(): { entries: TimelineEntry[]; contacts: Contact[] } {
  const rnd = random(2024);
  const contacts: Contact[] = [];
  const start = Date.UTC(2012, 6, 1);
  for (const agency of AGENCIES) {
    const n = 20 + Math.floor(rnd() * 25);
    for (let i = 0; i < n; i++) {
      const iso = new Date(start + Math.floor(rnd() * 1100) * 86_400_000).toISOString().slice(0, 10);
      const p = rnd();
      const date = p < 0.12 ? iso.slice(0, 7) : p < 0.18 ? iso.slice(0, 4) : iso;
      const seen = rnd() < 0.45 ? true : rnd() < 0.5 ? false : null;
      contacts.push({ agency, date, seen });
    }
  }
  contacts.sort((a, b) => a.date.localeCompare(b.date));
  const entries = contacts.map((c, i): TimelineEntry => ({
    id: `c${i}`,
    date: c.date,
    datePrecision: c.date.length === 10 ? 'day' : c.date.length === 7 ? 'month' : 'year',
    time: null,
    agency: c.agency,
    source: null,
    professional: null,
    contact: null,
    event: `Contact ${i} recorded.`,
    outcome: null,
    seen: c.seen,
    comment: null,
    extra: {},
    flags: [],
    duplicateOf: [],
    provenance: { submissionId: 'sub', sheet: 'Chronology', row: i + 2 },
  }));
  return { entries, contacts };
}

async function workbook(entries: readonly TimelineEntry[], ctx: ExportContext): Promise<{ bytes: Buffer; wb: ExcelJS.Workbook }> {
  const out = new PassThrough();
  const collected = buffer(out);
  await writeTimelineXlsx(entries, ctx, out);
  const bytes = await collected;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes, wb };
}

const headerOf = (h: string): string => (h.startsWith('+') ? `'${h}` : h);

/** The expected sheet with its headers as the workbook writes them (a formula-looking name neutralised). */
function expected(contacts: readonly Contact[], from: string, to: string) {
  const want = expectedSheet(contacts, from, to);
  const rows = new Map([...want.rows].map(([k, r]) => [k, Object.fromEntries(Object.entries(r).map(([h, v]) => [headerOf(h), v]))]));
  return { headers: want.headers.map(headerOf), rows };
}

describe('the Contacts by month sheet', () => {
  const { entries, contacts } = makeTimeline();
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    ({ bytes, wb } = await workbook(entries, sampleContext));
  });

  it('comes after the chronology and before the agencies', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Combined chronology', 'Contacts by month', 'Agencies']);
  });

  it('gives each month of the review period each agency’s contacts and victim-seen counts, as counted here', () => {
    const sheet = wb.getWorksheet('Contacts by month');
    if (!sheet) throw new Error('no contacts sheet');
    const got = readSheet(sheet);
    const want = expected(contacts, '2013-01-01', '2014-12-31');
    expect(got.headers).toEqual(want.headers);
    expect([...got.rows.keys()]).toEqual([...want.rows.keys()]);
    for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
    // The case has what the sheet must count honestly: months only, years only, entries outside.
    expect([...want.rows.keys()]).toEqual(expect.arrayContaining(['2013 (year only)', '2014 (year only)', 'Outside the months']));
    expect([...want.rows.values()].reduce((n, r) => n + (r['Dated to the month only'] ?? 0), 0)).toBeGreaterThan(5);
    // Every entry of the export is in exactly one row.
    expect([...got.rows.values()].reduce((n, r) => n + (r['All agencies'] ?? 0), 0)).toBe(entries.length);
  });

  it('writes months as date cells shown as the month, and says how it counts below the rows', async () => {
    const sheet = wb.getWorksheet('Contacts by month');
    expect(sheet?.getCell('A2').value).toEqual(new Date('2013-01-01T00:00:00Z'));
    expect(sheet?.getCell('A2').numFmt).toBe('mmm yyyy');
    expect(sheet?.getCell('B1').font).toMatchObject({ bold: true, name: 'Arial', size: 11 });
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const notes = (sheet?.getColumn(1).values ?? []).filter((v): v is string => typeof v === 'string' && v.length > 40);
    expect(notes[0]).toBe('Months: the review period, 01/01/2013 to 31/12/2014. Every entry of this export counts once.');
    expect(notes.join(' ')).toMatch(/dated to the month only counts in that month too/);
    expect(notes.join(' ')).toMatch(/outside the months counts only in the last row, where victim seen is not counted/);
    const xml = await zipMemberText(bytes, 'xl/worksheets/sheet3.xml');
    expect(xml).not.toMatch(/<f>/);
  });

  it('covers only the export’s from and to when it has them', async () => {
    const window = { from: '2013-06', to: '2014-02-28' };
    const held = entries.filter((e) =>
      e.date.length === 4 ? e.date >= '2013' && e.date <= '2014' : e.date.length === 7 ? e.date >= '2013-06' && e.date <= '2014-02' : e.date >= '2013-06-01' && e.date <= '2014-02-28',
    );
    const { wb: narrowed } = await workbook(held, { ...sampleContext, window });
    const sheet = narrowed.getWorksheet('Contacts by month');
    if (!sheet) throw new Error('no contacts sheet');
    const got = readSheet(sheet);
    const want = expected(held.map((e) => ({ agency: e.agency, date: e.date, seen: e.seen })), '2013-06-01', '2014-02-28');
    expect(got.rows.size).toBe(want.rows.size);
    for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
    expect([...got.rows.keys()][0]).toBe('2013-06');
    expect(sheet.getColumn(1).values).toContain("Months: the review period within the export's from and to, 01/06/2013 to 28/02/2014. Every entry of this export counts once.");
  });

  it('spans the entries when the export has no review period (a stateless merge)', async () => {
    const { reviewPeriod: _none, ...ctx } = sampleContext;
    const { wb: merged } = await workbook(entries, ctx);
    const sheet = merged.getWorksheet('Contacts by month');
    if (!sheet) throw new Error('no contacts sheet');
    const got = readSheet(sheet);
    const start = (d: string): string => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
    const end = (d: string): string =>
      d.length === 4 ? `${d}-12-31` : d.length === 7 ? new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10) : d;
    const from = contacts.map((c) => start(c.date)).sort()[0] ?? '';
    const to = contacts.map((c) => end(c.date)).sort().pop() ?? '';
    const want = expected(contacts, from, to);
    expect(got.rows.size).toBe(want.rows.size);
    expect(got.rows.has('Outside the months')).toBe(false);
    for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
  });

  it('is there with its header alone for an empty export', async () => {
    const { wb: empty } = await workbook([], sampleContext);
    const sheet = empty.getWorksheet('Contacts by month');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Month', 'All agencies', 'All agencies: victim seen', 'Dated to the month only']);
    expect(readSheet(sheet as ExcelJS.Worksheet).rows.size).toBe(24);
  });

  it('keeps every agency’s columns past column Z (fifteen agencies: 34 columns)', async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ ...(entries[0] as TimelineEntry), id: `a${i}`, agency: `Agency ${String(i + 1).padStart(2, '0')}`, date: '2013-05-02', datePrecision: 'day' as const, seen: i % 2 === 0 }));
    const { wb: wide } = await workbook(many, sampleContext);
    const sheet = wide.getWorksheet('Contacts by month');
    if (!sheet) throw new Error('no contacts sheet');
    const got = readSheet(sheet);
    expect(got.headers).toHaveLength(34);
    expect(sheet.getCell('AH1').value).toBe('Dated to the month only');
    const want = expectedSheet(many.map((e) => ({ agency: e.agency, date: e.date, seen: e.seen })), '2013-01-01', '2014-12-31');
    for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
    expect(got.rows.get('2013-05')?.['All agencies']).toBe(15);
  });

  it('reads the same through LibreOffice (xlsx → csv of the second sheet)', { timeout: 120_000 }, async () => {
    if (!(await waitForSoffice(100_000))) throw new Error('LibreOffice (soffice) is not installed');
    const dir = await mkdtemp(join(tmpdir(), 'contacts-sheet-'));
    const file = join(dir, 'timeline.xlsx');
    await writeFile(file, bytes);
    // Filter options: comma, quote, UTF-8, from line 1, …, save cells as shown, sheet 2.
    const csv = await readFile(await convertWithSoffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2'), 'utf8');
    const got = readCsvSheet(parse(csv, { bom: true, relax_column_count: true }) as string[][]);
    const want = expected(contacts, '2013-01-01', '2014-12-31');
    expect(got.headers).toEqual(want.headers);
    expect([...got.rows.keys()]).toEqual([...want.rows.keys()]);
    for (const [k, row] of want.rows) expect({ k, ...got.rows.get(k) }).toEqual({ k, ...row });
  });
});
