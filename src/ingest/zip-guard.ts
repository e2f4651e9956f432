// Checks an xlsx zip before exceljs inflates it into memory: entry count and names, declared and actual sizes, DTDs.
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { LimitError, MiB, UnreadableFileError, messages } from './limits.js';
import { XmlScanner, damaged, type SheetPart } from './xml-scan.js';
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
