// Splits text into runs of capitalised words (with titles, initials, collar numbers) for the unmapped-name detectors.
import { isAllowListed, PSEUDONYM_LABEL_WORDS, ROLE_WORDS } from './allow-list.js';
import { isCommonWord, isDistinctFirstName, isEnglishWord, isFirstName, isSurname } from './lexicon.js';
import { isTitle, RELATIONSHIP_CUES } from './name-context.js';

export type TokenClass = 'title' | 'initial' | 'word' | 'break';

export interface NameToken {
  start: number;
  /** End of the word itself (without a possessive or a sentence-final dot). */
  end: number;
  raw: string;
  low: string;
  cls: TokenClass;
  /** A distinct first name ('Gary'), a gazetteer first name even if an ordinary word ('Mark'), a surname, an English word. */
  first: boolean;
  anyFirst: boolean;
  surname: boolean;
  english: boolean;
  possessive?: string;
}

/** A run of adjacent tokens without breaks; `numberStart` marks a collar number after a title. */
export interface TokenRun {
  tokens: NameToken[];
  numberStart?: number;
}

const CAP_TOKEN = /\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?/gu;
const ASCII = /^[\x20-\x7e]*$/;
const ALL_CAPS = /^\p{Lu}[\p{Lu}'’-]+$/u;
const POSSESSIVE = /['’]s$/u;
const LABEL_TAIL = /^\s+[A-Z]\d?(?![\p{L}\p{N}])/u;
const ADJACENT = /^[ \t]*(?:\r?\n[ \t]*)?$/u;
const PARTICLE_GAP = /^[ \t]+(?:(?:van|von|der|den|de|da|di|du|del|della|la|le|bin|ibn|al|el|ter|ten)[ \t]+)+$/u;
const COLLAR_GAP = /^\.?[ \t]+(\d{2,6})[ \t]+$/u;

/** Lowercase with diacritics stripped and apostrophes unified; cheap for ASCII words. */
export function foldToken(w: string): string {
  if (ASCII.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/gu, "'").toLowerCase();
}

function isLetter(text: string, i: number): boolean {
  return i >= 0 && i < text.length && /[\p{L}\p{N}]/u.test(text.charAt(i));
}

function classify(tok: NameToken): void {
  const { raw, low } = tok;
  const letters = raw.replace(/\.$/u, '');
  if (isTitle(raw)) {
    tok.cls = 'title';
    return;
  }
  if (letters.length === 1) {
    tok.cls = raw.endsWith('.') || (letters !== 'A' && letters !== 'I') ? 'initial' : 'break';
    return;
  }
  const parts = low.split('-').filter((p) => p.length > 0);
  tok.first = parts.some((p) => isDistinctFirstName(p));
  tok.anyFirst = parts.some((p) => isFirstName(p));
  tok.surname = parts.some((p) => isSurname(p)) || isSurname(low);
  tok.english = parts.every((p) => isEnglishWord(p) || isCommonWord(p));
  if (isAllowListed(low) || ROLE_WORDS.has(low) || RELATIONSHIP_CUES.has(low) || PSEUDONYM_LABEL_WORDS.has(low)) {
    tok.cls = 'break';
    return;
  }
  if (ALL_CAPS.test(letters)) {
    // ALL-CAPS: acronyms and initials already applied ('ST', 'MARAC') unless a known name ('REID')
    const known = letters.length >= 4 && (tok.first || (tok.surname && !tok.english));
    tok.cls = known ? 'word' : 'break';
    return;
  }
  tok.cls = 'word';
}

/** Capitalised tokens of a text, classified; `exclude` turns tokens overlapping found spans into breaks. */
export function capitalisedTokens(text: string, exclude?: (start: number, end: number) => boolean): NameToken[] {
  const out: NameToken[] = [];
  let labelUntil = -1;
  for (const m of text.matchAll(CAP_TOKEN)) {
    const start = m.index;
    if (isLetter(text, start - 1)) continue;
    let raw = m[0];
    if (raw.endsWith('.') && raw.length > 2) raw = raw.slice(0, -1);
    let possessive: string | undefined;
    if (POSSESSIVE.test(raw) && raw.length > 3) {
      possessive = raw.slice(-2);
      raw = raw.slice(0, -2);
    }
    const end = start + raw.length;
    const tok: NameToken = { start, end, raw, low: foldToken(raw.replace(/\.$/u, '')), cls: 'break', first: false, anyFirst: false, surname: false, english: false };
    if (possessive) tok.possessive = possessive;
    if (start < labelUntil || (exclude && exclude(start, end + (possessive?.length ?? 0)))) {
      out.push(tok);
      continue;
    }
    if (PSEUDONYM_LABEL_WORDS.has(tok.low)) {
      const tail = LABEL_TAIL.exec(text.slice(end, end + 6));
      if (tail) labelUntil = end + tail[0].length;
    }
    classify(tok);
    out.push(tok);
  }
  return out;
}

/** Groups tokens into runs of adjacent non-break tokens; a title starts a new run; a possessive ends one. */
export function tokenRuns(text: string, tokens: NameToken[]): TokenRun[] {
  const runs: TokenRun[] = [];
  let cur: TokenRun | null = null;
  for (const tok of tokens) {
    if (tok.cls === 'break') {
      cur = null;
      continue;
    }
    const prev = cur?.tokens[cur.tokens.length - 1];
    let joined = false;
    if (cur && prev && !prev.possessive && !(tok.cls === 'title' && prev.cls !== 'title')) {
      const raw = text.slice(prev.end, tok.start);
      const gap = prev.cls === 'title' ? raw.replace(/^\./u, '') : raw;
      if (ADJACENT.test(gap) || (prev.raw.endsWith('.') && gap === '')) joined = true;
      else if (prev.cls === 'word' && PARTICLE_GAP.test(gap)) joined = true;
      else if (prev.cls === 'title' && cur.numberStart === undefined) {
        const collar = COLLAR_GAP.exec(gap);
        if (collar?.[1]) {
          cur.numberStart = prev.end + raw.indexOf(collar[1]);
          joined = true;
        }
      }
    }
    if (joined && cur) cur.tokens.push(tok);
    else {
      cur = { tokens: [tok] };
      runs.push(cur);
    }
  }
  return runs;
}
