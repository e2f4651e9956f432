// The analysis of a case for one request's scope: the visible agencies' current entries, counted over the period.
import { agencyKey, type Agencies } from '../access/agency.js';
import { analysisAgencies, type Scope } from '../access/scope.js';
import type { StoredEntry } from '../chronology/types.js';
import { DomainError } from '../domain-error.js';
import { COUNTING_NOTE, type AnalysisQuery, type AnalysisResponse } from './analysis-schemas.js';
import { analyseContacts, narrowPeriod, type AnalysisPeriod } from './contacts.js';

export interface AnalysisSources {
  /** The current entries of these agencies (the store narrows; the service checks again). */
  entries(caseId: string, agencies: Agencies): Promise<StoredEntry[]>;
}

/** The review period narrowed by the query's from and to (each at day, month or year precision). */
export function analysisPeriod(review: { from: string; to: string }, query: Pick<AnalysisQuery, 'from' | 'to'>): AnalysisPeriod {
  const period = narrowPeriod(review, query);
  if (!period) {
    throw new DomainError('invalid-input', 'bad_request', 'from and to leave no day of the review period to analyse.', { reviewPeriod: review });
  }
  return period;
}

export async function caseAnalysis(sources: AnalysisSources, scope: Scope, query: AnalysisQuery): Promise<AnalysisResponse> {
  const period = analysisPeriod(scope.case.reviewPeriod, query);
  const agencies = analysisAgencies(scope);
  const stored = agencies ? await sources.entries(scope.case.id, agencies) : [];
  const wanted = query.agency && query.agency.length > 0 ? new Set(query.agency.map(agencyKey)) : null;
  const only = agencies && !agencies.all ? agencyKey(agencies.agency) : null;
  const entries = stored
    .filter((e) => only === null || agencyKey(e.submissionAgency) === only)
    .map((e) => ({ agency: e.agency ?? e.submissionAgency, date: e.date, datePrecision: e.datePrecision, seen: e.seen }))
    .filter((e) => wanted === null || wanted.has(agencyKey(e.agency)));
  return { ...analyseContacts(entries, period, query.gapDays), counting: COUNTING_NOTE };
}
