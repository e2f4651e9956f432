// Ingest limits (DESIGN §3) and the domain errors the file readers throw: over a limit, an unsupported format, a damaged file.
import { DomainError } from '../domain-error.js';

export interface IngestLimits {
  /** Upload size in bytes (25 MiB). */
  maxFileBytes: number;
  /** Rows per sheet, counting up to the last non-empty row (100 000). */
  maxRows: number;
  /** Columns per row, counting up to the last non-empty cell (64). */
  maxColumns: number;
  /** Characters in one cell (32 KiB). */
  maxCellChars: number;
  /** Sum of the inflated sizes of every xlsx zip entry (200 MiB). */
  maxInflatedBytes: number;
  /** Inflated bytes ÷ file bytes over the whole xlsx (100). */
  maxRatio: number;
  /** Entries in the xlsx zip (1000; a real workbook has 10–50). */
  maxZipEntries: number;
  /** `<c>` elements across all worksheets of an xlsx, refused as the reader meets them (1 000 000). */
  maxCells: number;
  /** How long a worker may take to read one file before it is stopped and the file refused (60 s). */
  maxReadMs: number;
}

export const MiB = 1024 * 1024;

export const defaultLimits: Readonly<IngestLimits> = Object.freeze({
  maxFileBytes: 25 * MiB,
  maxRows: 100_000,
  maxColumns: 64,
  maxCellChars: 32_768,
  maxInflatedBytes: 200 * MiB,
  maxRatio: 100,
  maxZipEntries: 1000,
  maxCells: 1_000_000,
  maxReadMs: 60_000,
});

export type LimitName =
  | 'file-size'
  | 'rows'
  | 'columns'
  | 'cell'
  | 'cells'
  | 'inflated-size'
  | 'compression-ratio'
  | 'zip-entries'
  | 'time';

/** Over a size limit (`{ error: "too_large", limit }`). The message names the limit and never echoes file content. */
export class LimitError extends DomainError {
  override readonly name = 'LimitError';
  constructor(
    readonly limit: LimitName,
    message: string,
  ) {
    super('over-limit', 'too_large', message, { limit });
  }
}

/** A format the service does not read (PDF, .doc, an encrypted file …): `{ error: "unsupported_format", format }`. */
export class UnsupportedFormatError extends DomainError {
  override readonly name = 'UnsupportedFormatError';
  constructor(
    readonly format: string,
    message: string,
  ) {
    super('unsupported-format', 'unsupported_format', message, { format });
  }
}

/**
 * A file of a format we read (xlsx, csv, xls, ods, docx) that is damaged or hostile (broken zip, a stray NUL byte in a CSV that is
 * otherwise text, a DTD in the XML, unsafe zip entry names): `{ error: "unreadable_file", reason }`. The media type
 * is fine, the content is not. (Bytes that are mostly control characters, NULs among them, are not a CSV at all:
 * detect-format refuses them as an unsupported binary format, as a short file with one NUL in 40 bytes is.)
 */
export class UnreadableFileError extends DomainError {
  override readonly name = 'UnreadableFileError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super('unreadable-file', 'unreadable_file', message, { reason });
  }
}

const SAVE_AGAIN = 'Open it in Excel and save it again as .xlsx (Excel Workbook) or .csv, then upload again.';

export const messages = {
  saveAgain: SAVE_AGAIN,
  fileSize: (limits: IngestLimits): string =>
    `The file is larger than ${Math.round(limits.maxFileBytes / MiB)} MB. Remove other sheets or pictures, or split the chronology, then upload again.`,
  rows: (sheetNumber: number, limits: IngestLimits): string =>
    `Sheet ${sheetNumber} has more than ${limits.maxRows} rows. Split the chronology or delete the empty rows at the end, then upload again.`,
  columns: (row: number, limits: IngestLimits): string =>
    `Row ${row} has more than ${limits.maxColumns} columns. Delete the unused columns to the right of the table, then upload again.`,
  cell: (row: number, limits: IngestLimits): string =>
    `A cell in row ${row} holds more than ${limits.maxCellChars} characters. Split the text over continuation rows, then upload again.`,
};
