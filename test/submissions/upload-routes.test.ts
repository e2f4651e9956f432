// Uploading real agency files through the HTTP route, on both stores: what is stored, reported and refused.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, realTimeline, upload } from '../helpers/requests.js';
import { storeKinds } from '../helpers/stores.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url));

interface UploadBody {
  dryRun: boolean;
  submission: { id: string | null; agency: string; version: number; entries: number };
  report: { sheet: string; headerRow: number; mapping: Record<string, string>; unrecognisedColumns: string[]; warnings: { row: number; code: string }[] };
}

describe.each(storeKinds)('uploading chronologies on %s', (kind) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    caseId = await createCase(t);
  });
  afterAll(async () => t.close());

  const timeline = async (agency: string) => ({ entries: await realTimeline(t, caseId, agency) });

  it('stores the Greater Manchester police file: title block skipped, continuation merged, warnings given', async () => {
    const res = await upload(t, caseId, 'Greater Manchester Police', 'gm-police.xlsx', fixture('gm-police.xlsx'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as UploadBody;
    expect(body.submission).toMatchObject({ agency: 'Greater Manchester Police', version: 1, entries: 23 });
    expect(body.report.sheet).toBe('Chronology');
    expect(body.report.headerRow).toBe(7);
    expect(body.report.mapping).toMatchObject({
      Date: 'date',
      Time: 'time',
      'Source of evidence': 'source',
      'Name of professional': 'professional',
      'Contact with': 'contact',
      'Event description, actions taken, decisions made': 'event',
      Comments: 'comment',
    });
    const codes = new Set(body.report.warnings.map((w) => w.code));
    for (const code of ['continuation-merged', 'formula-cell', 'time-from-date-cell', 'outside-review-period']) expect(codes).toContain(code);
    const entries = (await timeline('Greater Manchester Police')).entries;
    expect(entries).toHaveLength(23);
    const multiLine = entries.find((e) => e.event.includes('would not let her leave the flat'));
    expect(multiLine?.event).toContain('(continued) Reid was not at the address');
    expect(entries.find((e) => e.event.startsWith('Reid stopped driving'))?.time).toBe('17:00');
    expect(entries[0]?.flags).toContain('outside-review-period');
  });

  it('reads the Darlington GP file with a guidance sheet first, two-digit years and partial dates', async () => {
    const res = await upload(t, caseId, 'GP', 'darlington-gp.xlsx', fixture('darlington-gp.xlsx'));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as UploadBody;
    expect(body.report.mapping).toMatchObject({ 'Family Members': 'contact', Information: 'event', 'Action / Outcome': 'outcome' });
    const precisions = new Set((await timeline('GP')).entries.map((e) => e.datePrecision));
    expect(precisions).toEqual(new Set(['day', 'month', 'year']));
  });

  it.each([
    ['housing-1252.csv', 'Housing', 'Siobhán'],
    ['idva-utf8bom.csv', 'IDVA', ''],
    ['1904.xlsx', 'Hospital', ''],
    ['libreoffice-saved.xlsx', 'Adult Social Care', ''],
  ])('stores %s', async (file, agency, mustContain) => {
    const res = await upload(t, caseId, agency, file, fixture(file));
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as UploadBody).submission.entries).toBeGreaterThan(0);
    if (mustContain) expect(JSON.stringify(await timeline(agency))).toContain(mustContain);
  });

  it('rejects the bad-dates file with every row error and stores nothing', async () => {
    const res = await upload(t, caseId, 'Probation', 'bad-dates.xlsx', fixture('bad-dates.xlsx'));
    expect(res.statusCode).toBe(422);
    const body = res.json() as { error: string; errors: { row: number; column: string; value: string; message: string }[]; totalErrors: number };
    expect(body.error).toBe('invalid_chronology');
    expect(body.totalErrors).toBe(body.errors.length);
    const byValue = new Map(body.errors.map((e) => [e.value, e]));
    expect(byValue.get('31/09/2013')?.message).toMatch(/September has 30 days/);
    expect(byValue.get('12/25/2013')?.message).toMatch(/day first/);
    expect(byValue.get('25:61')?.column).toBe('Time');
    for (const e of body.errors) expect(e.row).toBeGreaterThan(1);
    const list = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as { submissions: { agency: string }[] };
    expect(list.submissions.some((s) => s.agency === 'Probation')).toBe(false);
  });

  it('says which headers it saw when there is no date column', async () => {
    const res = await upload(t, caseId, 'Probation', 'no-date-column.xlsx', fixture('no-date-column.xlsx'));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'invalid_chronology', seenHeaders: expect.arrayContaining(['Agency', 'Event description']) });
  });

  it.each(['gm-police.xls', 'gm-police.ods', 'gm-police.docx'])('stores %s, the twin of gm-police.xlsx, with its 23 entries', async (file) => {
    const agency = `Police (${file})`;
    const res = await upload(t, caseId, agency, file, fixture(file));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ submission: { entries: 23 }, report: { sheet: file.endsWith('.docx') ? 'Table 2' : 'Chronology' } });
  });

  it('refuses a PDF with 415 naming the format and what to do', async () => {
    const res = await upload(t, caseId, 'Probation', 'imr.pdf', fixture('imr.pdf'));
    expect(res.statusCode).toBe(415);
    const body = res.json() as { error: string; message: string; format: string };
    expect(body).toMatchObject({ error: 'unsupported_format', format: 'pdf' });
    expect(body.message).toMatch(/\.xlsx/);
  });

  it('answers a dry run with the report and stores nothing', async () => {
    const res = await upload(t, caseId, 'Ambulance', 'gm-police.xlsx', fixture('gm-police.xlsx'), { query: '?dryRun=true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, submission: { id: null, version: 1, entries: 23 } });
    expect((await timeline('Ambulance')).entries).toHaveLength(0);
  });

  it('replaces an agency on re-upload, keeping the history, and never merges two versions', async () => {
    const first = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: { agency: 'Housing Trust', entries: [{ date: '01/02/2013', event: 'First version' }] } });
    expect(first.statusCode).toBe(201);
    const second = await t.call({
      method: 'POST',
      url: `/api/cases/${caseId}/chronologies`,
      payload: { agency: 'housing trust ', entries: [{ date: '01/02/2013', event: 'Second version' }, { date: '02/02/2013', event: 'Added' }] },
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ submission: { version: 2, entries: 2 } });
    const list = (await t.call({ method: 'GET', url: `/api/cases/${caseId}/chronologies` })).json() as {
      submissions: { agency: string; version: number; current: boolean; entries: number; sha256: string }[];
    };
    const housing = list.submissions.filter((s) => s.agency.toLowerCase().startsWith('housing trust'));
    expect(housing.map((s) => [s.version, s.current, s.entries])).toEqual([
      [1, false, 1],
      [2, true, 2],
    ]);
    expect(housing[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = (await timeline('Housing Trust')).entries.map((e) => e.event);
    expect(events).toEqual(['Second version', 'Added']);
  });

  it('caps the error list at 1000 and gives the total', async () => {
    const csv = `Date,Event\r\n${'31/02/2013,x\r\n'.repeat(1500)}`;
    const res = await upload(t, caseId, 'Probation', 'many.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(422);
    const body = res.json() as { errors: unknown[]; totalErrors: number };
    expect(body.errors).toHaveLength(1000);
    expect(body.totalErrors).toBe(1500);
  });

  it('validates JSON uploads the same way, naming the entry and field', async () => {
    const res = await t.call({
      method: 'POST',
      url: `/api/cases/${caseId}/chronologies`,
      payload: { agency: 'Script', entries: [{ date: '03/04/2013', event: 'ok' }, { date: '13/13/2013', event: 'bad' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'date', value: '13/13/2013' })]);
  });

  it('asks for the agency and for the file', async () => {
    const noFile = await t.call({ method: 'POST', url: `/api/cases/${caseId}/chronologies`, payload: {} });
    expect(noFile.statusCode).toBe(400);
  });
  it('refuses uploads and dry runs to a closed case with 409, storing nothing, and takes them again once reopened', async () => {
    const closed = await createCase(t, 'Closed case');
    await t.call({ method: 'PATCH', url: `/api/cases/${closed}`, payload: { status: 'closed' } });
    for (const query of ['', '?dryRun=true']) {
      const res = await upload(t, closed, 'Police', 'gm.xlsx', fixture('gm-police.xlsx'), { query });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ error: 'case_closed' });
    }
    const json = await t.call({ method: 'POST', url: `/api/cases/${closed}/chronologies`, payload: { agency: 'GP', entries: [{ date: '03/04/2013', event: 'Seen.' }] } });
    expect(json.statusCode).toBe(409);
    const list = (await t.call({ method: 'GET', url: `/api/cases/${closed}/chronologies` })).json() as { submissions: unknown[] };
    expect(list.submissions).toEqual([]);
    await t.call({ method: 'PATCH', url: `/api/cases/${closed}`, payload: { status: 'open' } });
    expect((await upload(t, closed, 'Police', 'gm.xlsx', fixture('gm-police.xlsx'))).statusCode).toBe(201);
  });
});
