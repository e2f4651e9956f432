// Entries are stored while the worker is still reading the file: a long upload still lands whole or not at all,
// and a continuation row just after a batch boundary still joins the entry above it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINK_BATCH } from '../../src/chronology/entry-collector.js';
import { READ_AHEAD_ROWS } from '../../src/submissions/submissions-repository.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, realTimeline, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const HEADER = 'Date,Time,Source of evidence,Event description,Comments';
// Past the rows read before the transaction opens, so three batches are stored before the file is all read.
const ROWS = READ_AHEAD_ROWS + 3 * SINK_BATCH + 500;

/** ROWS dated rows; a continuation row after the rows listed in `continueAfter`; `bad` rows get an impossible date. */
function csv(opts: { continueAfter?: number[]; bad?: number[] } = {}): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const date = opts.bad?.includes(i) ? '31/02/2013' : `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2013`;
    lines.push(`${date},10:00,Records,Visit number ${i},`);
    if (opts.continueAfter?.includes(i)) lines.push(`,,,(continued) more about visit ${i},`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

/** The same rows as an xlsx; a merged title row above the header makes the reader read it again whole. */
async function xlsx(opts: { mergedTitle?: boolean; bad?: number[] } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Chronology');
  ws.addRow(['Comprehensive Agency Chronology']);
  ws.addRow(HEADER.split(','));
  for (let i = 1; i <= ROWS; i++) ws.addRow([opts.bad?.includes(i) ? '31/02/2013' : `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2013`, '10:00', 'Records', `Visit number ${i}`]);
  if (opts.mergedTitle) ws.mergeCells('A1:E1');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(storeKinds)('an upload stored while it is read, on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
  });
  afterAll(async () => t.close());

  const events = async (): Promise<string[]> => (await realTimeline(t, caseId, 'Housing')).map((e) => e.event);

  it('stores every entry, with continuation rows on both sides of each batch boundary joined to their entry', async () => {
    const around = [SINK_BATCH - 1, SINK_BATCH, SINK_BATCH + 1, 2 * SINK_BATCH, ROWS];
    const res = await upload(t, caseId, 'Housing', 'housing.csv', csv({ continueAfter: around }));
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { submission: { entries: number } }).submission.entries).toBe(ROWS);
    const stored = await events();
    expect(stored).toHaveLength(ROWS);
    for (const i of around) expect(stored).toContain(`Visit number ${i}\n(continued) more about visit ${i}`);
    expect(stored.filter((e) => e.includes('(continued)'))).toHaveLength(around.length);
  });

  it("names each entry by its submission and its position there, so one upload's ids ascend", async () => {
    const submissionId = (res: { json(): unknown }): string => (res.json() as { submission: { id: string } }).submission.id;
    const ownCase = await createCase(t);
    const other = await upload(t, ownCase, 'Police', 'police.csv', Buffer.from(`${HEADER}\r\n03/04/2013,10:00,Records,Visit,\r\n04/04/2013,10:00,Records,Call,\r\n`));
    expect((await realTimeline(t, ownCase)).map((e) => [e.event, e.id])).toEqual([
      ['Visit', `${submissionId(other)}.000000`],
      ['Call', `${submissionId(other)}.000001`],
    ]);
  });

  it('refuses the whole file when a row near its end is wrong, after three batches had settled: the old version stays', async () => {
    const res = await upload(t, caseId, 'Housing', 'housing.csv', csv({ bad: [ROWS - 3] }));
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json() as { errors: { row: number; column: string }[]; totalErrors: number };
    expect(body.totalErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({ row: ROWS - 3 + 1, column: 'Date' }); // + 1: the header row
    const list = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as { submissions: { version: number; current: boolean; entries: number }[] };
    expect(list.submissions.map((s) => [s.version, s.current, s.entries])).toEqual([[1, true, ROWS]]);
    expect(await events()).toHaveLength(ROWS);
  });

  it('stores an xlsx streamed as it is read once, and one read again whole (a merged title) without its first pass', async () => {
    for (const mergedTitle of [false, true]) {
      const ownCase = await createCase(t);
      const res = await upload(t, ownCase, 'Police', 'police.xlsx', await xlsx({ mergedTitle }));
      expect(res.statusCode, res.body).toBe(201);
      expect((res.json() as { submission: { entries: number } }).submission.entries).toBe(ROWS);
      const stored = (await realTimeline(t, ownCase)).map((e) => e.event);
      expect(stored).toHaveLength(ROWS);
      expect(new Set(stored).size).toBe(ROWS);
      const list = (await t.call({ method: 'GET', url: `/api/cases/${ownCase}/chronologies` })).json() as { submissions: { version: number }[] };
      expect(list.submissions.map((s) => s.version)).toEqual([1]);
    }
  });

  it('refuses a streamed xlsx whose row near the end is wrong, storing none of the batches that had settled', async () => {
    const ownCase = await createCase(t);
    const res = await upload(t, ownCase, 'Police', 'police.xlsx', await xlsx({ bad: [ROWS - 3] }));
    expect(res.statusCode, res.body).toBe(422);
    expect((res.json() as { errors: { row: number }[] }).errors[0]).toMatchObject({ row: ROWS - 3 + 2, column: 'Date' });
    const list = (await t.call({ method: 'GET', url: `/api/cases/${ownCase}/chronologies` })).json() as { submissions: unknown[] };
    expect(list.submissions).toHaveLength(0);
  });
});
