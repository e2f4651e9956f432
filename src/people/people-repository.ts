// The case's pseudonym map in storage: replaced whole, read in the order the chair gave it.
import type { Kysely } from 'kysely';
import type { Person, PersonRole } from '../anonymise/types.js';
import type { Schema } from '../db/schema.js';
import { newId } from '../ids.js';

export class PeopleRepository {
  constructor(private readonly db: Kysely<Schema>) {}

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

  async replace(caseId: string, people: Person[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('people').where('case_id', '=', caseId).execute();
      if (people.length === 0) return;
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
    });
  }
}
