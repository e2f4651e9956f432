// The combined narrative chronology as a Word document: landscape A4 table in Arial 11, then a glossary.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TimelineEntry } from '../chronology/types.js';
import { stripXmlInvalid } from './cell-safety.js';
import type { ExportContext } from './export-context.js';
import { formatDisplayDate, formatDisplayDateTime } from './format-date.js';
import { glossaryFor } from './glossary.js';
import type { GlossaryTerm } from './glossary.js';

// A4 in twips (portrait figures; docx swaps them for landscape) and 2 cm margins.
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 1134;
const TEXT_WIDTH = A4_HEIGHT - 2 * MARGIN;

const HEADERS = ['Date', 'Time', 'Agency', 'Event', 'Outcome', 'Comment'] as const;
/** Share of the text width per column, in per mille (sums to 1000). */
const SHARES = [105, 55, 120, 400, 160, 160];
const WIDTHS = SHARES.map((s) => Math.floor((TEXT_WIDTH * s) / 1000));
const HEADER_FILL = 'D9D9D9';
const CELL_MARGIN = { top: 40, bottom: 40, left: 80, right: 80 };

/** Runs for a cell's text, keeping the author's line breaks. */
function textRuns(text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return stripXmlInvalid(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...opts }));
}

function cell(paragraphs: Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')],
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGIN,
    shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
  });
}

function textCell(text: string | null, width: number): TableCell {
  return cell(text ? [new Paragraph({ children: textRuns(text) })] : [], width);
}

function seenNote(seen: boolean | null): Paragraph[] {
  if (seen === null) return [];
  return [new Paragraph({ children: textRuns(seen ? 'Victim seen' : 'Victim not seen', { italics: true }) })];
}

function headerRow(): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: HEADERS.map((h, i) =>
      cell([new Paragraph({ children: [new TextRun({ text: h, bold: true })] })], WIDTHS[i] ?? 0, true),
    ),
  });
}

/** Rows with less text than this are kept on one page; longer narratives may flow across a page break. */
const KEEP_ROW_TOGETHER_CHARS = 1200;

function entryRow(e: TimelineEntry): TableRow {
  const w = (i: number): number => WIDTHS[i] ?? 0;
  const length = e.event.length + (e.outcome?.length ?? 0) + (e.comment?.length ?? 0);
  return new TableRow({
    cantSplit: length < KEEP_ROW_TOGETHER_CHARS,
    children: [
      textCell(formatDisplayDate(e.date, e.datePrecision), w(0)),
      textCell(e.time, w(1)),
      textCell(e.agency, w(2)),
      cell([new Paragraph({ children: textRuns(e.event) }), ...seenNote(e.seen)], w(3)),
      textCell(e.outcome, w(4)),
      textCell(e.comment, w(5)),
    ],
  });
}

function chronologyTable(entries: readonly TimelineEntry[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [headerRow(), ...entries.map(entryRow)],
  });
}

function namesNote(mode: ExportContext['namesMode']): string {
  switch (mode) {
    case 'initials':
      return 'Names are anonymised: people are referred to by their initials and identifying details are removed.';
    case 'pseudonym':
      return 'Names are anonymised: people are referred to by the pseudonyms agreed with the family, or by initials, and identifying details are removed.';
    case 'real':
      return 'NOT ANONYMISED: this version contains real names and identifying details. It is for the review panel only and must not be published.';
  }
}

function introParagraphs(entries: readonly TimelineEntry[], ctx: ExportContext): Paragraph[] {
  const period = ctx.reviewPeriod
    ? `Review period: ${formatDisplayDate(ctx.reviewPeriod.from)} to ${formatDisplayDate(ctx.reviewPeriod.to)}`
    : 'Review period: not set';
  const agencies = [...new Set(ctx.submissions.map((s) => s.agency))].join(', ');
  const line = (text: string, opts: { bold?: boolean } = {}): Paragraph =>
    new Paragraph({ children: textRuns(text, opts), spacing: { after: 80 } });
  return [
    new Paragraph({ text: 'Combined narrative chronology', heading: HeadingLevel.TITLE }),
    line(ctx.caseTitle, { bold: true }),
    line(period),
    line(namesNote(ctx.namesMode), { bold: ctx.namesMode === 'real' }),
    ...(agencies ? [line(`Agencies: ${agencies}`)] : []),
    line(`${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}; generated ${formatDisplayDateTime(ctx.generatedAt)}`),
    new Paragraph(''),
  ];
}

function glossarySection(terms: readonly GlossaryTerm[]): (Paragraph | Table)[] {
  const heading = new Paragraph({ children: [new PageBreak()] });
  const title = new Paragraph({ text: 'Glossary', heading: HeadingLevel.HEADING_1 });
  if (terms.length === 0) {
    return [heading, title, new Paragraph('No abbreviations from the glossary appear in this chronology.')];
  }
  const widths = [Math.floor(TEXT_WIDTH * 0.15), Math.floor(TEXT_WIDTH * 0.85)];
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: terms.map(
      (t) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([new Paragraph({ children: [new TextRun({ text: t.abbreviation, bold: true })] })], widths[0] ?? 0),
            cell([new Paragraph(t.expansion)], widths[1] ?? 0),
          ],
        }),
    ),
  });
  return [heading, title, table];
}

function exportedTexts(entries: readonly TimelineEntry[], ctx: ExportContext): string[] {
  const texts = [ctx.caseTitle];
  for (const e of entries) {
    texts.push(e.agency, e.event);
    if (e.outcome) texts.push(e.outcome);
    if (e.comment) texts.push(e.comment);
  }
  return texts;
}

const pageFooter = new Footer({
  children: [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
    }),
  ],
});

/** Builds the .docx (entries already merged, filtered and anonymised as the caller wants them). */
export async function timelineToDocx(entries: readonly TimelineEntry[], ctx: ExportContext): Promise<Buffer> {
  const doc = new Document({
    creator: 'DHR chronology service',
    title: stripXmlInvalid(ctx.caseTitle),
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 } },
        title: { run: { font: 'Arial', size: 36, bold: true, color: '000000' }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: 'Arial', size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: 160 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN },
          },
        },
        footers: { default: pageFooter },
        children: [
          ...introParagraphs(entries, ctx),
          chronologyTable(entries),
          ...glossarySection(glossaryFor(exportedTexts(entries, ctx))),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
