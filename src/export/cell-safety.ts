// Makes text safe for spreadsheet cells: neutralises formula injection and strips characters XML cannot hold.

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** Prefixes "'" to text a spreadsheet would read as a formula (starts with = + - @ tab or CR). */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
}

// Control characters other than tab, LF and CR, U+FFFE/U+FFFF and (with the u flag: lone) surrogates are not
// allowed in XML 1.0; matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Removes characters that would make an xlsx or docx part invalid XML. */
export function stripXmlInvalid(text: string): string {
  return text.replace(XML_INVALID, '');
}

/** Excel's hard limit on characters in one cell. */
export const EXCEL_CELL_MAX = 32_767;
const TRUNCATED = ' […truncated]';

/** Text for an xlsx cell: XML-safe, formula-neutralised and within Excel's cell limit (marked when cut). */
export function safeXlsxText(text: string): string {
  const safe = neutraliseFormula(stripXmlInvalid(text));
  if (safe.length <= EXCEL_CELL_MAX) return safe;
  return stripXmlInvalid(safe.slice(0, EXCEL_CELL_MAX - TRUNCATED.length)) + TRUNCATED;
}
