// Finds the map's protected terms (the school, the employer, the street) in any case, possessive or split over a line.
import type { ProtectedTerm } from '../types.js';
import { isEnglishWord } from './lexicon.js';
import { foldWord } from './normalise.js';
import { PhraseSearch } from './phrase-search.js';

/** An occurrence of protected term `term` (index into the map's terms); a possessive after it is left in place. */
export interface TermMatch {
  start: number;
  end: number;
  text: string;
  term: number;
}

/** Folded forms of a term or alias: as written, without its apostrophes, and without a leading "the". */
function formsOf(text: string): string[] {
  const folded = foldWord(text).replace(/\s+/gu, ' ').trim();
  if (folded.length < 2) return [];
  const forms = new Set([folded, folded.replace(/'/gu, ''), folded.replace(/^the /u, '')]);
  return [...forms].filter((f) => f.length >= 2);
}

/** A house or flat number right before a street ('7 Saxon Ridge', 'Flat 3, 27 Lindum Grove', '12a '). */
const NUMBER_BEFORE = /(?:^|[^\p{L}\d/.:-])((?:(?:flat|apartment|apt|unit)\.?\s*\d{1,4}[a-z]?\s*,?\s*)?\d{1,4}[a-z]?(?:\s*-\s*\d{1,4})?\s*,?\s+)$/iu;
/** A term that is a street: labelled so, or named with a street's last word. */
const STREETLIKE_LABEL = /street|road|address|home|house/iu;

const UPPER_START = /\p{Lu}/u;

/** Built once per map; `find` gives non-overlapping occurrences, longest first where two overlap. */
export function buildTermMatcher(terms: readonly ProtectedTerm[]): { find(text: string): TermMatch[] } {
  const street = terms.map((t) => STREETLIKE_LABEL.test(t.label));
  const byPattern = new Map<string, number>();
  terms.forEach((t, i) => {
    for (const name of [t.text, ...t.aliases]) for (const f of formsOf(name)) if (!byPattern.has(f)) byPattern.set(f, i);
  });
  // a one-word term that is also an English word ('Eye', the village) is the term only when capitalised: 'a black eye'
  const wordLike = new Set([...byPattern.keys()].filter((f) => !f.includes(' ') && isEnglishWord(f)));
  const search = new PhraseSearch([...byPattern].map(([pattern, data]) => ({ pattern, data })));
  return {
    find(text) {
      if (search.size === 0 || !text) return [];
      const hits = search.search(text).hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      const out: TermMatch[] = [];
      for (const h of hits) {
        if (out.some((o) => o.start < h.end && h.start < o.end)) continue;
        if (wordLike.size > 0 && !UPPER_START.test(text.charAt(h.start)) && wordLike.has(foldWord(text.slice(h.start, h.end)))) continue;
        // the number of a house in the family's street goes with it: '7 [street]' would still tell the house
        const number = street[h.data] ? NUMBER_BEFORE.exec(text.slice(Math.max(0, h.start - 24), h.start))?.[1] : undefined;
        const start = number ? h.start - number.length : h.start;
        out.push({ start, end: h.end, text: text.slice(start, h.end), term: h.data });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
