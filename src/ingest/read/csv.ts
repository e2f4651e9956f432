// Reads a .csv upload into raw cells a row at a time: sniffs the delimiter, parses, enforces the limits, numbers rows as Excel does.
import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import type { CellValue, RawRow, RawWorkbook } from '../../chronology/types.js';
import { csvText, SNIFF_CHARS, type CsvText } from './csv-text.js';
import { LimitError, UnreadableFileError, messages } from '../limits.js';
import type { IngestLimits } from '../limits.js';

/** The one sheet a CSV reads as. */
export const CSV_SHEET = 'CSV';

const SNIFF_LINES = 30;
const DELIMITERS = [',', ';', '\t'] as const;

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

/**
 * One record as a row: each cell as the text it holds (`cell`), empty ones null, trailing ones dropped; the limits
 * checked. Reuses the record's array.
 */
function toRow(record: (string | null)[], row: number, limits: IngestLimits, cell: (raw: string) => string): RawRow {
  const cells: CellValue[] = record;
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === '') cells[i] = null;
    else if (typeof c === 'string') {
      last = i;
      const text = cell(c);
      if (text.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(row, limits));
      cells[i] = text;
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
function rowCollector(limits: IngestLimits, onRow: (row: RawRow) => void): (record: string[], cell: (raw: string) => string) => void {
  let records = 0;
  return (record, cell) => {
    records++;
    const row = toRow(record, records, limits, cell);
    if (records <= limits.maxRows) onRow(row);
    else if (row.cells.length > 0) throw new LimitError('rows', messages.rows(1, limits));
  };
}

/** The longest record a file within the limits can have: at most maxColumns cells of maxCellChars. */
const recordTooLong = (limits: IngestLimits): LimitError =>
  new LimitError(
    'cell',
    `A row holds more than ${limits.maxCellChars * limits.maxColumns} characters (at most ${limits.maxColumns} columns of ${limits.maxCellChars}). Split the text over continuation rows, then upload again.`,
  );

/**
 * papaparse, about ten times faster than csv-parse, up to its first quoting problem, fed the text a piece at a time
 * as papaparse's own streamer feeds it (each piece parsed after the unfinished record the last one ended in).
 * Returns the text from the record it could not read cleanly on (undefined when it read everything); every record
 * before that one was read as csv-parse reads it.
 */
function readClean(text: Pick<CsvText, 'pieces' | 'bytes'>, delimiter: string, limits: IngestLimits, add: (record: string[]) => void): string | undefined {
  const pieces = text.pieces();
  // A UTF-16 unit of the text is 1–3 bytes of UTF-8.
  const maxRecord = limits.maxCellChars * limits.maxColumns * (text.bytes ? 3 : 1);
  // Offsets are into the whole text: where `unfinished` (the record the last piece ended in) starts, and where the
  // record after the last one read starts.
  let base = 0;
  let unfinished = '';
  let recordStart = 0;
  let stopped = false;
  const parser = new Papa.Parser({
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    // The low-level parser steps with the rows read since the last step: one row each time.
    step: (result: Papa.ParseStepResult<string[][]>) => {
      if (result.errors.length > 0) {
        stopped = true;
        parser.abort();
      } else {
        for (const record of result.data) add(record);
        recordStart = result.meta.cursor;
      }
    },
  });
  for (let next = pieces.next(); !next.done; ) {
    const input = unfinished + next.value;
    next = pieces.next();
    // Papa.Parser's typings leave its results untyped.
    const results = parser.parse(input, base, !next.done) as Papa.ParseResult<string[]>;
    if (stopped) {
      let rest = input.slice(recordStart - base);
      for (; !next.done; next = pieces.next()) rest += next.value;
      return rest;
    }
    unfinished = input.slice(results.meta.cursor - base);
    base = results.meta.cursor;
    // One record over many pieces is read again with each: past what any row within the limits can hold, stop.
    if (unfinished.length > maxRecord) throw recordTooLong(limits);
  }
  return undefined;
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
    if (isCsvError(err) && err.code === 'CSV_MAX_RECORD_SIZE') throw recordTooLong(limits);
    throw new UnreadableFileError('malformed-csv', `The CSV file could not be read (${isCsvError(err) ? err.code : 'malformed'}). ${messages.saveAgain}`);
  }
}

/**
 * Reads a CSV a row at a time, handing each to `onRow` as soon as it is read (blank rows included, as blank rows of
 * a sheet are). `row` is the record number (1-based, blank lines counted), which is the row Excel shows when it
 * opens the file — not the text line number, which differs after a multi-line cell. Any of CRLF, LF or CR ends a
 * record, even mixed in one file; a line break inside a cell reads as LF whichever it was. Spaces between a closing
 * quote and the next delimiter are dropped ("x" , reads as x). A limit or a damaged record found further down
 * throws after the rows above it were handed on. `pieceBytes` (how much is decoded at a time) only for tests.
 */
export function readCsvRows(buf: Buffer, limits: IngestLimits, onRow: (row: RawRow) => void, pieceBytes?: number): void {
  const text = csvText(buf, pieceBytes);
  const delimiter = sniffDelimiter(text.head);
  const add = rowCollector(limits, onRow);
  const asText = (record: string[]): void => add(record, (cell) => cell);
  let rest = readClean(text, delimiter, limits, (record) => add(record, text.decode));
  // Reading bytes, papaparse counts no space but ASCII's between a closing quote and the delimiter (a no-break space
  // is two bytes there): from the record it stopped at, it reads the decoded text, as it would have from the start.
  if (rest !== undefined && text.bytes) {
    const decoded = text.decode(rest);
    rest = readClean({ bytes: false, pieces: () => [decoded].values() }, delimiter, limits, asText);
  }
  if (rest !== undefined) readTolerant(rest, delimiter, limits, asText);
}

/** The whole CSV as one sheet named 'CSV' (see readCsvRows), trailing blank rows dropped. */
export function readCsv(buf: Buffer, limits: IngestLimits): RawWorkbook {
  const rows: RawRow[] = [];
  readCsvRows(buf, limits, (row) => rows.push(row));
  while (rows.length > 0 && (rows[rows.length - 1]?.cells.length ?? 0) === 0) rows.pop();
  return { format: 'csv', sheets: [{ name: CSV_SHEET, rows }], date1904: false };
}
