// Puts the repositories (one per table group) on the app, over the one open database.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AuditRepository } from '../audit/audit-repository.js';
import { TokensRepository } from '../tokens/tokens-repository.js';
import { CasesRepository } from '../cases/cases-repository.js';
import type { Database } from '../db/database.js';
import { PeopleRepository } from '../people/people-repository.js';
import { SubmissionsRepository } from '../submissions/submissions-repository.js';
import { DecisionsRepository } from '../redaction/decisions-repository.js';
import { SignOffRepository } from '../redaction/sign-off-repository.js';

export interface Repositories {
  cases: CasesRepository;
  tokens: TokensRepository;
  audit: AuditRepository;
  submissions: SubmissionsRepository;
  people: PeopleRepository;
  decisions: DecisionsRepository;
  signOffs: SignOffRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    repos: Repositories;
  }
}

export function createRepositories(database: Database): Repositories {
  const { db } = database;
  const decisions = new DecisionsRepository(db);
  return {
    cases: new CasesRepository(db),
    tokens: new TokensRepository(db),
    audit: new AuditRepository(db),
    submissions: new SubmissionsRepository(db, database.writeEntries, database.readEntries),
    people: new PeopleRepository(db, decisions),
    decisions,
    signOffs: new SignOffRepository(db),
  };
}

export default fp(
  async function repositoriesPlugin(app: FastifyInstance, opts: { database: Database }) {
    app.decorate('database', opts.database);
    app.decorate('repos', createRepositories(opts.database));
  },
  { name: 'repositories' },
);
