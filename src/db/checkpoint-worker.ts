// Worker thread (piscina): folds the SQLite WAL into the database file on its own connection, so no request waits.
import SqliteDatabase from 'better-sqlite3';

let native: SqliteDatabase.Database | undefined;

export interface CheckpointTask {
  file: string;
  close?: boolean;
}

export default function checkpoint(task: CheckpointTask): void {
  if (task.close) {
    native?.close();
    native = undefined;
    return;
  }
  if (!native) {
    native = new SqliteDatabase(task.file);
    native.pragma('synchronous = FULL');
    native.pragma('busy_timeout = 5000');
  }
  try {
    // PASSIVE: copies what no reader still needs, never waits for or blocks the main connection.
    native.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or I/O trouble: the WAL stays as it is, which is safe, and the next request tries again.
  }
}
