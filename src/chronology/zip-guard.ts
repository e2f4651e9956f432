// Checks an xlsx zip before exceljs inflates it into memory: entry count and names, declared and actual sizes, DTDs.
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { LimitError, MiB, UnreadableFileError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';

export interface ZipGuardReport {
  entries: number;
  /** Bytes actually inflated, all entries together. */
  inflatedBytes: number;
  /** From `<workbookPr date1904=…>`; also honours "true", which exceljs 4.4 misreads as 1900. */
  date1904: boolean;
  /** Rows holding at least one `<c>` element, per worksheet part, in zip order. */
  worksheetRows: number[];
  /** `<row>` and `<c>` elements across all worksheets. */
  elements: number;
  /** Per worksheet part by name: its merged ranges, and whether exceljs's streaming reader reads it as load() would. */
  sheetParts: Map<string, SheetPart>;
}

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

const damaged = (reason: string, what: string): UnreadableFileError =>
  new UnreadableFileError(reason, `The .xlsx file is damaged or was not written by a spreadsheet program (${what}). ${messages.saveAgain}`);

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
class XmlScanner {
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
      if (tag === 'dtd') throw damaged('xml-dtd', 'an XML part declares a DTD or entities');
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
        throw damaged('xml-encoding', 'an XML part is not UTF-8');
      }
    }
  }

  date1904(): boolean {
    const pr = WORKBOOK_PR.exec(this.head)?.[0] ?? '';
    return /\bdate1904\s*=\s*["'](?:1|true)["']/i.test(pr);
  }
}

export function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** `../x`, `/x`, `C:x` and NUL would escape a directory if anything ever extracted them: no spreadsheet writes them. */
function isUnsafeName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.includes('\0') || name.split(/[\\/]/).includes('..');
}

export async function openZip(buf: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: false });
  } catch {
    throw damaged('corrupt-zip', 'its zip structure cannot be read');
  }
}

async function listEntries(zip: ZipFile, buf: Buffer, limits: IngestLimits): Promise<Array<{ entry: Entry; name: string }>> {
  if (zip.entryCount > limits.maxZipEntries) {
    throw new LimitError('zip-entries', `The .xlsx file holds more than ${limits.maxZipEntries} parts; a chronology workbook holds a few dozen. ${messages.saveAgain}`);
  }
  const list: Array<{ entry: Entry; name: string }> = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) list.push({ entry, name: entryName(entry) });
  } catch {
    throw damaged('corrupt-zip', 'its list of contents cannot be read');
  }
  for (const { entry, name } of list) {
    if (isUnsafeName(name)) throw damaged('unsafe-entry-name', 'it contains a part with an unsafe path');
    if (entry.isEncrypted()) throw damaged('encrypted-entry', 'a part is encrypted');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw damaged('compression-method', 'a part uses an unknown compression');
    declared += entry.uncompressedSize;
  }
  checkTotals(declared, buf.length, limits);
  return list;
}

/** Inflated in 256 KiB chunks (zlib's default is 16 KiB, and each chunk is a round trip to the thread pool). */
const INFLATE_CHUNK = 256 * 1024;

/** An entry's bytes as they inflate; the raw stream's errors end the inflated one. */
export async function openInflated(zip: ZipFile, entry: Entry): Promise<Readable> {
  if (entry.compressionMethod !== 8) return zip.openReadStreamPromise(entry);
  const raw = await zip.openReadStreamPromise(entry, { decompress: false });
  const inflate = createInflateRaw({ chunkSize: INFLATE_CHUNK });
  raw.on('error', (err) => inflate.destroy(err));
  inflate.on('close', () => raw.destroy());
  return raw.pipe(inflate);
}

function checkTotals(inflated: number, fileBytes: number, limits: IngestLimits): void {
  if (inflated > limits.maxInflatedBytes) {
    throw new LimitError('inflated-size', `The .xlsx file unpacks to more than ${Math.round(limits.maxInflatedBytes / MiB)} MB. Remove pictures, other sheets and empty formatted rows, then upload again.`);
  }
  if (inflated > limits.maxRatio * Math.max(fileBytes, 1)) {
    throw new LimitError('compression-ratio', `The .xlsx file unpacks to more than ${limits.maxRatio} times its size, which real workbooks do not. ${messages.saveAgain}`);
  }
}

/**
 * Refuses an xlsx that is unsafe to hand to exceljs (which inflates every part into memory): too many parts, unsafe
 * names, declared or actual inflated size over the limits, DTDs, more rows or cells than the limits. Every entry is
 * inflated as a stream and counted, so lying headers cannot get past; nested zips (xl/embeddings/…) are counted as
 * bytes of their entry and never opened — exceljs ignores them.
 */
export async function guardXlsx(buf: Buffer, limits: IngestLimits): Promise<ZipGuardReport> {
  const zip = await openZip(buf);
  try {
    const list = await listEntries(zip, buf, limits);
    if (!list.some(({ name }) => name === 'xl/workbook.xml')) throw damaged('not-xlsx', 'it has no workbook part');
    const report: ZipGuardReport = { entries: list.length, inflatedBytes: 0, date1904: false, worksheetRows: [], elements: 0, sheetParts: new Map() };
    for (const { entry, name } of list) {
      const isXml = /\.(xml|rels|vml)$/i.test(name);
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
      const scanner = isXml ? new XmlScanner(isSheet, name === 'xl/workbook.xml') : null;
      let actual = 0;
      let stream: Readable;
      try {
        stream = await openInflated(zip, entry);
      } catch {
        throw damaged('corrupt-zip', 'a part cannot be opened');
      }
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          actual += chunk.length;
          report.inflatedBytes += chunk.length;
          checkTotals(report.inflatedBytes, buf.length, limits);
          scanner?.push(chunk);
          if (scanner && report.elements + scanner.elements > limits.maxCells) {
            throw new LimitError('cells', `The .xlsx file has more than ${limits.maxCells} cells. Delete unused rows and columns, then upload again.`);
          }
          if (scanner && scanner.rows > limits.maxRows) {
            throw new LimitError('rows', `A sheet has more than ${limits.maxRows} rows. Split the chronology or delete the empty rows at the end, then upload again.`);
          }
        }
      } catch (err) {
        stream.destroy();
        if (err instanceof LimitError || err instanceof UnreadableFileError) throw err;
        throw damaged('corrupt-zip', 'a part cannot be unpacked');
      }
      scanner?.push(Buffer.alloc(0), true);
      if (actual !== entry.uncompressedSize) throw damaged('size-mismatch', 'a part is not the size its header says');
      if (scanner?.sheet) report.sheetParts.set(name, scanner.sheet);
      if (scanner && isSheet) {
        report.worksheetRows.push(scanner.rows);
        report.elements += scanner.elements;
        if (scanner.rows > limits.maxRows) throw new LimitError('rows', `A sheet has more than ${limits.maxRows} rows. Split the chronology or delete the empty rows at the end, then upload again.`);
      }
      if (name === 'xl/workbook.xml' && scanner) report.date1904 = scanner.date1904();
    }
    return report;
  } finally {
    zip.close();
  }
}
