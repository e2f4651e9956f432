// An .xlsx upload read straight into entries: the workbook's largest worksheet streams through the entry builder as
// it inflates (chronology/streamed-workbook.ts), so entries reach the store while the rest is read and no sheet of
// 50 000 rows is ever held whole; the other worksheets are read whole first, as readXlsx reads them.
import { buildEntries, type BuildOptions, type BuildResult } from '../../chronology/build-entries.js';
import { StreamedWorkbook } from '../../chronology/streamed-workbook.js';
import type { EntryInput, RawSheet } from '../../chronology/types.js';
import type { IngestLimits } from '../limits.js';
import { openWorkbook, parsePart, readSheet, readXlsx } from './xlsx.js';
import { SheetPart } from './xlsx-sheet.js';

/**
 * Gives what buildEntries(readXlsx(buf)) gives. A streamed sheet with merged cells or rows out of order is not what
 * it looked like while it streamed: the workbook is then read again whole, after `opts.restart` has voided whatever
 * entries went to the sink.
 */
export async function readXlsxEntries(buf: Buffer, limits: IngestLimits, opts: BuildOptions): Promise<BuildResult> {
  const book = await openWorkbook(buf, limits);
  let sent = false;
  try {
    if (book.sheets.length === 0) return buildEntries({ format: 'xlsx', sheets: [], date1904: book.date1904 }, opts);
    let big = 0;
    book.sheets.forEach((s, i) => {
      if (s.entry.uncompressedSize > (book.sheets[big]?.entry.uncompressedSize ?? 0)) big = i;
    });
    const others: (RawSheet | null)[] = [];
    for (let i = 0; i < book.sheets.length; i++) others.push(i === big ? null : await readSheet(book, i));
    const { sink } = opts;
    const counted = sink && ((entries: EntryInput[]): void => {
      sent = true;
      sink(entries);
    });
    const { name, entry } = book.sheets[big] as (typeof book.sheets)[number];
    const streamed = new StreamedWorkbook(others, name, book.date1904, { ...opts, sink: counted });
    const part = new SheetPart(book.ctx, big + 1, (row) => streamed.add(row));
    await parsePart(book.zip, entry, part, limits);
    if (part.streamedAsRead) return streamed.finish();
  } finally {
    book.zip.close();
  }
  if (sent) {
    if (!opts.restart) throw new Error('entries streamed to a sink that cannot restart');
    opts.restart();
  }
  return buildEntries(await readXlsx(buf, limits), opts);
}
