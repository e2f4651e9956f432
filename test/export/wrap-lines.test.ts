// Line breaking for PDF cells: words wrap, author's breaks stay, a word wider than the column breaks, nothing is lost.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { printableText, wrapLines } from '../../src/export/wrap-lines.js';

/** One unit per code point: widths are easy to reason about. */
const units = (s: string): number => [...s].length;

describe('wrapLines', () => {
  it.each([
    ['short text stays on one line', 'Seen at home', 20, ['Seen at home']],
    ['wraps at a space', 'Seen at home by the GP', 12, ['Seen at home', 'by the GP']],
    ['keeps the author’s line breaks (CRLF, CR, LF)', 'DASH done\r\nhigh risk\rPPN sent\nMARAC', 20, ['DASH done', 'high risk', 'PPN sent', 'MARAC']],
    ['keeps a blank line between paragraphs, drops trailing ones', 'first\n\nsecond\n\n\n', 20, ['first', '', 'second']],
    ['runs of spaces print as one', 'a    b', 20, ['a b']],
    ['a word wider than the column breaks by characters', 'ref 1234567890123 ok', 5, ['ref', '12345', '67890', '123', 'ok']],
    ['a broken word’s tail takes following words when they fit', '1234567 ab', 5, ['12345', '67 ab']],
    ['tabs are spaces', 'a\tb', 20, ['a b']],
    ['empty and blank text give no lines', '   \n  ', 20, []],
  ])('%s', (_name, text, width, lines) => {
    expect(wrapLines(text, width, units)).toEqual(lines);
  });

  it('never splits a surrogate pair', () => {
    const lines = wrapLines('😀😀😀😀😀', 2, units);
    expect(lines).toEqual(['😀😀', '😀😀', '😀']);
  });

  it('removes what cannot be printed: control characters and lone surrogates', () => {
    expect(printableText('a\u0000b\u0007c\uD800d\uDFFFe\u2028f')).toBe('abcde\nf');
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 1, max: 40 })], { numRuns: 400 })(
    'every printable non-space character is kept, in order, and no line is wider than the column unless it is one character',
    (text, width) => {
      const lines = wrapLines(text, width, units);
      const kept = lines.join('').replace(/\s/g, '');
      expect(kept).toBe(printableText(text).replace(/\s/g, ''));
      for (const l of lines) expect(units(l) <= width || units(l) === 1).toBe(true);
    },
  );
});
