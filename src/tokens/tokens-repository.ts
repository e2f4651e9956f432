// Bearer tokens in storage: only SHA-256 hashes are kept, secrets are shown once at creation.
import type { Kysely } from 'kysely';
import type { Schema, TokensTable } from '../db/schema.js';
import { newId, newTokenSecret, sha256Hex } from '../ids.js';
import type { Principal, Role } from '../access/roles.js';

export interface TokenRecord {
  id: string;
  role: Role;
  caseId: string | null;
  agency: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

function toRecord(row: TokensTable): TokenRecord {
  return {
    id: row.id,
    role: row.role as Role,
    caseId: row.case_id,
    agency: row.agency,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

function tokenRow(input: {
  role: Role;
  caseId: string | null;
  agency: string | null;
  label: string;
  createdBy: string | null;
  expiresAt?: string | null;
  secret?: string;
}): { row: TokensTable; secret: string } {
  const secret = input.secret ?? newTokenSecret();
  const row: TokensTable = {
    id: newId(),
    token_hash: sha256Hex(secret),
    role: input.role,
    case_id: input.caseId,
    agency: input.agency,
    label: input.label,
    created_at: new Date().toISOString(),
    created_by: input.createdBy,
    expires_at: input.expiresAt ?? null,
    last_used_at: null,
  };
  return { row, secret };
}

export class TokensRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async create(input: {
    role: Role;
    caseId: string | null;
    agency: string | null;
    label: string;
    createdBy: string | null;
    expiresAt?: string | null;
    secret?: string;
  }): Promise<{ record: TokenRecord; secret: string }> {
    const { row, secret } = tokenRow(input);
    await this.db.insertInto('tokens').values(row).execute();
    return { record: toRecord(row), secret };
  }

  /**
   * A token made at start-up (ADMIN_TOKEN, or a first start's admin) unless another instance starting at the same
   * moment made it first: the store's unique keys decide (the secret's hash; one first-start token), so exactly one
   * row results. Returns the secret when this call made the token, null when it was already there.
   */
  async createAtStart(input: { label: 'ADMIN_TOKEN' | 'first start'; secret?: string }): Promise<string | null> {
    const { row, secret } = tokenRow({ role: 'admin', caseId: null, agency: null, createdBy: null, ...input });
    const made = await this.db.insertInto('tokens').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
    return Number(made.numInsertedOrUpdatedRows ?? 0) > 0 ? secret : null;
  }

  /**
   * Finds the principal for a presented secret. The lookup is by hash (an index probe on a
   * SHA-256 digest), so timing reveals nothing about the secret itself.
   */
  async authenticate(secret: string, now = new Date()): Promise<Principal | null> {
    const row = await this.db
      .selectFrom('tokens')
      .selectAll()
      .where('token_hash', '=', sha256Hex(secret))
      .executeTakeFirst();
    if (!row) return null;
    if (row.expires_at && row.expires_at <= now.toISOString()) return null;
    await this.db.updateTable('tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
    return { tokenId: row.id, role: row.role as Role, caseId: row.case_id, agency: row.agency, label: row.label };
  }

  async list(filter: { caseId?: string } = {}): Promise<TokenRecord[]> {
    let q = this.db.selectFrom('tokens').selectAll().orderBy('created_at').orderBy('id');
    if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
    return (await q.execute()).map(toRecord);
  }

  async get(id: string): Promise<TokenRecord | null> {
    const row = await this.db.selectFrom('tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('tokens').where('id', '=', id).execute();
  }

  async hasAdmin(): Promise<boolean> {
    const row = await this.db.selectFrom('tokens').select('id').where('role', '=', 'admin').executeTakeFirst();
    return row !== undefined;
  }

  async hasSecret(secret: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('tokens')
      .select('id')
      .where('token_hash', '=', sha256Hex(secret))
      .executeTakeFirst();
    return row !== undefined;
  }
}

/**
 * Makes sure an admin can sign in: ADMIN_TOKEN becomes an admin token; with none set and no admin
 * in the store, a new one is created and its secret returned (for server.ts to print once).
 */
export async function ensureAdminToken(repo: TokensRepository, adminToken: string | undefined): Promise<string | null> {
  if (adminToken) {
    if (!(await repo.hasSecret(adminToken))) await repo.createAtStart({ label: 'ADMIN_TOKEN', secret: adminToken });
    return null;
  }
  if (await repo.hasAdmin()) return null;
  return repo.createAtStart({ label: 'first start' });
}
