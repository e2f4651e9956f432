// Moves a pdfkit document's bytes into a Writable with backpressure, and stops the writer when the Writable closes.
import type { Readable, Writable } from 'node:stream';

export class OutputClosedError extends Error {
  constructor() {
    super('the output closed before the export was written');
    this.name = 'OutputClosedError';
  }
}

export interface DocStream {
  /** Waits for `out` to drain (or lets the event loop turn); rejects with OutputClosedError once `out` is gone. */
  check(): Promise<void>;
  /** Resolves when every byte is written and `out` has finished; rejects if `out` errs or closes first. */
  done: Promise<void>;
}

export function streamDoc(doc: Readable, out: Writable): DocStream {
  doc.on('data', (chunk: Buffer) => {
    if (!out.destroyed) out.write(chunk);
  });
  doc.once('end', () => {
    if (!out.destroyed) out.end();
  });
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', () => resolve());
    out.once('error', reject);
    out.once('close', () => {
      if (!out.writableFinished) reject(new OutputClosedError());
    });
  });
  // The writer may stop early (its own error): `done` must not be an unhandled rejection then.
  done.catch(() => undefined);

  const check = async (): Promise<void> => {
    if (out.destroyed) throw new OutputClosedError();
    if (out.writableNeedDrain) {
      await new Promise<void>((resolve) => {
        const go = (): void => {
          out.off('drain', go);
          out.off('close', go);
          resolve();
        };
        out.on('drain', go);
        out.on('close', go);
      });
    } else {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (out.destroyed) throw new OutputClosedError();
  };
  return { check, done };
}
