// The append-only audit trail: who did what to which case, when, with what outcome. Never names or cell text.
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { newId } from '../ids.js';

export interface AuditInput {
  caseId: string | null;
  tokenId: string | null;
  role: string | null;
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  detail?: Record<string, string | number | boolean | null>;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { tokenId: string | null; role: string | null };
  action: string;
  outcome: string;
  detail: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async record(e: AuditInput): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        id: newId(),
        case_id: e.caseId,
        at: new Date().toISOString(),
        token_id: e.tokenId,
        role: e.role,
        action: e.action,
        outcome: e.outcome,
        detail: JSON.stringify(e.detail ?? {}),
      })
      .execute();
  }

  async list(caseId: string | null, opts: { action?: string; after?: number; limit: number }): Promise<AuditEvent[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('seq').limit(opts.limit);
    q = caseId === null ? q.where('case_id', 'is', null) : q.where('case_id', '=', caseId);
    if (opts.action) q = q.where('action', '=', opts.action);
    if (opts.after !== undefined) q = q.where('seq', '>', opts.after);
    const rows = await q.execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: { tokenId: r.token_id, role: r.role },
      action: r.action,
      outcome: r.outcome,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
  }
}
