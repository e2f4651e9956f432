// One worksheet part read as it inflates: rows and cells by their references, values by type (shared and inline
// strings, rich-text runs, numbers, dates by cell format, booleans, errors, formulas' cached results), then merged
// ranges applied and the rows numbered as Excel shows them.
import type { CellValue, RawRow } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import { MergeWalk, orderedMerges, parseMerge } from './merges.js';
import { corruptXlsx, excelSerialCell } from './xlsx-cells.js';
import { decodeXEscapes } from './xml-text.js';
import type { Tag, XmlHandler } from './xml-tokens.js';

/** What every sheet of one workbook shares: its strings, date formats, date system, and the cell count so far. */
export interface SheetContext {
  strings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: IngestLimits;
  /** `<row>` and `<c>` elements across all sheets, refused past maxCells. */
  elements: { count: number };
}

const enum Kind {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  IsoDate,
}

/** A cell's `t` attribute, read from its bytes. */
function kindOf(tag: Tag): Kind {
  const raw = tag.raw('t');
  if (!raw) return Kind.Number;
  const [s, e] = raw;
  const b = tag.buf;
  const first = b[s];
  const len = e - s;
  if (len === 1) return first === 0x73 ? Kind.Shared : first === 0x62 ? Kind.Bool : first === 0x65 ? Kind.Error : first === 0x64 ? Kind.IsoDate : Kind.Number;
  if (len === 3 && first === 0x73) return Kind.Str;
  if (len === 9 && first === 0x69) return Kind.Inline;
  return Kind.Number;
}

/** The column of a reference like `B12` (1-based), or 0 if it has no letters. */
function columnOf(tag: Tag): number {
  const raw = tag.raw('r');
  if (!raw) return 0;
  let col = 0;
  for (let i = raw[0]; i < raw[1]; i++) {
    const b = (tag.buf[i] ?? 0) | 0x20;
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + b - 0x60;
  }
  return col;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/;

/** A `t="d"` cell: an ISO 8601 date as the day and time it shows. */
function isoDate(text: string): Date | string {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Math.round(Number(frac || '0') * 1000)));
}

interface Draft {
  row: number;
  cells: CellValue[];
  formulas: number[] | undefined;
}

/**
 * Feeds on one worksheet's XML; `rows()` then gives its rows after merges. With `onRow`, each row goes there as it
 * ends instead (trailing empty cells dropped, nothing kept): right as rows() would give it while the sheet has no
 * merged ranges and its rows come in order, which `streamedAsRead` says once the part has ended.
 */
export class SheetPart implements XmlHandler {
  wantsText = false;
  private readonly drafts: Draft[] = [];
  private readonly merges: string[] = [];
  private ordered = true;
  private lastRow = 0;
  private inData = false;
  private rowNumber = 0;
  private cells: CellValue[] = [];
  private formulas: number[] | undefined;
  // The cell being read.
  private col = 0;
  private kind = Kind.Number;
  private style = 0;
  private value = '';
  private hasValue = false;
  private formula = false;
  private inline = '';
  private inInline = false;
  private phonetic = 0;
  private target: 'v' | 't' | 'f' | null = null;

  constructor(
    private readonly ctx: SheetContext,
    private readonly sheetNumber: number,
    private readonly onRow?: (row: RawRow) => void,
  ) {}

  /** Whether the rows handed to onRow are the sheet's rows as rows() would give them (no merges, rows in order). */
  get streamedAsRead(): boolean {
    return this.ordered && !this.merges.some((ref) => parseMerge(ref) !== null);
  }

  private count(): void {
    const { elements, limits } = this.ctx;
    if (++elements.count > limits.maxCells) {
      throw new LimitError('cells', `The .xlsx file has more than ${limits.maxCells} cells. Delete unused rows and columns, then upload again.`);
    }
  }

  open(name: string, tag: Tag): void {
    if (!this.inData) {
      // A row or cell anywhere counts against the limit, as each would cost a parser that built them.
      if (name === 'row' || name === 'c') this.count();
      else if (name === 'sheetData') this.inData = true;
      else if (name === 'mergeCell') {
        const ref = tag.attr('ref');
        if (ref) this.merges.push(ref);
      }
      return;
    }
    switch (name) {
      case 'row': {
        this.count();
        const r = tag.int('r');
        this.rowNumber = r !== undefined && r > 0 ? r : this.rowNumber + 1;
        this.cells = [];
        this.formulas = undefined;
        this.col = 0;
        return;
      }
      case 'c':
        this.count();
        this.col = columnOf(tag) || this.col + 1;
        this.kind = kindOf(tag);
        this.style = tag.int('s') ?? 0;
        this.value = '';
        this.hasValue = false;
        this.formula = false;
        this.inline = '';
        this.inInline = false;
        return;
      case 'v':
        this.startText('v');
        return;
      case 'f':
        // As exceljs: a formula if it has text or a type (`<f t="shared" si="0"/>` is one).
        if (tag.raw('t')) this.formula = true;
        this.startText('f');
        return;
      case 'is':
        this.inInline = true;
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) this.startText('t');
        return;
    }
  }

  private startText(target: 'v' | 't' | 'f'): void {
    this.target = target;
    this.wantsText = true;
    if (target === 'v') {
      this.value = '';
      this.hasValue = true;
    }
  }

  text(s: string): void {
    if (this.target === 'v') this.value += s;
    else if (this.target === 't') this.inline += decodeXEscapes(s);
    else if (s.length > 0) this.formula = true;
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.target = null;
        this.wantsText = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'c':
        this.endCell();
        return;
      case 'row':
        this.endRow();
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  private cellValue(): CellValue {
    const { value, kind } = this;
    if (kind === Kind.Inline) return this.inline === '' ? null : this.inline;
    if (!this.hasValue || value === '') return null;
    switch (kind) {
      case Kind.Shared: {
        const s = this.ctx.strings[Number(value)];
        if (s === undefined) throw corruptXlsx();
        return s === '' ? null : s;
      }
      case Kind.Str:
      case Kind.Error:
        return value;
      case Kind.Bool:
        return parseInt(value, 10) !== 0;
      case Kind.IsoDate:
        return isoDate(value);
      default: {
        const n = parseFloat(value);
        if (!Number.isFinite(n)) return null;
        return this.ctx.dateStyles[this.style] === true ? excelSerialCell(n, this.ctx.date1904) : n;
      }
    }
  }

  private endCell(): void {
    const { limits } = this.ctx;
    const value = this.cellValue();
    const col = this.col;
    if (value !== null) {
      if (col > limits.maxColumns) throw new LimitError('columns', messages.columns(this.rowNumber, limits));
      if (typeof value === 'string' && value.length > limits.maxCellChars) throw new LimitError('cell', messages.cell(this.rowNumber, limits));
      while (this.cells.length < col - 1) this.cells.push(null);
      this.cells[col - 1] = value;
    } else if (col <= this.cells.length) this.cells[col - 1] = null;
    if (this.formula) (this.formulas ??= []).push(col - 1);
  }

  private endRow(): void {
    const { rowNumber: row, cells } = this;
    if (row > this.ctx.limits.maxRows) {
      if (cells.some((c) => c !== null)) throw new LimitError('rows', messages.rows(this.sheetNumber, this.ctx.limits));
      return;
    }
    if (row <= this.lastRow) this.ordered = false;
    this.lastRow = row;
    if (this.onRow) {
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      const formulas = this.formulas;
      this.onRow(formulas ? { row, cells, formulaColumns: formulas } : { row, cells });
    } else this.drafts.push({ row, cells, formulas: this.formulas });
  }

  /** The sheet's rows from 1 to its last with content, merges applied (as exceljs's load() applies them). */
  rows(): RawRow[] {
    const { limits } = this.ctx;
    let drafts = this.drafts;
    if (!this.ordered) {
      // Rows out of order, or one row written twice (the later one counts, as in exceljs).
      const byRow = new Map<number, Draft>();
      for (const d of drafts) byRow.set(d.row, d);
      drafts = [...byRow.values()].sort((a, b) => a.row - b.row);
    }
    const walk = new MergeWalk(orderedMerges(this.merges.flatMap((ref) => parseMerge(ref) ?? []), limits));
    const out: RawRow[] = [];
    for (const { row, cells, formulas } of drafts) {
      const isSlave = walk.apply(row, cells, limits);
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.length > limits.maxColumns) throw new LimitError('columns', messages.columns(row, limits));
      for (let gap = (out[out.length - 1]?.row ?? 0) + 1; gap < row; gap++) out.push({ row: gap, cells: [] });
      const kept = formulas?.filter((i) => !isSlave(i)) ?? [];
      out.push(kept.length > 0 ? { row, cells, formulaColumns: kept } : { row, cells });
    }
    while (out.length > 0 && (out[out.length - 1]?.cells.length ?? 0) === 0) out.pop();
    return out;
  }
}
