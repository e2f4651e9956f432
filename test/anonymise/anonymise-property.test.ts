// Property: map names in any written form (case, diacritics, possessives, split lines, apostrophes) never survive.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import type { Person } from '../../src/anonymise/types.js';

const person = (name: string, initials: string, aliases: string[] = []): Person => ({
  name, initials, aliases, role: 'family', pseudonym: null, title: null,
});
/** Names that are not ordinary English words (those are kept in prose by design and reported for review). */
const PEOPLE: Person[] = [
  person('Sarah Thompson', 'ST', ['Sazza']),
  person("Siobhán O'Connor", 'SO'),
  person('Priya Sharma', 'PS'),
  person('Gareth Whitfield-Jones', 'GWJ'),
  person('Zofia Nowakowska', 'ZN', ['Zosia']),
  person('Declan Ó Briain', 'DB'),
  person('Chloé Lefèvre', 'CL'),
];
const anonymiser = createAnonymiser(PEOPLE, 'initials');

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/gu, "'").toLowerCase();
const stripMarks = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

/** One written form of one person's name: which words, then how it is typed. */
const nameForm = fc
  .record({
    person: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
    which: fc.constantFrom('full', 'first', 'surname', 'alias', 'initial-surname', 'surname-first'),
    casing: fc.constantFrom('as-is', 'upper', 'lower', 'random'),
    randomCase: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    marks: fc.boolean(),
    curly: fc.boolean(),
    gap: fc.constantFrom(' ', '\n', '\r\n', '  ', ' \n ', '\u00a0'),
    possessive: fc.constantFrom('', "'s", '’s'),
    title: fc.constantFrom('', 'Mrs ', 'Dr ', 'PC '),
  })
  .map((f) => {
    const p = PEOPLE[f.person] as Person;
    const words = p.name.split(' ');
    const first = words[0] ?? '';
    const surname = words.slice(1).join(' ');
    let form: string;
    switch (f.which) {
      case 'full': form = words.join(f.gap); break;
      case 'first': form = first; break;
      case 'surname': form = `${f.title}${surname}`; break;
      case 'alias': form = p.aliases[0] ?? first; break;
      case 'initial-surname': form = `${first.charAt(0)}.${f.gap}${surname}`; break;
      default: form = `${surname},${f.gap}${first}`;
    }
    if (f.marks) form = stripMarks(form);
    if (f.curly) form = form.replace(/'/gu, '’');
    if (f.casing === 'upper') form = form.toUpperCase();
    if (f.casing === 'lower') form = form.toLowerCase();
    if (f.casing === 'random') form = [...form].map((c, i) => (f.randomCase[i % 40] ? c.toUpperCase() : c.toLowerCase())).join('');
    return form + f.possessive;
  });

const TEMPLATES = [
  (n: string) => `${n} attended the surgery.`,
  (n: string) => `Police spoke to ${n} at the address.`,
  (n: string) => `GP note: ${n} seen, bruising noted`,
  (n: string) => `The IDVA called ${n} twice; no answer.`,
  (n: string) => `(${n})`,
  (n: string) => `${n}`,
];

/** Words of the real names (3+ letters) that must not appear as a whole word in the output. */
const REAL_WORDS = [...new Set(PEOPLE.flatMap((p) => [p.name, ...p.aliases]).flatMap((n) => fold(n).split(/[\s-]+/u)))]
  .map((w) => w.replace(/'/gu, ''))
  .filter((w) => w.length >= 3);

test.prop([fc.array(fc.tuple(nameForm, fc.integer({ min: 0, max: TEMPLATES.length - 1 })), { minLength: 1, maxLength: 5 })], { numRuns: 1000 })(
  'no mapped name survives anonymisation',
  (parts) => {
    const text = parts.map(([n, t]) => (TEMPLATES[t] as (n: string) => string)(n)).join(' ');
    const out = fold(anonymiser.text(text).text ?? '').replace(/'/gu, '');
    for (const w of REAL_WORDS) expect(out, `"${w}" survived in: ${out}`).not.toMatch(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u'));
  },
);
