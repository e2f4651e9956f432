// Breaks cell text into lines that fit a column width, by words, and by characters for a word wider than the column.

/** The width of a piece of text in the current font and size (pdfkit's widthOfString). */
export type Measure = (text: string) => number;

// Control characters (other than LF and tab), U+FFFE/U+FFFF and lone surrogates have no glyph and would
// print as boxes; matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as it will be printed: line breaks as LF (CR, CRLF, U+2028/2029), tabs as spaces, nothing unprintable. */
export function printableText(text: string): string {
  return text.replace(/\r\n|\r|\u2028|\u2029/g, '\n').replace(UNPRINTABLE, '').replace(/\t/g, ' ');
}

/** Splits one word wider than `width` into pieces that each fit (at least one character a piece, never a half surrogate pair). */
function breakWord(word: string, width: number, measure: Measure): { pieces: string[]; rest: string; restWidth: number } {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const ch of word) {
    const w = measure(ch);
    if (piece !== '' && pieceWidth + w > width) {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += ch;
    pieceWidth += w;
  }
  return { pieces, rest: piece, restWidth: pieceWidth };
}

/**
 * The lines of `text` within `width`: the author's line breaks kept, words wrapped greedily, runs of spaces
 * printed as one, a word wider than the column broken by characters. Every non-space character of the input is in
 * the output, in order. An empty text gives no lines.
 */
export function wrapLines(text: string, width: number, measure: Measure): string[] {
  const clean = printableText(text);
  if (clean.trim() === '') return [];
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of clean.split('\n')) {
    const words = paragraph.split(/ +/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const w = measure(word);
      if (line !== '' && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line !== '') lines.push(line);
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      const broken = breakWord(word, width, measure);
      lines.push(...broken.pieces);
      line = broken.rest;
      lineWidth = broken.restWidth;
    }
    lines.push(line);
  }
  // Blank lines at the end of a cell only make the row taller.
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
