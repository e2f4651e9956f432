// One worksheet part read as it inflates: rows and cells by their references, values by type (shared and inline
// strings, rich-text runs, numbers, dates by cell format, booleans, errors, formulas' cached results), then merged
// ranges applied and the rows numbered as Excel shows them.
import type { CellValue, RawRow } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import { MergeWalk, orderedMerges, parseMerge } from './merges.js';
import { columnAt, intAt, isoDate } from './cell-bytes.js';
import { corruptXlsx, excelSerialCell } from './xlsx-cells.js';
import { decodeXEscapes, xmlText } from './xml-text.js';
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

/** A cell's `t` attribute, from its bytes `s`..`e`. */
function kindAt(b: Buffer, s: number, e: number): Kind {
  const first = b[s];
  const len = e - s;
  if (len === 1) return first === 0x73 ? Kind.Shared : first === 0x62 ? Kind.Bool : first === 0x65 ? Kind.Error : first === 0x64 ? Kind.IsoDate : Kind.Number;
  if (len === 3 && first === 0x73) return Kind.Str;
  if (len === 9 && first === 0x69) return Kind.Inline;
  return Kind.Number;
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
  /** A value of digits only, read from its bytes (a shared string's index, a whole number), or -1; and where they stand. */
  private digits = -1;
  private digitsAt: { buf: Buffer; start: number; end: number } = { buf: Buffer.alloc(0), start: 0, end: 0 };
  /** Shared string indices and numbers are read from the bytes of `<v>` (bytes()), without a string for each. */
  wantsBytes = false;
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
        this.openCell(tag);
        this.value = '';
        this.digits = -1;
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
        if (tag.has('t')) this.formula = true;
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

  /** A cell's `r`, `t` and `s`, read in one pass over its attributes (the first of each name counts, as Tag.attr). */
  private openCell(tag: Tag): void {
    const { buf, offsets } = tag;
    const end = tag.count * 4;
    let col = -1;
    let kind = -1;
    let style = -1;
    for (let k = 0; k < end; k += 4) {
      const ns = offsets[k] as number;
      if ((offsets[k + 1] as number) - ns !== 1) continue;
      const vs = offsets[k + 2] as number;
      const ve = offsets[k + 3] as number;
      const name = buf[ns];
      if (name === 0x72 && col < 0) col = columnAt(buf, vs, ve);
      else if (name === 0x74 && kind < 0) kind = kindAt(buf, vs, ve);
      else if (name === 0x73 && style === -1) style = intAt(buf, vs, ve) >= 0 ? intAt(buf, vs, ve) : -2;
    }
    this.col = col > 0 ? col : this.col + 1;
    this.kind = kind < 0 ? Kind.Number : (kind as Kind);
    // An `s` that is not a number counts as none, as Tag.int reads it.
    this.style = style < 0 ? 0 : style;
  }

  private startText(target: 'v' | 't' | 'f'): void {
    this.target = target;
    this.wantsText = true;
    if (target === 'v') {
      this.value = '';
      this.digits = -1;
      this.hasValue = true;
      this.wantsBytes = this.kind === Kind.Shared || this.kind === Kind.Number;
    }
  }

  /** A `<v>` of a shared string or number: up to 15 digits are read as they stand; anything else as text. */
  bytes(buf: Buffer, start: number, end: number): void {
    if (this.value === '' && this.digits < 0 && end - start <= 15) {
      this.digits = intAt(buf, start, end);
      if (this.digits >= 0) {
        const at = this.digitsAt;
        at.buf = buf;
        at.start = start;
        at.end = end;
        return;
      }
    }
    this.text(xmlText(buf.toString('utf8', start, end)));
  }

  text(s: string): void {
    if (this.target === 'v') {
      // More text after the digits (split by a comment or CDATA): the digits are text again, as written.
      if (this.digits >= 0) {
        const at = this.digitsAt;
        this.value = at.buf.toString('latin1', at.start, at.end);
        this.digits = -1;
      }
      this.value += s;
    } else if (this.target === 't') this.inline += decodeXEscapes(s);
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
        this.wantsBytes = false;
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
    const { digits } = this;
    if (digits >= 0 && this.hasValue) {
      this.digits = -1;
      return kind === Kind.Shared ? this.shared(digits) : this.number(digits);
    }
    if (!this.hasValue || value === '') return null;
    switch (kind) {
      case Kind.Shared:
        return this.shared(Number(value));
      case Kind.Str:
      case Kind.Error:
        return value;
      case Kind.Bool:
        return parseInt(value, 10) !== 0;
      case Kind.IsoDate:
        return isoDate(value);
      default:
        return this.number(parseFloat(value));
    }
  }

  private shared(index: number): CellValue {
    const s = this.ctx.strings[index];
    if (s === undefined) throw corruptXlsx();
    return s === '' ? null : s;
  }

  private number(n: number): CellValue {
    if (!Number.isFinite(n)) return null;
    return this.ctx.dateStyles[this.style] === true ? excelSerialCell(n, this.ctx.date1904) : n;
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
