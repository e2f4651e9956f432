// Streams a timeline to an .xlsx workbook: 'Combined chronology' (real date cells, Arial 11), 'Contacts by month' and
// 'Agencies', as SpreadsheetML written straight into a zip stream, so memory stays flat whatever the number of entries.
import type { Writable } from 'node:stream';
import { ContactTally } from '../analysis/contact-tally.js';
import type { TimelineEntry } from '../chronology/types.js';
import { safeXlsxText } from './cell-safety.js';
import { TIMELINE_COLUMNS, timelineRowTexts } from './columns.js';
import { contactsSheet } from './contacts-sheet.js';
import type { TimelineColumn } from './columns.js';
import type { ExportContext } from './export-context.js';
import { exportStatusLines, namesModeShort, signOffShort } from './export-status.js';
import { isoDayToUtcDate } from './format-date.js';
import {
  STYLE,
  agenciesSheet,
  appProps,
  contentTypes,
  coreProps,
  excelSerial,
  numberCell,
  packageRels,
  sheetEnd,
  sheetStart,
  textCell,
  workbookRels,
  workbookXml,
  xlsxStyles,
} from './xlsx-parts.js';
import { zipStream } from './zip-stream.js';

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

const LETTERS = TIMELINE_COLUMNS.map((_, i) => String.fromCharCode(65 + i));
const LAST_COLUMN = LETTERS[LETTERS.length - 1] ?? 'A';

function entryRow(r: number, e: TimelineEntry): string {
  const texts = timelineRowTexts(e);
  const day = e.datePrecision === 'day' ? isoDayToUtcDate(e.date) : null;
  const serial = day ? excelSerial(day) : null;
  let xml = `<row r="${r}">`;
  for (let i = 0; i < TIMELINE_COLUMNS.length; i++) {
    const ref = `${LETTERS[i] ?? 'A'}${r}`;
    const column = TIMELINE_COLUMNS[i] as TimelineColumn;
    xml += i === 0 && serial !== null ? numberCell(ref, serial, STYLE.date) : textCell(ref, safeXlsxText(texts[column]), STYLE.text);
  }
  return `${xml}</row>`;
}

/** The printed page header of the chronology sheet: the names mode and, where the export states it, the sign-off. */
function pageHeader(ctx: ExportContext): string {
  return [namesModeShort(ctx.namesMode), signOffShort(ctx.signOff, ctx.namesMode)].filter(Boolean).join(' · ');
}

/**
 * Writes the workbook to `out` row by row, waiting whenever `out` is behind; resolves when every byte has been
 * handed to `out`, which is then ended. Rejects (and stops reading `entries`) if `out` fails or is destroyed.
 * The names mode and the sign-off state are stated in full on the agencies sheet, and in short in the chronology's
 * printed page header. The contacts by month count the entries written, as the analysis counts them.
 */
export async function writeTimelineXlsx(
  entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>,
  ctx: ExportContext,
  out: Writable,
): Promise<void> {
  const zip = zipStream(out, ctx.generatedAt);
  zip.add('[Content_Types].xml', contentTypes());
  zip.add('_rels/.rels', packageRels());
  zip.add('docProps/core.xml', coreProps(ctx.caseTitle, ctx.generatedAt));
  zip.add('docProps/app.xml', appProps());
  zip.add('xl/_rels/workbook.xml.rels', workbookRels());
  zip.add('xl/styles.xml', xlsxStyles());

  const sheet = zip.part('xl/worksheets/sheet1.xml');
  let head = sheetStart(TIMELINE_COLUMNS.map((c) => WIDTHS[c]), STYLE.text, true);
  head += `<row r="1">${TIMELINE_COLUMNS.map((c, i) => textCell(`${LETTERS[i] ?? 'A'}1`, c, STYLE.header)).join('')}</row>`;
  await sheet.write(head);
  let r = 1;
  // The contacts sheet counts what the chronology holds: each entry is tallied as it is written.
  const tally = new ContactTally();
  for await (const e of entries) {
    tally.add(e);
    const wait = sheet.write(entryRow(++r, e));
    if (wait) await wait;
  }
  await sheet.write(sheetEnd(`A1:${LAST_COLUMN}${r}`, pageHeader(ctx)));
  sheet.end();
  zip.add('xl/worksheets/sheet2.xml', agenciesSheet(ctx.submissions, exportStatusLines(ctx)));
  zip.add('xl/worksheets/sheet3.xml', contactsSheet(tally, ctx));
  zip.add('xl/workbook.xml', workbookXml(r, LAST_COLUMN));
  await zip.finish();
}

