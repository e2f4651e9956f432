// Table shapes as Kysely sees them; one schema for SQLite and PostgreSQL (portable column types only).
import type { Generated } from 'kysely';

export interface CasesTable {
  id: string;
  title: string;
  review_from: string;
  review_to: string;
  status: string; // open | closed
  authors_see_merged: number; // 0 | 1
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Counts changes to the map and the decisions: a sign-off holds only while it is unchanged. */
  map_revision: number;
}

export interface SubmissionsTable {
  id: string;
  case_id: string;
  agency: string;
  agency_key: string;
  version: number;
  current: number; // 0 | 1
  file_name: string | null;
  sha256: string;
  entries: number;
  uploaded_by: string | null;
  uploaded_at: string;
  report: string; // JSON
}

export interface EntriesTable {
  id: string;
  submission_id: string;
  case_id: string;
  position: number;
  date: string;
  date_precision: string;
  time: string | null;
  source: string | null;
  professional: string | null;
  contact: string | null;
  event: string;
  outcome: string | null;
  seen: number | null;
  comment: string | null;
  agency: string | null;
  extra: string; // JSON
  sheet: string;
  row: number;
  date_text: string | null;
  time_text: string | null;
  ambiguous_date: number;
  /** The entry's place in the merged order (timeline/order.ts); PostgreSQL compares it in the "C" collation. */
  sort_key: string;
}

export interface PeopleTable {
  id: string;
  case_id: string;
  position: number;
  name: string;
  aliases: string; // JSON array
  role: string;
  initials: string;
  pseudonym: string | null;
  title: string | null;
}

export interface ProtectedTermsTable {
  id: string;
  case_id: string;
  position: number;
  text: string;
  aliases: string; // JSON array
  label: string;
}

export interface DecisionsTable {
  id: string;
  case_id: string;
  position: number;
  /** The text folded for matching (case, diacritics, spacing): one decision per text and case. */
  text_key: string;
  text: string;
  decision: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string;
}

export interface SignOffsTable {
  id: string;
  case_id: string;
  at: string;
  by_token: string | null;
  by_role: string;
  verdict: string;
  entries: number;
  sha256: string;
  /** What the sign-off rests on (current submissions and the map's revision): it holds while this is unchanged. */
  basis: string;
}

export interface TokensTable {
  id: string;
  token_hash: string;
  role: string;
  case_id: string | null;
  agency: string | null;
  label: string;
  created_at: string;
  created_by: string | null;
  expires_at: string | null;
  last_used_at: string | null;
}

export interface AuditEventsTable {
  id: string;
  seq: Generated<number>;
  case_id: string | null;
  at: string;
  token_id: string | null;
  role: string | null;
  action: string;
  outcome: string;
  detail: string; // JSON, never names or cell text
}

/** A number per case and name (e.g. `version:<agency key>`), taken under a row lock (counters.ts). */
export interface CaseCountersTable {
  case_id: string;
  name: string;
  value: number;
}

/** Request and failed sign-in counts per key and fixed window, shared by instances on one PostgreSQL. */
export interface RateCountersTable {
  key: string;
  /** Epoch milliseconds (a string from pg: bigint). */
  window_start: number | string;
  count: number;
}

export interface Schema {
  cases: CasesTable;
  submissions: SubmissionsTable;
  entries: EntriesTable;
  people: PeopleTable;
  protected_terms: ProtectedTermsTable;
  decisions: DecisionsTable;
  sign_offs: SignOffsTable;
  tokens: TokensTable;
  audit_events: AuditEventsTable;
  case_counters: CaseCountersTable;
  rate_counters: RateCountersTable;
}
