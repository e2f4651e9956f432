// Soft breaks: words that are names and ordinary words too ('Ward', 'HALL', 'Shona', 'Summer'), and when one joins a name.
import { hasTag, isEnglishWord } from './lexicon.js';
import { actorVerbAfter, personVerbBefore } from './name-context.js';
import type { NameToken } from './name-tokens.js';

const ALL_CAPS = /^\p{Lu}[\p{Lu}'’-]+$/u;
const SAME_LINE_GAP = /^[ \t]{1,2}$/u;
const isCaps = (t: NameToken): boolean => ALL_CAPS.test(t.raw);
/** Tensed verbs ('RANG', 'SAID', 'REPORTS'): in capitals, what the person did, not their surname ('TRACEY RANG 999'). */
const TENSED = new Set(['PastTense', 'PresentTense']);
export const shoutedVerb = (t: NameToken): boolean => isCaps(t) && hasTag(t.low, TENSED);

/** Months and seasons that are given names too. */
const GIVEN_SEASONS = new Set(['summer', 'autumn', 'april', 'may', 'june', 'august']);
/** A preposition of time right before: 'in May Smith attended' is a month. */
const TIME_BEFORE = /\b(?:in|since|until|till|by|during|last|next|early|late|mid|of|from|this|every|before|after|through)[ \t]+$/iu;

/**
 * A lone soft break that is a given name ('Shona', also a language; 'Summer', also a season) is the person when a
 * verb only a person does follows it, or a verb done to a person comes before ('spoke to Shona'). Mixed case only.
 */
function actsAsPerson(text: string, tok: NameToken): boolean {
  if (!tok.anyFirst || isCaps(tok) || tok.possessive) return false;
  return actorVerbAfter(text, tok.end) || personVerbBefore(text, tok.start);
}

/**
 * A soft break beside a strong name is part of it: a surname after a distinct first name ('Bernadette Ward',
 * 'PATRICIA HALL'), or a given name that is no English word before a surname ('Shona McKenzie'). Same line,
 * same case; a title or a pronoun never joins.
 */
export function joinSoftBreaks(text: string, toks: NameToken[]): void {
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (!tok || tok.cls !== 'break' || !tok.soft) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const beside = (a: NameToken, b: NameToken): boolean => isCaps(a) === isCaps(b) && SAME_LINE_GAP.test(text.slice(a.end, b.start)) && !a.possessive;
    const afterFirst = prev !== undefined && prev.cls === 'word' && prev.first && tok.surname && beside(prev, tok) && !shoutedVerb(tok);
    const beforeSurname =
      next !== undefined && next.cls === 'word' && (next.surname || !next.english) && tok.anyFirst && !isEnglishWord(tok.low) && beside(tok, next);
    // (alone: 'Social Care declined' is an agency)
    const alone = !(prev && SAME_LINE_GAP.test(text.slice(prev.end, tok.start))) && !(next && SAME_LINE_GAP.test(text.slice(tok.end, next.start)));
    // 'PC 12206 Summer Clarke', 'June Okafor': a month or season that is a given name, before a surname
    const seasonGiven =
      next !== undefined && GIVEN_SEASONS.has(tok.low) && next.cls === 'word' && next.surname && !next.english && beside(tok, next) &&
      !TIME_BEFORE.test(text.slice(Math.max(0, tok.start - 12), tok.start));
    if (seasonGiven) tok.anyFirst = true;
    if (afterFirst || beforeSurname || seasonGiven || (alone && actsAsPerson(text, tok))) tok.cls = 'word';
  }
}
