// How the one writing SQLite connection is opened: durable settings, checked, and the WAL left by a crash folded in.
import SqliteDatabase from 'better-sqlite3';

/** The service refuses to run on settings that could lose an acknowledged upload. */
export class DurabilityError extends Error {
  override name = 'DurabilityError';
}

export function assertSqliteDurable(native: SqliteDatabase.Database): void {
  const mode = String(native.pragma('journal_mode', { simple: true })).toLowerCase();
  const sync = Number(native.pragma('synchronous', { simple: true }));
  const fk = Number(native.pragma('foreign_keys', { simple: true }));
  if (mode !== 'wal') throw new DurabilityError(`SQLite journal_mode is ${mode}, not wal (is DATA_DIR on a filesystem that supports WAL?)`);
  if (sync !== 2) throw new DurabilityError(`SQLite synchronous is ${sync}, not FULL (2)`);
  if (fk !== 1) throw new DurabilityError('SQLite foreign_keys is off');
}

export function openSqliteWriter(file: string): SqliteDatabase.Database {
  const native = new SqliteDatabase(file);
  try {
    native.pragma('journal_mode = WAL');
    native.pragma('synchronous = FULL');
    native.pragma('foreign_keys = ON');
    native.pragma('secure_delete = ON');
    native.pragma('busy_timeout = 5000');
    assertSqliteDurable(native);
    // Checkpoints run in a worker (checkpointer.ts), not inside a COMMIT; a WAL left by a crash is folded in now.
    native.pragma('wal_checkpoint(TRUNCATE)');
    native.pragma('wal_autocheckpoint = 0');
    return native;
  } catch (err) {
    native.close();
    throw err;
  }
}
