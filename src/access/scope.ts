// The one scope of a request on a case: computed once from the token and the case, taken by every service.
import type { CaseRecord } from '../cases/cases-repository.js';
import { ALL_AGENCIES, includesAgency, oneAgency, type Agencies } from './agency.js';
import { AccessDenied } from './access-errors.js';
import { CASE_ACTIONS, CASE_RULES, canSeeCase, type CaseAction, type Principal } from './roles.js';

export type NamesMode = 'initials' | 'pseudonym' | 'real';

export const NAMES_MODES: readonly NamesMode[] = ['initials', 'pseudonym', 'real'];

/** What a token sees of the case's timeline in one names mode. */
export interface TimelineView {
  readonly names: NamesMode;
  /** Whose entries: every agency, or the author's own. Exports take their agencies sheet and counts from these only. */
  readonly agencies: Agencies;
  /** May the report list real names found unmapped? Only where names=real is allowed over these same agencies. */
  readonly unmappedNames: boolean;
}

export interface Scope {
  readonly principal: Principal;
  readonly case: CaseRecord;
  /** The case actions this token may take. */
  readonly actions: ReadonlySet<CaseAction>;
  /** The names modes the timeline may be read in, each with what it then shows; a mode absent is refused. */
  readonly views: Readonly<Partial<Record<NamesMode, TimelineView>>>;
  /** Agencies it may upload chronologies for, and whose submissions it may list (null: none). */
  readonly uploads: Agencies | null;
  readonly submissions: Agencies | null;
}

function agenciesOf(p: Principal, whole: boolean): Agencies | null {
  if (whole) return ALL_AGENCIES;
  return p.agency ? oneAgency(p.agency) : null;
}

function viewsOf(p: Principal, c: CaseRecord): Scope['views'] {
  const views: Partial<Record<NamesMode, TimelineView>> = {};
  const put = (names: NamesMode, agencies: Agencies | null, unmappedNames: boolean): void => {
    if (agencies) views[names] = Object.freeze({ names, agencies, unmappedNames });
  };
  switch (p.role) {
    case 'admin':
    case 'chair':
      // real unmapped names are listed in a real-names view only (DESIGN §5.4), never beside anonymised entries
      for (const names of NAMES_MODES) put(names, ALL_AGENCIES, names === 'real');
      break;
    case 'reader':
      put('initials', ALL_AGENCIES, false);
      put('pseudonym', ALL_AGENCIES, false);
      break;
    case 'author': {
      // Real names of their own agency's entries; the anonymised merged timeline only when the chair shares it.
      put('real', agenciesOf(p, false), true);
      const shared = c.authorsSeeMergedTimeline ? ALL_AGENCIES : null;
      put('initials', shared, false);
      put('pseudonym', shared, false);
      break;
    }
  }
  return Object.freeze(views);
}

/** The scope of a principal on a case, or null when the case is not theirs to see (answer 404). */
export function scopeFor(p: Principal, c: CaseRecord): Scope | null {
  if (!canSeeCase(p, c.id)) return null;
  const actions = new Set(CASE_ACTIONS.filter((a) => CASE_RULES[a].includes(p.role)));
  const whole = p.role === 'admin' || p.role === 'chair';
  return Object.freeze({
    principal: p,
    case: c,
    actions,
    views: viewsOf(p, c),
    uploads: actions.has('chronology:upload') ? agenciesOf(p, whole) : null,
    submissions: actions.has('chronology:list') ? agenciesOf(p, whole) : null,
  });
}

export const may = (scope: Scope, action: CaseAction): boolean => scope.actions.has(action);

/** The view for a names mode, or AccessDenied saying why. */
export function viewFor(scope: Scope, names: NamesMode): TimelineView {
  const view = scope.views[names];
  if (view) return view;
  throw new AccessDenied(
    names === 'real' ? 'Real names need the chair role.' : 'The chair has not shared the merged timeline with agency authors.',
  );
}

/**
 * The agencies whose contacts an analysis counts: those the token's timeline shows in any names mode (an author
 * sees its own agency, and every agency only once the chair shares the merged timeline). Counts carry no text.
 */
export function analysisAgencies(scope: Scope): Agencies | null {
  const views = Object.values(scope.views);
  return views.find((v) => v.agencies.all)?.agencies ?? views[0]?.agencies ?? null;
}

/** Throws AccessDenied unless the scope may upload for this agency. */
export function assertMayUploadFor(scope: Scope, agency: string): void {
  if (!scope.uploads || !includesAgency(scope.uploads, agency)) {
    throw new AccessDenied('Your token may only upload for its own agency.', 'other agency');
  }
}
