// One entry point for an uploaded chronology file: size check, format detection, then the xlsx or csv reader and the entry builder.
import { buildEntries, SheetEntries, type BuildOptions, type BuildResult } from '../chronology/build-entries.js';
import { detectFormat } from './detect-format.js';
import { LimitError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';
import { CSV_SHEET, readCsvRows } from './read/csv.js';
import { readXlsx } from './read/xlsx.js';

/**
 * Reads an upload and builds its entries. A CSV is built row by row as it is parsed, so entries reach the sink
 * while the rest of the file is still read; a workbook is read whole first (its best sheet is chosen among all).
 * `fileName` is only a hint for messages and is never logged or echoed.
 * Throws LimitError (413), UnsupportedFormatError (415) or UnreadableFileError (422), possibly after some entries
 * have gone to the sink.
 */
export async function buildUpload(buf: Buffer, fileName: string | undefined, limits: IngestLimits, opts: BuildOptions): Promise<BuildResult> {
  if (buf.length > limits.maxFileBytes) throw new LimitError('file-size', messages.fileSize(limits));
  if (detectFormat(buf, fileName) === 'xlsx') return buildEntries(await readXlsx(buf, limits), opts);
  const sheet = new SheetEntries(CSV_SHEET, opts);
  readCsvRows(buf, limits, (row) => sheet.add(row));
  return sheet.finish();
}
