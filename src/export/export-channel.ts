// The byte channel between an export worker and the response: the worker sends chunks only while it holds credit,
// the main thread gives credit back as the response takes the bytes, so a worker never runs far ahead of the socket.
import type { MessagePort } from 'node:worker_threads';
import { Readable, Writable } from 'node:stream';

/** Bytes a worker may have sent that the response has not taken yet. */
export const CREDIT_BYTES = 1024 * 1024;
/** Writes are gathered into messages of about this size. */
const MESSAGE_BYTES = 64 * 1024;

export type ToMain = { type: 'data'; chunk: Uint8Array } | { type: 'waiting' } | { type: 'end' } | { type: 'error' } | { type: 'idle' };
export type ToWorker = { type: 'credit'; bytes: number } | { type: 'stop' };

/** Thrown into the writer when the client went away: the export stops, it did not fail. */
export class ExportStopped extends Error {
  constructor() {
    super('export stopped: the client went away');
  }
}

/** Thrown into the writer when the client took no bytes for the idle limit: the export is aborted. */
export class ExportIdle extends Error {
  constructor() {
    super('export aborted: the client stopped reading');
  }
}

export interface ChannelSinkOptions {
  /** Bytes that may be ahead of the response (CREDIT_BYTES). */
  credit?: number;
  /** How long a write may wait for credit before the export is aborted (EXPORT_IDLE_SECONDS). */
  idleMs: number;
}

/** The worker's end: a Writable whose writes wait while the bytes ahead of the response exceed the credit. */
export class ChannelSink extends Writable {
  /** Sent and not yet taken by the response; its highest value; how often the writer had to wait. */
  ahead = 0;
  maxAhead = 0;
  stalls = 0;
  bytes = 0;
  /** The client went away (the main thread said stop), or it took nothing for the idle limit. */
  stopped = false;
  idle = false;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private waiting: (() => void) | null = null;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly credit: number;
  private readonly idleMs: number;

  constructor(
    private readonly port: MessagePort,
    opts: ChannelSinkOptions,
  ) {
    super({ highWaterMark: MESSAGE_BYTES });
    this.credit = opts.credit ?? CREDIT_BYTES;
    this.idleMs = opts.idleMs;
    port.on('message', (m: ToWorker) => {
      if (m.type === 'stop') {
        this.stopped = true;
        this.destroy(new ExportStopped());
        return;
      }
      this.ahead -= m.bytes;
      const go = this.waiting;
      if (go && this.ahead <= this.credit) {
        this.waiting = null;
        clearTimeout(this.idleTimer);
        go();
      }
    });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= MESSAGE_BYTES) this.flush();
    if (this.ahead > this.credit) {
      this.stalls++;
      this.port.postMessage({ type: 'waiting' } satisfies ToMain);
      this.waiting = () => done();
      // No credit back for the whole limit: the client stopped reading. The main thread ends the response; the
      // writer fails here, so the task stops and closes its store read.
      this.idleTimer = setTimeout(() => {
        this.idle = true;
        this.port.postMessage({ type: 'idle' } satisfies ToMain);
        this.destroy(new ExportIdle());
      }, this.idleMs);
    } else done();
  }

  override _final(done: (err?: Error | null) => void): void {
    this.flush();
    this.port.postMessage({ type: 'end' } satisfies ToMain);
    done();
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.waiting = null;
    clearTimeout(this.idleTimer);
    done(err);
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    // A fresh buffer of its own, moved (not copied) to the main thread.
    const chunk = new Uint8Array(this.pendingBytes);
    let at = 0;
    for (const b of this.pending) {
      chunk.set(b, at);
      at += b.length;
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.ahead += chunk.length;
    this.bytes += chunk.length;
    this.maxAhead = Math.max(this.maxAhead, this.ahead);
    this.port.postMessage({ type: 'data', chunk } satisfies ToMain, [chunk.buffer]);
  }
}

/**
 * The main thread's end: a Readable of the worker's bytes. Credit goes back as the response reads; destroying it
 * (the client went away) tells the worker to stop. Emits 'waiting' when the worker has used its credit and waits,
 * and 'idle' when the worker gave up waiting (the idle limit): it then destroys itself, which ends the response.
 */
export class ChannelSource extends Readable {
  private taken = 0;
  private done = false;

  constructor(private readonly port: MessagePort) {
    super({ highWaterMark: 256 * 1024 });
    port.on('message', (m: ToMain) => {
      if (m.type === 'data') {
        this.taken += m.chunk.length;
        this.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
      } else if (m.type === 'waiting') {
        this.emit('waiting');
      } else if (m.type === 'end') {
        this.done = true;
        port.close();
        this.push(null);
      } else if (m.type === 'idle') {
        // Destroyed without an error: the response is cut short (the client sees it incomplete), and the one line
        // about it is the pool's (export-pool.ts), not an error's.
        this.done = true;
        port.close();
        this.emit('idle');
        this.destroy();
      } else {
        this.done = true;
        port.close();
        this.destroy(new Error('export failed'));
      }
    });
  }

  override _read(): void {
    if (this.taken === 0) return;
    this.port.postMessage({ type: 'credit', bytes: this.taken } satisfies ToWorker);
    this.taken = 0;
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    if (!this.done) this.port.postMessage({ type: 'stop' } satisfies ToWorker);
    done(err);
  }
}
