// An export worker's own read of the store: the SQLite file opened read-only, or a PostgreSQL connection of its own,
// each reading every page inside one read-only transaction, so an export is one consistent snapshot.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { StoreLocator } from '../db/database.js';
import { pageSql, rawPages, sqlitePageFetcher, type EntryQuery, type RawRow } from '../db/entry-reader.js';

export interface PageReader {
  /** Pages of raw rows in the merged order; `onPage` is told of each page read (the export's count of store reads). */
  pages(q: EntryQuery, onPage: () => void): AsyncGenerator<RawRow[]>;
  /** Ends the transaction and closes the connection; safe to call twice. */
  close(): Promise<void>;
}

function sqliteReader(file: string): PageReader {
  // Read-only: the worker can never write, and under WAL its snapshot never blocks the server's writers.
  const native = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  native.pragma('busy_timeout = 5000');
  const fetch = sqlitePageFetcher(native);
  native.exec('begin');
  let open = true;
  return {
    pages: (q, onPage) =>
      rawPages(q, (kind, bounded, params) => {
        onPage();
        return fetch(kind, bounded, params);
      }),
    close: () => {
      if (open) {
        open = false;
        native.exec('commit');
        native.close();
      }
      return Promise.resolve();
    },
  };
}

async function postgresReader(url: string, schema: string | undefined): Promise<PageReader> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  // A connection that dies mid-export fails the next query (the export stops); with no listener it would crash the worker.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('begin isolation level repeatable read read only');
  const sql = { agency: { bounded: '', open: '' }, all: { bounded: '', open: '' } };
  for (const kind of ['agency', 'all'] as const) {
    sql[kind].bounded = pageSql((n) => `$${n}`, kind === 'agency', true);
    sql[kind].open = pageSql((n) => `$${n}`, kind === 'agency', false);
  }
  let open = true;
  return {
    pages: (q, onPage) =>
      rawPages(q, async (kind, bounded, params) => {
        onPage();
        const res = await client.query<RawRow>({ text: bounded ? sql[kind].bounded : sql[kind].open, values: params, rowMode: 'array' });
        return res.rows;
      }),
    close: async () => {
      if (!open) return;
      open = false;
      try {
        await client.query('commit');
      } finally {
        await client.end();
      }
    },
  };
}

export function openPageReader(store: StoreLocator): Promise<PageReader> {
  return store.kind === 'sqlite' ? Promise.resolve(sqliteReader(store.file)) : postgresReader(store.url, store.schema);
}
