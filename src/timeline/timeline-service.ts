// Assembles a case's merged timeline for one scope: only the view's agencies, merged, filtered, anonymised.
import { includesAgency, type Agencies } from '../access/agency.js';
import type { TimelineView } from '../access/scope.js';
import type { CaseRecord } from '../cases/cases-repository.js';
import { filterTimeline } from '../chronology/filter.js';
import { mergeTimeline } from '../chronology/merge.js';
import type { StoredEntry, TimelineEntry } from '../chronology/types.js';
import type { Person } from '../anonymise/types.js';
import type { TimelineQuery } from './timeline-schemas.js';
import { anonymiseTimeline, personFilter } from './anonymise-timeline.js';

export interface TimelineSources {
  /** The current entries of these agencies only. */
  entries(caseId: string, agencies: Agencies): Promise<StoredEntry[]>;
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

/** The case's timeline as the view shows it (the view comes from the request's scope: `viewFor(scope, names)`). */
export async function buildCaseTimeline(
  sources: TimelineSources,
  view: TimelineView,
  c: CaseRecord,
  query: Omit<TimelineQuery, 'format'>,
): Promise<BuiltTimeline> {
  const stored = await sources.entries(c.id, view.agencies);
  // The store filtered already; checked again here so a source that ignored the filter cannot widen the view.
  const visible = view.agencies.all ? stored : stored.filter((e) => includesAgency(view.agencies, e.submissionAgency));
  const people = await sources.people(c.id);
  const built = composeTimeline(visible, people, { ...query, names: view.names }, c.reviewPeriod);
  return view.unmappedNames ? built : { ...built, unmappedNames: [] };
}

/** Only the submissions of the view's agencies: an export's agencies sheet, introduction and counts come from these. */
export function visibleSubmissions<S extends { agency: string }>(view: TimelineView, list: readonly S[]): S[] {
  return list.filter((s) => includesAgency(view.agencies, s.agency));
}
