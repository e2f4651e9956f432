// The case's map in storage: people and protected terms, replaced whole, read in the order the chair gave them.
import type { Kysely, Transaction } from 'kysely';
import type { CaseMap, Person, PersonRole, ProtectedTerm } from '../anonymise/types.js';
import type { Schema } from '../db/schema.js';
import { newId } from '../ids.js';
import type { DecisionsRepository } from '../redaction/decisions-repository.js';

/** Bumps the case's map revision inside a change: it voids sign-offs, and serialises concurrent replaces (a row lock). */
export async function bumpMapRevision(trx: Transaction<Schema>, caseId: string): Promise<void> {
  await trx.updateTable('cases').set((eb) => ({ map_revision: eb('map_revision', '+', 1) })).where('id', '=', caseId).execute();
}

export class PeopleRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly decisions: DecisionsRepository,
  ) {}

  async list(caseId: string): Promise<Person[]> {
    const rows = await this.db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
    return rows.map((r) => ({
      name: r.name,
      aliases: JSON.parse(r.aliases) as string[],
      role: r.role as PersonRole,
      initials: r.initials,
      pseudonym: r.pseudonym,
      title: r.title,
    }));
  }

  async terms(caseId: string): Promise<ProtectedTerm[]> {
    const rows = await this.db.selectFrom('protected_terms').selectAll().where('case_id', '=', caseId).orderBy('position').execute();
    return rows.map((r) => ({ text: r.text, aliases: JSON.parse(r.aliases) as string[], label: r.label }));
  }

  /** Everything the case's anonymisation depends on: people, protected terms and the chair's decisions. */
  async map(caseId: string): Promise<CaseMap> {
    const [people, terms, decisions] = await Promise.all([this.list(caseId), this.terms(caseId), this.decisions.list(caseId)]);
    return { people, terms, decisions: decisions.map((d) => ({ text: d.text, decision: d.decision, note: d.note })) };
  }

  /** Replaces the people and the terms in one transaction, and bumps the map revision. */
  async replace(caseId: string, people: Person[], terms: ProtectedTerm[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await bumpMapRevision(trx, caseId);
      await trx.deleteFrom('people').where('case_id', '=', caseId).execute();
      await trx.deleteFrom('protected_terms').where('case_id', '=', caseId).execute();
      if (people.length > 0) {
        await trx
          .insertInto('people')
          .values(
            people.map((p, position) => ({
              id: newId(),
              case_id: caseId,
              position,
              name: p.name,
              aliases: JSON.stringify(p.aliases),
              role: p.role,
              initials: p.initials,
              pseudonym: p.pseudonym,
              title: p.title,
            })),
          )
          .execute();
      }
      if (terms.length > 0) {
        await trx
          .insertInto('protected_terms')
          .values(terms.map((t, position) => ({ id: newId(), case_id: caseId, position, text: t.text, aliases: JSON.stringify(t.aliases), label: t.label })))
          .execute();
      }
    });
  }
}
