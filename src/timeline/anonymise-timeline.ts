// Applies the case's pseudonym map to a merged timeline, and matches the `person` filter by any variant of a name.
import { createAnonymiser } from '../anonymise/anonymiser.js';
import { buildNameMatcher } from '../anonymise/names/name-matcher.js';
import type { CaseMap, NamesMode, Person } from '../anonymise/types.js';
import { TEXT_FIELDS } from '../anonymise/text-fields.js';
import type { TimelineReport } from './timeline-service.js';
import type { TimelineEntry } from '../chronology/types.js';
import { badRequest } from '../errors.js';

/**
 * Applies the map to a merged timeline. A real-names view keeps the entries as stored, and its report also lists
 * the unmapped names by real name for the chair; an anonymised view's report never carries a real name.
 */
export function anonymiseTimeline(entries: readonly TimelineEntry[], map: CaseMap, mode: NamesMode): { entries: TimelineEntry[]; report: TimelineReport } {
  const anonymiser = createAnonymiser(map, mode === 'real' ? 'initials' : mode);
  const anonymised = entries.map((e) => anonymiser.entry(e));
  const report = anonymiser.report();
  return mode === 'real' ? { entries: [...entries], report: { ...report, unmappedNames: anonymiser.unmappedNames() } } : { entries: anonymised, report };
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

/**
 * Entries that mention one mapped person, by any variant of their name. Anonymised views name the person
 * by initials or pseudonym only, so the filter never confirms a real name to someone who may not see it.
 */
export function personFilter(people: readonly Person[], wanted: string, names: 'initials' | 'pseudonym' | 'real'): (e: TimelineEntry) => boolean {
  const w = fold(wanted);
  const index = people.findIndex(
    (p) => fold(p.initials) === w || (p.pseudonym !== null && fold(p.pseudonym) === w) || (names === 'real' && fold(p.name) === w),
  );
  if (index < 0) throw badRequest('No person in the map has those initials or that pseudonym.');
  const matcher = buildNameMatcher([...people]);
  return (e) => TEXT_FIELDS.some((f) => e[f] !== null && matcher.mentions(e[f] ?? '', index)) || Object.values(e.extra).some((v) => matcher.mentions(v, index));
}
