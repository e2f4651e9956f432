// Streams the combined chronology as a landscape A4 PDF for panel packs: a hand-laid table in an embedded TrueType
// font, the column header on every page, "Page N of M", and the names mode and sign-off state on the first page.
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { TimelineEntry } from '../chronology/types.js';
import { TIMELINE_COLUMNS, timelineRowTexts } from './columns.js';
import type { ExportContext } from './export-context.js';
import { namesModeNote, namesModeShort, signOffNote } from './export-status.js';
import { formatDisplayDate, formatDisplayDateTime } from './format-date.js';
import { pdfFonts } from './pdf-fonts.js';
import { PdfTable, type TableStyle } from './pdf-table.js';
import { streamDoc } from './pdf-stream.js';

const MARGIN = 28; // about 1 cm
/** Relative column widths, scaled to the page; the narrative columns get the room. */
const SHARES = [50, 27, 64, 58, 62, 58, 192, 92, 34, 95, 53];
/** Entries written between checks on the output (drain, a closed client) and a turn of the event loop. */
const CHECK_EVERY = 50;

export interface PdfResult {
  pages: number;
  entries: number;
}

const STYLE: TableStyle = { margin: MARGIN, size: 8, lineHeight: 9.5, padX: 2.5, padY: 2, shares: SHARES, markerColumn: TIMELINE_COLUMNS.indexOf('Event') };

function titleLines(ctx: ExportContext): { text: string; font: 'bold' | 'regular'; size: number }[] {
  const period = ctx.reviewPeriod
    ? `Review period: ${formatDisplayDate(ctx.reviewPeriod.from)} to ${formatDisplayDate(ctx.reviewPeriod.to)}`
    : 'Review period: not set';
  const agencies = ctx.submissions.map((s) => `${s.agency} (version ${s.version}, ${s.entries} ${s.entries === 1 ? 'entry' : 'entries'})`);
  return [
    { text: 'Combined chronology', font: 'bold', size: 14 },
    { text: ctx.caseTitle, font: 'bold', size: 10 },
    { text: period, font: 'regular', size: 9 },
    { text: namesModeNote(ctx.namesMode), font: ctx.namesMode === 'real' ? 'bold' : 'regular', size: 9 },
    { text: signOffNote(ctx.signOff, ctx.namesMode), font: 'regular', size: 9 },
    { text: agencies.length > 0 ? `Agencies: ${agencies.join('; ')}` : 'Agencies: none', font: 'regular', size: 9 },
    { text: `Generated ${formatDisplayDateTime(ctx.generatedAt)}. Entries are in the merged order: date, then time, then agency.`, font: 'regular', size: 9 },
  ];
}

/** One entry as the text of each column, in TIMELINE_COLUMNS order. */
function cellTexts(e: TimelineEntry): string[] {
  const texts = timelineRowTexts(e);
  return TIMELINE_COLUMNS.map((c) => texts[c]);
}

/**
 * Writes the PDF to `out` entry by entry: pages are flushed as they fill, so memory stays flat however many entries
 * come; waits for `out` to drain and stops (rejects) if `out` is destroyed, e.g. by a client that went away. Ends
 * `out` and resolves when the whole file is written, with the page and entry counts.
 */
export async function writeTimelinePdf(
  entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>,
  ctx: ExportContext,
  out: Writable,
): Promise<PdfResult> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    pdfVersion: '1.4',
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: ctx.caseTitle, Subject: 'Combined chronology', Creator: 'DHR chronology service', CreationDate: ctx.generatedAt },
  });
  const stream = streamDoc(doc, out);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('oblique', fonts.oblique);

  const table = new PdfTable(doc, STYLE, TIMELINE_COLUMNS, {
    running: `${ctx.caseTitle}: combined chronology`,
    footerMiddle: namesModeShort(ctx.namesMode),
    footerRight: `Generated ${formatDisplayDateTime(ctx.generatedAt)}`,
  });
  table.start(titleLines(ctx));
  let n = 0;
  for await (const e of entries) {
    table.row(cellTexts(e), `${formatDisplayDate(e.date, e.datePrecision)}${e.time ? ` ${e.time}` : ''}, ${e.agency}`);
    if (++n % CHECK_EVERY === 0) await stream.check();
  }
  table.note(n === 0 ? 'No entries match.' : `End of the chronology: ${n} ${n === 1 ? 'entry' : 'entries'}.`);
  const pages = table.finish();
  doc.end();
  await stream.done;
  return { pages, entries: n };
}
