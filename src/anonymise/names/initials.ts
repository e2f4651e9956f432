// Proposes a person's initials from their full name, and splits names into first, middle and surname parts.
import { asciiLetters, foldWord } from './normalise.js';
import { isTitle } from './name-context.js';

/**
 * Surname particles: skipped when initialling ('Jan van der Berg' → 'JB', 'Siobhán Ní Bhriain' → 'SB'),
 * but kept in the surname group for matching. Mac/Mc/O' written as one word are part of the surname ('O'Connor' → 'O').
 */
export const PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'del', 'della', 'dei', 'da', 'das', 'dos', 'do', 'di', 'du', 'le', 'la', 'les',
  'ni', 'nic', 'ui', 'ua', 'o', 'mac', 'mc', 'bin', 'binti', 'bint', 'ibn', 'al', 'el', 'ap', 'ab', 'ter', 'ten',
  'y', 'zu',
]);
const SUFFIXES = new Set(['jr', 'jnr', 'junior', 'sr', 'snr', 'senior', 'ii', 'iii', 'iv']);

/** A name split into parts: titles and suffixes dropped, particles kept with the surname. */
export interface NameParts {
  first: string;
  middles: string[];
  /** The surname with its particles ('van der Berg'), or '' for a one-word name. */
  surname: string;
  /** The surname without particles ('Berg'). */
  surnameCore: string;
}

function isParticle(token: string): boolean {
  return PARTICLES.has(foldWord(token).replace(/['.]/g, ''));
}

/** Splits a full name into its parts (see NameParts). */
export function splitName(name: string): NameParts {
  const tokens = name.trim().split(/\s+/u).filter((t) => t.length > 0);
  while (tokens.length > 1 && isTitle(tokens[0] ?? '')) tokens.shift();
  while (tokens.length > 1 && SUFFIXES.has(foldWord(tokens[tokens.length - 1] ?? '').replace(/[.,]/g, ''))) tokens.pop();
  const first = tokens[0] ?? '';
  if (tokens.length < 2) return { first, middles: [], surname: '', surnameCore: '' };
  let k = tokens.length - 1;
  while (k - 1 >= 1 && isParticle(tokens[k - 1] ?? '')) k--;
  const surnameTokens = tokens.slice(k);
  const core = surnameTokens[surnameTokens.length - 1] ?? '';
  return { first, middles: tokens.slice(1, k), surname: surnameTokens.join(' '), surnameCore: core };
}

/** First letter of each hyphen-separated part: 'Smith-Jones' → 'SJ', 'Anne-Marie' → 'AM', 'O'Connor' → 'O'. */
export function partInitials(part: string): string {
  return part
    .split(/[-\u2010\u2011]/u)
    .map((p) => asciiLetters(p).charAt(0))
    .join('');
}

/**
 * Initials from a name: first name + surname, middle names ignored, particles skipped, each part of a
 * hyphenated name counted ('Sarah Smith-Jones' → 'SSJ'), diacritics folded ('Ólafur Arnalds' → 'OA').
 * At most four letters; 'X' when nothing usable remains (a name in a non-Latin script).
 */
export function proposeInitials(name: string): string {
  const parts = splitName(name);
  const letters = partInitials(parts.first) + (parts.surnameCore ? partInitials(parts.surnameCore) : '');
  return letters.slice(0, 4) || 'X';
}

/** Capitals that read as initials rather than a name: two to four letters with fewer than two vowels ('SNB', 'GWP'). */
export const capitalsLikeInitials = (raw: string): boolean => /^\p{Lu}{2,4}$/u.test(raw) && capitalVowels(raw) < 2;
/** How many of a word's capitals are vowels (Y counted). */
export const capitalVowels = (raw: string): number => raw.match(/[AEIOUY]/gu)?.length ?? 0;

/** Initials with the middle names too ('Mark James Reid' → 'MJR'), the form suggested when two people collide. */
export function initialsWithMiddles(name: string): string {
  const parts = splitName(name);
  const letters = [parts.first, ...parts.middles, parts.surnameCore].map(partInitials).join('');
  return letters.slice(0, 4) || 'X';
}
