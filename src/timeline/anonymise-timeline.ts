// Applies the case's pseudonym map to a merged timeline, and matches the `person` filter by any variant of a name.
import { createAnonymiser } from '../anonymise/anonymiser.js';
import { buildNameMatcher } from '../anonymise/names/name-matcher.js';
import type { Person } from '../anonymise/types.js';
import type { TimelineEntry } from '../chronology/types.js';
import { badRequest } from '../errors.js';

export function anonymiseTimeline(
  entries: readonly TimelineEntry[],
  people: readonly Person[],
  mode: 'initials' | 'pseudonym',
): { entries: TimelineEntry[]; unmappedNames: string[] } {
  const anonymiser = createAnonymiser([...people], mode);
  const out = entries.map((e) => anonymiser.entry(e));
  return { entries: out, unmappedNames: anonymiser.unmappedNames() };
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();

const TEXT_FIELDS = ['source', 'professional', 'contact', 'event', 'outcome', 'comment'] as const;

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
