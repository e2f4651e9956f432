// Packs a successful ingest into one transferable buffer of V8-serialised slices, and reads it back a slice at a time.
import { deserialize, serialize } from 'node:v8';
import type { EntryInput, IngestReport } from './types.js';

/** Entries per frame: a frame is deserialised in a few milliseconds, so its reader can yield between frames. */
export const FRAME_ENTRIES = 1000;

interface FramesHead {
  report: IngestReport;
  count: number;
}

/**
 * Layout: frames back to back, each a 4-byte little-endian length then a V8 serialisation (node:v8, the format
 * postMessage uses). The first frame is the head `{ report, count }`, then arrays of up to FRAME_ENTRIES entries.
 * The buffer is fresh and exactly sized, so moving it to another thread carries nothing else.
 */
export function packEntries(report: IngestReport, entries: readonly EntryInput[]): Uint8Array {
  const frames: Buffer[] = [serialize({ report, count: entries.length } satisfies FramesHead)];
  for (let i = 0; i < entries.length; i += FRAME_ENTRIES) frames.push(serialize(entries.slice(i, i + FRAME_ENTRIES)));
  const out = new Uint8Array(frames.reduce((n, f) => n + 4 + f.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const f of frames) {
    view.setUint32(at, f.length, true);
    out.set(f, at + 4);
    at += 4 + f.length;
  }
  return out;
}

/**
 * A packed ingest on the receiving side: the report and count at once, the entries only frame by frame, so a
 * consumer that writes them out (the upload's store) never holds all of them as objects. Readable many times.
 */
export class PackedEntries {
  readonly report: IngestReport;
  readonly length: number;
  private readonly view: DataView;
  private readonly firstFrame: number;

  constructor(private readonly packed: Uint8Array) {
    this.view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    const head = this.frameAt(0).value as FramesHead;
    this.report = head.report;
    this.length = head.count;
    this.firstFrame = this.frameAt(0).next;
  }

  private frameAt(at: number): { value: unknown; next: number } {
    const length = this.view.getUint32(at, true);
    return { value: deserialize(this.packed.subarray(at + 4, at + 4 + length)), next: at + 4 + length };
  }

  /** The entries in order, up to FRAME_ENTRIES at a time. */
  *frames(): Generator<EntryInput[]> {
    let at = this.firstFrame;
    for (let read = 0; read < this.length; ) {
      const frame = this.frameAt(at);
      const entries = frame.value as EntryInput[];
      at = frame.next;
      read += entries.length;
      yield entries;
    }
  }

  /** Every entry as one array, yielding (`between`) after each frame. */
  async toArray(between: () => Promise<void>): Promise<EntryInput[]> {
    const all: EntryInput[] = [];
    for (const frame of this.frames()) {
      for (const e of frame) all.push(e);
      await between();
    }
    return all;
  }
}

/** Slices of at most `size` entries from an array, or a packed ingest's own frames (FRAME_ENTRIES each). */
export function* entrySlices(entries: readonly EntryInput[] | PackedEntries, size: number): Generator<readonly EntryInput[]> {
  if (entries instanceof PackedEntries) {
    yield* entries.frames();
    return;
  }
  for (let i = 0; i < entries.length; i += size) yield entries.slice(i, i + size);
}
