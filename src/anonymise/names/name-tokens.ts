// Splits text into runs of capitalised words (with titles, initials, collar numbers) for the unmapped-name detectors.
import { isAllowListed, isSystemName, PSEUDONYM_LABEL_WORDS, ROLE_WORDS } from './allow-list.js';
import { capitalVowels } from './initials.js';
import { isCommonWord, isDistinctFirstName, isEnglishWord, isFirstName, isSurname } from './lexicon.js';
import { isShouting, isTitle, RELATIONSHIP_CUES } from './name-context.js';
import { joinSoftBreaks, shoutedVerb } from './soft-breaks.js';
import { isMedicine } from './medicines.js';

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
  /**
   * A break only because the word is also an ordinary, allow-listed or ALL-CAPS word, though it is a name in a
   * gazetteer ('Ward', 'HALL', 'Shona'): it joins a name when a strong name stands beside it (see joinSoftBreaks).
   */
  soft?: boolean;
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
/** A capital inside a word after lower-case letters, unless a name's prefix made it ('McKenzie', 'MacDonald', 'DeShawn', 'LeBron', 'DiCaprio', 'FitzGerald', 'VanDyke'). */
const CAMEL_CASE = /^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Fitz|Van|Von|St)\p{Lu}\p{Ll}+$)\p{L}*\p{Ll}\p{Lu}/u;
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
const LABEL_TAIL = /^\s+[A-Z]\d?(?![\p{L}\p{N}])/u;
/** Words that greet or thank someone before their name in a message ('Hi Tobi', 'Thanks Grace'). */
export const GREETINGS: ReadonlySet<string> = new Set(['hi', 'hello', 'hiya', 'hey', 'dear', 'morning', 'afternoon', 'evening', 'thanks', 'cheers', 'thankyou']);

const ADJACENT = /^[ \t]*(?:\r?\n[ \t]*)?$/u;
const PARTICLE_GAP = /^[ \t]+(?:(?:van|von|der|den|de|da|das|dos|do|di|du|del|della|la|le|bin|ibn|al|el|ter|ten|ap|ab|ferch|verch)[ \t]+)+$/u;
/** A collar or staff number between a rank and the name: '4471', Police Scotland's 'H183', 'HQ1124'. */
const COLLAR_GAP = /^\.?[ \t]+([A-Z]{0,2}\d{2,6})[ \t]+$/u;

/** Lowercase with diacritics stripped and apostrophes unified; cheap for ASCII words. */
export function foldToken(w: string): string {
  if (ASCII.test(w)) return w.toLowerCase();
  return w.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/gu, "'").toLowerCase();
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetter(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  // ASCII answered without the regex: most characters before a capital are spaces and punctuation
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_NUMBER.test(text.charAt(i));
}

/** Prefixes written as a hyphenated part of a word ('Multi-Agency', 'Inter-Agency', 'Non-Molestation'). */
const WORD_PREFIXES = new Set(['multi', 'inter', 'intra', 'pre', 'post', 'non', 'co', 'sub', 'anti', 'cross', 'self', 'ex', 'semi', 'pan', 'trans', 're', 'de', 'mis', 'over', 'under', 'out', 'tri', 'bi']);

export const isWordPrefix = (w: string): boolean => WORD_PREFIXES.has(w);

/** Pronouns and determiners that open sentences: never a name ('She', 'Her', 'They'). */
const PRONOUNS = new Set(['i', 'she', 'he', 'it', 'we', 'they', 'you', 'her', 'his', 'him', 'them', 'their', 'our', 'my', 'your', 'its', 'this', 'that', 'these', 'those', 'there']);

function classify(tok: NameToken, shouting: boolean): void {
  const { raw, low } = tok;
  const letters = raw.replace(/\.$/u, '');
  if (isTitle(raw)) {
    tok.cls = 'title';
    return;
  }
  if (PRONOUNS.has(low)) {
    tok.cls = 'break';
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
  tok.english = parts.every((p) => isEnglishWord(p) || isCommonWord(p) || isAllowListed(p) || (parts.length > 1 && WORD_PREFIXES.has(p)));
  if (ROLE_WORDS.has(low) || (low.endsWith('s') && ROLE_WORDS.has(low.slice(0, -1))) || RELATIONSHIP_CUES.has(low) || PSEUDONYM_LABEL_WORDS.has(low) || isMedicine(low)) {
    tok.cls = 'break';
    return;
  }
  const named = tok.anyFirst || tok.surname;
  if (isAllowListed(low)) {
    tok.cls = 'break';
    tok.soft = named && !isSystemName(low);
    return;
  }
  if (CAMEL_CASE.test(letters)) {
    // a product or system written in camel case ('AirTag', 'ControlWorks', 'SystmOne', 'BwD'), not 'McKenzie'
    tok.cls = 'break';
    return;
  }
  if (PLURAL_ACRONYM.test(letters)) {
    // 'GCSEs', 'GPs', 'DVPNs': an acronym in the plural
    tok.cls = 'break';
    return;
  }
  if (ALL_CAPS.test(letters)) {
    // ALL-CAPS: acronyms, systems and initials already applied ('ST', 'MARAC', 'ATHENA') unless a known name ('REID')
    if (isSystemName(low)) {
      tok.cls = 'break';
      return;
    }
    // in an ALL-CAPS log capitals say nothing: an unknown word of three letters or more may be a name ('PRAVIN')
    const known = letters.length >= 4 && (tok.first || (tok.surname && !tok.english));
    const shouted = shouting && letters.length >= 3 && !tok.english && !isSystemName(low);
    tok.cls = known || shouted ? 'word' : 'break';
    if (tok.cls === 'break') tok.soft = letters.length >= 3 && named;
    return;
  }
  tok.cls = 'word';
}

/** What a token's own text decides: its folded form and, when no found span covers it, its class and flags. */
type TokenFacts = Pick<NameToken, 'low' | 'cls' | 'first' | 'anyFirst' | 'surname' | 'english' | 'soft'>;

/**
 * Facts per token text, kept by an anonymiser across its texts: the same names and words recur all through a
 * case, and classifying one takes several lexicon lookups. One per anonymiser, so the words go with it.
 */
export type TokenMemo = Map<string, TokenFacts>;

/** Token texts remembered per memo before it starts again: a bound for a very large case. */
const MEMO_LIMIT = 50_000;

function factsOf(raw: string, shouting: boolean): TokenFacts {
  const tok: NameToken = { start: 0, end: 0, raw, low: foldToken(raw.endsWith('.') ? raw.slice(0, -1) : raw), cls: 'break', first: false, anyFirst: false, surname: false, english: false };
  classify(tok, shouting);
  const facts: TokenFacts = { low: tok.low, cls: tok.cls, first: tok.first, anyFirst: tok.anyFirst, surname: tok.surname, english: tok.english };
  if (tok.soft) facts.soft = true;
  return facts;
}

function rememberedFacts(raw: string, shouting: boolean, memo: TokenMemo | undefined): TokenFacts {
  if (!memo) return factsOf(raw, shouting);
  const key = shouting ? `!${raw}` : raw;
  let facts = memo.get(key);
  if (!facts) {
    facts = factsOf(raw, shouting);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, facts);
  }
  return facts;
}

/** "'s" or "’s" at the end of a word. */
function hasPossessive(raw: string): boolean {
  const n = raw.length;
  const s = raw.charCodeAt(n - 1);
  if (s !== 115 && s !== 83) return false;
  const q = raw.charCodeAt(n - 2);
  return q === 39 || q === 0x2019;
}

/**
 * Capitalised tokens of a text, classified; `exclude` turns tokens overlapping found spans into breaks.
 * `memo` (optional) keeps each token text's facts for the next texts.
 */
export function capitalisedTokens(text: string, exclude?: (start: number, end: number) => boolean, memo?: TokenMemo): NameToken[] {
  const out: NameToken[] = [];
  let labelUntil = -1;
  for (const m of text.matchAll(CAP_TOKEN)) {
    const start = m.index;
    if (isLetter(text, start - 1)) continue;
    let raw = m[0];
    if (raw.endsWith('.') && raw.length > 2) raw = raw.slice(0, -1);
    let possessive: string | undefined;
    if (raw.length >= 3 && hasPossessive(raw)) {
      possessive = raw.slice(-2);
      raw = raw.slice(0, -2);
    }
    const end = start + raw.length;
    // a capital glued to digits is a code ('H183', 'HQ1124'), no initial or name: read over, as the collar number is
    if (!possessive && isDigitAt(text, end)) continue;
    const shouting = raw.length >= 3 && ALL_CAPS.test(raw) && isShouting(text, start, end);
    const facts = rememberedFacts(raw, shouting, memo);
    const tok: NameToken = { start, end, raw, low: facts.low, cls: 'break', first: false, anyFirst: false, surname: false, english: false };
    if (possessive) tok.possessive = possessive;
    if (start < labelUntil || (exclude && exclude(start, end + (possessive?.length ?? 0)))) {
      out.push(tok);
      continue;
    }
    if (PSEUDONYM_LABEL_WORDS.has(tok.low)) {
      const tail = LABEL_TAIL.exec(text.slice(end, end + 6));
      if (tail) labelUntil = end + tail[0].length;
    }
    tok.cls = facts.cls;
    tok.first = facts.first;
    tok.anyFirst = facts.anyFirst;
    tok.surname = facts.surname;
    tok.english = facts.english;
    if (facts.soft) tok.soft = true;
    out.push(tok);
  }
  joinSoftBreaks(text, out);
  return out;
}

/** Groups tokens into runs of adjacent non-break tokens; a title starts a new run; a possessive ends one. */
/** A word in capitals right before a colon that no gazetteer knows as a name: a system extract's field label. */
function isFieldLabel(text: string, tok: NameToken): boolean {
  return text.charAt(tok.end) === ':' && ALL_CAPS.test(tok.raw) && !tok.first && !tok.surname;
}

/**
 * The run so far is a title, perhaps with dotted initials ('MR G.') or name words taken the same way ('MRS PAT'), and
 * `tok` follows its last token directly. An undotted initial is what the anonymiser writes ('MRS P RANG'): not this.
 */
function afterTitle(text: string, run: TokenRun, tok: NameToken): boolean {
  const first = run.tokens[0];
  const last = run.tokens[run.tokens.length - 1];
  if (first?.cls !== 'title' || !last || last.possessive) return false;
  if (run.tokens.slice(1).some((t) => t.cls === 'initial' ? !t.raw.endsWith('.') : t.cls !== 'word')) return false;
  const gap = text.slice(last.end, tok.start);
  // ('PC 5521 NAZIR': a collar number right after the rank)
  return /^\.?[ \t]+$/u.test(gap) || (run.tokens.length === 1 && COLLAR_GAP.test(gap));
}

/** The word right before `start` is a role or a relation ('paramedic', 'neighbour', 'IDVA'). */
function cueWordBefore(text: string, start: number): boolean {
  const m = /([\p{L}-]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 24), start));
  return m?.[1] !== undefined && RELATIONSHIP_CUES.has(m[1].toLowerCase());
}

export function tokenRuns(text: string, tokens: NameToken[]): TokenRun[] {
  const runs: TokenRun[] = [];
  let cur: TokenRun | null = null;
  for (const tok of tokens) {
    // 'MR PRIEST', 'MRS PAT KINGHAM', 'MR G. PRIEST' in an ALL-CAPS log: after a title, a capitalised word that is a
    // known name part is the name, though it is an English word too (capitals alone prove nothing; the title does)
    if (tok.cls === 'break' && tok.soft && ALL_CAPS.test(tok.raw) && cur && afterTitle(text, cur, tok) && !shoutedVerb(tok) && isShouting(text, tok.start, tok.end)) tok.cls = 'word';
    // ('Seen by Mr DEMIR today': a surname in capitals after a title, in any text, when it is no word or acronym)
    // (initials written after a title, 'Dr SNB', 'Mr GWP', are no surname: a surname has four letters and two vowels)
    if (tok.cls === 'break' && ALL_CAPS.test(tok.raw) && tok.raw.length >= 4 && capitalVowels(tok.raw) >= 2 && !tok.english && !isSystemName(tok.low) && !isAllowListed(tok.low) && cur && afterTitle(text, cur, tok)) tok.cls = 'word';
    // 'paramedic Declan Close', 'neighbour Tracey Lane': after a role or relation, a given name and a capitalised word
    // that is a surname too ('Close', 'Lane', 'Wood') are one person, though the word would end a street or a place
    if (tok.cls === 'break' && tok.soft && /^\p{Lu}\p{Ll}/u.test(tok.raw) && cur?.tokens.length === 1 && cur.tokens[0]?.cls === 'word' && (cur.tokens[0].anyFirst || !cur.tokens[0].english) && /^[ \t]$/u.test(text.slice(cur.tokens[0].end, tok.start)) && cueWordBefore(text, cur.tokens[0].start)) tok.cls = 'word';
    // 'Con 5530 Hamilton': the PSNI's constable, before a collar number
    // (and after anonymisation: 'Con [reference] R', 'Con KD', what the anonymiser made of it, is not read again)
    if ((tok.raw === 'Con' || tok.raw === 'CON') && /^[ \t]+(?:\d{3,6}\b|\[reference\]|\p{Lu}{1,3}(?![\p{L}]))/u.test(text.slice(tok.end, tok.end + 14))) tok.cls = 'title';
    // 'Mrs Justice Harrington', 'Lord Justice Singh': a judge's title
    const last = cur?.tokens[cur.tokens.length - 1];
    if (tok.low === 'justice' && last?.cls === 'title' && /^[ \t]+$/u.test(text.slice(last.end, tok.start))) tok.cls = 'title';
    // (an extract's field label in capitals that is no name, 'ASSOC:', 'POB:', is no name either)
    if (tok.cls === 'break' || isFieldLabel(text, tok)) {
      cur = null;
      continue;
    }
    const prev = cur?.tokens[cur.tokens.length - 1];
    let joined = false;
    if (cur && prev && !prev.possessive && !(tok.cls === 'title' && prev.cls !== 'title')) {
      const raw = text.slice(prev.end, tok.start);
      const gap = prev.cls === 'title' ? raw.replace(/^\./u, '') : raw;
      // a word opening a line as a label ('From:', 'Subject:') starts something new
      // (nor does a greeting opening a line: 'To: Tobi Bakare' then 'Hi Tobi,')
      const label = gap.includes('\n') && (text.charAt(tok.end) === ':' || GREETINGS.has(tok.low));
      if (label) joined = false;
      else if (ADJACENT.test(gap) || (prev.raw.endsWith('.') && gap === '')) joined = true;
      else if ((prev.cls === 'word' || prev.cls === 'title') && PARTICLE_GAP.test(gap)) joined = true;
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
