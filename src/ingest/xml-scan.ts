// Reads an xlsx's XML parts as bytes while they inflate: refuses DTDs, counts worksheet rows and cells, and notes
// what the streaming reader needs to know of each worksheet (its merged ranges, whether it can read it as load() does).
import { MiB, UnreadableFileError, messages } from './limits.js';

export interface SheetPart {
  /** `<mergeCell ref>` values, e.g. 'A1:G1' (the streaming reader ignores merges). */
  merges: string[];
  /**
   * Every row and cell element is unprefixed with its `r` reference near its start, no cell holds inline rich text
   * and none is an error, boolean or ISO date: the streaming reader numbers rows and cells by `r`, keeps only the last
   * run of inline rich text, and reads those types' formula results as numbers.
   */
  streamable: boolean;
}

/** `file` names the kind of file in the message: '.xlsx' (the default), '.ods', '.docx'. */
export const damaged = (reason: string, what: string, file = '.xlsx'): UnreadableFileError =>
  new UnreadableFileError(reason, `The ${file} file is damaged or was not written by ${file === '.docx' ? 'Word' : 'a spreadsheet program'} (${what}). ${messages.saveAgain}`);

const CARRY = 64; // longer than any token scanned for (and the window read after it), so a token split over two chunks is seen exactly once
const LT = 0x3c;
const EMPTY = Buffer.alloc(0);
const DOCTYPE = Buffer.from('doctype');
const ENTITY = Buffer.from('entity');
const ROW = Buffer.from('row');

/** ASCII letters compared without case (bytes 0x41–0x5a and 0x61–0x7a only, as a non-Unicode /i pattern does). */
function hasWordAt(bytes: Buffer, at: number, lower: Buffer): boolean {
  if (at + lower.length > bytes.length) return false;
  for (let i = 0; i < lower.length; i++) if (((bytes[at + i] ?? 0) | 0x20) !== lower[i]) return false;
  return true;
}

const isWordByte = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f);
/** `[\s>/]` on latin1 text: tab, LF, VT, FF, CR, space, NBSP, '>' and '/'. */
const isNameEnd = (b: number | undefined): boolean =>
  b !== undefined && ((b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0 || b === 0x3e || b === 0x2f);

function nameAt(bytes: Buffer, at: number): 'row' | 'c' | null {
  if (hasWordAt(bytes, at, ROW) && isNameEnd(bytes[at + 3])) return 'row';
  if (((bytes[at] ?? 0) | 0x20) === 0x63 && isNameEnd(bytes[at + 1])) return 'c';
  return null;
}

/**
 * The token at a '<', byte for byte what `/<!(?:doctype|entity)|<(?:\w+:)?(row|c)[\s>/]/gi` matches there on the
 * latin1 text: a DTD, a (namespaced) row or cell element, or nothing. A match holds one '<', so each is seen once.
 */
export function tokenAt(bytes: Buffer, lt: number): 'dtd' | 'row' | 'c' | null {
  if (bytes[lt + 1] === 0x21) return hasWordAt(bytes, lt + 2, DOCTYPE) || hasWordAt(bytes, lt + 2, ENTITY) ? 'dtd' : null;
  let word = lt + 1;
  while (isWordByte(bytes[word])) word++;
  const prefixed = word > lt + 1 && bytes[word] === 0x3a ? nameAt(bytes, word + 1) : null;
  return prefixed ?? nameAt(bytes, lt + 1);
}
const WORKBOOK_PR = /<(?:\w+:)?workbookPr\b[^>]*>/;
const GT = 0x3e;
const QUOTES = new Set([0x22, 0x27]);
const MERGE_CELL = Buffer.from('mergeCell');
const REF = Buffer.from('ref="');

/**
 * Reads a row or cell element's opening tag as far as the window reaches: whether it has its ` r="…"` reference,
 * and whether its type ` t="…"` is one the streaming reader reads wrongly as a formula's result (an error or a
 * boolean becomes a number) or at all (an ISO date).
 */
function referenceAndType(bytes: Buffer, at: number): { hasRef: boolean; oddType: boolean } {
  let hasRef = false;
  let oddType = false;
  const end = Math.min(bytes.length - 3, at + CARRY);
  for (let i = at + 2; i < end && bytes[i] !== GT; i++) {
    if (bytes[i] !== 0x20 || bytes[i + 2] !== 0x3d || !QUOTES.has(bytes[i + 3] ?? 0)) continue;
    const name = bytes[i + 1];
    if (name === 0x72) hasRef = true;
    else if (name === 0x74) {
      const t = bytes[i + 4];
      oddType ||= t === 0x65 || t === 0x62 || t === 0x64; // e, b, d
    }
  }
  return { hasRef, oddType };
}

/** What a worksheet scan remembers for the streaming reader (see SheetPart). */
class SheetFacts implements SheetPart {
  merges: string[] = [];
  streamable = true;

  /** At a '<' that tokenAt read as `tag`. */
  see(bytes: Buffer, at: number, tag: 'row' | 'c' | null): void {
    const first = bytes[at + 1];
    if (tag !== null) {
      // Unprefixed (its own letter right after '<'), with its reference (`<row r="12"`, `<c r="B12"`), of a usual type.
      const { hasRef, oddType } = referenceAndType(bytes, at);
      if ((first !== 0x72 && first !== 0x63) || !hasRef || oddType) this.streamable = false;
    } else if (first === 0x72 && isNameEnd(bytes[at + 2])) {
      this.streamable = false; // `<r>`: a run of inline rich text
    } else if (
      first === 0x6d &&
      bytes.compare(MERGE_CELL, 0, MERGE_CELL.length, at + 1, at + 1 + MERGE_CELL.length) === 0 &&
      isNameEnd(bytes[at + 1 + MERGE_CELL.length])
    ) {
      this.mergeAt(bytes, at);
    }
  }

  /** `<mergeCell ref="A1:G1"/>`: its range, read within the window. */
  private mergeAt(bytes: Buffer, at: number): void {
    const window = bytes.subarray(at, Math.min(bytes.length, at + CARRY));
    const from = window.indexOf(REF);
    const to = from >= 0 ? window.indexOf(0x22, from + REF.length) : -1;
    if (to < 0) this.streamable = false;
    else this.merges.push(window.toString('latin1', from + REF.length, to));
  }
}

/** Scans one XML part chunk by chunk: refuses DTDs, counts rows and cells of worksheets. */
export class XmlScanner {
  private carry: Buffer = EMPTY;
  private pendingRow = false;
  private head = '';
  private started = false;
  rows = 0;
  /** `<row>` and `<c>` elements: each becomes an object in exceljs's model, empty or not. */
  elements = 0;
  /** Worksheets only. */
  readonly sheet: SheetFacts | undefined;
  constructor(
    private readonly countCells: boolean,
    private readonly keepHead: boolean,
    private readonly file = '.xlsx',
  ) {
    this.sheet = countCells ? new SheetFacts() : undefined;
  }

  push(chunk: Buffer, final = false): void {
    this.checkStart(chunk);
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    if (this.keepHead && this.head.length < MiB) this.head += chunk.toString('latin1');
    const end = final ? bytes.length : bytes.length - CARRY;
    for (let at = bytes.indexOf(LT); at >= 0 && at < end; at = bytes.indexOf(LT, at + 1)) {
      const tag = tokenAt(bytes, at);
      if (tag !== 'dtd') this.sheet?.see(bytes, at, tag);
      if (tag === null) continue;
      if (tag === 'dtd') throw damaged('xml-dtd', 'an XML part declares a DTD or entities', this.file);
      if (!this.countCells) continue;
      this.elements++;
      if (tag === 'row') this.pendingRow = true;
      else if (this.pendingRow) {
        this.rows++;
        this.pendingRow = false;
      }
    }
    this.carry = final ? EMPTY : Buffer.from(bytes.subarray(Math.max(0, end)));
  }

  private checkStart(chunk: Buffer): void {
    if (!this.started && chunk.length >= 2) {
      this.started = true;
      // UTF-16 XML would hide a DOCTYPE from a byte scan; Excel writes UTF-8 only.
      if (chunk[0] === 0 || chunk[1] === 0 || (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw damaged('xml-encoding', 'an XML part is not UTF-8', this.file);
      }
    }
  }

  date1904(): boolean {
    const pr = WORKBOOK_PR.exec(this.head)?.[0] ?? '';
    return /\bdate1904\s*=\s*["'](?:1|true)["']/i.test(pr);
  }
}
