// Writes many lines of text straight into a pdfkit page's content stream in one BT … ET, the glyphs encoded by
// pdfkit's own font object (so subsetting and ToUnicode stay pdfkit's), kerning kept. pdfkit's doc.text() costs a
// save, two transforms and a restore per call; a table of small cells is mostly those.

interface Position {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's embedded font object (internal, hence this narrow type). */
export interface PdfFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], Position[]];
  widthOfString(text: string, size: number): number;
}

interface Doc {
  addContent(data: string): unknown;
  page: { height: number; fonts: Record<string, unknown> };
}

const n = (v: number): string => (Math.round(v * 100) / 100).toString();

/** The TJ operand of one line: glyph runs, cut where kerning moves the next glyph; null when glyphs are offset (marks). */
function tjArray(glyphs: readonly string[], positions: readonly Position[]): string | null {
  const parts: string[] = [];
  let run = '';
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (!p) continue;
    if (p.xOffset || p.yOffset) return null;
    run += glyphs[i] ?? '';
    const kern = p.xAdvance - p.advanceWidth;
    if (kern !== 0) {
      parts.push(`<${run}> ${n(-kern)}`);
      run = '';
    }
  }
  if (run) parts.push(`<${run}>`);
  return `[${parts.join(' ')}] TJ`;
}

export class TextBatch {
  private ops: string[] = [];

  constructor(
    private readonly doc: Doc,
    private readonly font: PdfFont,
    private readonly size: number,
    private readonly color: string,
  ) {}

  /** Adds a line with its top at (x, yTop) in pdfkit's top-down coordinates; false when it must go through doc.text(). */
  add(text: string, x: number, yTop: number): boolean {
    const [glyphs, positions] = this.font.encode(text);
    const tj = tjArray(glyphs, positions);
    if (tj === null) return false;
    const baseline = this.doc.page.height - yTop - (this.font.ascender / 1000) * this.size;
    this.ops.push(`1 0 0 1 ${n(x)} ${n(baseline)} Tm ${tj}`);
    return true;
  }

  /** Writes the lines added so far to the current page. */
  flush(): void {
    if (this.ops.length === 0) return;
    const page = this.doc.page;
    page.fonts[this.font.id] ??= this.font.ref();
    this.doc.addContent(`q 1 0 0 -1 0 ${n(page.height)} cm BT /${this.font.id} ${n(this.size)} Tf ${this.color} rg\n${this.ops.join('\n')}\nET Q`);
    this.ops = [];
  }
}
