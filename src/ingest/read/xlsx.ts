// Reads an .xlsx upload into raw cells per row, with 1-based row numbers as Excel shows them: straight from the
// guarded zip, each part inflated in chunks and scanned as it comes (no DOM, no temporary files), every part counted.
import type { Entry } from 'yauzl';
import type { RawSheet, RawWorkbook } from '../../chronology/types.js';
import { MiB, type IngestLimits } from '../limits.js';
import { XmlScanner, damaged } from '../xml-scan.js';
import { GuardedZip } from '../zip-guard.js';
import { RelsPart, SharedStringsPart, StylesPart, WorkbookPart } from './xlsx-parts.js';
import { SheetPart, type SheetContext } from './xlsx-sheet.js';
import { corruptXlsx } from './xlsx-cells.js';
import { XmlTokens, type XmlHandler } from './xml-tokens.js';

const REL_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_REL_TYPES = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';
const relType = (type: string): string => (type.startsWith(REL_TYPES) ? type.slice(REL_TYPES.length) : type.startsWith(STRICT_REL_TYPES) ? type.slice(STRICT_REL_TYPES.length) : type);

export async function parsePart(zip: GuardedZip, entry: Entry, handler: XmlHandler, limits: IngestLimits): Promise<void> {
  // The longest text a cell may hold, written with the widest escapes (`&#x10FFFF;` per character), and some room.
  const tokens = new XmlTokens(handler, Math.max(MiB, limits.maxCellChars * 10));
  for await (const chunk of zip.inflate(entry)) tokens.push(chunk);
  tokens.end();
}

/** A part nothing reads: inflated and counted all the same (a lying header is found out), and no DTD if it is XML. */
async function checkPart(zip: GuardedZip, entry: Entry, name: string): Promise<void> {
  const scanner = /\.(xml|rels|vml)$/i.test(name) ? new XmlScanner() : null;
  for await (const chunk of zip.inflate(entry)) scanner?.push(chunk);
  scanner?.push(Buffer.alloc(0), true);
}

/** An opened workbook: its worksheets in tab order, what their cells need, every other part already checked. */
export interface OpenWorkbook {
  zip: GuardedZip;
  sheets: { name: string; entry: Entry }[];
  ctx: SheetContext;
  date1904: boolean;
}

/**
 * Opens the guarded zip and reads the workbook, its relationships, styles and shared strings; every part no sheet
 * reader reads is inflated and checked first, so a bomb among the pictures is refused before any sheet is read.
 * The caller closes `zip`.
 */
export async function openWorkbook(buf: Buffer, limits: IngestLimits): Promise<OpenWorkbook> {
  const zip = await GuardedZip.open(buf, limits);
  try {
    const workbookEntry = zip.find('xl/workbook.xml');
    if (!workbookEntry) throw damaged('not-xlsx', 'it has no workbook part');
    const workbook = new WorkbookPart();
    await parsePart(zip, workbookEntry, workbook, limits);
    const rels = new RelsPart('xl/');
    const relsEntry = zip.find('xl/_rels/workbook.xml.rels');
    if (relsEntry) await parsePart(zip, relsEntry, rels, limits);
    const byType = (type: string, fallback: string): string => [...rels.targets.values()].find((t) => relType(t.type) === type)?.target ?? fallback;

    const read = new Set<Entry>([workbookEntry, ...(relsEntry ? [relsEntry] : [])]);
    const styles = new StylesPart();
    const stylesEntry = zip.find(byType('styles', 'xl/styles.xml'));
    if (stylesEntry) await parsePart(zip, stylesEntry, styles, limits);
    const strings = new SharedStringsPart(limits);
    const stringsEntry = zip.find(byType('sharedStrings', 'xl/sharedStrings.xml'));
    if (stringsEntry) await parsePart(zip, stringsEntry, strings, limits);
    for (const e of [stylesEntry, stringsEntry]) if (e) read.add(e);

    const sheets = workbook.sheets.flatMap((sheet) => {
      const rel = rels.targets.get(sheet.rid);
      if (rel && relType(rel.type) !== 'worksheet') return []; // a chart sheet or dialog sheet holds no table
      const entry = rel && zip.find(rel.target);
      if (!entry) throw corruptXlsx();
      read.add(entry);
      return [{ name: sheet.name, entry }];
    });
    for (const { entry, name } of zip.parts) if (!read.has(entry)) await checkPart(zip, entry, name);
    const ctx: SheetContext = { strings: strings.strings, dateStyles: styles.dateStyles(), date1904: workbook.date1904, limits, elements: { count: 0 } };
    return { zip, sheets, ctx, date1904: workbook.date1904 };
  } catch (err) {
    zip.close();
    throw err;
  }
}

/** One worksheet read whole: its rows after merges. `index` is its place among the worksheets (0-based). */
export async function readSheet(book: OpenWorkbook, index: number): Promise<RawSheet> {
  const { name, entry } = book.sheets[index] as OpenWorkbook['sheets'][number];
  const part = new SheetPart(book.ctx, index + 1);
  await parsePart(book.zip, entry, part, book.ctx.limits);
  return { name, rows: part.rows() };
}

/**
 * Reads every worksheet, in tab order. Dates: a number in a cell whose format shows a date becomes the Date Excel
 * shows (UTC fields), in the workbook's date system. Merged ranges: slaves lose their value and a short value
 * repeats down a vertical merge (merges.ts). exceljs's load() reads the same rows (test/ingest/read/xlsx-differential.test.ts).
 * Refuses what the zip guard refuses (names, sizes, ratio, encryption, DTDs) and more cells or rows than the limits.
 */
export async function readXlsx(buf: Buffer, limits: IngestLimits): Promise<RawWorkbook> {
  const book = await openWorkbook(buf, limits);
  try {
    const sheets: RawSheet[] = [];
    for (let i = 0; i < book.sheets.length; i++) sheets.push(await readSheet(book, i));
    return { format: 'xlsx', sheets, date1904: book.date1904 };
  } finally {
    book.zip.close();
  }
}
