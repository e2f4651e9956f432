// Hostile and broken uploads through the real route: each gets a clear 4xx from the reader's own check, its work
// bounded (the bytes it inflated, from the upload's log line), memory flat, nothing stored, the server alive.
// How fast they are refused is measured in `npm run bench`, not here.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bigCellCsv,
  billionLaughsXlsx,
  externalEntityXlsx,
  hugeRecordCsv,
  manyEntriesXlsx,
  nulByteCsv,
  pathTraversalXlsx,
  wideCsv,
  zipBombXlsx,
} from '../../fixtures/hostile.js';
import { absurdRecordsXls, docxBomb, encryptedOffice, encryptedXls, laughsDocx, nestedTablesDocx, xxeDocx } from '../../fixtures/hostile-office.js';
import { defaultLimits } from '../../src/ingest/limits.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, multipart, upload } from '../helpers/requests.js';

const MiB = 1024 * 1024;
/** The zip guard's read size: a refusal may come only after the chunk that crossed a limit. */
const CHUNK = 256 * 1024;

interface ReadLine {
  msg: string;
  ok: boolean;
  code?: string;
  limit?: string;
  inflatedBytes?: number;
}

describe('hostile uploads', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { maxUploadBytes: 12 * MiB });
    caseId = await createCase(t);
  });
  afterAll(async () => t.close());

  /** The reads the app logged after `from` characters of its log. */
  const readsSince = (from: number): ReadLine[] =>
    t
      .logs()
      .slice(from)
      .split('\n')
      .filter((l) => l.includes('"upload read"'))
      .map((l) => JSON.parse(l) as ReadLine);

  /**
   * `maxInflated`: the most the reader may inflate before refusing (by default the inflated-size limit and one chunk:
   * a bomb inflated further would mean a guard that stopped counting).
   */
  async function refused(send: () => Promise<{ statusCode: number; body: string }>, status: number, error?: string, maxInflated = defaultLimits.maxInflatedBytes + CHUNK): Promise<void> {
    const rss0 = process.memoryUsage().rss;
    const logFrom = t.logs().length;
    const res = await send();
    const grew = (process.memoryUsage().rss - rss0) / MiB;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    const body = JSON.parse(res.body) as { error: string; message: string };
    if (error) expect(body.error).toBe(error);
    expect(body.message.length).toBeGreaterThan(10);
    // Refused for what it is, not by the catch-all for a reader that failed some other way.
    expect(body.message).not.toMatch(/^The file could not be read\./);
    expect(grew).toBeLessThan(100);
    // A file that reached a reader was refused by the reader's own check, neither stopped by the read time limit nor
    // by running out of memory, and after bounded work.
    for (const read of readsSince(logFrom)) {
      expect(read).toMatchObject({ ok: false, code: body.error });
      expect(['time', 'memory']).not.toContain(read.limit);
      expect(read.inflatedBytes ?? 0).toBeLessThanOrEqual(maxInflated);
    }
    // The server still answers, and nothing was stored.
    expect((await t.call({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const list = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as { submissions: unknown[] };
    expect(list.submissions).toHaveLength(0);
  }

  const file = (name: string, content: Buffer) => () => upload(t, caseId, 'Police', name, content);

  it('refuses a zip bomb that admits its size (1 GiB inside 1.5 MB) with 413, inflating nothing', () => refused(file('bomb.xlsx', zipBombXlsx({ lie: false })), 413, 'too_large', 0));
  it('refuses a zip bomb whose headers lie about the size, by counting', () => refused(file('bomb.xlsx', zipBombXlsx({ lie: true })), 413, 'too_large'));
  it('refuses a zip of thousands of small entries', () => refused(file('many.xlsx', manyEntriesXlsx(5000)), 413, 'too_large'));
  it('refuses a billion-laughs DTD in sharedStrings', () => refused(file('laughs.xlsx', billionLaughsXlsx()), 422, 'unreadable_file'));
  it('refuses an external-entity DTD', () => refused(file('xxe.xlsx', externalEntityXlsx()), 422, 'unreadable_file'));
  it('refuses zip entries named ../', () => refused(file('slip.xlsx', pathTraversalXlsx()), 422, 'unreadable_file'));
  it('refuses a PDF named .xlsx', () => refused(file('report.xlsx', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')), 415, 'unsupported_format'));
  it('refuses an executable named .xlsx', () => refused(file('setup.xlsx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)])), 415, 'unsupported_format'));
  it('refuses a CSV with NUL bytes', () => refused(file('nul.csv', nulByteCsv()), 415, 'unsupported_format'));
  it('refuses a 10 MB single CSV record', () => refused(file('huge.csv', hugeRecordCsv(10 * MiB)), 413, 'too_large'));
  it('refuses 100 000 columns', () => refused(file('wide.csv', wideCsv(100_000)), 413, 'too_large'));
  it('refuses a 1 MB cell', () => refused(file('cell.csv', bigCellCsv(MiB)), 413, 'too_large'));
  it('refuses an .xls whose records claim absurd sizes', () => refused(file('probation.xls', absurdRecordsXls()), 422, 'unreadable_file'));
  it('refuses a password-protected .xls', () => refused(file('probation.xls', encryptedXls()), 415, 'unsupported_format'));
  it('refuses a password-protected workbook or document', () => refused(file('imr.docx', encryptedOffice()), 415, 'unsupported_format'));
  it('refuses a .docx zip bomb that admits its size with 413, inflating nothing', () => refused(file('imr.docx', docxBomb({ lie: false })), 413, 'too_large', 0));
  it('refuses a .docx zip bomb whose document.xml lies about its size, as soon as it inflates past it', () => refused(file('imr.docx', docxBomb()), 422, 'unreadable_file', 4 * CHUNK));
  it('refuses a billion-laughs DTD in document.xml', () => refused(file('imr.docx', laughsDocx()), 422, 'unreadable_file'));
  it('refuses an external entity in document.xml', () => refused(file('imr.docx', xxeDocx()), 422, 'unreadable_file'));
  it('answers tables nested 100 deep (and no chronology) with 422', () => refused(file('imr.docx', nestedTablesDocx(100)), 422, 'invalid_chronology'));
  it('refuses a PDF named .docx', () => refused(file('imr.docx', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')), 415, 'unsupported_format'));
  it('logs each read with its outcome and the bytes it inflated (what the budget checks above read)', async () => {
    const from = t.logs().length;
    await refused(file('bomb.xlsx', zipBombXlsx({ lie: true })), 413, 'too_large');
    const [read] = readsSince(from);
    expect(read).toMatchObject({ ok: false, code: 'too_large' });
    expect(read?.inflatedBytes).toBeGreaterThan(MiB);
  });

  it('refuses a file over the upload size with 413 naming the limit', async () => {
    const res = await upload(t, caseId, 'Police', 'big.csv', Buffer.alloc(13 * MiB, 0x61));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too_large' });
  });

  it('refuses a file over the upload size sent without a length (chunked), storing nothing', async () => {
    const body = multipart([
      { name: 'agency', value: 'Police' },
      { name: 'file', filename: 'big.csv', content: Buffer.concat([Buffer.from('Date,Event\r\n'), Buffer.alloc(13 * MiB, 0x61)]) },
    ]);
    const before = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as { submissions: unknown[] };
    const res = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, headers: body.headers, payload: Readable.from([body.payload]) });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too_large' });
    const after = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as { submissions: unknown[] };
    expect(after.submissions).toHaveLength(before.submissions.length);
  });

  it('refuses a second file part', () =>
    refused(
      () =>
        t.call({
          method: 'POST',
          url: `/api/cases/${caseId}/chronologies`,
          ...multipart([
            { name: 'agency', value: 'Police' },
            { name: 'file', filename: 'a.csv', content: Buffer.from('Date,Event\r\n01/01/2013,a\r\n') },
            { name: 'file', filename: 'b.csv', content: Buffer.from('Date,Event\r\n01/01/2013,b\r\n') },
          ]),
        }),
      413,
      'too_large',
    ));

  it('refuses a JSON body over the limit', () =>
    refused(
      () => t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: `{"agency":"x","entries":[${'{"date":"01/01/2013","event":"x"},'.repeat(400_000)}]}`, headers: { 'content-type': 'application/json' } }),
      413,
    ));

  it('refuses a gzip body instead of inflating it', () =>
    refused(
      () =>
        t.call({
          method: 'POST',
          url: `/api/cases/${caseId}/chronologies`,
          payload: gzipSync(Buffer.from(`{"agency":"x","entries":[${'{"date":"01/01/2013","event":"x"},'.repeat(100_000)}{"date":"01/01/2013","event":"x"}]}`)),
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        }),
      415,
    ));

  it('is not polluted by __proto__ and constructor in headers, sheet names and multipart fields', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('__proto__');
    ws.addRow(['Date', 'Event', '__proto__', 'constructor', 'prototype']);
    ws.addRow(['01/01/2013', 'Officers attended', '{"polluted":1}', 'x', 'y']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.call({
      method: 'POST',
      url: `/api/cases/${caseId}/chronologies?dryRun=true`,
      ...multipart([
        { name: 'agency', value: 'Police' },
        { name: 'file', filename: '__proto__.xlsx', content: xlsx },
      ]),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report.unrecognisedColumns).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a multipart field named __proto__ with a clear 400, unpolluted', async () => {
    await refused(
      () =>
        t.call({
          method: 'POST',
          url: `/api/cases/${caseId}/chronologies`,
          ...multipart([
            { name: '__proto__', value: '{"polluted":1}' },
            { name: 'agency', value: 'Police' },
            { name: 'file', filename: 'a.csv', content: Buffer.from('Date,Event\r\n01/01/2013,a\r\n') },
          ]),
        }),
      400,
      'bad_request',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
