// "Page N of M" while streaming: every page draws one form XObject for M, whose content is written after the last page.
// PDF lets an object be written anywhere in the file (the xref table finds it), so pages can be flushed as they fill.
import type { PdfFont } from './pdf-text.js';

/** The parts of pdfkit's document this needs; the page fields are pdfkit internals, hence the narrow types. */
interface Ref {
  end(chunk?: string): void;
}
export interface PdfDoc {
  ref(data: object): Ref;
  addContent(data: string): unknown;
  page: { height: number; xobjects: Record<string, Ref> };
}

const NAME = 'PageTotal';

export class PageTotal {
  private readonly form: Ref;

  /** `font` is pdfkit's font object (doc._font after doc.font(...)); M is printed at `size` in `color` (rg operands). */
  constructor(
    private readonly doc: PdfDoc,
    private readonly font: PdfFont,
    private readonly size: number,
    private readonly color: string,
  ) {
    // Digits go into the font subset now: it is written when the document ends, after M is known.
    font.encode('0123456789');
    this.form = doc.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, -size, size * 8, size * 2],
      Resources: { Font: { [font.id]: font.ref() } },
    });
  }

  /** Draws M on the current page with its baseline at (x, baseline) in pdfkit's top-down page coordinates. */
  place(x: number, baseline: number): void {
    const page = this.doc.page;
    page.xobjects[NAME] = this.form;
    // pdfkit flips the page to top-down coordinates; flip back, then move to the spot.
    this.doc.addContent(`q 1 0 0 -1 0 ${page.height} cm 1 0 0 1 ${x.toFixed(2)} ${(page.height - baseline).toFixed(2)} cm /${NAME} Do Q`);
  }

  /** Writes M into the form; call after the last page and before doc.end(). */
  finish(total: number): void {
    const [glyphs] = this.font.encode(String(total));
    this.form.end(`${this.color} rg BT /${this.font.id} ${this.size} Tf 0 0 Td <${glyphs.join('')}> Tj ET`);
  }
}
