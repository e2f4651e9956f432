// Which tokens a principal may see, issue and revoke: admins all; a chair the author and reader tokens of its case.
import { canSeeCase, type Principal, type Role } from './roles.js';

/** May this principal issue or revoke a token of this role for this case? */
export function mayManageToken(p: Principal, target: { role: Role; caseId: string | null }): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'chair') return false;
  return (target.role === 'author' || target.role === 'reader') && target.caseId === p.caseId;
}

/** May the principal know a token or case id exists? Otherwise it is answered as not found. */
export function canSeeTokenOf(p: Principal, caseId: string | null): boolean {
  return p.role === 'admin' || (caseId !== null && canSeeCase(p, caseId));
}

/** The tokens a principal's token list is drawn from: every token, its case's, or none (it manages no tokens). */
export function tokenListScope(p: Principal): { all: true } | { all: false; caseId: string } | null {
  if (p.role === 'admin') return { all: true };
  if (p.role === 'chair' && p.caseId) return { all: false, caseId: p.caseId };
  return null;
}
