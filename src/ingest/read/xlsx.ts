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

async function parsePart(zip: GuardedZip, entry: Entry, handler: XmlHandler, limits: IngestLimits): Promise<void> {
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

/**
 * Reads every worksheet, in tab order. Dates: a number in a cell whose format shows a date becomes the Date Excel
 * shows (UTC fields), in the workbook's date system. Merged ranges: slaves lose their value and a short value
 * repeats down a vertical merge (merges.ts). exceljs's load() reads the same rows (test/ingest/read/xlsx-differential.test.ts).
 * Refuses what the zip guard refuses (names, sizes, ratio, encryption, DTDs) and more cells or rows than the limits.
 */
export async function readXlsx(buf: Buffer, limits: IngestLimits): Promise<RawWorkbook> {
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

    const sheetEntries = workbook.sheets.flatMap((sheet) => {
      const rel = rels.targets.get(sheet.rid);
      if (rel && relType(rel.type) !== 'worksheet') return []; // a chart sheet or dialog sheet holds no table
      const entry = rel && zip.find(rel.target);
      if (!entry) throw corruptXlsx();
      read.add(entry);
      return [{ name: sheet.name, entry }];
    });
    // Everything else first, so a bomb among the pictures is refused before any sheet is read.
    for (const { entry, name } of zip.parts) if (!read.has(entry)) await checkPart(zip, entry, name);

    const ctx: SheetContext = { strings: strings.strings, dateStyles: styles.dateStyles(), date1904: workbook.date1904, limits, elements: { count: 0 } };
    const sheets: RawSheet[] = [];
    for (const [i, { name, entry }] of sheetEntries.entries()) {
      const part = new SheetPart(ctx, i + 1);
      await parsePart(zip, entry, part, limits);
      sheets.push({ name, rows: part.rows() });
    }
    return { format: 'xlsx', sheets, date1904: workbook.date1904 };
  } finally {
    zip.close();
  }
}
