// Reads the chronology out of a Word .docx: word/document.xml streamed from the guarded zip through the safe XML
// parser into the table walker; every body-level table becomes a sheet named "Table N" for the header finder to choose from.
import type { RawWorkbook } from '../../chronology/types.js';
import { LimitError, messages, type IngestLimits } from '../limits.js';
import { SafeXmlParser } from '../safe-xml.js';
import { damaged } from '../xml-scan.js';
import { GuardedZip } from '../zip-guard.js';
import { tableSheet } from './docx-sheet.js';
import { TableWalker, type DocxTable } from './docx-tables.js';

const DOCUMENT = 'word/document.xml';

/**
 * The body-level tables of a .docx as Word lays them out (cells with their spans and merges, before they are put on
 * the grid). Only document.xml is inflated (pictures and embedded files are never opened); its bytes count against
 * the zip limits as they inflate, and it is refused as soon as it inflates past the size its header says, and the walker stops a table or cell that grows past the row, cell or size limits.
 */
export async function readDocxTables(buf: Buffer, limits: IngestLimits): Promise<DocxTable[]> {
  const zip = await GuardedZip.open(buf, limits, '.docx');
  try {
    const entry = zip.find(DOCUMENT);
    if (!entry) throw damaged('not-docx', 'it has no document part', '.docx');
    const walker = new TableWalker(limits, (what) => {
      if (what === 'cell') return new LimitError('cell', `A table cell holds more than ${limits.maxCellChars} characters. Split the text over continuation rows, then upload again.`);
      if (what === 'rows') return new LimitError('rows', `A table has more than ${limits.maxRows} rows. Split the chronology, then upload again.`);
      return new LimitError('cells', `The document's tables have more than ${limits.maxCells} cells. ${messages.saveAgain}`);
    });
    const parser = new SafeXmlParser(
      {
        open: (tag) => walker.open(tag.name, tag.attributes),
        close: (tag) => walker.close(tag.name),
        text: (text) => walker.text(text),
      },
      '.docx',
    );
    for await (const chunk of zip.inflate(entry, true)) parser.write(chunk);
    parser.end();
    return walker.tables;
  } finally {
    zip.close();
  }
}

/** Every body-level table of a .docx as a sheet named "Table N", rows numbered as in the table. */
export async function readDocx(buf: Buffer, limits: IngestLimits): Promise<RawWorkbook> {
  const tables = await readDocxTables(buf, limits);
  return { format: 'docx', sheets: tables.map((t, i) => tableSheet(t, i, limits)), date1904: false };
}
