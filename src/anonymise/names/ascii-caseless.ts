// An `iu` pattern with a fast form for ASCII text: the same matches without V8's slow case-folding mode.
import { bothCases } from '../identifiers/caseless.js';

/** Letter properties and what they match under `iu` in ASCII text: any ASCII letter, whatever its case. */
const ASCII_LETTERS: Readonly<Record<string, string>> = { '\\p{L}': 'A-Za-z', '\\p{Lu}': 'A-Za-z', '\\p{Ll}': 'A-Za-z' };

// eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * The source with each letter property written as the ASCII letters it matches in ASCII text under `iu` (there
 * `\p{Lu}` matches 'a' too). Any other property escape is refused: its ASCII meaning under `iu` is not worked out here.
 */
function asciiProperties(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      const next = source.charAt(i + 1);
      if (next === 'p' || next === 'P') {
        const escape = source.slice(i, source.indexOf('}', i) + 1);
        const letters = ASCII_LETTERS[escape];
        if (letters === undefined) throw new Error(`AsciiCaselessRegExp: no ASCII form for ${escape}`);
        out += inClass ? letters : `[${letters}]`;
        i += escape.length - 1;
      } else {
        out += source.slice(i, i + 2);
        i += 1;
      }
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return out;
}

/**
 * A case-insensitive Unicode pattern (`iu`) and, for text of ASCII characters only, the same pattern without the `i`
 * flag: each ASCII letter in both cases (bothCases) and each letter property as the ASCII letters. On such text both
 * find the same matches (`\b` and `\s` mean the same there too); other text gets the pattern as written.
 */
export class AsciiCaselessRegExp {
  readonly full: RegExp;
  readonly ascii: RegExp;

  constructor(source: string, flags: string) {
    if (!flags.includes('i') || !flags.includes('u')) throw new Error(`AsciiCaselessRegExp wants the i and u flags, got "${flags}"`);
    this.full = new RegExp(source, flags);
    this.ascii = new RegExp(bothCases(asciiProperties(source)), flags.replace('i', ''));
  }

  /** The form to run over `text` (a global one keeps its own lastIndex: use it from one place at a time). */
  forText(text: string): RegExp {
    return ASCII_ONLY.test(text) ? this.ascii : this.full;
  }
}
