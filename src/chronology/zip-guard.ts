// Checks an xlsx zip before exceljs inflates it into memory: entry count and names, declared and actual sizes, DTDs.
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
}

const damaged = (reason: string, what: string): UnreadableFileError =>
  new UnreadableFileError(reason, `The .xlsx file is damaged or was not written by a spreadsheet program (${what}). ${messages.saveAgain}`);

const CARRY = 32; // longer than any token scanned for, so a token split over two chunks is seen exactly once
const TOKEN = /<!(?:doctype|entity)|<(?:\w+:)?(row|c)[\s>/]/gi;
const WORKBOOK_PR = /<(?:\w+:)?workbookPr\b[^>]*>/;

/** Scans one XML part chunk by chunk: refuses DTDs, counts rows and cells of worksheets. */
class XmlScanner {
  private carry = '';
  private pendingRow = false;
  private head = '';
  private started = false;
  rows = 0;
  /** `<row>` and `<c>` elements: each becomes an object in exceljs's model, empty or not. */
  elements = 0;
  constructor(
    private readonly countCells: boolean,
    private readonly keepHead: boolean,
  ) {}

  push(chunk: Buffer, final = false): void {
    if (!this.started && chunk.length >= 2) {
      this.started = true;
      // UTF-16 XML would hide a DOCTYPE from a byte scan; Excel writes UTF-8 only.
      if (chunk[0] === 0 || chunk[1] === 0 || (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw damaged('xml-encoding', 'an XML part is not UTF-8');
      }
    }
    const text = this.carry + chunk.toString('latin1');
    if (this.keepHead && this.head.length < MiB) this.head += text.slice(this.carry.length);
    const end = final ? text.length : text.length - CARRY;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(text); m !== null && m.index < end; m = TOKEN.exec(text)) {
      const tag = m[1];
      if (tag === undefined) throw damaged('xml-dtd', 'an XML part declares a DTD or entities');
      if (!this.countCells) continue;
      this.elements++;
      if (tag === 'row') this.pendingRow = true;
      else if (tag === 'c') {
        if (this.pendingRow) {
          this.rows++;
          this.pendingRow = false;
        }
      }
    }
    this.carry = final ? '' : text.slice(Math.max(0, end));
  }

  date1904(): boolean {
    const pr = WORKBOOK_PR.exec(this.head)?.[0] ?? '';
    return /\bdate1904\s*=\s*["'](?:1|true)["']/i.test(pr);
  }
}

function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

/** `../x`, `/x`, `C:x` and NUL would escape a directory if anything ever extracted them: no spreadsheet writes them. */
function isUnsafeName(name: string): boolean {
  return /^[\\/]/.test(name) || /^[a-zA-Z]:/.test(name) || name.includes('\0') || name.split(/[\\/]/).includes('..');
}

async function openZip(buf: Buffer): Promise<ZipFile> {
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
    const report: ZipGuardReport = { entries: list.length, inflatedBytes: 0, date1904: false, worksheetRows: [], elements: 0 };
    for (const { entry, name } of list) {
      const isXml = /\.(xml|rels|vml)$/i.test(name);
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
      const scanner = isXml ? new XmlScanner(isSheet, name === 'xl/workbook.xml') : null;
      let actual = 0;
      let stream;
      try {
        stream = await zip.openReadStreamPromise(entry);
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
