// The small parts of an .xlsx the sheet reader needs first: the workbook (sheets, 1904 flag), its relationships, the
// styles (which cell formats show dates) and the shared strings, each read by the streaming tokenizer.
import { LimitError, type IngestLimits } from '../limits.js';
import { damaged } from '../xml-scan.js';
import { isDateFormat } from './xlsx-cells.js';
import { decodeXEscapes } from './xml-text.js';
import type { Tag, XmlHandler } from './xml-tokens.js';

export interface SheetRef {
  name: string;
  /** The relationship that names the sheet's part. */
  rid: string;
}

/** `xl/workbook.xml`: the sheets in tab order, and whether dates count from 1904 (`1` or `true`). */
export class WorkbookPart implements XmlHandler {
  wantsText = false;
  date1904 = false;
  readonly sheets: SheetRef[] = [];

  open(name: string, tag: Tag): void {
    if (name === 'workbookPr') this.date1904 = /^(?:1|true)$/i.test(tag.attr('date1904')?.trim() ?? '');
    else if (name === 'sheet') this.sheets.push({ name: tag.attr('name') ?? '', rid: tag.attr('id', true) ?? '' });
  }

  close(): void {}
  text(): void {}
}

/** A `.rels` part: relationship id → the target part's name in the zip. */
export class RelsPart implements XmlHandler {
  wantsText = false;
  readonly targets = new Map<string, { target: string; type: string }>();

  /** `base` is the folder the targets are relative to ('xl/'). */
  constructor(private readonly base: string) {}

  open(name: string, tag: Tag): void {
    if (name !== 'Relationship' || tag.attr('TargetMode') === 'External') return;
    const id = tag.attr('Id');
    const target = tag.attr('Target');
    if (id !== undefined && target !== undefined) this.targets.set(id, { target: partPath(this.base, target), type: tag.attr('Type') ?? '' });
  }

  close(): void {}
  text(): void {}
}

/** A relationship target as a zip entry name: `/xl/x.xml` is absolute, `worksheets/sheet1.xml` and `../x` relative. */
export function partPath(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30; 27–36 and 50–58 are East Asian dates). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Excel allows about 64 000 cell formats; a styles part with far more is not from a spreadsheet program. */
const MAX_XFS = 100_000;

/** `xl/styles.xml`: for each cell format (`s` of a cell), whether its number format shows a date. */
export class StylesPart implements XmlHandler {
  wantsText = false;
  private readonly codes = new Map<number, string>();
  private readonly xfs: number[] = [];
  private inNumFmts = false;
  private inCellXfs = false;

  open(name: string, tag: Tag): void {
    if (name === 'numFmts') this.inNumFmts = true;
    else if (name === 'cellXfs') this.inCellXfs = true;
    else if (name === 'numFmt' && this.inNumFmts) {
      const id = tag.int('numFmtId');
      if (id !== undefined) this.codes.set(id, tag.attr('formatCode') ?? '');
    } else if (name === 'xf' && this.inCellXfs) {
      if (this.xfs.length >= MAX_XFS) throw damaged('too-many-styles', 'it declares more cell formats than Excel allows');
      this.xfs.push(tag.int('numFmtId') ?? 0);
    }
  }

  close(name: string): void {
    if (name === 'numFmts') this.inNumFmts = false;
    else if (name === 'cellXfs') this.inCellXfs = false;
  }

  text(): void {}

  /** Cell format index → shows a date. */
  dateStyles(): boolean[] {
    return this.xfs.map((id) => {
      const code = this.codes.get(id);
      return code === undefined ? BUILT_IN_DATES.has(id) : isDateFormat(code);
    });
  }
}

/**
 * `xl/sharedStrings.xml`: each string item's text, its rich-text runs joined and phonetic runs (`rPh`) left out, as
 * Excel shows it. More items than the cell limit cannot all be used, so such a part is refused.
 */
export class SharedStringsPart implements XmlHandler {
  wantsText = false;
  readonly strings: string[] = [];
  private current = '';
  private piece = '';
  private phonetic = 0;

  constructor(private readonly limits: IngestLimits) {}

  open(name: string): void {
    if (name === 'si') {
      if (this.strings.length >= this.limits.maxCells) {
        throw new LimitError('cells', `The .xlsx file has more than ${this.limits.maxCells} cells. Delete unused rows and columns, then upload again.`);
      }
      this.current = '';
    } else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0) {
      this.piece = '';
      this.wantsText = true;
    }
  }

  close(name: string): void {
    if (name === 't' && this.wantsText) {
      this.current += decodeXEscapes(this.piece);
      this.wantsText = false;
    } else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') this.strings.push(this.current);
  }

  text(s: string): void {
    this.piece += s;
  }
}
