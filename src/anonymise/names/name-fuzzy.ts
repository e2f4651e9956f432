// Catches misspelt mapped names ('Sarrah', 'Rhianon', 'Kasias') by edit distance against the map's one-word variants.
import type { Variant } from './name-variants.js';
import { isEnglishWord, isFirstName, isSurname } from './lexicon.js';
import { foldToken } from './name-tokens.js';

interface Entry {
  word: string;
  persons: number[];
  /** Some person has it as a plain name, not only as a word-name ('Grace'). */
  plain: boolean;
}

export interface FuzzyHit {
  start: number;
  end: number;
  persons: number[];
}

/** One per name matcher (so per anonymiser): it remembers the words it has judged. */
export interface FuzzyIndex {
  find(text: string, covered: (start: number, end: number) => boolean): FuzzyHit[];
}

const CAPITALISED = /\p{Lu}[\p{L}\p{M}'’]{3,}/gu;
/** A lower-case word of 5+ letters standing alone (not inside an e-mail address or a longer token). */
const LOWER = /(?<![\p{L}\p{N}@._-])\p{Ll}[\p{Ll}\p{M}'’]{4,}(?![\p{L}\p{N}@])/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Words remembered per index before the memory starts again: a bound for a very large case. */
const NEAREST_LIMIT = 50_000;

/** Optimal-string-alignment distance, giving up above `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1] as number[];
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

/**
 * Index of one-word variants of 5+ letters, keyed by first letter (misspellings keep it). A capitalised word not
 * in the English list matches a variant within 1 edit (2 for 7+ letters); a gazetteer first name ('Sara') only
 * a variant of 7+ letters within 1 edit, so two real names a letter apart are not merged.
 */
export function buildFuzzyIndex(variants: readonly Variant[]): FuzzyIndex {
  // (a pair of misspelt lower-case words may be near word-names too: 'browne' for Brown, so `pairs` keeps them all)
  // (a name that is also a word, 'Grace', only for a capitalised word one edit away that no list knows: 'Greace')
  const byFirst = new Map<string, Entry[]>();
  const pairs = new Map<string, Entry[]>();
  for (const v of variants) {
    if (/[\s.,]/u.test(v.pattern)) continue;
    const word = v.pattern.replace(/'/gu, '');
    if (word.length < 5) continue;
    for (const index of [byFirst, pairs]) {
      const list = index.get(word.charAt(0)) ?? [];
      const existing = list.find((x) => x.word === word);
      if (existing) {
        if (!existing.persons.includes(v.person)) existing.persons.push(v.person);
        if (v.context === 'plain') existing.plain = true;
      } else list.push({ word, persons: [v.person], plain: v.context === 'plain' });
      index.set(word.charAt(0), list);
    }
  }
  const nearestInPairs = new Map<string, number[] | null>();
  /** The persons a word is a misspelling of (null: none), per word: the same words recur all through a case. */
  const nearest = new Map<string, number[] | null>();
  /** `capitalised`: a word-name is near only within one edit of a word no list knows; in lower-case pairs, as any. */
  function misspelling(word: string, list: readonly Entry[], capitalised: boolean): number[] | null {
    if (isEnglishWord(word)) return null;
    const known = isFirstName(word);
    const strict = capitalised && (known || isSurname(word));
    for (const v of list) {
      if (v.word === word) continue;
      const wordName = capitalised && !v.plain;
      if (wordName && strict) continue;
      const max = wordName ? 1 : known ? (v.word.length >= 7 ? 1 : 0) : v.word.length >= 7 ? 2 : 1;
      if (max > 0 && distance(word, v.word, max) <= max) return v.persons;
    }
    return null;
  }
  return {
    find(text, covered) {
      if (pairs.size === 0) return [];
      const hits: FuzzyHit[] = [];
      for (const m of text.matchAll(CAPITALISED)) {
        const start = m.index;
        let end = start + m[0].length;
        if (start > 0 && LETTER_OR_DIGIT.test(text.charAt(start - 1))) continue;
        // (a piece of a double-barrelled name, 'Ansah' of 'Owusu-Ansah', is no misspelling on its own)
        if (text.charAt(start - 1) === '-' && LETTER_OR_DIGIT.test(text.charAt(start - 2))) continue;
        if (text.charAt(end) === '-' && LETTER_OR_DIGIT.test(text.charAt(end + 1))) continue;
        if (/['’]s$/u.test(m[0])) end -= 2;
        const word = foldToken(text.slice(start, end)).replace(/'/gu, '');
        const list = byFirst.get(word.charAt(0));
        if (!list || word.length < 4 || covered(start, end)) continue;
        let persons = nearest.get(word);
        if (persons === undefined) {
          persons = misspelling(word, list, true);
          if (nearest.size >= NEAREST_LIMIT) nearest.clear();
          nearest.set(word, persons);
        }
        if (persons) hits.push({ start, end, persons });
      }
      // both parts misspelt in lower case in a pasted log ('pt shaniece browne'): two such words side by side that
      // are near the same person's names count together, never one alone (lower-case words are too often words)
      let prev: FuzzyHit | null = null;
      for (const m of text.matchAll(LOWER)) {
        const start = m.index;
        const end = start + m[0].length;
        const word = foldToken(m[0]).replace(/'/gu, '');
        const list = pairs.get(word.charAt(0));
        let persons: number[] | null | undefined = null;
        if (list && !covered(start, end)) {
          persons = nearestInPairs.get(word);
          if (persons === undefined) {
            persons = misspelling(word, list, false);
            if (nearestInPairs.size >= NEAREST_LIMIT) nearestInPairs.clear();
            nearestInPairs.set(word, persons);
          }
        }
        const hit: FuzzyHit | null = persons ? { start, end, persons } : null;
        if (hit && prev && /^[ \t]+$/u.test(text.slice(prev.end, hit.start))) {
          const both = prev.persons.filter((p) => hit.persons.includes(p));
          if (both.length > 0) hits.push({ start: prev.start, end: hit.end, persons: both });
        }
        prev = hit;
      }
      return hits;
    },
  };
}
