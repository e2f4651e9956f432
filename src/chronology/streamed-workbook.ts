// buildEntries for a workbook whose largest sheet is fed a row at a time as its reader reads it, its other sheets read
// whole first: the table is placed once the streamed sheet's first HEADER_SCAN_ROWS rows are in, and when it is in
// that sheet each row after is built at once, so entries reach the sink while the rest of the sheet is still read.
import { buildEntries, buildTable, noDateColumn, TableBuilder, type BuildOptions, type BuildResult } from './build-entries.js';
import { findTable, HEADER_SCAN_ROWS, type FindTableResult } from './find-header.js';
import type { RawRow, RawSheet, RawWorkbook } from './types.js';

/** A row with text, standing for the streamed sheet's rows below the scan that are not read yet. */
const UNSEEN: RawRow = { row: 0, cells: ['…'] };

/** The same choice of table: the same sheet (by its place), header row and columns, or the same headings seen. */
function sameChoice(a: FindTableResult, b: FindTableResult, sheetsOf: (r: FindTableResult) => readonly RawSheet[]): boolean {
  if (a.ok && b.ok) {
    return sheetsOf(a).indexOf(a.sheet) === sheetsOf(b).indexOf(b.sheet) && a.headerIndex === b.headerIndex && JSON.stringify(a.columns) === JSON.stringify(b.columns);
  }
  return !a.ok && !b.ok && JSON.stringify(a.seenHeaders) === JSON.stringify(b.seenHeaders);
}

/**
 * Gives what buildEntries gives for the same workbook read whole, provided the streamed rows are the sheet's rows
 * as read whole (the reader checks that: no merged cells, rows in order, else it reads the workbook again whole).
 * The table's sheet can depend on how many rows the streamed sheet has (a tie of header scores goes to the sheet
 * with more rows below its header): when it does, the streamed rows are kept and the choice waits for the last one.
 */
export class StreamedWorkbook {
  /** The streamed sheet's rows 1 to HEADER_SCAN_ROWS, gaps filled, as read whole. */
  private readonly head: RawRow[] = [];
  /** Rows below the head, kept only while the table's place waits on them. */
  private readonly rest: RawRow[] = [];
  private mode: 'head' | 'stream' | 'keep' | 'elsewhere' = 'head';
  private builder: TableBuilder | undefined;
  private placed: FindTableResult | undefined;

  /** `sheets` in tab order, the streamed sheet's place null. */
  constructor(
    private readonly sheets: readonly (RawSheet | null)[],
    private readonly name: string,
    private readonly date1904: boolean,
    private readonly opts: BuildOptions,
  ) {}

  private workbook(rows: RawRow[]): RawWorkbook {
    const streamed: RawSheet = { name: this.name, rows };
    return { format: 'xlsx', sheets: this.sheets.map((s) => s ?? streamed), date1904: this.date1904 };
  }

  /** The streamed sheet's next row (rows come in ascending order, trailing empty cells dropped). */
  add(row: RawRow): void {
    if (this.mode === 'head') {
      if (row.row <= HEADER_SCAN_ROWS) {
        while (this.head.length < row.row - 1) this.head.push({ row: this.head.length + 1, cells: [] });
        this.head.push(row);
        return;
      }
      this.place();
    }
    if (this.mode === 'stream') this.builder?.add(row);
    else if (this.mode === 'keep') this.rest.push(row);
    // 'elsewhere': the table is in another sheet, and the rest of this one plays no part in the answer.
  }

  /** Places the table with as few and as many rows below the head as the streamed sheet could have. */
  private place(): void {
    const few = this.workbook(this.head);
    const longest = Math.max(0, ...this.sheets.map((s) => s?.rows.length ?? 0));
    const many = this.workbook([...this.head, ...Array.from({ length: longest + 1 }, () => UNSEEN)]);
    const a = findTable(few);
    const b = findTable(many);
    const sheetsOf = (r: FindTableResult): readonly RawSheet[] => (r === a ? few.sheets : many.sheets);
    if (!sameChoice(a, b, sheetsOf)) {
      this.mode = 'keep';
      return;
    }
    this.placed = a;
    if (a.ok && a.sheet === few.sheets[this.sheets.indexOf(null)]) {
      this.mode = 'stream';
      this.builder = new TableBuilder(a, this.date1904, this.opts);
      for (let r = a.headerIndex + 1; r < this.head.length; r++) this.builder.add(this.head[r] as RawRow);
    } else this.mode = 'elsewhere';
  }

  /** Once the streamed sheet has ended. */
  finish(): BuildResult {
    switch (this.mode) {
      case 'head':
        return buildEntries(this.workbook(this.head), this.opts);
      case 'keep':
        return buildEntries(this.workbook([...this.head, ...this.rest]), this.opts);
      case 'stream':
        return (this.builder as TableBuilder).finish();
      case 'elsewhere': {
        const table = this.placed as FindTableResult;
        return table.ok ? buildTable(table, this.date1904, this.opts) : noDateColumn(table);
      }
    }
  }
}
