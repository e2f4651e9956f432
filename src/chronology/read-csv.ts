// Reads a .csv upload into raw cells: detects the encoding and delimiter, enforces the limits, numbers rows as Excel does.
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { CellValue, RawRow, RawWorkbook } from './types.js';
import { guessUtf16 } from './detect-format.js';
import { LimitError, UnreadableFileError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';

/** 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', or another single-byte code page chardet is sure of. */
export type CsvEncoding = string;

/** The one sheet a CSV reads as. */
export const CSV_SHEET = 'CSV';

const SNIFF_CHARS = 65_536;
const SNIFF_LINES = 30;
const DELIMITERS = [',', ';', '\t'] as const;

const nulError = (text: string, at: number): UnreadableFileError => {
  const line = text.slice(0, at).split('\n').length;
  return new UnreadableFileError('nul-byte', `The file contains a NUL byte near line ${line}, so it is not a plain CSV. ${messages.saveAgain}`);
};

/** Single-byte code pages chardet may name instead of Windows-1252 (e.g. a Polish author's 1250), if it is sure. */
const OTHER_CODE_PAGES = new Set(['windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'ISO-8859-2', 'ISO-8859-7', 'ISO-8859-9']);
const CHARDET_SURE = 60;

/**
 * BOMs first (UTF-8, UTF-16 LE/BE); then BOM-less UTF-16 by its NUL pattern; then valid UTF-8; then chardet: another
 * Windows/ISO code page only when it is sure, otherwise Windows-1252 — Excel's "CSV (Comma delimited)" on UK Windows
 * (ISO-8859-1 guesses are read as 1252, which adds curly quotes, en dash and € in 0x80–0x9F).
 */
export function detectCsvEncoding(buf: Buffer): { encoding: CsvEncoding; bomLength: number } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = guessUtf16(buf);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (isUtf8(buf)) return { encoding: 'utf-8', bomLength: 0 };
  const top = chardet.analyse(buf.subarray(0, SNIFF_CHARS))[0];
  if (top && top.confidence >= CHARDET_SURE && OTHER_CODE_PAGES.has(top.name) && iconv.encodingExists(top.name)) {
    return { encoding: top.name, bomLength: 0 };
  }
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** The body as text, without its BOM; a NUL anywhere is refused (a binary file renamed .csv). */
export function decodeCsv(buf: Buffer): string {
  const { encoding, bomLength } = detectCsvEncoding(buf);
  const body = buf.subarray(bomLength);
  if (!encoding.startsWith('utf-16')) {
    const at = body.indexOf(0);
    if (at >= 0) throw nulError(body.toString('latin1'), at);
  }
  // Valid UTF-8 has a NUL character exactly where it has a 0 byte, which was refused just above.
  if (encoding === 'utf-8') return body.toString('utf8');
  const text = iconv.decode(body, encoding);
  const at = text.indexOf('\0');
  if (at >= 0) throw nulError(text, at);
  return text;
}

/** Per-line delimiter counts outside quotes, for the first lines of the file. */
function countDelimiters(text: string): Array<Record<string, number>> {
  const lines: Array<Record<string, number>> = [];
  let counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  const sample = text.slice(0, SNIFF_CHARS);
  for (let i = 0; i < sample.length && lines.length < SNIFF_LINES; i++) {
    const ch = sample[i] ?? '';
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      lines.push(counts);
      counts = { ',': 0, ';': 0, '\t': 0 };
    } else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  if (lines.length < SNIFF_LINES) lines.push(counts);
  return lines.filter((l) => Object.values(l).some((n) => n > 0) || lines.length === 1);
}

/** The delimiter whose per-line count is most consistent (then largest): prose commas vary, real separators do not. */
export function sniffDelimiter(text: string): string {
  const lines = countDelimiters(text);
  let best: { d: string; score: number } = { d: ',', score: 0 };
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const l of lines) {
      const n = l[d] ?? 0;
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    for (const [n, f] of freq) {
      const score = (f / Math.max(lines.length, 1)) * 1000 + Math.min(n, 999);
      if (score > best.score) best = { d, score };
    }
  }
  return best.d;
}

function isCsvError(err: unknown): err is Error & { code: string } {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'string';
}

/** One record as a row: empty cells are null, trailing ones dropped; the limits checked. Reuses the record's array. */
function toRow(record: (string | null)[], row: number, limits: IngestLimits): RawRow {
  const cells: CellValue[] = record;
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === '') cells[i] = null;
    else {
      last = i;
      if (typeof c === 'string' && c.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(row, limits));
    }
  }
  cells.length = last + 1;
  if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(row, limits));
  return { row, cells };
}

/**
 * Hands rows on as the parser reads them, checking the limits as it goes: blank rows past the row limit are only
 * counted (a file of a million blank lines is not kept), and a row with content past it is refused.
 */
function rowCollector(limits: IngestLimits, onRow: (row: RawRow) => void): (record: string[]) => void {
  let records = 0;
  return (record) => {
    records++;
    const row = toRow(record, records, limits);
    if (records <= limits.maxRows) onRow(row);
    else if (row.cells.length > 0) throw new LimitError('rows', messages.rows(1, limits));
  };
}

/**
 * papaparse, about ten times faster than csv-parse, up to its first quoting problem: returns where the record it
 * could not read cleanly starts (undefined when it read the whole text). Every record before that one was read as
 * csv-parse reads it.
 */
function readClean(text: string, delimiter: string, add: (record: string[]) => void): number | undefined {
  let recordStart = 0;
  let stoppedAt: number | undefined;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      if (result.errors.length > 0) {
        stoppedAt = recordStart;
        parser.abort();
      } else {
        add(result.data);
        recordStart = result.meta.cursor;
      }
    },
  });
  return stoppedAt;
}

/**
 * csv-parse, from a record papaparse could not read cleanly (a stray or unclosed quote) to the end: it keeps a
 * quote inside a cell as text where papaparse would run the rest of the file into one cell. It refuses a quote
 * that is never closed.
 */
function readTolerant(text: string, delimiter: string, limits: IngestLimits, add: (record: string[]) => void): void {
  try {
    parse(text, {
      delimiter,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: limits.maxCellChars * limits.maxColumns,
      on_record: (record: string[]) => {
        add(record);
        return null; // rows are handed on as they are read; csv-parse keeps nothing
      },
    });
  } catch (err) {
    if (err instanceof LimitError) throw err;
    if (isCsvError(err) && err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new LimitError('cell', `A row holds more than ${limits.maxCellChars * limits.maxColumns} characters (at most ${limits.maxColumns} columns of ${limits.maxCellChars}). Split the text over continuation rows, then upload again.`);
    }
    throw new UnreadableFileError('malformed-csv', `The CSV file could not be read (${isCsvError(err) ? err.code : 'malformed'}). ${messages.saveAgain}`);
  }
}

/**
 * Reads a CSV a row at a time, handing each to `onRow` as soon as it is read (blank rows included, as blank rows of
 * a sheet are). `row` is the record number (1-based, blank lines counted), which is the row Excel shows when it
 * opens the file — not the text line number, which differs after a multi-line cell. Any of CRLF, LF or CR ends a
 * record, even mixed in one file; a line break inside a cell reads as LF whichever it was. Spaces between a closing
 * quote and the next delimiter are dropped ("x" , reads as x). A limit or a damaged record found further down
 * throws after the rows above it were handed on.
 */
export function readCsvRows(buf: Buffer, limits: IngestLimits, onRow: (row: RawRow) => void): void {
  const decoded = decodeCsv(buf);
  const delimiter = sniffDelimiter(decoded);
  const text = decoded.includes('\r') ? decoded.replaceAll('\r\n', '\n').replaceAll('\r', '\n') : decoded;
  const add = rowCollector(limits, onRow);
  const stoppedAt = readClean(text, delimiter, add);
  if (stoppedAt !== undefined) readTolerant(text.slice(stoppedAt), delimiter, limits, add);
}

/** The whole CSV as one sheet named 'CSV' (see readCsvRows), trailing blank rows dropped. */
export function readCsv(buf: Buffer, limits: IngestLimits): RawWorkbook {
  const rows: RawRow[] = [];
  readCsvRows(buf, limits, (row) => rows.push(row));
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  return { format: 'csv', sheets: [{ name: CSV_SHEET, rows }], date1904: false };
}
