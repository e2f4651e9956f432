// Streams a timeline to an .xlsx workbook: 'Combined chronology' (real date cells, Arial 11) and 'Agencies'.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { TimelineEntry } from '../chronology/types.js';
import { safeXlsxText } from './cell-safety.js';
import { TIMELINE_COLUMNS, timelineRowTexts } from './columns.js';
import type { TimelineColumn } from './columns.js';
import type { ExportContext } from './export-context.js';
import { isoDayToUtcDate } from './format-date.js';

const FONT = { name: 'Arial', size: 11, family: 2 } as const;
const BOLD = { ...FONT, bold: true } as const;
const WRAP = { wrapText: true, vertical: 'top' } as const;
const DATE_FMT = 'dd/mm/yyyy';

const WIDTHS: Record<TimelineColumn, number> = {
  Date: 12,
  Time: 8,
  Agency: 20,
  Source: 18,
  Professional: 18,
  Contact: 18,
  Event: 60,
  Outcome: 30,
  'Victim seen': 9,
  Comment: 30,
  Flags: 22,
};

// Cell styles are shared objects so exceljs's style manager dedupes them by identity (one xf each).
const TEXT_STYLE: Partial<ExcelJS.Style> = { font: FONT, alignment: WRAP, numFmt: '@' };
const DATE_STYLE: Partial<ExcelJS.Style> = { font: FONT, alignment: WRAP, numFmt: DATE_FMT };
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: BOLD, alignment: WRAP };
const DATETIME_STYLE: Partial<ExcelJS.Style> = { font: FONT, alignment: WRAP, numFmt: 'dd/mm/yyyy hh:mm' };
const NUMBER_STYLE: Partial<ExcelJS.Style> = { font: FONT, alignment: WRAP };

/** How often (in rows) we let the output drain before writing more. */
const DRAIN_EVERY = 500;

/**
 * exceljs has no API for the workbook's default font (always Calibri). Its style manager adds the default
 * font lazily as font 0, so adding Arial first makes Arial the "Normal" style font. Internal API, hence the
 * narrow structural type; if exceljs changes, this silently does nothing and cells still carry Arial.
 */
function makeArialDefault(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: { model?: { fonts?: unknown[] }; _addFont?: (f: object) => number } })
    .styles;
  if (styles?.model?.fonts?.length === 0 && typeof styles._addFont === 'function') styles._addFont(FONT);
}

function headerRow(sheet: ExcelJS.Worksheet, headers: readonly string[]): void {
  const row = sheet.addRow([...headers]);
  row.eachCell((cell) => {
    cell.style = HEADER_STYLE;
  });
  row.commit();
}

async function letDrain(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
}

function entryRow(sheet: ExcelJS.Worksheet, e: TimelineEntry): void {
  const texts = timelineRowTexts(e);
  const date = e.datePrecision === 'day' ? isoDayToUtcDate(e.date) : null;
  const row = sheet.addRow(TIMELINE_COLUMNS.map((c) => (c === 'Date' && date ? date : safeXlsxText(texts[c]))));
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.style = col === 1 && date ? DATE_STYLE : TEXT_STYLE;
  });
  row.commit();
}

function agenciesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, ctx: ExportContext): void {
  const sheet = wb.addWorksheet('Agencies', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 30 }, { width: 10 }, { width: 10 }, { width: 18 }, { width: 40 }];
  headerRow(sheet, ['Agency', 'Version', 'Rows', 'Uploaded at', 'File name']);
  for (const s of ctx.submissions) {
    const at = new Date(s.uploadedAt);
    const row = sheet.addRow([
      safeXlsxText(s.agency),
      s.version,
      s.entries,
      Number.isNaN(at.getTime()) ? safeXlsxText(s.uploadedAt) : at,
      safeXlsxText(s.fileName ?? ''),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style = col === 4 && cell.value instanceof Date ? DATETIME_STYLE : col <= 3 && col > 1 ? NUMBER_STYLE : TEXT_STYLE;
    });
    row.commit();
  }
  sheet.autoFilter = 'A1:E1';
  sheet.commit();
}

/**
 * Writes the workbook to `out` row by row (exceljs streaming writer, no shared strings), so memory stays
 * flat however many entries there are; resolves when the workbook is complete. Does not end `out` itself
 * beyond what exceljs's zip writer does when it finishes (it ends the piped stream).
 */
export async function writeTimelineXlsx(
  entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>,
  ctx: ExportContext,
  out: Writable,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  makeArialDefault(wb);
  wb.creator = 'DHR chronology service';
  wb.created = ctx.generatedAt;
  wb.modified = ctx.generatedAt;
  wb.title = safeXlsxText(ctx.caseTitle);

  const sheet = wb.addWorksheet('Combined chronology', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = TIMELINE_COLUMNS.map((c) => ({ width: WIDTHS[c] }));
  headerRow(sheet, TIMELINE_COLUMNS);

  let n = 0;
  for await (const e of entries) {
    entryRow(sheet, e);
    if (++n % DRAIN_EVERY === 0) await letDrain(out);
  }
  // The streaming writer emits the filter when the sheet is committed, so it can span every row written.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n + 1, column: TIMELINE_COLUMNS.length } };
  sheet.commit();
  agenciesSheet(wb, ctx);
  await wb.commit();
}
