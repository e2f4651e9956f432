// A small pseudonym map and realistic chronology text shared by the anonymiser and redaction-check tests.
import type { Person } from '../../src/anonymise/types.js';
import type { TimelineEntry } from '../../src/chronology/types.js';

const person = (name: string, initials: string, extra: Partial<Person> = {}): Person => ({
  name, initials, aliases: [], role: 'family', pseudonym: null, title: null, ...extra,
});

export const PEOPLE: Person[] = [
  person('Sarah Thompson', 'ST', { role: 'victim', aliases: ['Sazza', 'Sarah Hughes'], pseudonym: 'Adult A' }),
  person('Mark James Reid', 'MR', { role: 'perpetrator', pseudonym: 'Adult B' }),
  person("Siobhán O'Connor", 'SO', { role: 'friend' }),
  person('Priya Sharma', 'PS', { role: 'professional', title: 'Dr' }),
  person('Rose Thompson', 'RT', { role: 'child', pseudonym: 'Child C' }),
];

/** Entry texts as agencies write them: names in every form, identifiers, agency jargon. */
export const CHRONOLOGY_TEXTS = [
  'Sarah attended the surgery with her partner Mark Reid. Dr Sharma noted bruising to her upper arm and a red mark on her neck.',
  "PC Fraser attended 14 Birchfields Road following a 999 call from SARAH THOMPSON. REID, Mark arrested for ABH; Sarah’s phone 07700 900123 seized.",
  'MARAC referral made by the IDVA. DASH risk assessment scored 16 (high). Siobhan O’Connor (friend) present throughout.',
  'Home visit by the health visitor: Rose seen with her mother. Rose Cottage tenancy discussed with Housing.',
  'Mr Reid rang the surgery to ask about Sarah\nThompson’s appointment; refused information. Gary Whitfield (his brother) was with him.',
  'Email from sazza@example.com to the IDVA. Neighbour Tom Price reported shouting on Monday. Grace period on the rent arrears extended.',
  "Mark said he would 'sort her out'. Her mother, Joan, called the police. M. Reid and M.J. Reid appear on the PNC.",
];

export function entry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: 'e1', date: '2013-04-03', datePrecision: 'day', time: '17:00', agency: 'Police', source: 'Niche log for Sarah',
    professional: 'PC 4471 Helen Fraser', contact: 'Sarah Thompson and Mark Reid', event: CHRONOLOGY_TEXTS[1] ?? '',
    outcome: 'Referred to MARAC by DS Kowalski', seen: true, comment: 'Sarah was not asked about Mark alone.',
    extra: { 'Family members': 'Rose (daughter), Mark' }, flags: [], duplicateOf: [],
    provenance: { submissionId: 's1', sheet: 'Chronology', row: 7 }, ...overrides,
  };
}
