// The agency template: header block, the columns, one example row and date validation; it uploads cleanly.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createCase, realTimeline, upload } from '../helpers/requests.js';

describe('agency template', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(async () => t.close());

  it('is an xlsx with the header block, GM columns plus Outcome and Victim seen, the example row and date validation', async () => {
    const res = await t.call({ method: 'GET', url: '/api/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('agency-chronology-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Chronology');
    expect(ws?.getCell('A2').value).toBe('Agency:');
    const header = ws?.getRow(8).values as unknown[];
    expect(header.slice(1)).toEqual([
      'Date',
      'Time',
      'Source of evidence',
      'Name of professional',
      'Contact with',
      'Event description, actions taken, decisions made',
      'Action / Outcome',
      'Victim seen',
      'Comments',
    ]);
    const date = ws?.getCell('A9');
    expect(date?.value).toEqual(new Date(Date.UTC(2012, 0, 1)));
    expect(date?.numFmt).toBe('dd/mm/yyyy');
    expect(ws?.getCell('B9').value).toBe('17:00');
    expect(ws?.getCell('A20').dataValidation).toMatchObject({ type: 'date' });
    expect(wb.getWorksheet('Guidance')).toBeDefined();
  });

  it('uploads cleanly as it comes (xlsx and csv): the example row is read as 01/01/2012 17:00', async () => {
    const caseId = await createCase(t, 'Template case', '2011-01-01', '2013-01-01');
    for (const ext of ['xlsx', 'csv']) {
      const file = (await t.call({ method: 'GET', url: `/api/template.${ext}` })).rawPayload;
      const res = await upload(t, caseId, `Agency ${ext}`, `template.${ext}`, file);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().submission.entries).toBe(1);
    }
    for (const e of await realTimeline(t, caseId)) expect(e).toMatchObject({ date: '2012-01-01', time: '17:00', outcome: 'Referred to IDVA service', seen: true });
  });
});
