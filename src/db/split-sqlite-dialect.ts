// Kysely over SQLite split across two threads: writes and transactions on the store thread, plain reads here.
import type SqliteDatabase from 'better-sqlite3';
import type {
  CompiledQuery} from 'kysely';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { StoreThread } from './store-thread.js';

/** One writer at a time, first come first served: a transaction holds it from BEGIN to COMMIT or ROLLBACK. */
class WriteLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/** A SELECT outside a transaction may be answered by the reading connection; anything else goes to the writer. */
const isPlainRead = (q: CompiledQuery): boolean => q.query.kind === 'SelectQueryNode' || (q.query.kind === 'RawNode' && /^\s*select\b/iu.test(q.sql));

/** Prepared reading statements by SQL, the oldest dropped first: preparing costs more than most of the reads it serves. */
class StatementCache {
  private readonly statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    private readonly db: SqliteDatabase.Database,
    private readonly size = 200,
  ) {}

  get(sql: string): SqliteDatabase.Statement {
    const cached = this.statements.get(sql);
    if (cached) return cached;
    const st = this.db.prepare(sql);
    if (this.statements.size >= this.size) {
      const oldest = this.statements.keys().next();
      if (!oldest.done) this.statements.delete(oldest.value);
    }
    this.statements.set(sql, st);
    return st;
  }
}

function toResult<R>(r: { rows: unknown[]; changes?: number; lastInsertRowid?: number | bigint }): QueryResult<R> {
  if (r.changes === undefined) return { rows: r.rows as R[] };
  return { rows: [], numAffectedRows: BigInt(r.changes), ...(r.lastInsertRowid !== undefined ? { insertId: BigInt(r.lastInsertRowid) } : {}) };
}

class SplitConnection implements DatabaseConnection {
  inTransaction = false;

  constructor(
    private readonly reader: StatementCache,
    private readonly writer: StoreThread,
    private readonly lock: WriteLock,
  ) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return toResult<R>(await this.writer.query(q.sql, q.parameters));
    if (isPlainRead(q)) {
      // WAL: a reader sees the last commit and never waits for the writer; small reads cost less here than a message.
      const st = this.reader.get(q.sql);
      if (st.reader) return { rows: st.all(...q.parameters) as R[] };
    }
    await this.lock.acquire();
    try {
      return toResult<R>(await this.writer.query(q.sql, q.parameters));
    } finally {
      this.lock.release();
    }
  }

  // eslint-disable-next-line require-yield -- no query of this service streams on SQLite (exports read in their own workers)
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on the split SQLite store');
  }

  async begin(): Promise<void> {
    await this.lock.acquire();
    try {
      await this.writer.query('begin', []);
      this.inTransaction = true;
    } catch (err) {
      this.lock.release();
      throw err;
    }
  }

  async end(statement: 'commit' | 'rollback'): Promise<void> {
    try {
      await this.writer.query(statement, []);
    } finally {
      this.inTransaction = false;
      this.lock.release();
    }
  }
}

class SplitSqliteDriver implements Driver {
  private readonly lock = new WriteLock();
  private readonly statements: StatementCache;

  constructor(
    private readonly reader: SqliteDatabase.Database,
    private readonly writer: StoreThread,
  ) {
    this.statements = new StatementCache(reader);
  }

  init(): Promise<void> {
    return Promise.resolve();
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(new SplitConnection(this.statements, this.writer, this.lock));
  }

  beginTransaction(c: DatabaseConnection): Promise<void> {
    return (c as SplitConnection).begin();
  }

  commitTransaction(c: DatabaseConnection): Promise<void> {
    return (c as SplitConnection).end('commit');
  }

  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return (c as SplitConnection).end('rollback');
  }

  releaseConnection(): Promise<void> {
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    // the reader first: the writer's close is the last and tidies the WAL
    this.reader.close();
    await this.writer.close();
  }
}

/**
 * SQLite with its one writing connection on a thread of its own (store-worker.ts), so an upload's inserts and the
 * COMMIT's fsync never hold the event loop, and a reading connection on this thread for plain SELECTs, which under
 * WAL never wait for an upload in progress.
 */
export class SplitSqliteDialect implements Dialect {
  constructor(
    private readonly reader: SqliteDatabase.Database,
    private readonly writer: StoreThread,
  ) {}

  createAdapter(): SqliteAdapter {
    return new SqliteAdapter();
  }

  createDriver(): Driver {
    return new SplitSqliteDriver(this.reader, this.writer);
  }

  createQueryCompiler(): SqliteQueryCompiler {
    return new SqliteQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>): SqliteIntrospector {
    return new SqliteIntrospector(db);
  }
}
