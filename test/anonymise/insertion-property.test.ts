// Property: any part of a mapped name, capitalised, put anywhere in a real chronology sentence, is replaced.
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { createAnonymiser } from '../../src/anonymise/anonymiser.js';
import type { Person } from '../../src/anonymise/types.js';
import { loadSplit } from '../corpus/load-corpus.js';

const person = (name: string, initials: string): Person => ({ name, initials, aliases: [], role: 'family', pseudonym: null, title: null });
/** Name parts that are not ordinary English words (those are kept in fixed uses by design, and reported). */
const PEOPLE: Person[] = [
  person('Siobhán Marie Kowalczyk', 'SK'),
  person('Oluwaseun Adebayo', 'OA'),
  person('Declan Nwachukwu', 'DN'),
  person('Tasleem Rahmatullah', 'TR'),
];
const PARTS = PEOPLE.flatMap((p) => p.name.split(' '));
const anonymiser = createAnonymiser(PEOPLE, 'initials');

/** Sentences from the corpus's dev split, as agencies wrote them (no labels needed: the names inserted are new). */
const SENTENCES = loadSplit('dev').flatMap((c) => c.entries.map((e) => e.text)).filter((t) => t.length > 20 && t.length < 400);

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

test.prop(
  [fc.nat({ max: SENTENCES.length - 1 }), fc.nat({ max: PARTS.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('', "'s", ',', ':', '.')],
  { numRuns: 1500 },
)('a capitalised mapped name part inserted at any word boundary is replaced', (s, n, at, after) => {
  const sentence = SENTENCES[s] ?? '';
  const part = PARTS[n] ?? '';
  // (not inside a word broken at a line end, 'Camp- bell': a name there would split the word)
  const gaps = [0, ...[...sentence.matchAll(/(?<!\p{L}-)\s+/gu)].map((m) => m.index + m[0].length)];
  const cut = gaps[Math.floor(at * gaps.length)] ?? 0;
  const text = `${sentence.slice(0, cut)}${part}${after} ${sentence.slice(cut)}`;
  const out = fold(anonymiser.text(text).text ?? '');
  expect(out, `"${part}" survived`).not.toMatch(new RegExp(`(?<![\\p{L}])${fold(part)}(?![\\p{L}])`, 'u'));
});
