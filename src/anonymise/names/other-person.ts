// Tells a mapped person's name part from another person who shares it ('Declan Byrne', 'Colin Field', 'C Price').
import { isAllowListed, PSEUDONYM_LABEL_WORDS, ROLE_WORDS } from './allow-list.js';
import { isCommonWord, isEnglishWord, isFirstName, isNameWord, isSurname, hasTag } from './lexicon.js';
import { baseVerb } from './verbs.js';
import { isTitle, PLACE_WORDS, RELATIONSHIP_CUES, SPEECH_VERBS } from './name-context.js';
import { foldToken } from './name-tokens.js';
import type { VariantKind } from './name-variants.js';

/** A mention found so far: where it is, whom it could be, and what it is of each (parallel to `persons`). */
export interface Mention {
  start: number;
  end: number;
  persons: readonly number[];
  kinds: readonly VariantKind[];
}

const GIVEN: ReadonlySet<VariantKind> = new Set(['first', 'middle', 'first-middle', 'alias', 'part']);
// a middle name counts as a family name beside another's given name ('Gurpreet Kaur …', 'Surinder Singh')
const FAMILY: ReadonlySet<VariantKind> = new Set(['surname', 'alias', 'part', 'middle']);
const kindsOf = (m: Mention, person: number): VariantKind[] => m.persons.flatMap((p, i) => (p === person ? [m.kinds[i] ?? 'first'] : []));
const hasKind = (m: Mention, set: ReadonlySet<VariantKind>): boolean => m.kinds.some((k) => set.has(k));
/** Every reading of the mention is a surname ('Walsh'), none a given name or an alias that could open a name. */
const onlyFamily = (m: Mention): boolean => m.kinds.every((k) => k === 'surname');

// a word may end a sentence ('… DS Jimmy Baddeley.'); an initial is one capital with or without its dot
const WORD = String.raw`\p{Lu}\.(?![\p{L}])|\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*(?![\p{L}\p{M}])`;
const NEXT_WORD = new RegExp(String.raw`^[ \t]+(${WORD})`, 'u');
const PREVIOUS_WORD = new RegExp(String.raw`(?:^|[^\p{L}\p{M}'’.-])(${WORD})[ \t]+$`, 'u');
const INITIAL = /^\p{Lu}\.?$/u;

/** Not a name whatever its capitals: acronyms, titles, roles, relationships, agencies, months, place words, verbs. */
function neverAName(word: string): boolean {
  const low = foldToken(word.replace(/\.$/u, ''));
  return (
    (word.length <= 3 && word === word.toUpperCase() && !INITIAL.test(word)) ||
    isTitle(word) || isAllowListed(low) || ROLE_WORDS.has(low) || RELATIONSHIP_CUES.has(low) || PSEUDONYM_LABEL_WORDS.has(low) ||
    PLACE_WORDS.has(low) || SPEECH_VERBS.has(low) || (low.length > 4 && low.endsWith('ed'))
  );
}

/** A word that reads as part of someone's name: a known surname or first name, or not an English word at all. */
function nameLike(word: string): boolean {
  const parts = foldToken(word).split('-');
  return parts.some((p) => !isCommonWord(p) && (isSurname(p) || isFirstName(p) || !isEnglishWord(p)));
}

/** compromise tags of words that never stand as a surname after a given name ('Hope Seen', 'Rosie Said', 'Holly Well'). */
const NOT_A_SURNAME_TAGS = new Set([
  'Adverb', 'Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Participle', 'Copula', 'Modal', 'Auxiliary',
  'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adjective', 'Comparative', 'Superlative', 'Value',
]);

/**
 * A surname written after a given name in mixed-case text, though it is also a word ('Holly Marsh', 'Rosie
 * Wainwright'): in the surname gazetteer, capitalised with lower-case letters after, and no verb, adverb or
 * function word. In ALL CAPS capitals say nothing, so only nameLike counts there.
 */
function surnameAfterGiven(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const parts = foldToken(word).split('-');
  // a word that is a well-known surname too ('Green', 'Brown', 'Young') stands as one whatever its tag
  return parts.every((p) => isNameWord(p) || (isSurname(p) && !hasTag(p, NOT_A_SURNAME_TAGS) && !baseVerb(p)));
}

/** compromise tags of words that never stand as a given name before a surname ('Will Walsh attend?', 'If Walsh'). */
const NOT_A_GIVEN_TAGS = new Set(['Modal', 'Auxiliary', 'Copula', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adverb']);

/**
 * A given name written before a surname in mixed-case text, though it is also a word ('Grace Adeyemi', 'Faith
 * Walsh' when no mapped Walsh is Grace or Faith): in a first-name gazetteer, capitalised with lower-case letters after.
 */
function givenBeforeSurname(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  const low = foldToken(word);
  return isFirstName(low) && !hasTag(low, NOT_A_GIVEN_TAGS);
}

/** The mention covering `start..end`, if any. */
const coverOf = (mentions: readonly Mention[], start: number, end: number): Mention | undefined => mentions.find((m) => m.start < end && start < m.end);

/**
 * True when a one-word mention of `persons` stands beside a word that belongs to none of them — another mapped
 * person's name part ('Jay Mistry': Jay of one, Mistry of another), an initial none of them has ('C Price'), or a
 * name not in the map ('Declan Byrne') — so that together they name someone else, whom the unmapped detector
 * initials (DESIGN §5.2). Returns that someone's whole name as written here (this mention and the word beside it). `givenInitials(p)`: the first letters of person p's given names and aliases.
 */
export function anotherPersonBeside(
  text: string,
  mention: Mention,
  mentions: readonly Mention[],
  givenInitials: (person: number) => ReadonlySet<string>,
): { start: number; end: number } | null {
  const sides = [
    { m: NEXT_WORD.exec(text.slice(mention.end, mention.end + 40)), after: true },
    { m: PREVIOUS_WORD.exec(text.slice(Math.max(0, mention.start - 40), mention.start)), after: false },
  ];
  // the other person's name: this mention and the word beside it that says someone else
  const span = (a: number, b: number): { start: number; end: number } => ({ start: Math.min(a, mention.start), end: Math.max(b, mention.end) });
  for (const { m, after } of sides) {
    const word = m?.[1];
    if (!m || !word) continue;
    const at = after ? mention.end + m[0].length - word.length : mention.start - m[0].length + m[0].indexOf(word);
    const other = coverOf(mentions, at, at + word.replace(/\.$/u, '').length);
    if (other) {
      const [left, right] = after ? [mention, other] : [other, mention];
      const both = left.persons.filter((p) => right.persons.includes(p));
      // one-word name parts of two different mapped people side by side name someone else ('Jay Mistry',
      // 'Dr Ahmed Hussein'); beside a whole name it is a list ('Sarah Thompson Reid')
      if (both.length === 0 && !/\s/u.test(text.slice(other.start, other.end))) return span(other.start, other.end);
      if (!hasKind(left, GIVEN) || !hasKind(right, FAMILY)) continue;
      // a middle name and the surname without the first name: someone else of the family ('Anthony Preston')
      if (both.every((p) => kindsOf(left, p).every((k) => k === 'middle'))) return span(other.start, other.end);
      continue;
    }
    if (!after && INITIAL.test(word)) {
      // 'C Price' when Mercy Price is mapped: an initial none of them has
      const letter = word.charAt(0);
      if (!mention.persons.some((p) => givenInitials(p).has(letter))) return span(at, at + word.length);
      continue;
    }
    // ('Mark Grant' when Grant Mackenzie is mapped, 'Grace Adeyemi' when no mapped Adeyemi is Grace)
    const givenFirst = !after && (onlyFamily(mention) || !hasKind(mention, FAMILY)) && givenBeforeSurname(word);
    // (a surname that is also a place word stands after a given name as well: 'Mark Hill', 'Jo Wood')
    const surnameNext = after && hasKind(mention, GIVEN) && surnameAfterGiven(word);
    const placeSurname = surnameNext && isNameWord(foldToken(word)) && !isTitle(word);
    // in capitals too, a well-known surname that is also a word ('DARIUS WOOD' when Darius Kane is mapped)
    const low = foldToken(word);
    // ('HEATHER CLOUGH' when Heather Lincoln is mapped: a surname no verb or adjective could be)
    const capsSurname =
      after && hasKind(mention, GIVEN) && /^\p{Lu}{3,}$/u.test(word) && isSurname(low) && (isNameWord(low) || (!hasTag(low, NOT_A_SURNAME_TAGS) && !baseVerb(low)));
    if (word.length > 1 && (placeSurname || capsSurname || (!neverAName(word) && (nameLike(word) || surnameNext || givenFirst)))) {
      return span(at, at + word.replace(/\.$/u, '').length);
    }
  }
  return null;
}
