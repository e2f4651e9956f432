// What a re-upload changed, for one request's scope: two versions of one agency, merged, anonymised, compared.
import { includesAgency, oneAgency, type Agencies } from '../access/agency.js';
import { AccessDenied } from '../access/access-errors.js';
import { NAMES_MODES, viewFor, type NamesMode, type Scope } from '../access/scope.js';
import type { CaseMap } from '../anonymise/types.js';
import type { StoredEntry, TimelineEntry } from '../chronology/types.js';
import { DomainError } from '../domain-error.js';
import type { SubmissionRecord } from '../submissions/submissions-repository.js';
import { anonymiseTimeline } from '../timeline/anonymise-timeline.js';
import { mergeInOrder } from '../timeline/merge.js';
import type { DiffQuery, DiffResponse } from './analysis-schemas.js';
import { diffVersions } from './version-diff.js';

export interface DiffSources {
  /** Every version of these agencies' submissions, by version within an agency. */
  list(caseId: string, agencies: Agencies): Promise<SubmissionRecord[]>;
  /** One submission's entries in the merged order. */
  entriesOf(caseId: string, submissionId: string): Promise<StoredEntry[]>;
  map(caseId: string): Promise<CaseMap>;
}

/** The agency asked for, or an author's own; refused unless the token may list that agency's submissions. */
function agencyOf(scope: Scope, asked: string | undefined): string {
  // A token bound to one agency (an author) compares that agency when it names none.
  const own = scope.submissions && !scope.submissions.all ? scope.submissions.agency : null;
  const agency = asked ?? own;
  if (!agency) throw new DomainError('invalid-input', 'bad_request', 'Say which agency: ?agency=…', { field: 'agency' });
  if (!scope.submissions || !includesAgency(scope.submissions, agency)) {
    throw new AccessDenied("Your token may only compare its own agency's versions.", 'other agency');
  }
  return agency;
}

/** The names mode asked for, or the first the token may read this agency in: anonymised where it may. */
function namesOf(scope: Scope, agency: string, asked: NamesMode | undefined): NamesMode {
  const names = asked ?? NAMES_MODES.find((n) => { const v = scope.views[n]; return v !== undefined && includesAgency(v.agencies, agency); });
  if (!names) throw new AccessDenied("Your token may not read this agency's entries.");
  if (!includesAgency(viewFor(scope, names).agencies, agency)) throw new AccessDenied("Your token may not read this agency's entries in that names mode.");
  return names;
}

const noVersion = (n: number): DomainError => new DomainError('not-found', 'not_found', `That agency has no version ${n}.`, { version: n });

const info = (s: SubmissionRecord): DiffResponse['to'] => ({ version: s.version, submissionId: s.id, entries: s.entries, uploadedAt: s.uploadedAt });

export async function versionDiffFor(sources: DiffSources, scope: Scope, query: DiffQuery): Promise<DiffResponse> {
  const agency = agencyOf(scope, query.agency);
  const names = namesOf(scope, agency, query.names);
  const versions = (await sources.list(scope.case.id, oneAgency(agency))).filter((s) => includesAgency(oneAgency(agency), s.agency)).sort((a, b) => a.version - b.version);
  const latest = versions[versions.length - 1];
  if (!latest) throw new DomainError('not-found', 'not_found', 'That agency has no chronology in this case.');
  const to = query.to === undefined ? latest : versions.find((s) => s.version === query.to);
  if (!to) throw noVersion(query.to ?? 0);
  const from = query.from === undefined ? ([...versions].reverse().find((s) => s.version < to.version) ?? null) : versions.find((s) => s.version === query.from);
  if (from === undefined) throw noVersion(query.from ?? 0);

  const review = { reviewPeriod: scope.case.reviewPeriod };
  const before = from ? mergeInOrder(await sources.entriesOf(scope.case.id, from.id), review) : [];
  const after = mergeInOrder(await sources.entriesOf(scope.case.id, to.id), review);
  // Both versions through one anonymiser, so a person has the same initials on both sides; compared as the caller
  // sees them, so an anonymised view never tells which real name was edited.
  const shown: TimelineEntry[] = anonymiseTimeline([...before, ...after], await sources.map(scope.case.id), names).entries;
  const diff = diffVersions(shown.slice(0, before.length), shown.slice(before.length));
  return {
    agency: to.agency,
    names,
    from: from ? info(from) : null,
    to: info(to),
    summary: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged },
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed,
  };
}
