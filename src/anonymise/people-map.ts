// Validates a case's pseudonym map: fills initials, refuses colliding initials, duplicate people and unsafe pseudonyms.
import type { Person, ProtectedTerm } from './types.js';
import type { PersonInput, TermInput } from './people-schema.js';
import { initialsWithMiddles, PARTICLES, proposeInitials } from './names/initials.js';
import { isEnglishWord, isFirstName, isSurname } from './names/lexicon.js';
import { foldWord } from './names/normalise.js';

export type PeopleMapError = 'initials_collision' | 'invalid_pseudonym' | 'duplicate_person';

export type PeopleMapResult =
  | { ok: true; people: Person[] }
  | { ok: false; error: PeopleMapError; message: string; person: number; suggestion?: string };

/**
 * Initials that already mean something in a chronology (GP, HV = health visitor, SW = social worker, PC …):
 * a person initialled 'GP' would read as "the GP". Treated as a collision.
 */
export const RESERVED_INITIALS = new Set([
  'GP', 'HV', 'SW', 'PC', 'DC', 'DS', 'DI', 'CPN', 'OT', 'ED', 'AE', 'DV', 'DA', 'MP', 'DCI', 'DSU', 'CID', 'IDVA',
  'ISVA', 'MASH', 'CPS', 'PNC', 'PPN', 'DASH', 'DHR', 'IMR', 'NHS', 'CSP', 'ABH', 'GBH', 'NFA', 'ICU', 'CCTV',
]);

/**
 * Pseudonyms of the form 'Adult A', 'Child B', 'Family Member 2', or a role alone ('Daughter', 'Son', 'Mother'):
 * the usual DHR labels, always acceptable.
 */
const LABEL = /^(?:adult|child|person|victim|subject|mother|father|parent|sibling|partner|ex-partner|friend|relative|family member|neighbour|male|female|man|woman|boy|girl|baby|individual|perpetrator|daughter|son|husband|wife|brother|sister|grandmother|grandfather|grandson|granddaughter|aunt|uncle|cousin|niece|nephew|stepfather|stepmother|stepson|stepdaughter|mother-in-law|father-in-law)(?:\s+[a-z0-9]{1,2})?$/iu;

function cleanList(values: string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values ?? []) {
    const t = v.trim().replace(/\s+/gu, ' ');
    const key = foldWord(t);
    if (t && !seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

/** Every folded form a person can be named by: full names, aliases and each of their words (particles excepted). */
function nameForms(p: { name: string; aliases: string[] }): Set<string> {
  const forms = new Set<string>();
  for (const n of [p.name, ...p.aliases]) {
    const folded = foldWord(n);
    forms.add(folded);
    for (const w of folded.split(/[\s-]+/u)) if (w.length > 1 && !PARTICLES.has(w)) forms.add(w);
  }
  return forms;
}

function suggestInitials(name: string, initials: string, taken: Set<string>): string {
  const candidates: string[] = [];
  const middle = initialsWithMiddles(name);
  if (middle !== initials) candidates.push(middle);
  const base = initials.replace(/\d$/u, '');
  for (let n = 2; n <= 9; n++) candidates.push(`${base}${n}`);
  return candidates.find((c) => !taken.has(c) && !RESERVED_INITIALS.has(c)) ?? `${base}9`;
}

/** Checks a pseudonym; returns the reason it is refused, or null. Messages name only the pseudonym and indexes. */
function pseudonymProblem(index: number, pseudonym: string, people: Person[], forms: Set<string>[]): string | null {
  const folded = foldWord(pseudonym);
  if (!/^[\p{L}\p{N}][\p{L}\p{N} '’.-]*$/u.test(pseudonym)) {
    return `people[${index}]: pseudonym "${pseudonym}" may contain only letters, digits, spaces, hyphens and apostrophes.`;
  }
  for (let j = 0; j < people.length; j++) {
    const words = folded.split(/[\s-]+/u);
    const clash = forms[j]?.has(folded) || (!LABEL.test(pseudonym) && words.some((w) => w.length > 1 && forms[j]?.has(w)));
    if (clash) {
      const whose = j === index ? 'this person' : `people[${j}]`;
      return `people[${index}]: pseudonym "${pseudonym}" is (or contains) a real name or alias of ${whose}; choose a pseudonym unrelated to anyone's real name.`;
    }
    if (j === index) continue;
    const other = people[j];
    if (j < index && other?.pseudonym && foldWord(other.pseudonym) === folded) {
      return `people[${index}]: pseudonym "${pseudonym}" is already the pseudonym of people[${j}].`;
    }
    if (other && other.initials.toLowerCase() === folded) {
      return `people[${index}]: pseudonym "${pseudonym}" is the initials of people[${j}].`;
    }
  }
  if (!LABEL.test(pseudonym) && !folded.includes(' ') && isEnglishWord(folded) && !isFirstName(folded) && !isSurname(folded)) {
    return `people[${index}]: pseudonym "${pseudonym}" is an ordinary English word and would be confused with the text; use a first name or a label such as "Adult A".`;
  }
  return null;
}

/** Validates the map and fills in initials (DESIGN §2, §5.5). Refuses the first problem found, by person index. */
export function validatePeopleMap(input: PersonInput[]): PeopleMapResult {
  const people: Person[] = input.map((p) => ({
    name: p.name.trim().replace(/\s+/gu, ' '),
    aliases: cleanList(p.aliases),
    role: p.role,
    initials: p.initials ?? proposeInitials(p.name),
    pseudonym: p.pseudonym?.trim() || null,
    title: p.title?.trim() || null,
  }));

  const byName = new Map<string, number>();
  for (const [i, p] of people.entries()) {
    const key = foldWord(p.name);
    const earlier = byName.get(key);
    if (earlier !== undefined) {
      return {
        ok: false,
        error: 'duplicate_person',
        person: i,
        message: `people[${i}] has the same name as people[${earlier}]; list each person once and put other names in aliases.`,
      };
    }
    byName.set(key, i);
  }

  const allInitials = new Set(people.map((p) => p.initials));
  const firstWith = new Map<string, number>();
  for (const [i, p] of people.entries()) {
    const earlier = firstWith.get(p.initials);
    if (earlier !== undefined || RESERVED_INITIALS.has(p.initials)) {
      const suggestion = suggestInitials(p.name, p.initials, allInitials);
      const why =
        earlier !== undefined
          ? `initials "${p.initials}" are already used by people[${earlier}]`
          : `initials "${p.initials}" already mean something in a chronology`;
      return {
        ok: false,
        error: 'initials_collision',
        person: i,
        suggestion,
        message: `people[${i}]: ${why}; set initials to "${suggestion}" or another unique form.`,
      };
    }
    firstWith.set(p.initials, i);
  }

  const forms = people.map(nameForms);
  for (const [i, p] of people.entries()) {
    if (!p.pseudonym) continue;
    const problem = pseudonymProblem(i, p.pseudonym, people, forms);
    if (problem) return { ok: false, error: 'invalid_pseudonym', person: i, message: problem };
  }
  return { ok: true, people };
}

/** Tidies protected terms: spaces collapsed, aliases de-duplicated, the same term listed once. */
export function cleanTerms(input: readonly TermInput[]): ProtectedTerm[] {
  const seen = new Set<string>();
  const out: ProtectedTerm[] = [];
  for (const t of input) {
    const text = t.text.trim().replace(/\s+/gu, ' ');
    const key = foldWord(text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, aliases: cleanList(t.aliases).filter((a) => foldWord(a) !== key), label: t.label.trim() });
  }
  return out;
}
