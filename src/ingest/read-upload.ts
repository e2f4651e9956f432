// One entry point for an uploaded chronology file: size check, format detection, then the format's reader and the entry builder.
import { buildEntries, SheetEntries, type BuildOptions, type BuildResult } from '../chronology/build-entries.js';
import type { RawWorkbook } from '../chronology/types.js';
import { detectFormat, type ReadableFormat } from './detect-format.js';
import { LimitError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';
import { CSV_SHEET, readCsvRows } from './read/csv.js';
import { readDocx } from './read/docx.js';
import { readSheetJs } from './read/sheetjs.js';
import { readXlsx } from './read/xlsx.js';
import { readXlsxEntries } from './read/xlsx-entries.js';
import { guardOds } from './zip-guard.js';

/** A workbook or document read whole (its best sheet or table is chosen among all). */
async function readWhole(buf: Buffer, format: Exclude<ReadableFormat, 'csv'>, limits: IngestLimits): Promise<RawWorkbook> {
  switch (format) {
    case 'xlsx':
      return readXlsx(buf, limits);
    case 'xls':
      return readSheetJs(buf, 'xls', limits);
    case 'ods':
      await guardOds(buf, limits);
      return readSheetJs(buf, 'ods', limits);
    case 'docx':
      return readDocx(buf, limits);
  }
}

/**
 * Reads an upload and builds its entries. A CSV, and an xlsx's largest sheet, are built row by row as they are
 * parsed, so entries reach the sink while the rest of the file is still read; other formats are read whole first.
 * `fileName` is only a hint for messages and is never logged or echoed.
 * Throws LimitError (413), UnsupportedFormatError (415) or UnreadableFileError (422), possibly after some entries
 * have gone to the sink.
 */
export async function buildUpload(buf: Buffer, fileName: string | undefined, limits: IngestLimits, opts: BuildOptions): Promise<BuildResult> {
  if (buf.length > limits.maxFileBytes) throw new LimitError('file-size', messages.fileSize(limits));
  const format = detectFormat(buf, fileName);
  if (format === 'xlsx') return readXlsxEntries(buf, limits, opts);
  if (format !== 'csv') return buildEntries(await readWhole(buf, format, limits), opts);
  const sheet = new SheetEntries(CSV_SHEET, opts);
  readCsvRows(buf, limits, (row) => sheet.add(row));
  return sheet.finish();
}
