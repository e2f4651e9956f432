// The role table and the scope it gives each kind of token on a case: actions, names modes, agencies, unmapped names.
import { describe, expect, it } from 'vitest';
import { AccessDenied } from '../../src/access/access-errors.js';
import { includesAgency, type Agencies } from '../../src/access/agency.js';
import type { Principal, Role } from '../../src/access/roles.js';
import { analysisAgencies, assertMayUploadFor, scopeFor, viewFor, type NamesMode } from '../../src/access/scope.js';
import { mayManageToken, tokenListScope } from '../../src/access/token-rules.js';
import type { CaseRecord } from '../../src/cases/cases-repository.js';

const theCase = (authorsSeeMergedTimeline: boolean): CaseRecord => ({
  id: 'case-1',
  title: 'DHR 2024/03 — Adult A',
  reviewPeriod: { from: '2012-01-01', to: '2014-12-31' },
  status: 'open',
  authorsSeeMergedTimeline,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  closedAt: null,
});

const token = (role: Role, caseId: string | null = 'case-1', agency: string | null = null): Principal => ({ tokenId: `t-${role}`, role, caseId, agency, label: role });

const admin = token('admin', null);
const chair = token('chair');
const author = token('author', 'case-1', 'Greater Manchester Police');
const reader = token('reader');

const show = (a: Agencies | undefined | null): string => (a === undefined || a === null ? '-' : a.all ? 'all' : a.agency);

describe('the scope of each role on a case', () => {
  // role, chair shares the merged timeline, actions, then per names mode: agencies seen / unmapped names listed,
  // uploads, submissions, the agencies an analysis counts.
  const table: [Principal, boolean, string[], Record<NamesMode, string>, string, string, string][] = [
    [admin, false, ['case:read', 'case:update', 'case:delete', 'people:read', 'people:write', 'chronology:upload', 'chronology:list', 'timeline:read', 'analysis:read', 'chronology:diff', 'redaction:check', 'decisions:read', 'decisions:write', 'signoff:read', 'signoff:write', 'audit:read', 'tokens:manage'], { initials: 'all', pseudonym: 'all', real: 'all+names' }, 'all', 'all', 'all'],
    [chair, false, ['case:read', 'case:update', 'case:delete', 'people:read', 'people:write', 'chronology:upload', 'chronology:list', 'timeline:read', 'analysis:read', 'chronology:diff', 'redaction:check', 'decisions:read', 'decisions:write', 'signoff:read', 'signoff:write', 'audit:read', 'tokens:manage'], { initials: 'all', pseudonym: 'all', real: 'all+names' }, 'all', 'all', 'all'],
    [author, false, ['case:read', 'chronology:upload', 'chronology:list', 'timeline:read', 'analysis:read', 'chronology:diff'], { initials: '-', pseudonym: '-', real: 'Greater Manchester Police+names' }, 'Greater Manchester Police', 'Greater Manchester Police', 'Greater Manchester Police'],
    [author, true, ['case:read', 'chronology:upload', 'chronology:list', 'timeline:read', 'analysis:read', 'chronology:diff'], { initials: 'all', pseudonym: 'all', real: 'Greater Manchester Police+names' }, 'Greater Manchester Police', 'Greater Manchester Police', 'all'],
    [reader, false, ['case:read', 'timeline:read', 'analysis:read', 'redaction:check', 'signoff:read'], { initials: 'all', pseudonym: 'all', real: '-' }, '-', '-', 'all'],
    [reader, true, ['case:read', 'timeline:read', 'analysis:read', 'redaction:check', 'signoff:read'], { initials: 'all', pseudonym: 'all', real: '-' }, '-', '-', 'all'],
  ];

  it.each(table.map((row) => [row[0].role, ...row] as const))('%s (merged timeline shared: %s)', (_role, p, shared, actions, views, uploads, submissions, analysis) => {
    const scope = scopeFor(p, theCase(shared));
    expect(scope).not.toBeNull();
    if (!scope) return;
    expect([...scope.actions].sort()).toEqual([...actions].sort());
    for (const names of ['initials', 'pseudonym', 'real'] as const) {
      const v = scope.views[names];
      expect(v ? `${show(v.agencies)}${v.unmappedNames ? '+names' : ''}` : '-', names).toBe(views[names]);
    }
    expect(show(scope.uploads)).toBe(uploads);
    expect(show(scope.submissions)).toBe(submissions);
    expect(show(analysisAgencies(scope))).toBe(analysis);
  });

  it('gives no scope on another case: a chair, author or reader of case 1 cannot see case 2', () => {
    const other = { ...theCase(true), id: 'case-2' };
    for (const p of [chair, author, reader]) expect(scopeFor(p, other)).toBeNull();
    expect(scopeFor(admin, other)).not.toBeNull();
  });

  it('refuses a names mode the scope lacks, saying why', () => {
    const authorScope = scopeFor(author, theCase(false));
    const readerScope = scopeFor(reader, theCase(false));
    if (!authorScope || !readerScope) throw new Error('no scope');
    expect(() => viewFor(authorScope, 'initials')).toThrow(/not shared the merged timeline/);
    expect(() => viewFor(readerScope, 'real')).toThrow(AccessDenied);
    expect(viewFor(authorScope, 'real').agencies).toEqual({ all: false, agency: 'Greater Manchester Police' });
  });

  it('lets an author upload for its own agency however it is spelt, and for no other', () => {
    const scope = scopeFor(author, theCase(false));
    if (!scope) throw new Error('no scope');
    expect(() => assertMayUploadFor(scope, '  greater manchester   POLICE ')).not.toThrow();
    expect(() => assertMayUploadFor(scope, 'Manchester University NHS Foundation Trust')).toThrow(AccessDenied);
    const readerScope = scopeFor(reader, theCase(false));
    if (!readerScope) throw new Error('no scope');
    expect(() => assertMayUploadFor(readerScope, 'Greater Manchester Police')).toThrow(AccessDenied);
  });

  it('compares agencies case- and space-insensitively, and a set of all includes any', () => {
    expect(includesAgency({ all: false, agency: 'GP Practice' }, 'gp  practice')).toBe(true);
    expect(includesAgency({ all: false, agency: 'GP Practice' }, 'GP')).toBe(false);
    expect(includesAgency({ all: true }, 'anything')).toBe(true);
  });
});

describe('token rules', () => {
  const table: [Principal, Role, string | null, boolean][] = [
    [admin, 'chair', 'case-1', true],
    [admin, 'admin', null, true],
    [chair, 'author', 'case-1', true],
    [chair, 'reader', 'case-1', true],
    [chair, 'chair', 'case-1', false],
    [chair, 'author', 'case-2', false],
    [author, 'author', 'case-1', false],
    [reader, 'reader', 'case-1', false],
  ];
  it.each(table.map((row) => [row[0].role, ...row] as const))('%s may manage a %s token of %s: %s', (_who, p, role, caseId, allowed) => {
    expect(mayManageToken(p, { role, caseId })).toBe(allowed);
  });

  it('lists every token for an admin, the case’s for a chair, none for others', () => {
    expect(tokenListScope(admin)).toEqual({ all: true });
    expect(tokenListScope(chair)).toEqual({ all: false, caseId: 'case-1' });
    expect(tokenListScope(author)).toBeNull();
    expect(tokenListScope(reader)).toBeNull();
  });
});
