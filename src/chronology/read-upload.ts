// One entry point for an uploaded chronology file: size check, format detection, then the xlsx or csv reader.
import type { RawWorkbook } from './types.js';
import { detectFormat } from './detect-format.js';
import { LimitError, messages } from './limits.js';
import type { IngestLimits } from './limits.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';

/**
 * Reads an upload into raw cells. `fileName` is only a hint for messages and is never logged or echoed.
 * Throws LimitError (413), UnsupportedFormatError (415) or UnreadableFileError (422).
 */
export async function readUpload(buf: Buffer, fileName: string | undefined, limits: IngestLimits): Promise<RawWorkbook> {
  if (buf.length > limits.maxFileBytes) throw new LimitError('file-size', messages.fileSize(limits));
  const format = detectFormat(buf, fileName);
  return format === 'xlsx' ? readXlsx(buf, limits) : readCsv(buf, limits);
}
