// Decides whether one occurrence of an ordinary-word name variant ('Hope', 'Will', 'Field') is the person (recall first).
import type { VariantContext } from './name-variants.js';
import {
  bracketAfter, calendarOrColourUse, hasArticleBefore, hasCueAfter, hasCueBefore, hasPlaceAfter, isSentenceStart,
  isShouting, monthUse, operationBefore, personVerbBefore, possessiveAfter, RELATIONSHIP_CUES, titleBefore, verbAfter, wordAfter, wordBefore,
} from './name-context.js';
import { isSystemName, PSEUDONYM_LABEL_WORDS, VEHICLE_WORDS } from './allow-list.js';
import { isPlaceName, isUkPlaceName } from './places.js';
import { baseVerb, nounLike, pluralNoun } from './verbs.js';
import { isCommonWord, isEnglishWord, isLowerCaseWord, hasTag, isFirstName, isSurname, plantWordAfter, tagsOf } from './lexicon.js';

/**
 * What to do with an occurrence: `confidence` > 0 replaces it (always ≥ 0.5); 0 keeps it, and then `finding`, when
 * set, is the confidence of a review finding for the chair (a place or thing that contains a mapped name).
 */
export interface MentionVerdict {
  confidence: number;
  finding?: number;
  /** 'lowercase': a lone lower-case ordinary word, kept silently; 'context': the words around decided. */
  reason: 'lowercase' | 'context';
}

const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** Modal verbs that are also names: 'Will review in two weeks', 'May need a referral'. */
const MODALS = new Set(['will', 'may', 'can', 'must']);
/** Subjects after a modal that asks ('Can you', 'Will I', 'May we'). */
const QUESTION_SUBJECTS = new Set(['I', 'you', 'we', 'he', 'she', 'they', 'it', 'YOU', 'WE', 'HE', 'SHE', 'THEY', 'IT']);
/** Locative words before a town that is also a mapped surname: 'in Preston', 'moved to Lincoln'. */
const LOCATIVES = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'around', 'via', 'towards', 'of']);
/**
 * Fixed phrases that hold a name but name no one (a short reviewed list; the chair's decisions do the rest):
 * laws named after a victim, programmes, and a Will as a legal document.
 */
const FIXED_PHRASES = /^(?:['’]s\s+law\b)|^\s+(?:and\s+testament|of\s+attorney|my\s+words)\b/iu;
/** Grants by name: 'Disabled Facilities Grant', 'Community Care Grant', 'Crisis Grant'. */
const GRANT_BEFORE = /\b(?:facilities|care|crisis|hardship|support|discretionary|housing|welfare|essentials|household|fund|council|lottery|emergency|start-up|setup|settlement)\s+$/iu;
/** 'Hope this helps', 'Hope you are well': the verb, opening a clause. */
const HOPE_VERB = /^\s+(?:this|that|you|so|to|it|we|she|he|they|all|everything)\b/iu;
const FIXED_BEFORE = /\b(?:last|living|her|his|their|the|a|new|a\s+new|signed|valid|mother['’]s|father['’]s)\s+$/iu;

const keep = (reason: MentionVerdict['reason'], finding?: number): MentionVerdict =>
  finding === undefined ? { confidence: 0, reason } : { confidence: 0, finding, reason };
/** 'the Brown household', 'the Smith family': a surname. */
const FAMILY_AFTER = /^\s+(?:family|household|home|residence|twins|children|kids|brothers|sisters|lads|boys|girls|clan|cousins|men|women)\b/iu;

const take = (confidence: number): MentionVerdict => ({ confidence, reason: 'context' });
/** A number after the word, not an age ('Ward 205', not 'Joy 2yo' or 'Sky 3 years'). */
const NUMBER_AFTER = /^[ \t]+\d{1,4}(?![\d.:/]|[ \t]+\d|[ \t]*(?:yo|y\/o|yrs?|years?|months?|mths?|weeks?|wks?|m|f|yr)\b)/iu;
/** compromise tags of verbs: a lower-case verb after a relationship word is the verb ('her sister said'). */
const VERB_TAGS = new Set(['Verb', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Copula', 'Modal', 'Auxiliary']);
/** compromise tags of words that never stand joined to a noun-like name ('Sky and my stepson'). */
const FUNCTION_TAGS = new Set(['Possessive', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Copula', 'Modal']);
/** 'TAN COLOURED BMW', 'a rose-coloured…': a colour. */
const COLOURED_AFTER = /^[ \t-]*colou?red\b/iu;

/** A person's cues around an occurrence: title, relationship word, possessive, a verb after, a bracket, a colon. */
function personCue(text: string, start: number, end: number): number {
  if (titleBefore(text, start)) return 0.95;
  if (hasCueBefore(text, start)) return 0.9;
  if (possessiveAfter(text, end) || hasCueAfter(text, end)) return 0.85;
  if (verbAfter(text, end) || bracketAfter(text, end) || /^\s*:/u.test(text.slice(end, end + 3)) || AGE_AFTER.test(text.slice(end, end + 14))) return 0.85;
  if (personVerbBefore(text, start) || FAMILY_AFTER.test(text.slice(end, end + 14))) return 0.8;
  return 0;
}

/** A fixed phrase that holds the word but names no one: a grant, or a legal instrument ('Grant of probate'). */
function fixedPhrase(text: string, start: number, end: number, word: string): boolean {
  if (word !== 'grant') return false;
  return GRANT_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || GRANT_OF.test(text.slice(end, end + 24));
}
const GRANT_OF = /^\s+(?:of\s+(?:indefinite|limited|leave|probate|letters|administration|asylum|legal\s+aid|citizenship|residence|settlement|hardship|crisis|emergency|discretionary|£\s?\d)|(?:of|for)\s+£\s?\d|for\s+(?:a|an|the)\s+(?:new|replacement)\b)/iu;

/** The word used as a word: a modal opening a clause, a named law, a Will, a month or season, a system name. */
function ordinaryUse(text: string, start: number, end: number, word: string, context: VariantContext): boolean {
  const after = text.slice(end, end + 24);
  if (FIXED_PHRASES.test(after)) return true;
  if (word === 'hope' && isSentenceStart(text, start) && HOPE_VERB.test(after)) return true;
  if (word === 'will' && FIXED_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return true;
  // 'Op Robin': a police operation's code word; 'Precious little was done'; 'Jan 2022', '12 Jan'
  if (operationBefore(text, start)) return true;
  if (word === 'precious' && /^[ \t]+little\b/iu.test(after)) return true;
  if (monthUse(text, start, end)) return true;
  // 'Rich tea biscuits', 'Grace period', 'Long lie on the floor', 'Close to giving up': fixed phrases
  if (FIXED_AFTER[word]?.test(after)) return true;
  // 'a white Ford Transit': a car's make before its model
  const next = wordAfter(text, end);
  if (next !== null && VEHICLE_WORDS.has(word) && VEHICLE_WORDS.has(next.toLowerCase())) return true;
  // a modal is capitalised only where a sentence, a line or a log in capitals starts: 'that May be called' is May;
  // before a subject it asks a question wherever it stands ('Hi Amira, Can you call me?')
  if (MODALS.has(word)) {
    const next = wordAfter(text, end);
    if (next !== null && QUESTION_SUBJECTS.has(next)) return true;
    if (next !== null && !UPPER_START.test(next) && baseVerb(next.toLowerCase()) && (isSentenceStart(text, start) || ALL_CAPS.test(text.slice(start, end)))) return true;
  }
  // ('PC 12206 Summer Clarke': a collar number after a rank is no day of the month)
  if (context === 'strict' && !titleBefore(text, start) && calendarOrColourUse(text, start, end)) return true;
  if (COLOURED_AFTER.test(text.slice(end, end + 12))) return true;
  return ALL_CAPS.test(text.slice(start, end)) && isSystemName(word);
}

/** 'Grace and patience are…', 'Faith leaders need…': the word joined to a common noun, or naming a plural's kind. */
function wordUseAfter(text: string, end: number): boolean {
  const m = /^[ \t]+(?:(?:and|or|&)[ \t]+)?(\p{Ll}[\p{Ll}-]+)/u.exec(text.slice(end, end + 30));
  const next = m?.[1];
  if (!next || !m) return false;
  const joined = /^[ \t]+(?:and|or|&)/u.test(m[0]);
  // a lower-case word joined on is the word even when it is also a name ('Grace and patience'), but not a person
  // joined on ('mum, Jade and grandmother …')
  if (!joined) return pluralNoun(next) && !FAMILY_AFTER.test(` ${next}`);
  if (RELATIONSHIP_CUES.has(next) || PSEUDONYM_LABEL_WORDS.has(next)) return false;
  return isCommonWord(next) && (!isFirstName(next) || isEnglishWord(next)) && nounLike(next) && !hasTag(next, FUNCTION_TAGS);
}

/** A place or organisation name that contains the word: 'Hope Street', 'Preston Crown Court', 'in Preston', 'the Green'. */
function placeOrThing(text: string, start: number, end: number, word: string): boolean {
  if (hasPlaceAfter(text, end)) return true;
  // 'Kent and West Sussex': a place listed with places
  const before = wordBefore(text, start);
  if (isPlaceName(word) && (PLACE_LISTED_AFTER.test(text.slice(end, end + 30)) || PLACE_LISTED_BEFORE.test(text.slice(Math.max(0, start - 30), start)))) return true;
  if (before !== null && LOCATIVES.has(before) && !titleBefore(text, start) && isPlaceName(word) && !SPOKEN_TO.test(text.slice(Math.max(0, start - 32), start))) return true;
  // 'Omagh, Co. Tyrone', 'County Durham'
  if (COUNTY_BEFORE.test(text.slice(Math.max(0, start - 10), start))) return true;
  return hasArticleBefore(text, start, { determiners: false }) && !verbAfter(text, end) && !possessiveAfter(text, end);
}

/** Said or written to someone: 'mentioned it to Tyrone', 'spoke to Lincoln', 'wrote to Chester' name a person. */
const SPOKEN_TO = /\b(?:said|says|spoke|speaks|speaking|talked|talks|talking|mentioned(?:[ \t]+(?:it|this|that))?|explained(?:[ \t]+(?:it|this|that))?|disclosed|confided|apologised|apologized|lied|replied|wrote|writes|chatted|whispered|shouted|texted|messaged|waved|introduced[ \t]+\w+|handed[ \t]+(?:it|this|them)|gave[ \t]+(?:it|this|them))[ \t]+to[ \t]+$/iu;
const FIXED_AFTER: Readonly<Record<string, RegExp>> = {
  rich: /^[ \t]+tea\b/iu,
  grace: /^[ \t]+(?:period|before\s+meals)\b/iu,
  long: /^[ \t]+(?:lie|term|covid|experience|history|standing|time|periods?|delays?|waits?|hours|weekends?|list)\b/iu,
  close: /^[ \t]+to[ \t]+\p{Ll}+ing\b/u,
  sunny: /^[ \t]+(?:days?|spells?|weather|side)\b/iu,
};
const PLACE_LISTED_AFTER = /^[ \t]+(?:and|or|&)[ \t]+(?:(?:North|South|East|West|Greater)[ \t]+)?(?:Sussex|Surrey|Essex|Kent|Yorkshire|Lancashire|Cumbria|Devon|Cornwall|Dorset|Somerset|Norfolk|Suffolk|London|Wales|Scotland|Midlands|Hampshire|Berkshire|Middlesex)\b/u;
const PLACE_LISTED_BEFORE = /(?:Sussex|Surrey|Essex|Kent|Yorkshire|Lancashire|Cumbria|Devon|Cornwall|Dorset|Somerset|Norfolk|Suffolk|London|Wales|Scotland|Midlands|Hampshire|Berkshire|Middlesex),?[ \t]+(?:and|or|&)[ \t]+$/u;
const COUNTY_BEFORE = /(?:^|[^\p{L}])(?:Co\.?|County)[ \t]+$/u;
/** An article, and perhaps one more lower-case word, right before: 'a crisis ', 'the '. */
const NOUN_PHRASE_BEFORE = /(?:^|[^\p{L}])(?:[Aa]n?|[Tt]he|[Aa]ny|[Nn]o|[Tt]his|[Tt]hat|[Ee]ach|[Ee]very)[ \t]+(?:\p{Ll}+[ \t]+)?$/u;
/** A role word right before: 'officer Mark Hill', 'nurse Rose Hill'. */
const ROLE_WORD_BEFORE = /(?:^|[^\p{L}])(?:officer|worker|nurse|manager|teacher|caseworker|keyworker|paramedic|midwife|IDVA|SW|PC|DC|PS)[ \t]+$/u;
/** An age after the name in a bracket: 'HOLDING CHILD (VICTOR, 2)'. */
const AGE_AFTER = /^\s*,\s*\d{1,2}\s*(?:yrs?|years?|y)?\s*\)/iu;
/** The ALL-CAPS word right after a mention (' CLOUGH' of 'HEATHER CLOUGH'). */
const CAPS_WORD_AFTER = /^[ \t]+(\p{Lu}{3,})(?![\p{L}])/u;
/** A surname in compromise's lexicon ('SMITH'); a word it lists otherwise ('SMOKE', 'SAID') is that word. */
const SURNAME_TAGS = new Set(['LastName']);
/** The ALL-CAPS word right before a mention ('GRANT ' of 'GRANT WOOD'). */
const CAPS_WORD_BEFORE = /(?:^|[^\p{L}])(\p{Lu}{2,})[ \t]+$/u;

/**
 * Judges an occurrence of a variant that is an ordinary word ('common': Mark, Hope, Field; 'strict': May, June, Black)
 * or a name made of them ('phrase': Hope Field; 'caps': M Wood). Recall first (DESIGN §5.1): a capitalised
 * variant is the person wherever it stands, at the start of a sentence or a list item too; only a lone lower-case
 * word survives, or a capitalised one in a fixed use (a modal, a month, a named law) or inside a place's name —
 * the last kept but reported, so the chair decides.
 */
/** The second word of a place's name: 'Hong Kong', 'Sri Lanka', 'Milton Keynes'. */
export function endsPlaceName(text: string, start: number, end: number): boolean {
  const m = /(\p{Lu}[\p{L}'’-]+)[ \t]+$/u.exec(text.slice(Math.max(0, start - 24), start));
  return m?.[1] !== undefined && isPlaceName(`${m[1]} ${text.slice(start, end)}`);
}

const PLACE_PREFIX_BEFORE = /(?:\b(?:Isle|Isles|ISLE)[ \t]+(?:of|OF)|\b(?:River|RIVER|Loch|LOCH|Lough|LOUGH|Mount|Mt\.?|Lake|St\.?|Saint|HMP|HMYOI|HMPYOI))[ \t]+$/u;

const TOWN_WORD_BEFORE = /(?:^|[^\p{L}'’-])(\p{Lu}\p{Ll}+)[ \t]+$/u;
function townRightBefore(text: string, start: number): boolean {
  const w = TOWN_WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1];
  return w !== undefined && isUkPlaceName(w) && !isFirstName(w.toLowerCase()) && !isSurname(w.toLowerCase()) && !isEnglishWord(w.toLowerCase());
}

export function judgeMention(text: string, start: number, end: number, context: VariantContext, multi: boolean): MentionVerdict {
  const written = text.slice(start, end);
  if (!multi && UPPER_START.test(written) && endsPlaceName(text, start, end)) return keep('context');
  // 'the Isle of Skye', 'River Carron', 'St Piran's Day', 'HMP Glenochil': a place or saint's name holding a mapped name,
  // kept and shown to the chair
  // (a name that is no word is replaced wherever it stands, recall first: only a word-name is kept so)
  if (!multi && context !== 'plain' && UPPER_START.test(written) && PLACE_PREFIX_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return keep('context', 0.3);
  // ('Plymouth Hoe', 'Falkirk Camelon': a town's name right before makes a mapped word its district or landmark)
  if (!multi && context !== 'plain' && UPPER_START.test(written) && townRightBefore(text, start)) return keep('context', 0.3);
  // 'Grant of indefinite leave', 'Disabled Facilities Grant': a fixed phrase of the reviewed list
  if (!multi && fixedPhrase(text, start, end, written.toLowerCase())) return keep(UPPER_START.test(written) ? 'context' : 'lowercase');
  // 'a crisis grant', 'the grant': a name compromise knows only as a given name, written in lower case as the noun of
  // a phrase an article opens, is the English word (any other lower-case use, 'caller grant rang', is still the person)
  if (context === 'plain' && !multi && !UPPER_START.test(written) && NOUN_PHRASE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) && isEnglishWord(written.toLowerCase())) {
    return keep('lowercase');
  }
  if (context === 'plain') {
    // a surname that is also a town: 'moved to Preston', 'Preston Crown Court' name the place (the gazetteer first:
    // its answers are remembered, and most names are no place)
    if (!multi && isPlaceName(written) && placeOrThing(text, start, end, written.toLowerCase()) && personCue(text, start, end) === 0) return keep('context', 0.3);
    // 'moved to Ward 205', 'Bay 3': a numbered place that shares a surname, shown to the chair
    if (!multi && NUMBER_AFTER.test(text.slice(end, end + 16)) && isCommonWord(written.toLowerCase()) && personCue(text, start, end) === 0) return keep('context', 0.3);
    return take(multi ? 1 : 0.95);
  }
  if (context === 'phrase') return take(UPPER_START.test(written) ? 0.95 : 0.85);
  if (context === 'caps') {
    return written.split(/[\s-]+/u).every((w) => !/\p{L}/u.test(w) || UPPER_START.test(w)) ? take(0.9) : keep('lowercase');
  }
  const word = written.toLowerCase();
  if (!UPPER_START.test(written)) {
    if (MODALS.has(word)) return keep('lowercase');
    if (titleBefore(text, start)) return take(0.7);
    // 'her partner mark' is the person; 'her friend said' is a verb
    if (hasCueBefore(text, start) && !hasArticleBefore(text, start) && !hasTag(word, VERB_TAGS)) return take(0.6);
    if (isSentenceStart(text, start) && verbAfter(text, end, false) && !hasArticleBefore(text, start)) return take(0.6);
    // 'pt rowan seen' is the person, 'the rowan tree' a tree: a name far more often than a word needs its article
    if (isLowerCaseWord(word) && !hasArticleBefore(text, start) && !plantWordAfter(text, end)) return take(0.6);
    return keep('lowercase');
  }
  if (ordinaryUse(text, start, end, word, context)) return keep('context');
  // a place's own name ('Rose Cottage', 'Hope Street'): kept, for the chair to decide, unless a title or possessive says a person
  // ('officer Mark Hill': after a role it is a person, whose name the next word may end)
  // ('FEMALE JADE LIMITED ENGLISH': a relationship or sex word before says a person too)
  if (hasPlaceAfter(text, end) && !titleBefore(text, start) && !possessiveAfter(text, end) && !ROLE_WORD_BEFORE.test(text.slice(Math.max(0, start - 16), start)) && !hasCueBefore(text, start)) return keep('context', 0.3);
  // a title says a person whatever follows ('Mr Ward describes his wife')
  if (titleBefore(text, start)) return take(0.95);
  // grammar says a word ('Faith leaders', 'Grace and patience'): kept, and not reported
  if (wordUseAfter(text, end)) return keep('context');
  const cue = personCue(text, start, end);
  // ('wife Lovely 07700 900318': a relationship word before says a person, whatever number follows)
  if (!multi && NUMBER_AFTER.test(text.slice(end, end + 16)) && cue < 0.9 && !possessiveAfter(text, end)) return keep('context', 0.3);
  if (cue === 0 && placeOrThing(text, start, end, word)) return keep('context', 0.3);
  // (an ALL-CAPS log stays one once our labels are written in it: 'AT [address] AT DAWN')
  if (ALL_CAPS.test(written) && written.length > 1 && isShouting(text, start, end, { labels: true })) {
    // an ALL-CAPS log: only a person's cue says a name; otherwise kept, and the chair is told
    // 'GRANT WOOD', 'DARIUS WOOD': a given name right before makes the word a surname, whoever's it is
    const before = CAPS_WORD_BEFORE.exec(text.slice(Math.max(0, start - 24), start))?.[1];
    if (before && isFirstName(before.toLowerCase()) && !isCommonWord(before.toLowerCase())) return take(0.85);
    // 'HEATHER CLOUGH': a surname right after that compromise lists as nothing else makes the word a given name
    const after = CAPS_WORD_AFTER.exec(text.slice(end, end + 24))?.[1]?.toLowerCase();
    if (after && isSurname(after) && (tagsOf(after).length === 0 || hasTag(after, SURNAME_TAGS))) return take(0.85);
    // ('ARRIVED BAREFOOT WITH JADE': in a log, a given name someone came with)
    if (cue === 0 && isFirstName(word) && wordBefore(text, start) === 'with') return take(0.6);
    return cue > 0 ? take(cue) : isLowerCaseWord(word) ? take(0.6) : keep('context', 0.3);
  }
  if (cue > 0) return take(cue);
  return take(isSentenceStart(text, start) ? 0.7 : 0.8);
}
