// The main thread's side of the SQLite store thread (store-worker.ts): requests as promises, errors as they were thrown.
import { Piscina } from 'piscina';
import { transferOf, type EntryBatch } from './entry-batch.js';
import { workerScript } from '../worker-script.js';
import type { EntrySink, EntryTarget } from './entry-writer.js';
import { DurabilityError } from './sqlite-writer.js';
import type { StoreFailure, StoreQueryResult, StoreReply, StoreRequest } from './store-protocol.js';

const script = workerScript('store-worker', import.meta.url);

/** An error from the store thread, with the SQLite code the error handler and the retry read (SQLITE_FULL → 507 …). */
function rebuilt(f: StoreFailure): Error {
  if (f.name === 'DurabilityError') return new DurabilityError(f.message);
  const err = new Error(f.message) as Error & { code?: string };
  err.name = f.name;
  if (f.code !== undefined) err.code = f.code;
  return err;
}

/** A store thread that could not answer at all (it died): a database that went away (503). */
const lost = (): Error => Object.assign(new Error('the store thread stopped'), { code: 'SQLITE_IOERR' });

export class StoreThread implements EntrySink {
  private constructor(
    private readonly pool: Piscina<StoreRequest, StoreReply>,
    private readonly connection: string,
  ) {}

  /** Starts the thread and waits until its connection is open and checked (a DurabilityError is thrown here). */
  static async open(file: string): Promise<StoreThread> {
    const pool = new Piscina<StoreRequest, StoreReply>({
      filename: script.filename,
      minThreads: 1,
      maxThreads: 1,
      // one statement at a time, in the order sent: a transaction's statements must not be reordered
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      execArgv: script.execArgv,
    });
    const reply = await pool.run({ op: 'open', file }).catch(() => null);
    if (!reply || !reply.ok || reply.connection === undefined) {
      await pool.close({ force: true }).catch(() => undefined);
      throw reply && !reply.ok ? rebuilt(reply.error) : lost();
    }
    return new StoreThread(pool, reply.connection);
  }

  private async send(req: StoreRequest, transferList?: ArrayBuffer[]): Promise<StoreQueryResult | undefined> {
    const reply = await this.pool.run(req, transferList ? { transferList } : {}).catch(() => null);
    if (!reply) throw lost();
    if (!reply.ok) throw rebuilt(reply.error);
    return reply.result;
  }

  async query(sqlText: string, params: readonly unknown[]): Promise<StoreQueryResult> {
    return (await this.send({ op: 'query', connection: this.connection, sql: sqlText, params })) ?? { rows: [] };
  }

  /** A packed batch's bytes move to the store thread, which opens them (the caller's copy is then empty). */
  async entries(target: EntryTarget, rows: EntryBatch): Promise<void> {
    await this.send({ op: 'entries', connection: this.connection, target, rows }, transferOf(rows));
  }

  /** Closes the connection (the last one to close tidies the WAL) and ends the thread. */
  async close(): Promise<void> {
    await this.send({ op: 'close', connection: this.connection }).catch(() => undefined);
    await this.pool.close({ force: true }).catch(() => undefined);
  }
}
