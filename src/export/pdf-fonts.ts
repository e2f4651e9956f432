// The TrueType fonts the PDF export embeds: DejaVu Sans Condensed from the dejavu-fonts-ttf package (Bitstream Vera
// licence with DejaVu's public-domain changes; the package's LICENSE), read from node_modules, never downloaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
  oblique: Buffer;
}

const FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  oblique: 'DejaVuSansCondensed-Oblique.ttf',
} as const;

let cached: PdfFonts | undefined;

/** The font files, read once per process (about 2 MB in all); pdfkit embeds only the glyphs a document uses. */
export function pdfFonts(): PdfFonts {
  cached ??= {
    regular: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES.regular}`)),
    bold: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES.bold}`)),
    oblique: readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES.oblique}`)),
  };
  return cached;
}
