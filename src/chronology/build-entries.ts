// Builds validated chronology entries and an ingest report from a reader's raw rows (or from JSON entries), all-or-nothing.
import type { CellValue, EntryInput, Field, IngestReport, IngestWarning, RawRow, RawWorkbook, ReviewPeriod, RowError } from './types.js';
import type { JsonEntryInput } from './json-entry-schema.js';
import type { EntrySink, FieldCell } from './entry-collector.js';
import { EntryCollector } from './entry-collector.js';
import { columnLetter, findTable, HEADER_SCAN_ROWS, type TableColumn } from './find-header.js';
import { normaliseHeader } from './header-words.js';
import { cellText, isBlank } from './cell-text.js';

export interface BuildOptions {
  reviewPeriod?: ReviewPeriod;
  /** Errors kept in the answer (all are counted in totalErrors); 1000 by default. */
  maxErrors?: number;
  /** Takes the entries as they settle (see EntryCollector); the result's `entries` is then empty and `count` says how many. */
  sink?: EntrySink;
  /**
   * The entries handed to the sink so far are void: they come again, from the first (a streamed sheet turned out to
   * need reading whole, see streamed-workbook.ts).
   */
  restart?: () => void;
}

export type BuildResult =
  | { ok: true; entries: EntryInput[]; count: number; report: IngestReport }
  | { ok: false; reason: 'invalid'; errors: RowError[]; totalErrors: number }
  | { ok: false; reason: 'no-date-column'; seenHeaders: string[]; expected: string[] };

function finish(collector: EntryCollector, report: IngestReport, emptyTable: RowError, sheetWarnings: IngestWarning[] = []): BuildResult {
  if (collector.totalErrors === 0 && collector.count === 0) {
    return { ok: false, reason: 'invalid', errors: [emptyTable], totalErrors: 1 };
  }
  if (collector.totalErrors > 0) {
    return { ok: false, reason: 'invalid', errors: collector.errors, totalErrors: collector.totalErrors };
  }
  collector.settle(true);
  return { ok: true, entries: collector.entries, count: collector.count, report: { ...report, warnings: [...sheetWarnings, ...collector.warnings] } };
}

/** The header row again further down (a table pasted twice, a page break from Word): skipped, not an error. */
function repeatsHeader(row: RawRow, header: readonly (string | null)[]): boolean {
  let same = 0;
  for (const [i, cell] of row.cells.entries()) {
    if (isBlank(cell)) continue;
    const h = header[i];
    if (typeof cell !== 'string' || typeof h !== 'string' || normaliseHeader(cell) !== h) return false;
    same++;
  }
  return same >= 2;
}

export type FoundTable = Extract<ReturnType<typeof findTable>, { ok: true }>;

export const noDateColumn = (table: Extract<ReturnType<typeof findTable>, { ok: false }>): BuildResult => ({
  ok: false,
  reason: 'no-date-column',
  seenHeaders: table.seenHeaders,
  expected: table.expected,
});

/** Checks and converts the rows below a table's header, one row at a time, into entries and a report. */
export class TableBuilder {
  private readonly columns: TableColumn[];
  /** The header cells normalised once (null where not text), for repeatsHeader on every row. */
  private readonly headerKeys: (string | null)[];
  private readonly collector: EntryCollector;
  /** Which columns hold data anywhere (an unnamed column is reported only then), by column index. */
  private readonly withData: boolean[] = [];

  constructor(
    private readonly table: FoundTable,
    date1904: boolean,
    opts: BuildOptions,
  ) {
    this.columns = [...table.columns];
    this.headerKeys = (table.sheet.rows[table.headerIndex]?.cells ?? []).map((h) => (typeof h === 'string' ? normaliseHeader(h) : null));
    this.collector = new EntryCollector({
      sheet: table.sheet.name,
      date1904,
      reviewPeriod: opts.reviewPeriod,
      maxErrors: opts.maxErrors,
      allowContinuation: true,
      requireEvent: false,
      sink: opts.sink,
    });
  }

  add(raw: RawRow): void {
    const { columns, withData } = this;
    if (raw.cells.every((c) => isBlank(c)) || repeatsHeader(raw, this.headerKeys)) return;
    // Cells right of the last header still count: they become extra columns named by letter.
    for (let i = columns.length; i < raw.cells.length; i++) {
      if (!isBlank(raw.cells[i])) for (let j = columns.length; j <= i; j++) columns.push({ index: j, header: `Column ${columnLetter(j)}`, field: null });
    }
    const fields: Partial<Record<Field, FieldCell>> = {};
    const extra: FieldCell[] = [];
    for (const c of columns) {
      const cell: FieldCell = { value: raw.cells[c.index] ?? null, column: c.header };
      if (c.field) fields[c.field] = cell;
      else extra.push(cell);
      if (withData[c.index] !== true && !isBlank(cell.value)) withData[c.index] = true;
    }
    const formulaColumns = raw.formulaColumns ? raw.formulaColumns.flatMap((i) => columns.find((c) => c.index === i)?.header ?? []) : [];
    const duplicateKey = columns.map((c) => cellKey(raw.cells[c.index]));
    this.collector.add({ row: raw.row, fields, extra, formulaColumns, duplicateKey });
  }

  finish(): BuildResult {
    const { columns, withData, table } = this;
    const mapping: Record<string, Field> = {};
    for (const c of columns) if (c.field) mapping[c.header] = c.field;
    const unrecognisedColumns = columns
      .filter((c) => c.field === null && (!c.header.startsWith('Column ') || withData[c.index] === true))
      .map((c) => c.header);
    const dateColumn = columns.find((c) => c.field === 'date' || c.field === 'datetime')?.header ?? 'Date';
    const report: IngestReport = { sheet: table.sheet.name, headerRow: table.headerRow, mapping, unrecognisedColumns, warnings: [] };
    const empty = { row: table.headerRow, column: dateColumn, value: '', message: 'The table has no entries below its header row' };
    return finish(this.collector, report, empty, table.sheet.warnings ?? []);
  }
}

/**
 * Finds the table (see findTable), then checks and converts every row below the header. Any row error rejects the
 * whole file: the answer lists every error (the first `maxErrors`) with the total.
 */
export function buildEntries(workbook: RawWorkbook, opts: BuildOptions = {}): BuildResult {
  const table = findTable(workbook);
  if (!table.ok) return noDateColumn(table);
  return buildTable(table, workbook.date1904, opts);
}

/** Every row below the found table's header, checked and converted. */
export function buildTable(table: FoundTable, date1904: boolean, opts: BuildOptions): BuildResult {
  const builder = new TableBuilder(table, date1904, opts);
  const rows = table.sheet.rows;
  for (let r = table.headerIndex + 1; r < rows.length; r++) builder.add(rows[r] as RawRow);
  return builder.finish();
}

/**
 * buildEntries for a one-sheet file fed a row at a time as its reader reads them (a CSV): the header is found once
 * the first HEADER_SCAN_ROWS rows are in, and each row after that is built at once, so entries reach the sink while
 * the rest of the file is still being read. Gives what buildEntries gives for the same rows read whole.
 */
export class SheetEntries {
  /** The rows above and around the header, until the header is found. */
  private readonly head: RawRow[] = [];
  private builder: TableBuilder | undefined;
  private refused: BuildResult | undefined;

  constructor(
    private readonly sheetName: string,
    private readonly opts: BuildOptions = {},
  ) {}

  add(row: RawRow): void {
    if (this.builder) this.builder.add(row);
    else if (!this.refused) {
      this.head.push(row);
      if (this.head.length === HEADER_SCAN_ROWS) this.findHeader();
    }
  }

  private findHeader(): void {
    const table = findTable({ format: 'csv', sheets: [{ name: this.sheetName, rows: this.head }], date1904: false });
    if (!table.ok) {
      this.refused = noDateColumn(table);
      return;
    }
    const builder = new TableBuilder(table, false, this.opts);
    for (const row of this.head.slice(table.headerIndex + 1)) builder.add(row);
    this.head.length = 0;
    this.builder = builder;
  }

  /** The result once every row is in (a file shorter than the header scan finds its header only now). */
  finish(): BuildResult {
    if (!this.builder && !this.refused) this.findHeader();
    return this.refused ?? (this.builder as TableBuilder).finish();
  }
}

function cellKey(cell: CellValue | undefined): string {
  return cell instanceof Date ? `d:${cell.getTime()}` : (cellText(cell) ?? '');
}

/** The JSON upload path: the same checks and messages; `row` is the 1-based index and `column` the field name. */
export function buildEntriesFromJson(entries: JsonEntryInput[], opts: BuildOptions = {}): BuildResult {
  const collector = new EntryCollector({
    sheet: 'JSON',
    date1904: false,
    reviewPeriod: opts.reviewPeriod,
    maxErrors: opts.maxErrors,
    allowContinuation: false,
    requireEvent: true,
  });
  const names = ['date', 'time', 'source', 'professional', 'contact', 'event', 'outcome', 'seen', 'comment'] as const;
  entries.forEach((e, i) => {
    const fields: Partial<Record<Field, FieldCell>> = {};
    for (const name of names) fields[name] = { value: e[name] ?? null, column: name };
    const duplicateKey = [JSON.stringify(names.map((n) => e[n] ?? null))];
    collector.add({ row: i + 1, fields, extra: [], formulaColumns: [], duplicateKey });
  });
  const mapping: Record<string, Field> = Object.fromEntries(names.map((n) => [n, n]));
  const report: IngestReport = { sheet: 'JSON', headerRow: 0, mapping, unrecognisedColumns: [], warnings: [] };
  return finish(collector, report, { row: 0, column: 'entries', value: '', message: 'There are no entries' });
}
