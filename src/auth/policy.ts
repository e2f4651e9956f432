// Who may do what: the one table of access rules (pure; the auth plugin and services consult it).

export type Role = 'admin' | 'chair' | 'author' | 'reader';

export interface Principal {
  tokenId: string;
  role: Role;
  caseId: string | null;
  agency: string | null;
  label: string;
}

/** Actions on one case. Anything not case-scoped is decided by `access` on the route (admin / any). */
export type CaseAction =
  | 'case:read'
  | 'case:update'
  | 'case:delete'
  | 'people:read'
  | 'people:write'
  | 'chronology:upload'
  | 'chronology:list'
  | 'timeline:read'
  | 'redaction:check'
  | 'audit:read'
  | 'tokens:manage';

const caseRules: Record<CaseAction, readonly Role[]> = {
  'case:read': ['admin', 'chair', 'author', 'reader'],
  'case:update': ['admin', 'chair'],
  'case:delete': ['admin', 'chair'],
  'people:read': ['admin', 'chair'],
  'people:write': ['admin', 'chair'],
  'chronology:upload': ['admin', 'chair', 'author'],
  'chronology:list': ['admin', 'chair', 'author'],
  // Authors are further limited by the case's setting and the names mode (see timelineScope).
  'timeline:read': ['admin', 'chair', 'author', 'reader'],
  'redaction:check': ['admin', 'chair', 'reader'],
  'audit:read': ['admin', 'chair'],
  'tokens:manage': ['admin', 'chair'],
};

export function canSeeCase(p: Principal, caseId: string): boolean {
  return p.role === 'admin' || p.caseId === caseId;
}

export function mayOnCase(p: Principal, action: CaseAction): boolean {
  return caseRules[action].includes(p.role);
}

/** Agency names compare case- and space-insensitively ("Police " = "police"). */
export function agencyKey(agency: string): string {
  return agency.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function sameAgency(a: string, b: string): boolean {
  return agencyKey(a) === agencyKey(b);
}

/** May this principal upload for this agency? Authors only for their own. */
export function mayUploadFor(p: Principal, agency: string): boolean {
  if (p.role === 'admin' || p.role === 'chair') return true;
  return p.role === 'author' && p.agency !== null && sameAgency(p.agency, agency);
}

export type NamesMode = 'initials' | 'pseudonym' | 'real';

/**
 * What part of the merged timeline a principal gets for a names mode:
 * 'all' entries, only their 'own-agency' entries, or 'none' (refused).
 */
export function timelineScope(
  p: Principal,
  names: NamesMode,
  authorsSeeMerged: boolean,
): 'all' | 'own-agency' | 'none' {
  if (p.role === 'admin' || p.role === 'chair') return 'all';
  if (p.role === 'reader') return names === 'real' ? 'none' : 'all';
  if (names === 'real') return 'own-agency';
  return authorsSeeMerged ? 'all' : 'none';
}

/** Which token roles this principal may create or revoke, and for which case. */
export function mayManageToken(p: Principal, target: { role: Role; caseId: string | null }): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'chair') return false;
  return (target.role === 'author' || target.role === 'reader') && target.caseId === p.caseId;
}
