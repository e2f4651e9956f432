// The role table: which roles exist, what each is bound to, and which case actions each may take (DESIGN §8).

export const ROLES = ['admin', 'chair', 'author', 'reader'] as const;

export type Role = (typeof ROLES)[number];

/** The holder of a valid token. */
export interface Principal {
  tokenId: string;
  role: Role;
  caseId: string | null;
  agency: string | null;
  label: string;
}

/** What a token of each role is tied to: a case, an agency of that case, or nothing. */
export const ROLE_BINDING: Readonly<Record<Role, { caseBound: boolean; agencyBound: boolean }>> = {
  admin: { caseBound: false, agencyBound: false },
  chair: { caseBound: true, agencyBound: false },
  author: { caseBound: true, agencyBound: true },
  reader: { caseBound: true, agencyBound: false },
};

/** Actions on one case. A route's access rule names one of these, or 'public', 'any' or 'admin'. */
export const CASE_ACTIONS = [
  'case:read',
  'case:update',
  'case:delete',
  'people:read',
  'people:write',
  'chronology:upload',
  'chronology:list',
  'timeline:read',
  'analysis:read',
  'chronology:diff',
  'redaction:check',
  'decisions:read',
  'decisions:write',
  'signoff:read',
  'signoff:write',
  'audit:read',
  'tokens:manage',
] as const;

export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who may take each action on a case they can see. Authors and readers are narrowed further by the scope. */
export const CASE_RULES: Readonly<Record<CaseAction, readonly Role[]>> = {
  'case:read': ['admin', 'chair', 'author', 'reader'],
  'case:update': ['admin', 'chair'],
  'case:delete': ['admin', 'chair'],
  'people:read': ['admin', 'chair'],
  'people:write': ['admin', 'chair'],
  'chronology:upload': ['admin', 'chair', 'author'],
  'chronology:list': ['admin', 'chair', 'author'],
  'timeline:read': ['admin', 'chair', 'author', 'reader'],
  // Counts, gaps and first/last contacts, over the agencies the token's timeline shows (scope: analysisAgencies).
  'analysis:read': ['admin', 'chair', 'author', 'reader'],
  // What a re-upload changed: the chair, or the agency's own author (scope: submissions).
  'chronology:diff': ['admin', 'chair', 'author'],
  'redaction:check': ['admin', 'chair', 'reader'],
  'decisions:read': ['admin', 'chair'],
  'decisions:write': ['admin', 'chair'],
  'signoff:read': ['admin', 'chair', 'reader'],
  'signoff:write': ['admin', 'chair'],
  'audit:read': ['admin', 'chair'],
  'tokens:manage': ['admin', 'chair'],
};

/** The access rule every route declares: no token, any valid token, administrators only, or a case action. */
export type AccessRule = 'public' | 'any' | 'admin' | CaseAction;

export const isAdmin = (p: Principal): boolean => p.role === 'admin';

/** May this principal see the case at all? Anyone else's case answers 404, as if it did not exist. */
export function canSeeCase(p: Principal, caseId: string): boolean {
  return p.role === 'admin' || p.caseId === caseId;
}

/** The cases a principal's case list holds: every case for an administrator, its own for anyone else. */
export function visibleCases(p: Principal): { all: true } | { all: false; caseId: string | null } {
  return p.role === 'admin' ? { all: true } : { all: false, caseId: p.caseId };
}

/** May the principal pass a route's rule that does not concern one case ('any' or 'admin')? */
export function passesGlobalRule(p: Principal, rule: 'any' | 'admin'): boolean {
  return rule === 'any' || p.role === 'admin';
}
