// Sign-offs in storage, and what a sign-off rests on: the current submissions and the map's revision.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { newId } from '../ids.js';

export interface SignOff {
  id: string;
  at: string;
  by: string | null;
  verdict: 'pass';
  entries: number;
  sha256: string;
}

export class SignOffRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  /**
   * A fingerprint of what a sign-off covers: every current submission (a re-upload is a new one) and the map's
   * revision (any change to people, terms or decisions). A sign-off holds while this is unchanged.
   */
  async basis(caseId: string): Promise<string> {
    const subs = await this.db.selectFrom('submissions').select('id').where('case_id', '=', caseId).where('current', '=', 1).orderBy('id').execute();
    const c = await this.db.selectFrom('cases').select('map_revision').where('id', '=', caseId).executeTakeFirst();
    return createHash('sha256').update(JSON.stringify({ submissions: subs.map((s) => s.id), map: c?.map_revision ?? 0 })).digest('hex');
  }

  async record(caseId: string, s: Omit<SignOff, 'id' | 'at'> & { role: string; basis: string }): Promise<SignOff> {
    const row = { id: newId(), case_id: caseId, at: new Date().toISOString(), by_token: s.by, by_role: s.role, verdict: s.verdict, entries: s.entries, sha256: s.sha256, basis: s.basis };
    await this.db.insertInto('sign_offs').values(row).execute();
    return { id: row.id, at: row.at, by: s.by, verdict: 'pass', entries: s.entries, sha256: s.sha256 };
  }

  /** What an export states of the latest sign-off: when, the signer's role (never who), and whether it still holds. */
  async standing(caseId: string): Promise<{ at: string; role: string; holds: boolean } | null> {
    const row = await this.db.selectFrom('sign_offs').select(['at', 'by_role', 'basis']).where('case_id', '=', caseId).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row) return null;
    return { at: row.at, role: row.by_role, holds: row.basis === (await this.basis(caseId)) };
  }

  /** The latest sign-off, and whether it still holds (nothing it rests on has changed since). */
  async latest(caseId: string): Promise<{ signOff: SignOff | null; holds: boolean }> {
    const row = await this.db.selectFrom('sign_offs').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (!row) return { signOff: null, holds: false };
    const holds = row.basis === (await this.basis(caseId));
    return { signOff: { id: row.id, at: row.at, by: row.by_token, verdict: 'pass', entries: row.entries, sha256: row.sha256 }, holds };
  }
}
