// Lays a table out by hand on pdfkit pages: wrapped cells, the column header on every page, rows kept whole when they
// fit a page and split with continuation markers when they do not, and the running header and footer of each page.
import { PageTotal, type PdfDoc } from './pdf-page-total.js';
import { wrapLines } from './wrap-lines.js';
import { TextBatch, type PdfFont } from './pdf-text.js';

export interface TableStyle {
  margin: number;
  /** Body font size and line height, in points. */
  size: number;
  lineHeight: number;
  padX: number;
  padY: number;
  /** Relative widths of the columns, scaled to the page's text width. */
  shares: readonly number[];
  /** The column that carries the continuation markers of a split row (the widest, the narrative). */
  markerColumn: number;
}

export interface Furniture {
  running: string;
  footerMiddle: string;
  footerRight: string;
}

export interface TitleLine {
  text: string;
  font: 'regular' | 'bold';
  size: number;
}

type Font = 'regular' | 'bold' | 'oblique';

// A4 landscape in points.
const PAGE_W = 841.89;
const PAGE_H = 595.28;
const SMALL = 7;
const GRID = '#8c8c8c';
const HEADER_FILL = '#d9d9d9';
const MUTED = '#555555';
/** A row taller than a page starts on the current page only when at least this many of its lines fit there. */
const MIN_SPLIT_LINES = 4;

export class PdfTable {
  private readonly widths: number[];
  private readonly xs: number[];
  private readonly textWidth: number;
  private readonly bottom: number;
  private readonly headerCells: string[][];
  private readonly headerHeight: number;
  private readonly total: PageTotal;
  private page = 0;
  private y = 0;
  private tableTop = 0;
  private tableBottom = 0;
  private rowsOnPage = 0;
  private readonly fonts: Record<Font, PdfFont>;
  private readonly batches = new Map<string, TextBatch>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly style: TableStyle,
    headers: readonly string[],
    private readonly furniture: Furniture,
  ) {
    const { margin, shares, padX } = style;
    this.textWidth = PAGE_W - 2 * margin;
    const sum = shares.reduce((a, b) => a + b, 0);
    this.widths = shares.map((s) => (s / sum) * this.textWidth);
    this.xs = this.widths.map((_, i) => margin + this.widths.slice(0, i).reduce((a, b) => a + b, 0));
    this.bottom = PAGE_H - margin - 12;
    // pdfkit's font objects (internal): text is measured and encoded with them directly.
    const fontOf = (name: Font): PdfFont => (doc.font(name) as unknown as { _font: PdfFont })._font;
    this.fonts = { regular: fontOf('regular'), bold: fontOf('bold'), oblique: fontOf('oblique') };
    this.headerCells = headers.map((h, i) => wrapLines(h, (this.widths[i] ?? 0) - 2 * padX, this.measure('bold', style.size)));
    this.headerHeight = this.heightOf(Math.max(1, ...this.headerCells.map((c) => c.length)));
    this.total = new PageTotal(doc as unknown as PdfDoc, this.fonts.regular, SMALL, rgb(MUTED));
  }

  /** Opens page 1 with the title block above the table. */
  start(title: readonly TitleLine[]): void {
    this.newPage(title);
  }

  /** One row: `cells` in column order; `label` names the row in continuation markers (date, time, agency). */
  row(cells: readonly string[], label: string): void {
    const { padX, lineHeight } = this.style;
    const measure = this.measure('regular', this.style.size);
    const lines = cells.map((t, i) => wrapLines(t, (this.widths[i] ?? 0) - 2 * padX, measure));
    const count = Math.max(1, ...lines.map((c) => c.length));
    if (this.y + this.heightOf(count) <= this.bottom) return this.part(lines, 0, count, [], []);
    if (this.heightOf(count) <= this.bottom - this.freshTop()) {
      this.newPage();
      return this.part(lines, 0, count, [], []);
    }
    // Taller than a page: line by line across pages, each part marked.
    const markerWidth = (this.widths[this.style.markerColumn] ?? 0) - 2 * padX;
    const oblique = this.measure('oblique', this.style.size);
    const continued = wrapLines(`(continued) ${label}`, markerWidth, oblique);
    const continues = wrapLines('continues on the next page', markerWidth, oblique);
    let from = 0;
    for (;;) {
      const before = from > 0 ? continued : [];
      const room = Math.floor((this.bottom - this.y - 2 * this.style.padY) / lineHeight) - before.length;
      if (count - from <= room) return this.part(lines, from, count - from, before, []);
      const take = room - continues.length;
      if (take < MIN_SPLIT_LINES && this.rowsOnPage > 0) {
        this.newPage();
        continue;
      }
      this.part(lines, from, Math.max(1, take), before, continues);
      from += Math.max(1, take);
      this.newPage();
    }
  }

  /** A line of text below the table (the closing count). */
  note(text: string): void {
    if (this.y + this.style.lineHeight + 6 > this.bottom) this.newPage();
    this.text(text, this.style.margin, this.y + 6, 'oblique', this.style.size, MUTED);
    this.flushText();
    this.y += this.style.lineHeight + 6;
  }

  /** Closes the last page and writes the page total; returns the number of pages. */
  finish(): number {
    this.closePage();
    this.total.finish(this.page);
    return this.page;
  }

  private heightOf(lines: number): number {
    return lines * this.style.lineHeight + 2 * this.style.padY;
  }

  /** Where rows start on a page after the first: below the running header and the column header. */
  private freshTop(): number {
    return this.style.margin + 12 + this.headerHeight;
  }

  private newPage(title?: readonly TitleLine[]): void {
    if (this.page > 0) this.closePage();
    this.doc.addPage();
    this.page += 1;
    const { margin } = this.style;
    const small = this.measure('regular', SMALL);
    this.text(this.furniture.running, margin, margin, 'regular', SMALL, MUTED);
    const footerTop = PAGE_H - margin - SMALL;
    const pageText = `Page ${this.page} of `;
    this.text(pageText, margin, footerTop, 'regular', SMALL, MUTED);
    this.flushText();
    this.total.place(margin + small(pageText), footerTop + (this.fonts.regular.ascender / 1000) * SMALL);
    const middle = this.furniture.footerMiddle;
    this.text(middle, margin + (this.textWidth - small(middle)) / 2, footerTop, 'regular', SMALL, MUTED);
    const right = this.furniture.footerRight;
    this.text(right, PAGE_W - margin - small(right), footerTop, 'regular', SMALL, MUTED);
    this.flushText();
    this.y = margin + 12;
    if (title) this.titleBlock(title);
    this.columnHeader();
    this.rowsOnPage = 0;
  }

  private titleBlock(title: readonly TitleLine[]): void {
    for (const line of title) {
      for (const l of wrapLines(line.text, this.textWidth, this.measure(line.font, line.size))) {
        this.text(l, this.style.margin, this.y, line.font, line.size, '#000000');
        this.y += line.size * 1.3;
      }
      this.y += 2;
    }
    this.flushText();
    this.y += 8;
  }

  private columnHeader(): void {
    const { margin, padX, padY, lineHeight, size } = this.style;
    this.tableTop = this.y;
    this.doc.rect(margin, this.y, this.textWidth, this.headerHeight).fill(HEADER_FILL);
    this.headerCells.forEach((lines, i) => {
      lines.forEach((l, k) => this.text(l, (this.xs[i] ?? 0) + padX, this.y + padY + k * lineHeight, 'bold', size, '#000000'));
    });
    this.flushText();
    this.y += this.headerHeight;
    this.tableBottom = this.y;
    this.rule(this.tableTop);
    this.rule(this.y);
  }

  /** Lines [from, from + count) of every cell, with marker lines above (continued) and below (continues). */
  private part(lines: readonly string[][], from: number, count: number, before: readonly string[], after: readonly string[]): void {
    const { padX, padY, lineHeight, size } = this.style;
    const markerX = (this.xs[this.style.markerColumn] ?? 0) + padX;
    let top = this.y + padY;
    for (const l of before) {
      this.text(l, markerX, top, 'oblique', size, MUTED);
      top += lineHeight;
    }
    lines.forEach((cell, i) => {
      const x = (this.xs[i] ?? 0) + padX;
      for (let k = from; k < from + count && k < cell.length; k++) {
        const l = cell[k];
        if (l) this.text(l, x, top + (k - from) * lineHeight, 'regular', size, '#000000');
      }
    });
    top += count * lineHeight;
    for (const l of after) {
      this.text(l, markerX, top, 'oblique', size, MUTED);
      top += lineHeight;
    }
    this.flushText();
    this.y = top + padY;
    this.tableBottom = this.y;
    this.rule(this.y);
    this.rowsOnPage += 1;
  }

  /** The column lines from the header's top to the last row, drawn once a page is full. */
  private closePage(): void {
    const doc = this.doc;
    doc.lineWidth(0.4).strokeColor(GRID);
    for (const x of [...this.xs, PAGE_W - this.style.margin]) doc.moveTo(x, this.tableTop).lineTo(x, this.tableBottom);
    doc.stroke();
  }

  private rule(y: number): void {
    this.doc
      .lineWidth(0.4)
      .strokeColor(GRID)
      .moveTo(this.style.margin, y)
      .lineTo(PAGE_W - this.style.margin, y)
      .stroke();
  }

  private measure(font: Font, size: number): (s: string) => number {
    const f = this.fonts[font];
    return (s) => f.widthOfString(s, size);
  }

  /** Queues a line of text; it reaches the page at the next flushText(), in one text object with its neighbours. */
  private text(s: string, x: number, y: number, font: Font, size: number, color: string): void {
    const key = `${font} ${size} ${color}`;
    let batch = this.batches.get(key);
    if (!batch) {
      batch = new TextBatch(this.doc as never, this.fonts[font], size, rgb(color));
      this.batches.set(key, batch);
    }
    if (batch.add(s, x, y)) return;
    // Positioned glyphs (combining marks): pdfkit's own text call places them.
    this.flushText();
    this.doc.font(font).fontSize(size).fillColor(color).text(s, x, y, { lineBreak: false });
  }

  private flushText(): void {
    for (const b of this.batches.values()) b.flush();
  }
}

/** '#555555' → '0.333 0.333 0.333' (the operands of rg). */
function rgb(hex: string): string {
  return [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255).toFixed(3)).join(' ');
}
