// Text as an XML parser hands it over: line ends normalised, the five entities and character references decoded, and
// SpreadsheetML's own `_xHHHH_` escapes; attribute values with their whitespace normalised as XML does.
import { damaged } from '../xml-scan.js';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(n: number, file: string): string {
  // XML 1.0's Char production: no NUL and no surrogates, nothing past U+10FFFF.
  if (!(n > 0) || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff) throw damaged('xml-malformed', 'an XML part refers to a character that cannot exist', file);
  return String.fromCodePoint(n);
}

const HEX = /^#x[0-9a-fA-F]{1,6}$/;
const DEC = /^#[0-9]{1,7}$/;

/** Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&#…;` `&#x…;`; any other `&` is not well-formed XML without a DTD. */
export function decodeEntities(s: string, file = '.xlsx'): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    const ref = semi < 0 || semi - amp > 12 ? '' : s.slice(amp + 1, semi);
    let ch = NAMED[ref];
    if (ch === undefined) {
      if (HEX.test(ref)) ch = codePoint(parseInt(ref.slice(2), 16), file);
      else if (DEC.test(ref)) ch = codePoint(parseInt(ref.slice(1), 10), file);
      else throw damaged('xml-malformed', 'an XML part uses an entity it does not declare', file);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** XML's end-of-line handling: CRLF and a lone CR both become LF (before references are decoded, so `&#13;` stays). */
export const normaliseLineEnds = (s: string): string => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Character data as the XML parser gives it. */
export const xmlText = (s: string, file = '.xlsx'): string => decodeEntities(normaliseLineEnds(s), file);

/** An attribute value as the XML parser gives it: line ends, then each tab, LF or CR becomes a space, then references. */
export function xmlAttribute(s: string, file = '.xlsx'): string {
  const spaced = /[\t\n\r]/.test(s) ? normaliseLineEnds(s).replace(/[\t\n]/g, ' ') : s;
  return decodeEntities(spaced, file);
}

const X_ESCAPE = /_x([0-9A-F]{4})_/g;

/**
 * SpreadsheetML's escapes for characters XML cannot hold (`_x000D_` for CR, `_x005F_` for an underscore), as Excel
 * writes them in string items and exceljs decodes them: four upper-case hex digits, read left to right.
 */
export const decodeXEscapes = (s: string): string =>
  s.includes('_x') ? s.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
