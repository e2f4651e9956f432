// The chair's decisions on findings in storage: the whole list replaced at once, one decision per text and case.
import type { Kysely } from 'kysely';
import type { Decision, DecisionKind } from '../anonymise/types.js';
import { decisionKey } from '../anonymise/decision-key.js';
import type { Schema } from '../db/schema.js';
import { newId } from '../ids.js';
import { bumpMapRevision } from '../people/people-repository.js';

export interface StoredDecision extends Decision {
  decidedBy: string | null;
  decidedAt: string;
}

export class DecisionsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async list(caseId: string): Promise<StoredDecision[]> {
    const rows = await this.db.selectFrom('decisions').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
    return rows.map((r) => ({ text: r.text, decision: r.decision as DecisionKind, note: r.note, decidedBy: r.decided_by, decidedAt: r.decided_at }));
  }

  /**
   * Replaces the list (the last decision on a text wins), bumping the map revision first: that row lock serialises
   * concurrent replaces on PostgreSQL, so two chairs saving at once both succeed, one after the other.
   */
  async replace(caseId: string, decisions: readonly Decision[], by: string | null): Promise<StoredDecision[]> {
    const byKey = new Map<string, Decision>();
    for (const d of decisions) byKey.set(decisionKey(d.text), d);
    const now = new Date().toISOString();
    const rows = [...byKey].map(([key, d], position) => ({
      id: newId(), case_id: caseId, position, text_key: key, text: d.text, decision: d.decision, note: d.note, decided_by: by, decided_at: now,
    }));
    await this.db.transaction().execute(async (trx) => {
      await bumpMapRevision(trx, caseId);
      await trx.deleteFrom('decisions').where('case_id', '=', caseId).execute();
      if (rows.length > 0) await trx.insertInto('decisions').values(rows).execute();
    });
    return rows.map((r) => ({ text: r.text, decision: r.decision, note: r.note, decidedBy: by, decidedAt: now }));
  }
}
