// Cases in storage: create, read, update, list, purge.
import type { Kysely } from 'kysely';
import type { CasesTable, Schema } from '../db/schema.js';
import { newId } from '../ids.js';

export type CaseStatus = 'open' | 'closed';

export interface CaseRecord {
  id: string;
  title: string;
  reviewPeriod: { from: string; to: string };
  status: CaseStatus;
  authorsSeeMergedTimeline: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CasePatch {
  title?: string | undefined;
  reviewPeriod?: { from: string; to: string } | undefined;
  authorsSeeMergedTimeline?: boolean | undefined;
  status?: CaseStatus | undefined;
}

function toRecord(row: CasesTable): CaseRecord {
  return {
    id: row.id,
    title: row.title,
    reviewPeriod: { from: row.review_from, to: row.review_to },
    status: row.status as CaseStatus,
    authorsSeeMergedTimeline: row.authors_see_merged === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

export class CasesRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async create(input: { title: string; reviewPeriod: { from: string; to: string } }): Promise<CaseRecord> {
    const now = new Date().toISOString();
    const row: CasesTable = {
      id: newId(),
      title: input.title,
      review_from: input.reviewPeriod.from,
      review_to: input.reviewPeriod.to,
      status: 'open',
      authors_see_merged: 0,
      created_at: now,
      updated_at: now,
      closed_at: null,
      map_revision: 0,
    };
    await this.db.insertInto('cases').values(row).execute();
    return toRecord(row);
  }

  async get(id: string): Promise<CaseRecord | null> {
    const row = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** The cases a principal may see (`visibleCases` of the access module): all, or its own (none if it has none). */
  async list(visible: { all: true } | { all: false; caseId: string | null }): Promise<CaseRecord[]> {
    let q = this.db.selectFrom('cases').selectAll().orderBy('created_at').orderBy('id');
    if (!visible.all) q = q.where('id', '=', visible.caseId ?? '');
    return (await q.execute()).map(toRecord);
  }

  async update(id: string, patch: CasePatch): Promise<CaseRecord | null> {
    const now = new Date().toISOString();
    const set: Partial<CasesTable> = { updated_at: now };
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.reviewPeriod) {
      set.review_from = patch.reviewPeriod.from;
      set.review_to = patch.reviewPeriod.to;
    }
    if (patch.authorsSeeMergedTimeline !== undefined) set.authors_see_merged = patch.authorsSeeMergedTimeline ? 1 : 0;
    if (patch.status !== undefined) {
      set.status = patch.status;
      set.closed_at = patch.status === 'closed' ? now : null;
    }
    await this.db.updateTable('cases').set(set).where('id', '=', id).execute();
    return this.get(id);
  }

  /** Removes the case and everything of it in one transaction (entries, submissions, people, tokens, audit). */
  async purge(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('entries').where('case_id', '=', id).execute();
      await trx.deleteFrom('submissions').where('case_id', '=', id).execute();
      await trx.deleteFrom('people').where('case_id', '=', id).execute();
      await trx.deleteFrom('protected_terms').where('case_id', '=', id).execute();
      await trx.deleteFrom('decisions').where('case_id', '=', id).execute();
      await trx.deleteFrom('sign_offs').where('case_id', '=', id).execute();
      await trx.deleteFrom('tokens').where('case_id', '=', id).execute();
      await trx.deleteFrom('audit_events').where('case_id', '=', id).execute();
      const res = await trx.deleteFrom('cases').where('id', '=', id).executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    });
  }

  /** Closed cases whose retention ran out before `cutoff` (ISO time). */
  async closedBefore(cutoff: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select('id')
      .where('status', '=', 'closed')
      .where('closed_at', '<', cutoff)
      .execute();
    return rows.map((r) => r.id);
  }
}
