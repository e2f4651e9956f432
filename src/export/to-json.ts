// Streams the timeline's JSON document: the head's fields, the entries one by one, then the tail's (known only at the end).
import { Readable } from 'node:stream';
import type { TimelineEntry } from '../chronology/types.js';

const CHUNK_CHARS = 64 * 1024;

async function* jsonChunks(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, head: Record<string, unknown>, tail: () => Record<string, unknown>): AsyncGenerator<string> {
  const open = JSON.stringify(head);
  let buf = `${open.slice(0, -1)}${open.length > 2 ? ',' : ''}"entries":[`;
  let first = true;
  for await (const e of entries) {
    buf += (first ? '' : ',') + JSON.stringify(e);
    first = false;
    if (buf.length >= CHUNK_CHARS) {
      yield buf;
      buf = '';
    }
  }
  const close = JSON.stringify(tail());
  yield `${buf}],${close.slice(1)}`;
}

/** `{...head, "entries": [...], ...tail()}` as UTF-8, pulling entries only as fast as it is read; `tail` is asked last. */
export function timelineToJson(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, head: Record<string, unknown>, tail: () => Record<string, unknown>): Readable {
  return Readable.from(jsonChunks(entries, head, tail), { objectMode: false });
}
