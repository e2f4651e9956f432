// The header words of real chronology templates (DESIGN §2) and how one header cell is matched to a canonical field.
import type { Field } from './types.js';

/** Exact header texts per field, written as `normaliseHeader` leaves them. */
const EXACT: Record<Field, readonly string[]> = {
  date: ['date', 'dates', 'date of contact', 'contact date', 'date of event', 'event date', 'date of incident', 'date dd mm yy', 'date dd mm yyyy'],
  datetime: ['date time', 'date and time', 'date time of contact', 'date and time of contact', 'date time of event'],
  time: ['time', 'times', 'time of contact', 'time of event', 'time 24hr', 'time 24 hr', 'time 24 hour', 'time hh mm'],
  source: [
    'source of evidence',
    'source',
    'source agency',
    'record',
    'records',
    'source of information',
    'record system',
    'source document',
    'evidence source',
  ],
  professional: [
    'name of professional',
    'professional',
    'officer',
    'staff member',
    'practitioner',
    'worker',
    'professional involved',
    'name and role of professional',
    'name role of professional',
    'name of worker',
    'staff',
  ],
  contact: ['contact with', 'family members', 'family member', 'subject', 'person', 'persons involved', 'people involved'],
  event: [
    'event description actions taken decisions made',
    'event description action taken decision made',
    'event',
    'information',
    'details',
    'description',
    'event action decision',
    'event description',
    'description of event',
    'event details',
    'details of contact',
    'narrative',
    'summary',
  ],
  outcome: ['action outcome', 'outcome', 'action taken', 'actions taken', 'action', 'outcome action'],
  seen: ['victim seen', 'seen', 'subject seen', 'victim seen y n', 'was victim seen', 'victim seen yes no'],
  comment: [
    'comments',
    'comment',
    'imr and panel members initials and comment',
    'imr and panel members initials and comments',
    'panel comment',
    'panel comments',
    'imr comment',
    'imr comments',
    'author comment',
    'analysis',
    'notes',
  ],
  agency: ['agency', 'agency name', 'organisation', 'organization'],
};

const EXACT_LOOKUP: ReadonlyMap<string, Field> = new Map(
  (Object.entries(EXACT) as [Field, readonly string[]][]).flatMap(([field, words]) => words.map((w) => [w, field] as const)),
);

/** Headers longer than this are sentences (guidance, titles), not column headers; only exact matches count for them. */
const MAX_FUZZY_WORDS = 6;

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case, no accents, ticks or punctuation, '&' as 'and', single spaces: 'Victim seen ✓' → 'victim seen'. */
export function normaliseHeader(text: string): string {
  // ASCII has no decompositions and no combining marks: the first two steps would change nothing.
  const folded = !NON_ASCII.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface HeaderMatch {
  field: Field;
  /** 3 = a known template header, 2 = a recognisable variant. */
  quality: 2 | 3;
}

/** Keyword rules for headers that are not in the list, most specific first. */
function fuzzy(words: string[]): Field | null {
  const has = (w: string): boolean => words.includes(w);
  const first = words[0];
  if (has('birth') || has('dob')) return null;
  if (has('comment') || has('comments')) return 'comment';
  if (has('seen')) return 'seen';
  if (first === 'date') return has('time') ? 'datetime' : 'date';
  if (first === 'time') return 'time';
  if (has('professional') || has('officer') || has('practitioner') || has('worker')) return 'professional';
  if (has('outcome')) return 'outcome';
  if (has('event') || has('description') || has('narrative')) return 'event';
  if (has('source') || has('evidence')) return 'source';
  if (has('agency')) return 'agency';
  return null;
}

/** The field a header cell names, or null. Text in brackets ('Date (dd/mm/yy)') may be dropped to find a match. */
export function matchHeader(text: string): HeaderMatch | null {
  const full = normaliseHeader(text);
  if (full === '') return null;
  const exact = EXACT_LOOKUP.get(full) ?? EXACT_LOOKUP.get(normaliseHeader(text.replace(/\([^)]*\)/g, ' ')));
  if (exact) return { field: exact, quality: 3 };
  const words = full.split(' ');
  if (words.length > MAX_FUZZY_WORDS) return null;
  const field = fuzzy(words);
  return field ? { field, quality: 2 } : null;
}

/** Every header text a template may use, for the "expected" list of a no-date-column answer. */
export const EXPECTED_HEADERS: readonly string[] = [
  'Date',
  'Time',
  'Source of evidence',
  'Name of professional',
  'Contact with / Family Members',
  'Event description, actions taken, decisions made / Information',
  'Action / Outcome',
  'Victim seen',
  'Comments',
  'Agency',
];
