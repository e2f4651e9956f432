// XLSX export: read back with exceljs (sheets, styles, frozen header, filter, date cells) and with LibreOffice.
import { writeFile, readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/chronology/types.js';
import { writeTimelineXlsx } from '../../src/export/to-xlsx.js';
import { entriesReadBeforeDisconnect, sampleContext, sampleTimeline } from './sample-timeline.js';
import { convertWithSoffice, waitForSoffice } from './soffice.js';
import { zipMemberText } from './zip.js';

async function xlsxBytes(entries: Iterable<TimelineEntry> = sampleTimeline): Promise<Buffer> {
  const out = new PassThrough();
  const collected = buffer(out);
  await writeTimelineXlsx(entries, sampleContext, out);
  return collected;
}

describe('writeTimelineXlsx', () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    bytes = await xlsxBytes();
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer); // exceljs's types predate Buffer<ArrayBufferLike>
    const s = wb.getWorksheet('Combined chronology');
    if (!s) throw new Error('no chronology sheet');
    sheet = s;
  });

  it('has the chronology, its contacts by month and the agencies sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Combined chronology', 'Contacts by month', 'Agencies']);
  });

  it('has a bold, frozen, filtered header in Arial 11', async () => {
    const header = sheet.getRow(1);
    expect(header.values).toEqual([undefined, 'Date', 'Time', 'Agency', 'Source', 'Professional', 'Contact', 'Event', 'Outcome', 'Victim seen', 'Comment', 'Flags']);
    expect(header.getCell(1).font).toMatchObject({ bold: true, name: 'Arial', size: 11 });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const xml = await zipMemberText(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(`<autoFilter ref="A1:K${sampleTimeline.length + 1}"`);
    const styles = await zipMemberText(bytes, 'xl/styles.xml');
    expect(styles).not.toContain('Calibri');
  });

  it('writes day dates as real date cells and partial dates as text', () => {
    const day = sheet.getCell('A4');
    expect(day.value).toBeInstanceOf(Date);
    expect((day.value as Date).toISOString()).toBe('2013-04-03T00:00:00.000Z');
    expect(day.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('A2').value).toBe('2012');
    expect(sheet.getCell('A3').value).toBe('03/2013');
    expect(sheet.getCell('B4').value).toBe('17:00');
  });

  it('writes text cells wrapped, in Arial, with the flags and victim seen', () => {
    const event = sheet.getCell('G4');
    expect(event.value).toBe(sampleTimeline[2]?.event);
    expect(event.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(event.font).toMatchObject({ name: 'Arial', size: 11 });
    expect(sheet.getCell('I4').value).toBe('Yes');
    expect(sheet.getCell('K4').value).toBe('Possible duplicate');
    expect(sheet.getColumn(7).width).toBeGreaterThan(sheet.getColumn(2).width ?? 0);
  });

  it('neutralises formula injection', () => {
    const cell = sheet.getCell('G6');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(`'${sampleTimeline[4]?.event}`);
    expect(sheet.getCell('J6').value).toBe(`'-5 attempts to contact; "no answer", left card`);
  });

  it('lists each submission on the agencies sheet', () => {
    const agencies = wb.getWorksheet('Agencies');
    expect(agencies?.getRow(1).values).toEqual([undefined, 'Agency', 'Version', 'Rows', 'Uploaded at', 'File name']);
    const police = agencies?.getRow(2);
    expect(police?.getCell(1).value).toBe('Police');
    expect(police?.getCell(2).value).toBe(2);
    expect(police?.getCell(3).value).toBe(3);
    expect((police?.getCell(4).value as Date).toISOString()).toBe('2024-05-01T09:15:00.000Z');
    expect(police?.getCell(5).value).toBe('police-chronology v2.xlsx');
    // The submissions, a blank row, then the two status lines.
    expect(agencies?.rowCount).toBe(sampleContext.submissions.length + 4);
  });

  it('states the names mode and the sign-off state below the agencies, and in short in the printed page header', async () => {
    const at = '2024-05-30T09:05:00.000Z';
    const cases = [
      [{ state: 'holds', at, role: 'chair' } as const, 'Signed off: the anonymised timeline was signed off for publication by the chair on 30/05/2024 10:05, and nothing it rests on has changed since.', 'Anonymised (initials) · Signed off 30/05/2024 10:05'],
      [{ state: 'void', at, role: 'admin' } as const, 'Not signed off: a sign-off by an administrator on 30/05/2024 10:05 no longer holds, because chronologies, the people map or decisions changed after it.', 'Anonymised (initials) · Not signed off (an earlier sign-off no longer holds)'],
      [{ state: 'none' } as const, 'Not signed off: the anonymised timeline has not been signed off for publication.', 'Anonymised (initials) · Not signed off'],
      [{ state: 'not-shown' } as const, 'Sign-off: not shown in this export.', 'Anonymised (initials)'],
    ] as const;
    for (const [signOff, note, header] of cases) {
      const out = new PassThrough();
      const collected = buffer(out);
      await writeTimelineXlsx(sampleTimeline, { ...sampleContext, signOff }, out);
      const book = new ExcelJS.Workbook();
      const bytes = await collected;
      await book.xlsx.load(bytes as unknown as ArrayBuffer);
      const agencies = book.getWorksheet('Agencies');
      const first = sampleContext.submissions.length + 3;
      expect(agencies?.getRow(first - 1).getCell(1).value ?? null).toBeNull();
      expect(agencies?.getCell(`A${first}`).value).toMatch(/^Names are anonymised: people are referred to by their initials/);
      expect(agencies?.getCell(`A${first + 1}`).value).toBe(note);
      const xml = await zipMemberText(bytes, 'xl/worksheets/sheet1.xml');
      expect(xml).toContain(`<oddHeader>&amp;L${header}</oddHeader>`);
    }
  });

  it('says in a real-names workbook that no sign-off covers it, and claims none in its page header', async () => {
    const out = new PassThrough();
    const collected = buffer(out);
    await writeTimelineXlsx(sampleTimeline, { ...sampleContext, namesMode: 'real', signOff: { state: 'holds', at: '2024-05-30T09:05:00.000Z', role: 'chair' } }, out);
    const bytes = await collected;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const agencies = book.getWorksheet('Agencies');
    const first = sampleContext.submissions.length + 3;
    expect(agencies?.getCell(`A${first}`).value).toMatch(/^NOT ANONYMISED/);
    expect(agencies?.getCell(`A${first + 1}`).value).toMatch(/A sign-off never covers a real-names export such as this one\.$/);
    const xml = await zipMemberText(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<oddHeader>&amp;LREAL NAMES: not for publication</oddHeader>');
  });

  it('writes an empty chronology with just the header', async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load((await xlsxBytes([])) as unknown as ArrayBuffer);
    expect(empty.getWorksheet('Combined chronology')?.rowCount).toBe(1);
  });

  it('stops reading entries when the output is destroyed (a client that disconnects)', async () => {
    const { read, rejected } = await entriesReadBeforeDisconnect(writeTimelineXlsx);
    expect(rejected).toBe(true);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(50_000);
  });

  it('opens in LibreOffice with every row', { timeout: 120_000 }, async () => {
    if (!(await waitForSoffice(100_000))) throw new Error('LibreOffice (soffice) is not installed');
    const dir = await mkdtemp(join(tmpdir(), 'xlsx-test-'));
    const file = join(dir, 'timeline.xlsx');
    await writeFile(file, bytes);
    const csv = await readFile(await convertWithSoffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1'), 'utf8');
    const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(sampleTimeline.length + 1);
    expect(rows[0]?.[0]).toBe('Date');
    expect(rows.map((r) => r[0])).toEqual(['Date', '2012', '03/2013', '03/04/2013', '03/04/2013', '18/04/2013', '09/05/2013']);
    expect(rows[3]?.[6]).toBe(sampleTimeline[2]?.event);
  });
});
