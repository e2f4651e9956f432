// The one migration list for both stores. Append new migrations; never edit one that has shipped.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { sql } from 'kysely';
import { sortKeyer } from '../timeline/order.js';
import type { Schema } from './schema.js';

type Dialect = 'sqlite' | 'postgres';

function migrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('review_from', 'text', (c) => c.notNull())
          .addColumn('review_to', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
          .addColumn('authors_see_merged', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .execute();
        await db.schema
          .createTable('submissions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('agency', 'text', (c) => c.notNull())
          .addColumn('agency_key', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('current', 'integer', (c) => c.notNull())
          .addColumn('file_name', 'text')
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('entries', 'integer', (c) => c.notNull())
          .addColumn('uploaded_by', 'text')
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .addColumn('report', 'text', (c) => c.notNull())
          .addUniqueConstraint('submissions_version_unique', ['case_id', 'agency_key', 'version'])
          .execute();
        await db.schema.createIndex('submissions_case_idx').on('submissions').columns(['case_id', 'current']).execute();
        await db.schema
          .createTable('entries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('submission_id', 'text', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
          .addColumn('case_id', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('date_precision', 'text', (c) => c.notNull())
          .addColumn('time', 'text')
          .addColumn('source', 'text')
          .addColumn('professional', 'text')
          .addColumn('contact', 'text')
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text')
          .addColumn('seen', 'integer')
          .addColumn('comment', 'text')
          .addColumn('agency', 'text')
          .addColumn('extra', 'text', (c) => c.notNull())
          .addColumn('sheet', 'text', (c) => c.notNull())
          .addColumn('row', 'integer', (c) => c.notNull())
          .addColumn('date_text', 'text')
          .addColumn('time_text', 'text')
          .addColumn('ambiguous_date', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('entries_submission_idx').on('entries').columns(['submission_id', 'position']).execute();
        await db.schema.createIndex('entries_case_idx').on('entries').column('case_id').execute();
        await db.schema
          .createTable('people')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('aliases', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('initials', 'text', (c) => c.notNull())
          .addColumn('pseudonym', 'text')
          .addColumn('title', 'text')
          .execute();
        await db.schema.createIndex('people_case_idx').on('people').column('case_id').execute();
        await db.schema
          .createTable('tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('cascade'))
          .addColumn('agency', 'text')
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .addColumn('expires_at', 'text')
          .addColumn('last_used_at', 'text')
          .execute();
        await db.schema
          .createTable('audit_events')
          .addColumn('seq', sql`${serial}`)
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('case_id', 'text')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('token_id', 'text')
          .addColumn('role', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_case_idx').on('audit_events').columns(['case_id', 'seq']).execute();
      },
    },
    '0002_counters': {
      // Numbers allocated in the database, so several instances on one PostgreSQL agree (DESIGN §9).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('case_counters')
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('value', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('case_counters_pk', ['case_id', 'name'])
          .execute();
        await sql`insert into case_counters (case_id, name, value)
          select case_id, 'version:' || agency_key, max(version) from submissions group by case_id, agency_key`.execute(db);
        await db.schema.createIndex('submissions_one_current').on('submissions').columns(['case_id', 'agency_key']).unique().where(sql.ref('current'), '=', 1).execute();
        // At most one token made by a first start, however many instances start at once on an empty store.
        await sql`create unique index tokens_one_first_start on tokens (label) where created_by is null and label = 'first start'`.execute(db);
        await db.schema
          .createTable('rate_counters')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'bigint', (c) => c.notNull())
          .addColumn('count', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '0003_sort_key': {
      // The merged order stored with each entry and indexed per case, so the timeline is read in order, in pages.
      async up(db: Kysely<unknown>) {
        // PostgreSQL's "C" collation compares UTF-8 bytes, as SQLite's default BINARY does: code point order.
        const collate = dialect === 'postgres' ? sql` collate "C"` : sql``;
        await sql`alter table entries add column sort_key text${collate} not null default ''`.execute(db);
        await backfillSortKeys(db as Kysely<Schema>);
        await db.schema.createIndex('entries_order_idx').on('entries').columns(['case_id', 'sort_key']).execute();
        // The new index leads with case_id: the old one on case_id alone only cost every insert.
        await db.schema.dropIndex('entries_case_idx').execute();
      },
    },
    '0004_privacy': {
      // the map's protected terms, the chair's decisions on findings, sign-offs, and a counter of map changes
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('cases').addColumn('map_revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema
          .createTable('protected_terms')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('aliases', 'text', (c) => c.notNull())
          .addColumn('label', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('protected_terms_case_idx').on('protected_terms').column('case_id').execute();
        await db.schema
          .createTable('decisions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('text_key', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('decision', 'text', (c) => c.notNull())
          .addColumn('note', 'text')
          .addColumn('decided_by', 'text')
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('decisions_text_unique', ['case_id', 'text_key'])
          .execute();
        await db.schema
          .createTable('sign_offs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('by_token', 'text')
          .addColumn('by_role', 'text', (c) => c.notNull())
          .addColumn('verdict', 'text', (c) => c.notNull())
          .addColumn('entries', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('basis', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sign_offs_case_idx').on('sign_offs').columns(['case_id', 'at']).execute();
      },
    },
  };
}

/** Entries stored before the sort key existed get theirs, a thousand at a time. */
async function backfillSortKeys(db: Kysely<Schema>): Promise<void> {
  const key = sortKeyer();
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('entries')
      .innerJoin('submissions', 'submissions.id', 'entries.submission_id')
      .select(['entries.id', 'entries.submission_id', 'entries.date', 'entries.time', 'entries.agency', 'submissions.agency as submission_agency', 'entries.sheet', 'entries.row'])
      .where('entries.id', '>', after)
      .orderBy('entries.id')
      .limit(1000)
      .execute();
    for (const r of rows) {
      const k = key({ date: r.date, time: r.time, agency: r.agency ?? r.submission_agency, sheet: r.sheet, row: r.row, submissionId: r.submission_id, id: r.id });
      await db.updateTable('entries').set({ sort_key: k }).where('id', '=', r.id).execute();
    }
    const last = rows.at(-1);
    if (!last) return;
    after = last.id;
  }
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrations(dialect)) };
}
