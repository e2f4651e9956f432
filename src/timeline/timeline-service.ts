// Assembles a case's merged timeline for one principal: scope by role, merge, filter, anonymise.
import { timelineScope, type Principal } from '../auth/policy.js';
import type { CaseRecord } from '../cases/cases-repository.js';
import { filterTimeline } from '../chronology/filter.js';
import { mergeTimeline } from '../chronology/merge.js';
import type { StoredEntry, TimelineEntry } from '../chronology/types.js';
import { forbidden } from '../errors.js';
import type { Person } from '../anonymise/types.js';
import type { TimelineQuery } from './timeline-schemas.js';
import { anonymiseTimeline, personFilter } from './anonymise-timeline.js';

export interface TimelineSources {
  entries(caseId: string, agency: string | null): Promise<StoredEntry[]>;
  people(caseId: string): Promise<Person[]>;
}

export interface BuiltTimeline {
  entries: TimelineEntry[];
  unmappedNames: string[];
}

/** Merges, filters and anonymises entries already in memory (the stateless merge uses this directly). */
export function composeTimeline(
  stored: readonly StoredEntry[],
  people: readonly Person[],
  query: Omit<TimelineQuery, 'format'>,
  reviewPeriod: CaseRecord['reviewPeriod'] | undefined,
): BuiltTimeline {
  const merged = mergeTimeline(stored, reviewPeriod ? { reviewPeriod } : {});
  const person = query.person ? personFilter(people, query.person, query.names) : undefined;
  const base = filterTimeline(merged, {
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.agency ? { agency: query.agency } : {}),
    ...(query.seen !== undefined ? { seen: query.seen } : {}),
    ...(person ? { person } : {}),
  });
  const out = query.names === 'real' ? { entries: base, unmappedNames: [] } : anonymiseTimeline(base, people, query.names);
  // Text search runs on what the caller sees, so an anonymised view never answers questions about real names.
  const entries = query.q ? filterTimeline(out.entries, { q: query.q }) : out.entries;
  return { entries, unmappedNames: out.unmappedNames };
}

export async function buildCaseTimeline(
  sources: TimelineSources,
  p: Principal,
  c: CaseRecord,
  query: Omit<TimelineQuery, 'format'>,
): Promise<BuiltTimeline> {
  const scope = timelineScope(p, query.names, c.authorsSeeMergedTimeline);
  if (scope === 'none') {
    throw query.names === 'real'
      ? forbidden('Real names need the chair role.')
      : forbidden('The chair has not shared the merged timeline with agency authors.');
  }
  const stored = await sources.entries(c.id, scope === 'own-agency' ? p.agency : null);
  const people = await sources.people(c.id);
  return composeTimeline(stored, people, query, c.reviewPeriod);
}
