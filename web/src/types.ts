// The API's JSON shapes the page uses (DESIGN §10), as the browser sees them.

export type Role = 'admin' | 'chair' | 'author' | 'reader';
export type NamesMode = 'initials' | 'pseudonym' | 'real';
export type PersonRole = 'victim' | 'perpetrator' | 'child' | 'family' | 'friend' | 'professional' | 'other';

export interface Session {
  tokenId: string;
  role: Role;
  caseId: string | null;
  agency: string | null;
  label?: string | null;
}

export interface CaseRecord {
  id: string;
  title: string;
  reviewPeriod: { from: string; to: string };
  status: 'open' | 'closed';
  authorsSeeMergedTimeline: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface UploadWarning {
  row: number;
  column?: string;
  code: string;
  message: string;
}

export interface UploadResult {
  dryRun: boolean;
  submission: { id: string | null; agency: string; version: number; entries: number };
  report: {
    sheet: string;
    headerRow: number;
    mapping: Record<string, string>;
    unrecognisedColumns: string[];
    warnings: UploadWarning[];
    totalWarnings?: number;
  };
}

export interface Submission {
  id: string;
  agency: string;
  version: number;
  current: boolean;
  entries: number;
  fileName: string | null;
  sha256: string;
  uploadedAt: string;
}

export interface TokenView {
  id: string;
  role: Role;
  caseId: string | null;
  agency: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface Person {
  name: string;
  aliases: string[];
  role: PersonRole;
  initials: string;
  pseudonym: string | null;
  title: string | null;
}

export type Flag = 'outside-review-period' | 'possible-duplicate' | 'ambiguous-date';

export interface TimelineEntry {
  id: string;
  date: string;
  datePrecision: 'day' | 'month' | 'year';
  time: string | null;
  agency: string;
  source: string | null;
  professional: string | null;
  contact: string | null;
  event: string;
  outcome: string | null;
  seen: boolean | null;
  comment: string | null;
  flags: Flag[];
  provenance: { submissionId: string; sheet: string; row: number };
}

export interface Timeline {
  entries: TimelineEntry[];
  report: { unmapped: { initials: string; entries: string[] }[]; shared: { initials: string; entries: string[] }[]; unmappedNames?: string[]; total?: number };
}

export interface Finding {
  kind: string;
  text: string;
  /** Entry id + field, or a paragraph; the page accepts a string or an object. */
  where: unknown;
  confidence: number | string;
  suggestion: string | null;
  context?: string;
  decision?: 'not-a-name' | 'keep' | null;
}

export interface Decision {
  text: string;
  decision: 'not-a-name' | 'keep';
  note?: string | null;
}

export interface SignOffStatus {
  signOff: { id: string; at: string; entries: number; sha256: string } | null;
  holds: boolean;
}

export interface RedactionResult {
  verdict: 'pass' | 'review' | 'fail';
  findings: Finding[];
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { tokenId: string | null; role: string | null };
  action: string;
  outcome: string;
  detail: Record<string, unknown>;
}
