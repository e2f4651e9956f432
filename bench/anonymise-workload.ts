// Generates dense chronology text with a 50-person map, for the anonymiser benchmark (seeded, so runs compare).
import { validatePeopleMap } from '../src/anonymise/people-map.js';
import type { PersonInput } from '../src/anonymise/people-schema.js';
import type { Person } from '../src/anonymise/types.js';
import type { TimelineEntry } from '../src/chronology/types.js';

export function anonymiseWorkload(targetBytes: number): { people: Person[]; entries: TimelineEntry[]; bytes: number } {
  const FIRST = ['Sarah', 'Mark', 'Priya', 'Siobhán', 'Gareth', 'Leanne', 'Kyle', 'Dawn', 'Tomasz', 'Aisha', 'Rose', 'Callum', 'Nadia', 'Jordan', 'Bethany', 'Declan', 'Imran', 'Kerry', 'Liam', 'Olga', 'Shona', 'Wayne', 'Zofia', 'Hannah', 'Ryan'];
  const LAST = ['Thompson', 'Reid', 'Sharma', "O'Connor", 'Whitfield', 'Kowalski', 'Okafor', 'Price', 'Hughes', 'Begum', 'Smith-Jones', 'MacLeod', 'Nowak', 'Evans', 'Patel', 'Fraser', 'Bennett', 'Doyle', 'Khan', 'Walsh', 'Moore', 'Ahmed', 'Byrne', 'Clarke', 'Lewis'];
  const ROLES = ['victim', 'perpetrator', 'child', 'family', 'friend', 'professional', 'other'] as const;

  const people: PersonInput[] = [];
  const used = new Set<string>();
  for (let i = 0; people.length < 50; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]}`;
    if (used.has(name)) continue;
    used.add(name);
    people.push({ name, role: ROLES[i % ROLES.length] ?? 'other' });
  }
  // take the map's own suggestion for each colliding initials, as a chair would
  let map = validatePeopleMap(people);
  while (!map.ok && map.suggestion) {
    const p = people[map.person];
    if (p) p.initials = map.suggestion;
    map = validatePeopleMap(people);
  }
  if (!map.ok) throw new Error(`map refused: ${map.error}`);

  let seed = 42;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;
  const SENTENCES = [
    (a: string, b: string) => `${a} attended the surgery with her partner ${b} and disclosed that he had pushed her.`,
    (a: string) => `Police were called by a neighbour at 22:10; ${a} had a red mark on her neck and declined a DASH.`,
    (a: string, b: string) => `${a}'s mother rang the IDVA to say ${b} had been released on bail. A MARAC referral was made.`,
    (a: string) => `Home visit by the health visitor. ${a} seen with the children; no concerns noted about the home conditions.`,
    () => `Referral to the Freedom Programme offered; declined. Social Care informed on Monday and a strategy meeting held.`,
    (a: string, b: string) => `PC Fraser spoke to ${a}. She said ${b} had taken her phone and called her 07700 900123 repeatedly.`,
    (a: string) => `GP letter: ${a.toUpperCase()} prescribed sertraline 50mg. Review in 4 weeks. Gary Whitfield present in waiting room.`,
    () => `Grace period on the rent arrears extended by Housing until the end of May 2013 at Rose Cottage.`,
  ];
  const names = map.people.map((p) => p.name);
  const entries: TimelineEntry[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const a = pick(names);
    const b = pick(names);
    const event = [pick(SENTENCES)(a, b), pick(SENTENCES)(b, a), pick(SENTENCES)(a, b)].join(' ');
    const comment = rnd(3) === 0 ? `Missed opportunity to refer ${a.split(' ')[0]} to MARAC.` : null;
    const professional = pick(['PC 4471 Helen Fraser', 'Dr J Okafor', 'Social Worker', 'Health Visitor', 'Kerry Evans (IDVA)']);
    bytes += event.length + (comment?.length ?? 0) + professional.length;
    entries.push({
      id: `e${entries.length}`, date: '2013-04-03', datePrecision: 'day', time: null, agency: 'Police', source: 'Niche',
      professional, contact: a, event, outcome: null, seen: true, comment, extra: {}, flags: [], duplicateOf: [],
      provenance: { submissionId: 's1', sheet: 'Sheet1', row: entries.length + 2 },
    });
  }
  return { people: map.people, entries, bytes };
}
