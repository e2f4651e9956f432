// Assembles a case's merged timeline for one scope: only the view's agencies, merged, filtered, anonymised.
import { includesAgency, type Agencies } from '../access/agency.js';
import type { TimelineView } from '../access/scope.js';
import type { CaseRecord } from '../cases/cases-repository.js';
import { filterTimeline } from './filter.js';
import { mergeInOrder, mergeTimeline } from './merge.js';
import { keyRanges, type KeyRange } from './order.js';
import type { StoredEntry, TimelineEntry } from '../chronology/types.js';
import type { CaseMap } from '../anonymise/types.js';
import type { AnonymisationReport } from '../anonymise/anonymiser.js';
import type { TimelineQuery } from './timeline-schemas.js';
import { anonymiseTimeline, personFilter } from './anonymise-timeline.js';

export interface TimelineSources {
  /** The current entries of these agencies only, in the merged order, within the key ranges (all when omitted). */
  entries(caseId: string, agencies: Agencies, ranges?: readonly KeyRange[]): Promise<StoredEntry[]>;
  /** The case's map: people, protected terms and the chair's decisions. */
  map(caseId: string): Promise<CaseMap>;
}

/** An output's report: unmapped people by initials only; their real names only in a real-names view (§5.4). */
export interface TimelineReport extends AnonymisationReport {
  unmappedNames?: string[];
}

export interface BuiltTimeline {
  entries: TimelineEntry[];
  report: TimelineReport;
}

/** Merges, filters and anonymises entries already in memory (the stateless merge uses this directly). */
export function composeTimeline(
  stored: readonly StoredEntry[],
  map: CaseMap,
  query: Omit<TimelineQuery, 'format'>,
  reviewPeriod: CaseRecord['reviewPeriod'] | undefined,
): BuiltTimeline {
  return narrow(mergeTimeline(stored, reviewPeriod ? { reviewPeriod } : {}), map, query, true);
}

/** Filters and anonymises a merged timeline; `byDate` false when the store has applied from/to already. */
function narrow(merged: TimelineEntry[], map: CaseMap, query: Omit<TimelineQuery, 'format'>, byDate: boolean): BuiltTimeline {
  const person = query.person ? personFilter(map.people, query.person, query.names) : undefined;
  const base = filterTimeline(merged, {
    ...(byDate && query.from ? { from: query.from } : {}),
    ...(byDate && query.to ? { to: query.to } : {}),
    ...(query.agency ? { agency: query.agency } : {}),
    ...(query.seen !== undefined ? { seen: query.seen } : {}),
    ...(person ? { person } : {}),
  });
  const out = anonymiseTimeline(base, map, query.names);
  // Text search runs on what the caller sees, so an anonymised view never answers questions about real names.
  const entries = query.q ? filterTimeline(out.entries, { q: query.q }) : out.entries;
  return { entries, report: out.report };
}

/** The case's timeline as the view shows it (the view comes from the request's scope: `viewFor(scope, names)`). */
export async function buildCaseTimeline(
  sources: TimelineSources,
  view: TimelineView,
  c: CaseRecord,
  query: Omit<TimelineQuery, 'format'>,
): Promise<BuiltTimeline> {
  // From and to are key ranges of the store's read; a day's entries are all in or all out, so duplicate flags hold.
  const stored = await sources.entries(c.id, view.agencies, keyRanges(query.from, query.to));
  // The store filtered already; checked again here so a source that ignored the filter cannot widen the view.
  const visible = view.agencies.all ? stored : stored.filter((e) => includesAgency(view.agencies, e.submissionAgency));
  const merged = mergeInOrder(visible, c.reviewPeriod ? { reviewPeriod: c.reviewPeriod } : {});
  const built = narrow(merged, await sources.map(c.id), { ...query, names: view.names }, false);
  if (view.unmappedNames) return built;
  const { unmappedNames: _hidden, ...report } = built.report;
  return { ...built, report };
}

/** Only the submissions of the view's agencies: an export's agencies sheet, introduction and counts come from these. */
export function visibleSubmissions<S extends { agency: string }>(view: TimelineView, list: readonly S[]): S[] {
  return list.filter((s) => includesAgency(view.agencies, s.agency));
}
