// The rules that read a mapped-name candidate by its neighbours: a misspelt other part beside it, a list it stands in,
// a role before it, a weaker reading of the same words (used by name-matcher.ts).
import type { VariantContext, VariantKind } from './name-variants.js';
import { distance } from './name-fuzzy.js';
import { foldToken } from './name-tokens.js';
import { hasTag, isFirstName, isSurname } from './lexicon.js';
import { hasPlaceAfter, titleBefore, wordBefore as plainWordBefore } from './name-context.js';

/** What a pattern of the automaton stands for. */
export interface PatternData {
  persons: number[];
  /** Per person (same order): what the pattern is of that person's name. */
  kinds: VariantKind[];
  context: VariantContext;
  multi: boolean;
}

export interface Candidate {
  start: number;
  end: number;
  data: PatternData;
  confidence: number; // 0 = kept
  reason: 'lowercase' | 'context';
  finding?: number;
  /** Initialled as written, whoever's the name is ('the Wards': a family together). */
  asWritten?: boolean;
}


/**
 * Two readings of a name in a list that the longest-first rule would get wrong: 'Mrs Brown, Shanice' is a title and
 * a surname, then a given name, not 'Brown, Shanice'; 'S VAN DER BERG Joris' (S for suspect) is Joris, surname
 * first, not 'S VAN DER BERG' of someone else whose initial is S. Such a reading is turned down in place.
 */
export function dropWeakReadings(text: string, candidates: Candidate[]): void {
  for (const c of candidates) {
    if (c.confidence <= 0 || !c.data.multi) continue;
    const kinds = new Set(c.data.kinds);
    const written = text.slice(c.start, c.end);
    if (kinds.has('surname-first') && written.includes(',') && titleBefore(text, c.start)) c.confidence = 0;
    else if (kinds.size === 1 && kinds.has('initial-surname')) {
      const rival = candidates.some((o) => o !== c && o.confidence > 0 && o.data.multi && o.start > c.start && o.start < c.end && o.end > c.end && !o.data.kinds.includes('initial-surname'));
      if (rival) c.confidence = 0;
    }
  }
}

/** One-word name parts (folded, 4+ letters) of the map; `near(word)`: the parts a word is a misspelling of. */
export interface NameParts {
  /** Parts within an edit or two; `piece`: one half of a hyphenated name ('baptiste' of 'jean-baptiste'). */
  near(word: string): readonly { person: number; word: string; piece?: boolean }[];
}

/** Words remembered per matcher before the memory starts again: a bound for a very large case. */
const NEAR_LIMIT = 50_000;

export function namePartsOf(variants: readonly { pattern: string; person: number }[]): NameParts {
  const byFirst = new Map<string, { person: number; word: string; piece?: boolean }[]>();
  for (const v of variants) {
    if (/[\s.,']/u.test(v.pattern) || v.pattern.length < 4) continue;
    // (each piece of a hyphenated name too: 'Jean Baptist' is Jean-Baptiste misspelt)
    for (const word of new Set([v.pattern, ...v.pattern.split('-').filter((w) => w.length >= 4)])) {
      const list = byFirst.get(word.charAt(0)) ?? [];
      if (!list.some((x) => x.word === word && x.person === v.person)) list.push(word === v.pattern ? { person: v.person, word } : { person: v.person, word, piece: true });
      byFirst.set(word.charAt(0), list);
    }
  }
  const memo = new Map<string, readonly { person: number; word: string; piece?: boolean }[]>();
  return {
    near(word) {
      let found = memo.get(word);
      if (!found) {
        const max = (w: string): number => (w.length >= 7 ? 2 : 1);
        found = (byFirst.get(word.charAt(0)) ?? []).filter((x) => x.word !== word && distance(word, x.word, max(x.word)) <= max(x.word));
        if (memo.size >= NEAR_LIMIT) memo.clear();
        memo.set(word, found);
      }
      return found;
    },
  };
}

const WORD_CHAR = /[\p{L}\p{M}'’-]/u;
const isGap = (c: string): boolean => c === ' ' || c === '\t';

/** The word of 4+ letters after `end` across spaces or tabs only (a scan, not a regex: it runs for every mention). */
function wordAfter(text: string, end: number): { start: number; end: number } | null {
  let i = end;
  while (i < text.length && isGap(text.charAt(i))) i++;
  if (i === end || i - end > 3) return null;
  let j = i;
  while (j < text.length && j - i < 40 && WORD_CHAR.test(text.charAt(j))) j++;
  return j - i >= 4 ? { start: i, end: j } : null;
}

/** The word of 4+ letters before `start` across spaces or tabs only. */
function wordBefore(text: string, start: number): { start: number; end: number } | null {
  let i = start;
  while (i > 0 && isGap(text.charAt(i - 1))) i--;
  if (i === start || start - i > 3) return null;
  let j = i;
  while (j > 0 && i - j < 40 && WORD_CHAR.test(text.charAt(j - 1))) j--;
  return i - j >= 4 ? { start: j, end: i } : null;
}

/**
 * For each accepted one-word mention, the word beside it when it is a misspelling (1 edit, 2 from 7 letters, same
 * first letter) of another part of the same person's name: the two words are that person ('sian wiliams').
 */
export function misspeltNeighbours(text: string, candidates: readonly Candidate[], parts: NameParts): Candidate[] {
  const out: Candidate[] = [];
  for (const c of candidates) {
    if (c.confidence <= 0 || c.data.multi) continue;
    const own = foldToken(text.slice(c.start, c.end));
    for (const side of [wordAfter(text, c.end), wordBefore(text, c.start)]) {
      if (!side) continue;
      const raw = text.slice(side.start, side.end);
      const word = foldToken(raw);
      const near = parts.near(word);
      if (near.length === 0) continue;
      // a capitalised real name one letter from a part is someone else ('Dela Rosa' beside 'Dela Cruz'); only a
      // word no gazetteer knows, or one typed in lower case in a pasted log ('levy smith'), is a misspelling
      // (the other half of a hyphenated name beside its first is no one else: 'Jean Baptist' for Jean-Baptiste)
      if (/^\p{Lu}/u.test(raw) && (isFirstName(word) || isSurname(word)) && !near.some((x) => x.piece && c.data.persons.includes(x.person))) continue;
      const persons = c.data.persons.filter((p) => near.some((x) => x.person === p && x.word !== own));
      if (persons.length !== 1) continue;
      const [start, end] = side.start >= c.end ? [c.start, side.end] : [side.start, c.end];
      out.push({ start, end, data: { persons, kinds: ['full'], context: 'plain', multi: true }, confidence: 0.85, reason: 'context' });
      break;
    }
  }
  return out;
}

/** Between two names of a list: 'HOPE AND SAMUEL', 'Rose, Mark', 'Noah & Violet', 'AKA MORGAN / HILL', 'Can 7, Berfin 3' (with ages). */
const LIST_GAP = /^(?:[ \t]+\(?\d{1,2}(?:[ \t]*(?:yrs?|years?|y\/o|yo))?\)?)?(?:\s*[,/]\s*|\s+(?:and|&|or)\s+)$/iu;

/**
 * Accepts a context-rejected candidate that sits right beside an accepted match of the same person ('Mark J Reid'),
 * or is listed with another accepted name ('CHILDREN HOPE AND SAMUEL').
 */
export function rescueNeighbours(text: string, candidates: Candidate[], namesField = false): void {
  const accepted = candidates.filter((c) => c.confidence > 0);
  for (const c of candidates) {
    // in a column of names a lower-case one listed with another is a name too ('caller tomasz nowak, aga, craig'), and
    // anywhere when listed with a name written in lower case too ('caller says aga and kaz fighting')
    if (c.confidence > 0) continue;
    const lowerOnly = c.reason === 'lowercase' && !namesField;
    const listed = accepted.some(
      (a) =>
        (!lowerOnly || !/\p{Lu}/u.test(text.slice(a.start, a.end))) &&
        ((a.end <= c.start && LIST_GAP.test(text.slice(a.end, c.start))) || (c.end <= a.start && LIST_GAP.test(text.slice(c.end, a.start)))),
    );
    if (listed) {
      c.confidence = 0.75;
      delete c.finding;
    }
  }
  const acceptedStarts = new Map<number, number[]>();
  const acceptedEnds = new Map<number, number[]>();
  for (const c of candidates) {
    if (c.confidence <= 0) continue;
    acceptedStarts.set(c.start, [...(acceptedStarts.get(c.start) ?? []), ...c.data.persons]);
    acceptedEnds.set(c.end, [...(acceptedEnds.get(c.end) ?? []), ...c.data.persons]);
  }
  for (const c of candidates) {
    if (c.confidence > 0 || c.reason === 'lowercase') continue;
    let p = c.start;
    while (p > 0 && c.start - p < 3 && /[\s,]/u.test(text.charAt(p - 1))) p--;
    let q = c.end;
    while (q < text.length && q - c.end < 3 && /\s/u.test(text.charAt(q))) q++;
    const near = [...(p < c.start ? acceptedEnds.get(p) ?? [] : []), ...(q > c.end ? acceptedStarts.get(q) ?? [] : [])];
    if (near.some((n) => c.data.persons.includes(n))) {
      c.confidence = 0.8;
      delete c.finding;
    }
  }
  // a log pasted all in lower case that names someone else in lower case ('caller says joy next door screaming, mossie
  // at the door'): capitals tell nothing there, so a word-name is the person unless a noun phrase opens before it
  // (a road's or a plate's capitals, 'the A49', 'sn63 uvb', and a place or two, 'units from Falkirk Camelon', leave it one)
  if (accepted.length > 0 && pastedInLowerCase(text)) {
    for (const c of candidates) {
      if (c.confidence > 0 || c.reason !== 'lowercase') continue;
      if (!accepted.some((a) => foldToken(text.slice(a.start, a.end)) !== foldToken(text.slice(c.start, c.end)))) continue;
      if (NOUN_PHRASE_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start)) || ADJECTIVE_BEFORE.test(text.slice(Math.max(0, c.start - 16), c.start))) continue;
      c.confidence = 0.6;
      delete c.finding;
    }
  }
  // an ALL-CAPS log that names the person in full names them again by one part ('… PRITPAL SINGH BELL … BELL SPOKEN
  // TO BY PHONE'): kept only for a place's own name ('BELL STREET')
  const whole = new Set(accepted.filter((a) => a.data.multi).flatMap((a) => a.data.persons));
  if (whole.size === 0) return;
  for (const c of candidates) {
    if (c.confidence > 0 || c.reason !== 'context' || c.finding === undefined || c.data.multi) continue;
    if (!CAPS_WORD.test(text.slice(c.start, c.end)) || hasPlaceAfter(text, c.end)) continue;
    // ('AT DAWN', 'IN CASH', 'BY THE LAKE': the word after a preposition or an article)
    const before = plainWordBefore(text, c.start);
    if (before !== null && hasTag(before, PHRASE_OPENERS)) continue;
    if (c.data.persons.some((p) => whole.has(p))) {
      c.confidence = 0.75;
      delete c.finding;
    }
  }
}
const CAPS_WORD = /^\p{Lu}{2,}$/u;

/** Opens in lower case and is written so but for a road, a plate or two capitalised words, with at least eight lower-case words. */
function pastedInLowerCase(text: string): boolean {
  // (it opens in lower case, as no sentence an author writes does)
  if (!/^\P{L}*\p{Ll}/u.test(text)) return false;
  let capitalised = 0;
  let lower = 0;
  for (const m of text.matchAll(/[\p{L}\d]+/gu)) {
    const w = m[0];
    if (/\d/u.test(w)) continue;
    if (/\p{Lu}/u.test(w)) {
      if (++capitalised > 2) return false;
    } else lower++;
  }
  return lower >= 8;
}
/** An article, a determiner or a preposition, and perhaps one more word, right before: 'a red ', 'the ', 'with '. */
const NOUN_PHRASE_BEFORE = /(?:^|[^\p{L}])(?:an?|the|any|no|this|that|each|every|her|his|my|their|our|with|of|in|on)[ \t]+(?:\p{Ll}+[ \t]+)?$/u;
const ADJECTIVE_BEFORE = /(?:^|[^\p{L}])(?:red|dark|light|brown|black|white|grey|green|blue|big|small|little|great|new|old|good|bad)[ \t]+$/u;
const PHRASE_OPENERS = new Set(['Preposition', 'Determiner']);

