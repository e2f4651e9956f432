// Streams a timeline as CSV for Excel: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection neutralised.
import { Readable } from 'node:stream';
import type { TimelineEntry } from '../chronology/types.js';
import { neutraliseFormula } from './cell-safety.js';
import { TIMELINE_COLUMNS, timelineRowTexts } from './columns.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';
/** Rows are gathered into chunks of about this many characters before they are pushed. */
const CHUNK_CHARS = 64 * 1024;

/** One field, neutralised and quoted when it holds a quote, comma, CR or LF (or leading/trailing space). */
export function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + CRLF;
}

async function* csvChunks(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>): AsyncGenerator<Buffer> {
  let pending = BOM + csvLine(TIMELINE_COLUMNS);
  for await (const e of entries) {
    const texts = timelineRowTexts(e);
    pending += csvLine(TIMELINE_COLUMNS.map((c) => texts[c]));
    if (pending.length >= CHUNK_CHARS) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending.length > 0) yield Buffer.from(pending, 'utf8');
}

/** A Readable of UTF-8 bytes: BOM, header row, one row per entry; pulls entries only as fast as it is read. */
export function timelineToCsv(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>): Readable {
  return Readable.from(csvChunks(entries), { objectMode: false });
}
