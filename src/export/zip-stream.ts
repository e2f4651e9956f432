// A zip written as it goes (yazl): small parts as buffers, one large part streamed as XML text with backpressure.
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** The large part is handed to the compressor in pieces of about this many characters. */
const PIECE_CHARS = 64 * 1024;
/** Deflate level of the parts: 6 is zlib's default; the XML compresses about tenfold at it. */
const LEVEL = 6;

/** Text written into one zip member as it is produced. */
export interface PartWriter {
  /** Adds text; resolves at once unless the output is behind, then when it has caught up. */
  write(text: string): Promise<void> | undefined;
  /** The member is complete. */
  end(): void;
}

export interface ZipStream {
  /** A member whose whole content is known now (added in order after the members before it). */
  add(name: string, content: string | Buffer): void;
  /** A member written as it is produced; only one at a time, and added before any member that follows it. */
  part(name: string): PartWriter;
  /** Ends the zip and resolves when every byte has been handed to the output (rejects if the output failed). */
  finish(): Promise<void>;
}

/** Thrown into a writer whose output has gone (the client disconnected, the stream was destroyed). */
export class OutputClosedError extends Error {
  constructor() {
    super('the export output closed before the export was complete');
    this.name = 'OutputClosedError';
  }
}

export function zipStream(out: Writable, mtime: Date): ZipStream {
  const zip = new yazl.ZipFile();
  let failed: Error | undefined;
  let wakeOnFailure: (() => void) | undefined;
  const done = pipeline(zip.outputStream, out).catch((err: unknown) => {
    failed = err instanceof Error ? err : new OutputClosedError();
    wakeOnFailure?.();
    throw failed;
  });
  // Awaited in finish(); until then a failure is seen by the next write.
  done.catch(() => undefined);
  const options = { mtime, compressionLevel: LEVEL };
  return {
    add(name, content) {
      zip.addBuffer(typeof content === 'string' ? Buffer.from(content, 'utf8') : content, name, options);
    },
    part(name) {
      const stream = new PassThrough({ highWaterMark: 256 * 1024 });
      zip.addReadStream(stream, name, options);
      let pending = '';
      const flush = (): boolean => {
        const ok = stream.write(pending, 'utf8');
        pending = '';
        return ok;
      };
      return {
        write(text) {
          if (failed) throw new OutputClosedError();
          pending += text;
          if (pending.length < PIECE_CHARS || flush()) return undefined;
          return new Promise<void>((resolve, reject) => {
            wakeOnFailure = () => reject(new OutputClosedError());
            stream.once('drain', () => {
              wakeOnFailure = undefined;
              if (failed) reject(new OutputClosedError());
              else resolve();
            });
          });
        },
        end() {
          if (pending.length > 0) flush();
          stream.end();
        },
      };
    },
    async finish() {
      zip.end();
      await done;
    },
  };
}
