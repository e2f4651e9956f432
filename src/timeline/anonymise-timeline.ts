// Applies the case's pseudonym map to a merged timeline, and matches the `person` filter. (Anonymiser not yet wired.)
import type { Person } from '../anonymise/types.js';
import type { TimelineEntry } from '../chronology/types.js';
import { AppError } from '../errors.js';

export function anonymiseTimeline(
  _entries: readonly TimelineEntry[],
  _people: readonly Person[],
  _mode: 'initials' | 'pseudonym',
): { entries: TimelineEntry[]; unmappedNames: string[] } {
  // Never serve an "anonymised" export that is not.
  throw new AppError(501, 'not_implemented', 'Anonymised exports are not available yet; only names=real can be served.');
}

const fold = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function personFilter(people: readonly Person[], wanted: string, names: 'initials' | 'pseudonym' | 'real'): (e: TimelineEntry) => boolean {
  const w = fold(wanted.trim());
  const person = people.find((p) => fold(p.initials) === w || (p.pseudonym && fold(p.pseudonym) === w) || (names === 'real' && fold(p.name) === w));
  const needle = fold(person?.name ?? wanted);
  return (e) => [e.event, e.contact, e.outcome, e.comment, e.source, e.professional].some((t) => t !== null && fold(t).includes(needle));
}
