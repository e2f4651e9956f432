// Shared shapes of a chronology on its way in (raw cells), stored (entries) and out (timeline).

export type DatePrecision = 'day' | 'month' | 'year';

/** A cell as a reader hands it over: text, a number (Excel serial or plain), a boolean or a date cell. */
export type CellValue = string | number | boolean | Date | null;

/** One spreadsheet row; `row` is 1-based, as the author sees it in Excel (or the CSV line's record number). */
export interface RawRow {
  row: number;
  cells: CellValue[];
  /** 0-based column indexes whose cell held a formula (its cached value is in `cells`). */
  formulaColumns?: number[];
}

export interface RawSheet {
  name: string;
  rows: RawRow[];
  /** What the reader noticed about the sheet as a whole (a Word table's tracked changes), reported if it is chosen. */
  warnings?: IngestWarning[];
}

/** What a reader produces (a Word document's tables as sheets); `date1904` is true when the workbook uses the 1904 date system. */
export interface RawWorkbook {
  format: 'xlsx' | 'csv' | 'xls' | 'ods' | 'docx';
  sheets: RawSheet[];
  date1904: boolean;
}

/** Canonical fields a column can map to (DESIGN §2). `datetime` is a combined Date/Time column, split on read. */
export type Field =
  | 'date'
  | 'time'
  | 'datetime'
  | 'source'
  | 'professional'
  | 'contact'
  | 'event'
  | 'outcome'
  | 'seen'
  | 'comment'
  | 'agency';

/** One chronology row after ingest: what is stored. Provenance fields say where it came from. */
export interface EntryInput {
  date: string; // ISO at its precision: 2013-04-03, 2013-04 or 2013
  datePrecision: DatePrecision;
  time: string | null; // HH:MM or null
  source: string | null;
  professional: string | null;
  contact: string | null;
  event: string;
  outcome: string | null;
  seen: boolean | null;
  comment: string | null;
  /** Per-row agency column, when the file has one; otherwise null and the upload's agency applies. */
  agency: string | null;
  /** Columns not recognised, by header text. */
  extra: Record<string, string>;
  sheet: string;
  row: number;
  dateText: string | null; // the date as typed / displayed
  timeText: string | null;
  /** Ingest noticed something about the date worth a flag (e.g. two-digit year). */
  ambiguousDate?: boolean;
}

/** A row problem: 422 body lists these. `row` as Excel shows it; `column` is the header text (or letter). */
export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface IngestWarning {
  row: number;
  column?: string;
  code:
    | 'outside-review-period'
    | 'two-digit-year'
    | 'continuation-merged'
    | 'duplicate-row'
    | 'formula-cell'
    | 'date-time-split'
    | 'time-from-date-cell'
    | 'tracked-changes';
  message: string;
}

export interface IngestReport {
  sheet: string;
  headerRow: number;
  mapping: Record<string, Field>;
  unrecognisedColumns: string[];
  warnings: IngestWarning[];
}

export type TimelineFlag = 'outside-review-period' | 'possible-duplicate' | 'ambiguous-date';

/** One entry of the merged timeline, as the API returns it. */
export interface TimelineEntry {
  id: string;
  date: string;
  datePrecision: DatePrecision;
  time: string | null;
  agency: string;
  source: string | null;
  professional: string | null;
  contact: string | null;
  event: string;
  outcome: string | null;
  seen: boolean | null;
  comment: string | null;
  extra: Record<string, string>;
  flags: TimelineFlag[];
  /** Ids of entries from other agencies this one may duplicate (both sides point at each other). */
  duplicateOf: string[];
  provenance: { submissionId: string; sheet: string; row: number };
}

/** An entry as read back from storage (or built in memory for a stateless merge), before merge. */
export interface StoredEntry extends EntryInput {
  id: string;
  submissionId: string;
  /** The agency of the submission (the upload's); `agency` above overrides it when set. */
  submissionAgency: string;
}

export interface ReviewPeriod {
  from: string; // yyyy-mm-dd
  to: string;
}
