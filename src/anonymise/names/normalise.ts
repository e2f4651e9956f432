// Text folding for name matching: lowercase, diacritics stripped, apostrophes unified, whitespace collapsed, with offsets back.

/**
 * A folded copy of a text; `starts[i]`/`ends[i]` give the original UTF-16 range that folded unit `i` came from.
 * Both are null when folding kept every offset (plain ASCII with single spaces): then unit i is character i.
 */
export interface FoldedText {
  norm: string;
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** Anything but printable ASCII (the backtick included), or a doubled space: the text needs the full fold. */
const NEEDS_FOLD = /[^\x20-\x5f\x61-\x7e]| {2}/;
const decoder = new TextDecoder('utf-16le');

const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l',
};
const APOSTROPHES = new Set(['\u2019', '\u2018', '\u02bc', '\u00b4', '\u2032', '`']);
const DROPPED = new Set(['\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad']);
const HYPHENS = new Set(['\u2010', '\u2011']);
const COMBINING = /\p{M}/gu;
const SPACE = /\s/u;

/** ' ' for whitespace, '' for dropped characters, otherwise the folded form of one code point. */
const foldCache = new Map<number, string>();

function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  let out: string;
  if (APOSTROPHES.has(ch)) out = "'";
  else if (DROPPED.has(ch)) out = '';
  else if (HYPHENS.has(ch)) out = '-';
  else if (SPACE.test(ch)) out = ' ';
  else {
    const lower = ch.toLowerCase();
    out = EXTRA_FOLDS[lower] ?? lower.normalize('NFD').replace(COMBINING, '');
  }
  foldCache.set(cp, out);
  return out;
}

/** Folds a whole text in one linear pass, keeping an offset map to the original. */
export function foldText(text: string): FoldedText {
  if (!NEEDS_FOLD.test(text)) return { norm: text.toLowerCase(), starts: null, ends: null };
  return foldSlow(text);
}

function foldSlow(text: string): FoldedText & { starts: Int32Array; ends: Int32Array } {
  const len = text.length;
  let cap = len + 16;
  let buf = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  const grow = (): void => {
    cap *= 2;
    const b = new Uint16Array(cap);
    b.set(buf);
    buf = b;
    const s = new Int32Array(cap);
    s.set(starts);
    starts = s;
    const e = new Int32Array(cap);
    e.set(ends);
    ends = e;
  };
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      // a word hyphenated at a line end ('Sio-\nbhán') is one word again
      const joined = c === 45 && n > 0 && isWordCode(buf[n - 1] ?? 0) ? lineEndJoin(text, i) : 0;
      if (joined > 0) {
        ends[n - 1] = i + joined;
        i += joined;
        continue;
      }
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (n > 0 && buf[n - 1] === 32) ends[n - 1] = i + 1;
        else {
          if (n >= cap) grow();
          buf[n] = 32;
          starts[n] = i;
          ends[n] = i + 1;
          n++;
        }
      } else {
        if (n >= cap) grow();
        buf[n] = c >= 65 && c <= 90 ? c + 32 : c === 96 ? 39 : c;
        starts[n] = i;
        ends[n] = i + 1;
        n++;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? c;
    const width = cp > 0xffff ? 2 : 1;
    const out = foldCodePoint(cp);
    if (out === '') {
      if (n > 0) ends[n - 1] = i + width;
    } else if (out === ' ') {
      if (n > 0 && buf[n - 1] === 32) ends[n - 1] = i + width;
      else {
        if (n >= cap) grow();
        buf[n] = 32;
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    } else {
      for (let k = 0; k < out.length; k++) {
        if (n >= cap) grow();
        buf[n] = out.charCodeAt(k);
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  const norm = decoder.decode(buf.subarray(0, n));
  return { norm, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/**
 * At a hyphen: the length of '-', the spaces and the line break after it, when a letter follows on the next line
 * ('Thomp-\nson'); 0 otherwise.
 */
function lineEndJoin(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  const nl = text.charCodeAt(j);
  if (nl !== 10 && nl !== 13) return 0;
  j++;
  if (nl === 13 && text.charCodeAt(j) === 10) j++;
  while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j < text.length && /\p{L}/u.test(text.charAt(j)) ? j - i : 0;
}

/** Folds a short string (a name or a word) the same way, without the offset map; trims it. */
export function foldWord(s: string): string {
  return foldText(s).norm.trim();
}

/** True for letters and digits of any script (what makes a word boundary). */
export function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(String.fromCharCode(code));
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Uppercase ASCII letters of a name part, diacritics folded ('Ólafur' → 'OLAFUR'); other scripts are dropped. */
export function asciiLetters(s: string): string {
  return foldWord(s).toUpperCase().replace(/[^A-Z]/g, '');
}
