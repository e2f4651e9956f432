// The combined narrative chronology as a Word document: landscape A4 table in Arial 11, then a glossary. Written as
// WordprocessingML straight into a zip stream, row by row, so a 100 000-entry chronology needs no more memory than ten.
import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { TimelineEntry } from '../chronology/types.js';
import {
  PAGE_BREAK,
  TEXT_WIDTH,
  docxAppProps,
  docxContentTypes,
  docxCoreProps,
  docxFooter,
  docxPackageRels,
  docxSettings,
  docxStyles,
  documentEnd,
  documentRels,
  documentStart,
  paragraph,
  runs,
  tableCell,
  tableRow,
  tableStart,
} from './docx-parts.js';
import type { ExportContext } from './export-context.js';
import { exportStatusLines } from './export-status.js';
import { formatDisplayDate, formatDisplayDateTime } from './format-date.js';
import { GlossaryScanner, type GlossaryTerm } from './glossary.js';
import { zipStream } from './zip-stream.js';

const HEADERS = ['Date', 'Time', 'Agency', 'Event', 'Outcome', 'Comment'] as const;
/** Share of the text width per column, in per mille (sums to 1000). */
const SHARES = [105, 55, 120, 400, 160, 160];
const WIDTHS = SHARES.map((s) => Math.floor((TEXT_WIDTH * s) / 1000));
const HEADER_FILL = 'D9D9D9';
const w = (i: number): number => WIDTHS[i] ?? 0;

/** Rows with less text than this are kept on one page; longer narratives may flow across a page break. */
const KEEP_ROW_TOGETHER_CHARS = 1200;

const textCell = (text: string | null, width: number): string => tableCell(text ? `<w:p>${runs(text)}</w:p>` : '', width);

function headerRow(): string {
  return tableRow(HEADERS.map((h, i) => tableCell(paragraph(h, { bold: true }), w(i), HEADER_FILL)).join(''), { header: true, keep: true });
}

function entryRow(e: TimelineEntry): string {
  const length = e.event.length + (e.outcome?.length ?? 0) + (e.comment?.length ?? 0);
  const seen = e.seen === null ? '' : paragraph(e.seen ? 'Victim seen' : 'Victim not seen', { italics: true });
  return tableRow(
    textCell(formatDisplayDate(e.date, e.datePrecision), w(0)) +
      textCell(e.time, w(1)) +
      textCell(e.agency, w(2)) +
      tableCell(`<w:p>${runs(e.event)}</w:p>${seen}`, w(3)) +
      textCell(e.outcome, w(4)) +
      textCell(e.comment, w(5)),
    { keep: length < KEEP_ROW_TOGETHER_CHARS },
  );
}

function intro(ctx: ExportContext): string {
  const period = ctx.reviewPeriod
    ? `Review period: ${formatDisplayDate(ctx.reviewPeriod.from)} to ${formatDisplayDate(ctx.reviewPeriod.to)}`
    : 'Review period: not set';
  const agencies = [...new Set(ctx.submissions.map((s) => s.agency))].join(', ');
  const line = (text: string, bold = false): string => paragraph(text, { bold, after: 80 });
  const [names, signOff] = exportStatusLines(ctx);
  return (
    paragraph('Combined narrative chronology', { style: 'Title' }) +
    line(ctx.caseTitle, true) +
    line(period) +
    line(names, ctx.namesMode === 'real') +
    line(signOff) +
    (agencies ? line(`Agencies: ${agencies}`) : '') +
    line(`Generated ${formatDisplayDateTime(ctx.generatedAt)}`) +
    paragraph('')
  );
}

function glossarySection(terms: readonly GlossaryTerm[]): string {
  const head = PAGE_BREAK + paragraph('Glossary', { style: 'Heading1' });
  if (terms.length === 0) return head + paragraph('No abbreviations from the glossary appear in this chronology.');
  const widths = [Math.floor(TEXT_WIDTH * 0.15), Math.floor(TEXT_WIDTH * 0.85)];
  const rows = terms.map((t) =>
    tableRow(tableCell(paragraph(t.abbreviation, { bold: true }), widths[0] ?? 0) + tableCell(paragraph(t.expansion), widths[1] ?? 0), { keep: true }),
  );
  return `${head}${tableStart(widths)}${rows.join('')}</w:tbl>`;
}

/** The last page restates what the first says: how names are shown and whether a sign-off covers the document. */
function statusSection(ctx: ExportContext): string {
  const [names, signOff] = exportStatusLines(ctx);
  return paragraph('Publication status', { style: 'Heading1' }) + paragraph(names, { bold: ctx.namesMode === 'real', after: 80 }) + paragraph(signOff);
}

/**
 * Writes the .docx to `out` (entries already merged, filtered and anonymised as the caller wants them), waiting
 * whenever `out` is behind; resolves when every byte has been handed to `out`, which is then ended. Rejects, and
 * stops reading `entries`, if `out` fails or is destroyed. The count of entries closes the table (it is known only
 * there); the glossary lists the abbreviations met on the way.
 */
export async function writeTimelineDocx(
  entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>,
  ctx: ExportContext,
  out: Writable,
): Promise<void> {
  const zip = zipStream(out, ctx.generatedAt);
  zip.add('[Content_Types].xml', docxContentTypes());
  zip.add('_rels/.rels', docxPackageRels());
  zip.add('docProps/core.xml', docxCoreProps(ctx.caseTitle, ctx.generatedAt));
  zip.add('docProps/app.xml', docxAppProps());
  zip.add('word/_rels/document.xml.rels', documentRels());
  zip.add('word/styles.xml', docxStyles());
  zip.add('word/settings.xml', docxSettings());
  zip.add('word/footer1.xml', docxFooter());

  const glossary = new GlossaryScanner();
  glossary.add(ctx.caseTitle);
  const body = zip.part('word/document.xml');
  await body.write(documentStart() + intro(ctx) + tableStart(WIDTHS) + headerRow());
  let n = 0;
  for await (const e of entries) {
    n++;
    glossary.add(e.agency);
    glossary.add(e.event);
    glossary.add(e.outcome);
    glossary.add(e.comment);
    const wait = body.write(entryRow(e));
    if (wait) await wait;
  }
  await body.write(`</w:tbl>${paragraph(`${n} ${n === 1 ? 'entry' : 'entries'} in this chronology.`)}${glossarySection(glossary.terms())}${statusSection(ctx)}${documentEnd()}`);
  body.end();
  await zip.finish();
}

/** The whole .docx in memory, for a short chronology (tests, the stateless merge). */
export async function timelineToDocx(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, ctx: ExportContext): Promise<Buffer> {
  const out = new PassThrough();
  const bytes = buffer(out);
  await writeTimelineDocx(entries, ctx, out);
  return bytes;
}
