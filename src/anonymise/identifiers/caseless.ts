// Case-insensitive Unicode patterns without V8's slow `iu` mode: the same pattern with ASCII letters spelt in both cases.

/**
 * V8 runs a regex with both the `i` and the `u` flag several times slower than with either alone (every
 * character is case-folded through Unicode tables), and the identifier detectors need both: `u` for \p{L},
 * `i` for cue words typed in any case. Under `iu` an ASCII letter matches only its two cases, except that
 * 'k' also matches the Kelvin sign (U+212A) and 's' the long s (U+017F), which also count as word characters
 * for \b. So in a text holding neither sign, the pattern with every ASCII letter written as a two-case class
 * and no `i` flag finds exactly the same matches. `forText` picks that fast form, or the original for a text
 * with one of the two signs.
 */
export class CaselessRegExp {
  /** The pattern as written, with the `i` and `u` flags. */
  readonly full: RegExp;
  /** The same pattern without the `i` flag, its ASCII letters in both cases. */
  readonly fast: RegExp;

  constructor(source: string, flags: string) {
    if (!flags.includes('i') || !flags.includes('u')) throw new Error(`CaselessRegExp wants the i and u flags, got "${flags}"`);
    this.full = new RegExp(source, flags);
    this.fast = new RegExp(bothCases(source), flags.replace('i', ''));
  }

  /** The form to run over `text` (a global one keeps its own lastIndex: use it from one place at a time). */
  forText(text: string): RegExp {
    return FOLDS_TO_ASCII.test(text) ? this.full : this.fast;
  }
}

/** The only characters outside ASCII that Unicode simple case folding maps onto ASCII letters: K (Kelvin) and ſ. */
const FOLDS_TO_ASCII = /[\u017F\u212A]/;

const isAsciiLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/**
 * Rewrites a `u`-mode pattern source so that each ASCII letter matches both its cases: 'a' → '[aA]' outside a
 * class; inside one, each letter and each letter range gains its other case. Escapes (\s, \b, \p{L}, \u2019…)
 * are copied as they are. A letter beyond ASCII with a case is refused: it would need its own folding.
 */
export function bothCases(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === '\\') {
      const escape = escapeAt(source, i);
      out += escape;
      i += escape.length;
    } else if (c === '[') {
      const end = classEnd(source, i);
      out += classBothCases(source.slice(i, end + 1));
      i = end + 1;
    } else if (c === '(' && source.startsWith('(?<', i) && source.charAt(i + 3) !== '=' && source.charAt(i + 3) !== '!') {
      // a named group: its name is not text to match
      const close = source.indexOf('>', i);
      out += source.slice(i, close + 1);
      i = close + 1;
    } else {
      out += isAsciiLetter(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : checked(c);
      i++;
    }
  }
  return out;
}

/** A character copied unchanged: refused if it is a letter beyond ASCII with another case. */
function checked(c: string): string {
  if (c.charCodeAt(0) > 127 && c.toLowerCase() !== c.toUpperCase()) throw new Error(`bothCases: cannot fold "${c}"`);
  return c;
}

/** The whole escape sequence starting at `i` (a backslash): \d, \p{L}, \u2019, \u{1F600}, \x41, \k<name>, \.… */
function escapeAt(source: string, i: number): string {
  const next = source.charAt(i + 1);
  if ((next === 'p' || next === 'P' || next === 'u') && source.charAt(i + 2) === '{') return source.slice(i, source.indexOf('}', i) + 1);
  if (next === 'u') return source.slice(i, i + 6);
  if (next === 'x') return source.slice(i, i + 4);
  if (next === 'c') return source.slice(i, i + 3);
  if (next === 'k' && source.charAt(i + 2) === '<') return source.slice(i, source.indexOf('>', i) + 1);
  return source.slice(i, i + 2);
}

/** Index of the ']' closing the class that opens at `i`. */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source.charAt(j) === '^') j++;
  for (; j < source.length; j++) {
    const c = source.charAt(j);
    if (c === '\\') j += escapeAt(source, j).length - 1;
    else if (c === ']') return j;
  }
  throw new Error('bothCases: unclosed character class');
}

/** A class ('[A-Z\d]', '[^\d.;]') with the other case of each ASCII letter and letter range added. */
function classBothCases(cls: string): string {
  const negated = cls.charAt(1) === '^';
  const body = cls.slice(negated ? 2 : 1, -1);
  const items: string[] = [];
  const extra: string[] = [];
  let j = 0;
  while (j < body.length) {
    let item = body.charAt(j);
    if (item === '\\') item = escapeAt(body, j);
    j += item.length;
    // a range 'a-z' (a '-' first or last in the class is a hyphen)
    if (body.charAt(j) === '-' && j + 1 < body.length) {
      const hi = body.charAt(j + 1);
      if (item.length !== 1 || hi === '\\') throw new Error(`bothCases: write the range after "${item}" with plain characters`);
      items.push(`${item}-${hi}`);
      extra.push(...otherCaseRanges(item.charCodeAt(0), hi.charCodeAt(0)));
      j += 2;
      continue;
    }
    // a literal hyphen escaped, so that the letters added at the end cannot make it a range
    items.push(item === '-' ? '\\-' : item.length === 1 ? checked(item) : item);
    if (item.length === 1 && isAsciiLetter(item)) extra.push(item === item.toLowerCase() ? item.toUpperCase() : item.toLowerCase());
  }
  return `[${negated ? '^' : ''}${items.join('')}${extra.join('')}]`;
}

/** The other-case counterparts of the ASCII letters in the code range lo..hi, as class ranges. */
function otherCaseRanges(lo: number, hi: number): string[] {
  if (hi > 127 && lo <= 127) throw new Error('bothCases: a range across ASCII and beyond');
  if (lo > 127) {
    for (let c = lo; c <= hi; c++) checked(String.fromCharCode(c));
    return [];
  }
  const out: string[] = [];
  const span = (from: number, to: number, shift: number): void => {
    const a = Math.max(lo, from);
    const b = Math.min(hi, to);
    if (a <= b) out.push(`${String.fromCharCode(a + shift)}-${String.fromCharCode(b + shift)}`);
  };
  span(65, 90, 32); // A-Z → a-z
  span(97, 122, -32); // a-z → A-Z
  return out;
}
