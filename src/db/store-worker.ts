// The SQLite store thread (piscina, one thread): owns the one writing connection, so COMMIT's fsync and bulk inserts
// never hold the event loop. Failures come back as values, so their SQLite codes survive the crossing.
import { randomUUID } from 'node:crypto';
import type SqliteDatabase from 'better-sqlite3';
import { unpackRows } from './entry-batch.js';
import { sqliteInserter } from './entry-writer.js';
import { openSqliteWriter } from './sqlite-writer.js';
import type { StoreFailure, StoreReply, StoreRequest } from './store-protocol.js';

let native: SqliteDatabase.Database | undefined;
let connection = '';
let insert: ReturnType<typeof sqliteInserter> | undefined;
/** Statements prepared once per text (Kysely writes the same SQL for the same query shape). */
const statements = new Map<string, SqliteDatabase.Statement>();

const failure = (err: unknown): StoreFailure => {
  const e = err as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : 'store error',
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  };
};

function prepared(db: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  let st = statements.get(text);
  if (!st) {
    st = db.prepare(text);
    if (statements.size >= 500) statements.clear();
    statements.set(text, st);
  }
  return st;
}

function handle(req: StoreRequest): StoreReply {
  if (req.op === 'open') {
    native = openSqliteWriter(req.file);
    connection = randomUUID();
    insert = sqliteInserter(native);
    return { ok: true, connection };
  }
  // a request for a connection this thread does not hold (it was restarted): never run it outside its transaction
  if (!native || !insert || req.connection !== connection) {
    return { ok: false, error: { name: 'Error', message: 'the store connection was lost', code: 'SQLITE_IOERR' } };
  }
  switch (req.op) {
    case 'query': {
      const st = prepared(native, req.sql);
      if (st.reader) return { ok: true, result: { rows: st.all(...req.params) } };
      const { changes, lastInsertRowid } = st.run(...req.params);
      return { ok: true, result: { rows: [], changes, lastInsertRowid } };
    }
    case 'entries':
      insert(req.target, unpackRows(req.rows));
      return { ok: true };
    case 'close':
      statements.clear();
      native.close();
      native = undefined;
      insert = undefined;
      connection = '';
      return { ok: true };
  }
}

export default function store(req: StoreRequest): StoreReply {
  try {
    return handle(req);
  } catch (err) {
    return { ok: false, error: failure(err) };
  }
}
