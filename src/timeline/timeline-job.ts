// One scope's timeline as a job a worker can run: what to read from the store and how to narrow and anonymise it,
// entry by entry, holding at most one page and one day's bucket (DESIGN §9).
import { agencyFilter, includesAgency, type Agencies } from '../access/agency.js';
import type { TimelineView } from '../access/scope.js';
import { anonymiserOf } from '../anonymise/anonymiser.js';
import { engineFor } from '../anonymise/engine-cache.js';
import type { CaseMap } from '../anonymise/types.js';
import type { CaseRecord } from '../cases/cases-repository.js';
import type { ReviewPeriod, StoredEntry, TimelineEntry } from '../chronology/types.js';
import type { EntryQuery } from '../db/entry-reader.js';
import { personFilter } from './anonymise-timeline.js';
import { filterTimeline } from './filter.js';
import { mergeOrdered } from './merge.js';
import { keyRanges } from './order.js';
import type { TimelineReport } from './timeline-service.js';
import type { TimelineQuery } from './timeline-schemas.js';

/** Plain data (it crosses to a worker thread): the store read, the view's limits, the map and the filters. */
export interface TimelineJob {
  read: EntryQuery;
  agencies: Agencies;
  reviewPeriod: ReviewPeriod | undefined;
  map: CaseMap;
  names: TimelineView['names'];
  unmappedNames: boolean;
  filter: { agency?: string[]; seen?: boolean; person?: string; q?: string };
}

/**
 * The job for a case's timeline as the view shows it. Bad filters are refused here, before anything is sent: dates
 * that are not ISO (RangeError) and a person the map does not have (400).
 */
export function timelineJob(view: TimelineView, c: CaseRecord, map: CaseMap, query: Omit<TimelineQuery, 'format'>): TimelineJob {
  // From and to are key ranges of the store's read; a day's entries are all in or all out, so duplicate flags hold.
  const ranges = keyRanges(query.from, query.to);
  if (query.person) personFilter(map.people, query.person, view.names);
  return {
    read: { caseId: c.id, agencyKey: agencyFilter(view.agencies), ranges },
    agencies: view.agencies,
    reviewPeriod: c.reviewPeriod ?? undefined,
    map,
    names: view.names,
    unmappedNames: view.unmappedNames,
    filter: {
      ...(query.agency ? { agency: query.agency } : {}),
      ...(query.seen !== undefined ? { seen: query.seen } : {}),
      ...(query.person ? { person: query.person } : {}),
      ...(query.q ? { q: query.q } : {}),
    },
  };
}

export interface RunningTimeline {
  entries: AsyncGenerator<TimelineEntry>;
  /** After `entries` is done: the report and the count of entries given. */
  report(): TimelineReport & { total: number };
}

/** Merges, filters and anonymises pages read in the merged order, as `buildCaseTimeline` does for a whole list. */
export function runTimeline(pages: AsyncIterable<readonly StoredEntry[]>, job: TimelineJob): RunningTimeline {
  // (the engine is shared with this case's earlier exports on this thread; the report is this export's own)
  const anonymiser = anonymiserOf(engineFor(job.map, job.names === 'real' ? 'initials' : job.names));
  const person = job.filter.person ? personFilter(job.map.people, job.filter.person, job.names) : undefined;
  const { q, person: _named, ...rest } = job.filter;
  let total = 0;
  async function* visible(): AsyncGenerator<StoredEntry[]> {
    // The store filtered already; checked again so a source that ignored the filter cannot widen the view.
    for await (const page of pages) yield job.agencies.all ? [...page] : page.filter((e) => includesAgency(job.agencies, e.submissionAgency));
  }
  async function* entries(): AsyncGenerator<TimelineEntry> {
    for await (const merged of mergeOrdered(visible(), job.reviewPeriod ? { reviewPeriod: job.reviewPeriod } : {})) {
      const base = filterTimeline(merged, { ...rest, ...(person ? { person } : {}) });
      const anonymised = base.map((e) => anonymiser.entry(e));
      const out = job.names === 'real' ? base : anonymised;
      // Text search runs on what the caller sees, so an anonymised view never answers questions about real names.
      for (const e of q ? filterTimeline(out, { q }) : out) {
        total++;
        yield e;
      }
    }
  }
  return {
    entries: entries(),
    report: () => {
      const report: TimelineReport = job.names === 'real' && job.unmappedNames ? { ...anonymiser.report(), unmappedNames: anonymiser.unmappedNames() } : anonymiser.report();
      return { ...report, total };
    },
  };
}
