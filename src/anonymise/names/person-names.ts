// Finds person names that are NOT in the map: titles, relationship cues, name gazetteers and (optionally) compromise.
import type { Span } from '../types.js';
import type { NameToken, TokenMemo, TokenRun } from './name-tokens.js';
import { capitalisedTokens, foldToken, GREETINGS, tokenRuns } from './name-tokens.js';
import { actorVerbAfter, agencyBefore, callingBefore, operationBefore, hasArticleBefore, hasCueAfter, hasCueBefore, hasPlaceAfter, isSentenceStart, personVerbBefore, roleInBracketsAfter, verbAfter, wordBefore } from './name-context.js';
import { partInitials } from './initials.js';
import { isSystemName, systemUse } from './allow-list.js';
import { hasTag } from './lexicon.js';
import { lowerCaseTitledNames } from './lower-case-names.js';
import { isPlaceName, isUkPlaceName, possessivePlaceSpans } from './places.js';
import { PLACE_WORDS } from './name-context.js';
import { partsAgain, signOffName } from './same-person.js';
import { nlpSpans } from './nlp-names.js';

/** An unmapped person name. `start..end` covers the name (and a collar number after a title), not the title. */
export interface PersonNameSpan extends Span {
  kind: 'person';
  title?: string;
  parts: string[];
  possessive?: string;
}

export interface DetectOptions {
  /** Spans already taken (identifiers, mapped names): tokens overlapping them are not names. */
  exclude?: (start: number, end: number) => boolean;
  /** Words (lowercase, folded) never reported: pseudonyms already applied in a text under check. */
  ignore?: ReadonlySet<string>;
  /** Also ask compromise, on sentences with capitalised words no rule explained (slow: ~0.1 MB/s on those sentences). */
  nlp?: boolean;
  /** An anonymiser's memory of token facts across its texts (see TokenMemo); results are the same without it. */
  memo?: TokenMemo;
}

/** Prepositions before a capitalised word that make it a place ('moved to Stockton', 'lives in Darlington', 'POB: KUMASI'). */
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'into', 'outside', 'towards', 'around', 'across', 'via', 'pob', 'conveyed']);
/** Verbs of moving that make 'to X' a place ('moved to Stockton'), where 'spoke to X' is a person. */
const MOTION_TO = /\b(?:moved|move|moving|went|go|going|gone|came|come|coming|takes|take|took|returned|return|relocated|travelled|traveled|drove|walked|ran|fled|came back|back|transferred|admitted|taken|sent|placed|rehoused|conveyed|discharged)\s+to\s+$/iu;

function placeBefore(text: string, start: number): boolean {
  if (LOCATIVE.has(wordBefore(text, start) ?? '')) return true;
  return MOTION_TO.test(text.slice(Math.max(0, start - 30), start));
}

/** Phrases that contain a name but are not a person ("Clare's Law", police operations: "Op Willow"). */
const NAMED_THINGS = /\b(?:Clare|Sarah)['’]s Law\b|\bCaring Dads\b|\bFreedom Programme\b|\b(?:Christmas|New Year['’]?s?) Eve\b|\bRead codes?\b|\bBuddy[- ]strap\w*|\b(?:Op|Operation|OPERATION)\.?[ \t]+\p{Lu}[\p{L}-]+/gu;

const MODAL_QUESTION = /^(?:Will|May|Can|Shall|Must|Could|Would|Should)[ \t]+(?:you|I|we|he|she|they|it|someone|anyone)\b/u;
const FIRM_AFTER = /^[ \t]*&[ \t]*(?:Co\b|Sons\b|Partners\b|Associates\b)/u;
const CITATION_AFTER = /^[ \t]*\((?:19|20)\d{2}[a-z]?[,;)]/u;
const COMPASS_WORD = /^(?:North|South|East|West|Mid|Central|Greater|Upper|Lower|Inner|Outer|NORTH|SOUTH|EAST|WEST|MID|CENTRAL|GREATER)$/u;
const NEXT_CAP_WORD = /^[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)/u;
const AND_PLACE_AFTER = /^[ \t]+(?:and|&)[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*)/u;
const PREVIOUS_CAP_WORD = /(?:^|[^\p{L}])(\p{Lu}[\p{L}]*)[ \t]+$/u;

/** The run is part of a place name written around it: 'North Wales', 'South Tyneside', 'Tyne and Wear'. */
function partOfPlace(text: string, start: number, end: number, written: string): boolean {
  const after = text.slice(end, end + 30);
  const next = NEXT_CAP_WORD.exec(after)?.[1];
  if (next && COMPASS_WORD.test(written) && isPlaceName(`${written} ${next}`)) return true;
  const joined = AND_PLACE_AFTER.exec(after)?.[1];
  if (joined && isPlaceName(`${written} and ${joined}`)) return true;
  const prev = PREVIOUS_CAP_WORD.exec(text.slice(Math.max(0, start - 12), start))?.[1];
  return prev !== undefined && COMPASS_WORD.test(prev) && isPlaceName(`${prev} ${written}`);
}

/** A hospital department after the run: 'Conveyed Derriford ED', 'UHP Derriford ED', 'Royal Oldham A&E'. */
const DEPARTMENT_AFTER = /^[ \t]+(?:ED|A&E|AMU|MAU|SAU|EAU|ICU|ITU|HDU|CDU|UTC|MIU)(?![\p{L}\d])/u;
/** A car make right before: the capitalised word after it is the model. */
const MAKE_BEFORE = /(?:^|[^\p{L}])(?:Vauxhall|Ford|Audi|BMW|Citroen|Citroën|Peugeot|Renault|Nissan|Toyota|Honda|Volkswagen|VW|Skoda|Kia|Hyundai|Mercedes|Fiat|Mazda|Volvo|Jaguar|Lexus|Dacia|Tesla|Suzuki|Mitsubishi|Subaru|Porsche|Seat|SEAT|Mini|Land Rover|Range Rover)[ \t]+$/u;

/** An institution word in lower case right after the run: 'Belgrave practice', 'Partick nursery'. */
const INSTITUTION_AFTER = /^[ \t]+(\p{Ll}+)/u;
function institutionAfter(text: string, end: number): boolean {
  const w = INSTITUTION_AFTER.exec(text.slice(end, end + 20))?.[1];
  return w !== undefined && PLACE_WORDS.has(w) && !['day', 'week', 'month', 'year', 'term', 'period', 'team', 'holiday', 'health', 'medical', 'general'].includes(w);
}

/** A number right after a lone word ('Nokia 3310', 'Bay 3', 'Ward 12'): a thing, not a person. */
const NUMBER_AFTER = /^[ \t]+\d/u;
/** A street line of an address just before (', Handsworth', ', Rhiwbina, CF14…'), or its label once replaced: the locality. */
const ADDRESS_BEFORE = /(?:\d[\p{L}\p{N}'’ .-]*\b(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|crescent|grove|terrace|place|court|gardens|walk|view|rise|mews|row|square|hill|park|green|parade)\.?|\bheol [\p{L}\p{M} ]+|\bflat \d+[^,\n]*|\[(?:address|site)\])[ \t]*,[ \t]*$/iu;
const COMMA_BEFORE = /,[ \t]*$/u;
/** Right after an ALL-CAPS record system ('EMIS Web'). */
const SYSTEM_BEFORE = /\b(\p{Lu}{3,})[ \t]+$/u;
function systemBefore(text: string, start: number): boolean {
  const w = SYSTEM_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  return w !== undefined && isSystemName(w.toLowerCase());
}

const nameLike = (t: NameToken): boolean => t.cls === 'initial' || t.first || !t.english;

/** Nothing but spaces since the start of the text or of a line. */
const LINE_START = /(?:^|\n)[ \t]*$/u;
/** Nothing but spaces (or a full stop or comma) to the end of the line or the text. */
const LINE_END = /^[ \t]*[.,]?[ \t]*(?:\r?\n|$)/u;
const isCaps = (t: NameToken): boolean => /^\p{Lu}+$/u.test(t.raw);

/** 'no Will', 'Adunni's Will': a word used as a thing. */
const DOCUMENT_BEFORE = /(?:\bno|['’]s)\s+$/iu;

const PARTNERSHIP_WORDS = new Set(['safer', 'safe', 'stronger', 'healthier', 'better', 'brighter', 'greener', 'together']);
/** An agency's word right after: 'Care', 'NHS', 'Trust', 'Council', 'Services'. */
const DOMAIN_AFTER = /^[ \t]+(?:Care|NHS|Trust|Council|Services?|Partnership|Health|Police|Constabulary|Foundation|Hospitals?)\b/u;
const PARTICLE_BEFORE = /^\.?([ \t]+)(?:van|von|der|den|de|da|das|dos|do|di|du|del|della|la|le|bin|ibn|al|el|ter|ten|ap|ab)(?:[ \t]+\p{Ll}+)*[ \t]+$/u;

const COMPASS_REGION = /^(?:South|North)(?:west|east|West|East)$/u;
const WILL_BEFORE = /\b(?:a|an|the|his|her|their|my|last|new|signed|valid|living|handwritten|unsigned|written|draft|previous|earlier|later)(?:[ \t]+(?:handwritten|signed|unsigned|new|valid|written|draft|last|previous|earlier|later|living|home-made|homemade))?[ \t]+$/iu;
const PRISON_BEFORE = /\b(?:HMP|HMYOI|HMPYOI|HM[ \t]+Prison)[ \t]+$/u;

/** Confidence that a run of capitalised words (title removed) is a person's name; 0 when it is not. */
function score(text: string, toks: NameToken[], cue: boolean, atStart: boolean): number {
  if (toks.length === 0 || toks.every((t) => t.cls === 'initial')) return 0;
  const last = toks[toks.length - 1];
  const first = toks[0];
  if (!first || !last) return 0;
  const written = toks.map((t) => t.raw).join(' ');
  // 'partner, Utrecht': a cue before a place that is no first name is not a person
  // 'the Children's Reporter Administration', 'Livewell Southwest': an institution's word or a region ends an organisation
  if (toks.length > 1 && ((PLACE_WORDS.has(last.low) && last.english && !last.surname) || COMPASS_REGION.test(last.raw))) return 0;
  if (cue) {
    // 'the child's Plan', 'her partner Support': one ordinary word that no gazetteer knows as a name is that word
    if (toks.length === 1 && first.english && !first.anyFirst && !first.surname) return 0;
    return isPlaceName(written) && !toks.some((t) => t.anyFirst) ? 0 : 0.85;
  }
  const after = last.end + (last.possessive?.length ?? 0);
  if (hasPlaceAfter(text, after) || institutionAfter(text, after) || systemBefore(text, first.start) || DEPARTMENT_AFTER.test(text.slice(after, after + 8))) return 0;
  // 'a handwritten Will', 'his last Will and testament': the document
  if (toks.length === 1 && first.low === 'will' && (WILL_BEFORE.test(text.slice(Math.max(0, first.start - 32), first.start)) || /^[ \t]+and[ \t]+testament/iu.test(text.slice(after, after + 16)))) return 0;
  // 'HMP Glenochil', 'HMYOI Polmont': a prison's name
  if (PRISON_BEFORE.test(text.slice(Math.max(0, first.start - 12), first.start))) return 0;
  // 'Safer Stockport', 'Stronger Communities Rochdale': a partnership named for its town
  if (toks.length > 1 && PARTNERSHIP_WORDS.has(first.low) && toks.slice(1).some((t) => isUkPlaceName(t.raw))) return 0;
  // 'Cross-border checks', 'Follow-up call': a compound word opening a sentence, not a double-barrelled name
  if (toks.length === 1 && /^\p{Lu}\p{Ll}*-\p{Ll}/u.test(first.raw)) return 0;
  // 'North Cumbria Integrated Care NHS Foundation Trust': a run with a place in it before an agency's word
  if (toks.some((t) => (COMPASS_WORD.test(t.raw) || isUkPlaceName(t.raw)) && !t.anyFirst) && DOMAIN_AFTER.test(text.slice(after, after + 16))) return 0;
  // 'Essex Police — Athena 42/94411/22', 'Op Robin': a system or an operation's name
  if (toks.length === 1 && (systemUse(text, first.start, first.end) || operationBefore(text, first.start))) return 0;
  // 'Dacia Logan', 'Ford Ka': the model after a car make
  if (MAKE_BEFORE.test(text.slice(Math.max(0, first.start - 16), first.start)) || (toks.length === 2 && MAKE_BEFORE.test(`${first.raw} `))) return 0;
  const before = text.slice(Math.max(0, first.start - 60), first.start);
  if (COMMA_BEFORE.test(before) && ADDRESS_BEFORE.test(before)) return 0;
  if (toks.length === 1 && !first.first && NUMBER_AFTER.test(text.slice(after, after + 4))) return 0;
  // an organisation or institution in the run ('Safer Swansea Partnership', 'Coventry Haven Women's Aid')
  // (a place word joined as a surname after a distinct first name, 'Bernadette Ward', is a name)
  if (toks.length > 1 && toks.some((t, k) => PLACE_WORDS.has(t.low) && !(t.soft && toks[k - 1]?.first))) return 0;
  // 'Hope rang', 'Chester said': a given name that is also a town, doing what only a person does
  // ('Wells e-mailed IDVA': a surname that is also a town and a word, doing the same)
  const actor = toks.length === 1 && (first.anyFirst || (first.surname && isUkPlaceName(written) && !placeBefore(text, first.start))) && !first.possessive && actorVerbAfter(text, after);
  // a UK town is a town ('Leicester', 'arrested PORTSMOUTH'); a place abroad that is also a first name ('Gary',
  // 'Florence') is scored as a name, one that is a surname at most ('Lagos', 'Utrecht') is a place
  if (!actor && (isUkPlaceName(written) || partOfPlace(text, first.start, last.end, written))) return 0;
  // 'Imkaan (2020)', 'SafeLives (2021)': a citation of a published work; 'Malik & Co', 'Patel & Sons': a firm
  if (CITATION_AFTER.test(text.slice(last.end, last.end + 10)) || FIRM_AFTER.test(text.slice(last.end, last.end + 14))) return 0;
  // 'Sheffield Register', 'Rochdale Boroughwide': a UK town that is no first name, then no first name, is an organisation
  if (toks.length > 1 && !first.anyFirst && isUkPlaceName(first.raw) && toks.slice(1).every((t) => !t.first)) return 0;
  if (!actor && isPlaceName(written) && !toks.some((t) => t.first || (toks.length === 1 && t.anyFirst))) return 0;
  const place = placeBefore(text, first.start);
  // 'admitted to Victoria Ward': a place word after a locative is the place, shown to the chair
  if (place && toks.some((t) => t.soft && PLACE_WORDS.has(t.low))) return 0.3;
  const distinctive = toks.some((t) => t.first || (t.cls === 'word' && !t.english));
  // 'in Small Heath': ordinary words after a locative, none a distinct name, are a place
  if (place && toks.length > 1 && !distinctive) return 0.3;
  if (distinctive && !place && personVerbBefore(text, first.start)) return 0.8;
  // 'Will you keep out of it', 'May I ask': a modal asking a question
  if (toks.length === 1 && MODAL_QUESTION.test(text.slice(first.start, first.end + 8))) return 0;
  if (toks.length === 1) {
    // 'Hi' before a name already taken, 'North' of a region: a greeting or a compass word alone names no one
    if (GREETINGS.has(first.low) || COMPASS_WORD.test(first.raw)) return 0;
    if (actor && !first.first) return place ? 0.55 : 0.6;
    // 'call from Gary': a locative before a first name does not make it a place (a town is caught above)
    if (first.first) return place ? 0.55 : 0.75;
    // 'S said Mark had moved back in': a first name that is also a word, capitalised mid-sentence (recall first)
    // 'Mark attended with S': opening a sentence, followed by a past-tense verb
    if (first.anyFirst && first.english && atStart && verbAfter(text, first.end + (first.possessive?.length ?? 0), false)) return 0.6;
    if (first.anyFirst && first.english && !atStart && !hasArticleBefore(text, first.start) && !DOCUMENT_BEFORE.test(text.slice(Math.max(0, first.start - 8), first.start))) return verbAfter(text, first.end + (first.possessive?.length ?? 0)) ? 0.7 : 0.55;
    if (first.english) return 0;
    // 'Ishbel' alone on the last line of a message: who signed it
    if (LINE_START.test(text.slice(0, first.start)) && LINE_END.test(text.slice(after)) && first.raw.length >= 3 && !isCaps(first)) return 0.6;
    // 'Shona replied': an unknown capitalised word opening a sentence, followed by a verb
    // 'Kirsty, she was in today': an unknown word opening a line, then a comma, addresses someone
    if (atStart) return verbAfter(text, first.end + (first.possessive?.length ?? 0), false) || (text.charAt(first.end) === ',' && LINE_START.test(text.slice(0, first.start))) ? 0.6 : 0;
    if (first.surname) return place ? 0.3 : 0.55;
    // an unknown capitalised word mid-sentence is most often a name in a chronology (recall first)
    return place ? 0.3 : first.raw.length >= 3 ? 0.55 : 0.35;
  }
  if (toks.length > 4) return 0;
  if (hasCueAfter(text, last.end)) return 0.85;
  // 'Mark Jenkins': a first name that is also a word, then a surname
  const rest = toks.slice(1);
  if (first.anyFirst && rest.every((t) => t.cls === 'initial' || t.surname || !t.english)) return place ? 0.7 : 0.8;
  const hasFirst = toks.some((t) => t.first);
  const words = toks.filter((t) => t.cls === 'word');
  if (hasFirst && toks.every((t) => nameLike(t) || t.surname)) return place ? 0.7 : 0.9;
  if (hasFirst) return 0.6;
  if (words.length > 0 && toks.every(nameLike)) return place ? 0.3 : toks[0]?.cls === 'initial' ? 0.8 : 0.7;
  if (toks[0]?.cls === 'initial' && words.every((t) => t.surname)) return 0.6;
  if (words.some((t) => !t.english)) return 0.4;
  return 0;
}

function toSpan(text: string, toks: NameToken[], confidence: number, titleToks: NameToken[], numberStart?: number): PersonNameSpan | null {
  const firstTok = toks[0];
  const lastTok = toks[toks.length - 1];
  if (!firstTok || !lastTok) return null;
  const start = numberStart ?? firstTok.start;
  const end = lastTok.end;
  const parts = toks.map((t) => t.raw.replace(/\.$/u, ''));
  const span: PersonNameSpan = {
    start, end, kind: 'person', text: text.slice(start, end), confidence, parts,
    replacement: parts.map(partInitials).join('') || 'X',
  };
  const t0 = titleToks[0];
  const t1 = titleToks[titleToks.length - 1];
  if (t0 && t1) span.title = text.slice(t0.start, t1.end);
  if (lastTok.possessive) span.possessive = lastTok.possessive;
  return span;
}

/** 'From:', 'To:', 'Cc:' opening a line of a pasted e-mail, right before the run. */
const HEADER_BEFORE = /(?:^|\n)[ \t]*(?:from|to|cc|bcc|sent by|reply-to)[ \t]*:[ \t]*$/iu;
/** A display name before an address in angle brackets: 'Debbie Sharples <d.sharples@…>'. */
const ADDRESS_AFTER = /^[ \t]*<[^<>\s]+@/u;

/** A pasted e-mail header's display name ('From: Debbie Sharples <…>', 'To: Tobi Bakare'): a person unless an office. */
function emailHeaderName(text: string, toks: readonly NameToken[]): boolean {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!first || !last || toks.length > 4) return false;
  if (!HEADER_BEFORE.test(text.slice(Math.max(0, first.start - 24), first.start))) return false;
  const restOfLine = text.slice(last.end, last.end + 80);
  if (!ADDRESS_AFTER.test(restOfLine) && !/^[ \t]*(?:\n|$|;|,)/u.test(restOfLine)) return false;
  return toks.some((t) => t.cls === 'word' && (t.anyFirst || t.surname || !t.english)) && !toks.some((t) => PLACE_WORDS.has(t.low));
}

/** Words that open a sentence and are never a name: 'No', 'The', 'She', 'On', 'But' (compromise's tags, and a few it leaves untagged). */
const OPENER_TAGS = new Set(['Determiner', 'Pronoun', 'Preposition', 'Conjunction', 'Negative', 'Copula', 'Auxiliary', 'Modal']);
const OPENERS = new Set(['no', 'nil', 'none', 'yes', 'when', 'did', 'has', 'had', 'does', 'where', 'why', 'how']);
const opensSentence = (low: string): boolean => OPENERS.has(low) || hasTag(low, OPENER_TAGS);

/** Spans of one run: its title part, then the name words, trimmed of a capitalised ordinary word at a sentence start. */
function runSpans(text: string, run: TokenRun): PersonNameSpan[] {
  const titles: NameToken[] = [];
  let i = 0;
  while (i < run.tokens.length && run.tokens[i]?.cls === 'title') titles.push(run.tokens[i++] as NameToken);
  let toks = run.tokens.slice(i);
  // 'related to D. No DA policy…': a word that only opens a sentence ends the name before it
  const opener = toks.findIndex((t, k) => k > 0 && t.cls === 'word' && isSentenceStart(text, t.start) && opensSentence(t.low));
  if (opener > 0) toks = toks.slice(0, opener);
  if (toks.length === 0) return [];
  if (titles.length > 0) {
    // "Dr S. Asked her…": a new sentence starts after the initial; its first word is not part of the name.
    const cut = toks.findIndex((t, k) => k > 0 && t.cls === 'word' && t.english && !t.anyFirst && !t.surname && isSentenceStart(text, t.start));
    if (cut > 0) toks = toks.slice(0, cut);
    if (toks.every((t) => t.cls === 'initial')) return [];
    // ('Dr ap Gwilym', 'Mrs da Silva': the particle goes with the surname it opens)
    const lastTitle = titles[titles.length - 1];
    const particle = lastTitle && toks[0] ? PARTICLE_BEFORE.exec(text.slice(lastTitle.end, toks[0].start)) : null;
    const from = particle && lastTitle ? lastTitle.end + particle.index + (particle[1]?.length ?? 0) : run.numberStart;
    const span = toSpan(text, toks.slice(0, 4), 0.9, titles, from);
    return span ? [span] : [];
  }
  // 'The Ipswich MARAC', 'The Suffolk IDVA service': an article never opens a person's name
  while (toks.length > 1 && (toks[0]?.low === 'the')) toks = toks.slice(1);
  // 'Hi Tobi', 'Dear Kirsty', 'Thanks Grace': a greeting is no part of the name, and says one follows
  let greeted = false;
  // (a greeting alone, before initials already applied or a name already taken, 'Hi KB,', names no one)
  if (toks.length === 1 && GREETINGS.has(toks[0]?.low ?? '')) return [];
  if (toks.length > 1 && GREETINGS.has(toks[0]?.low ?? '')) {
    toks = toks.slice(1);
    greeted = toks[0] !== undefined && (toks[0].anyFirst || !toks[0].english);
  }
  const lastTok = toks[toks.length - 1];
  // 'Housing (Ash)': who spoke for an agency, unless the bracket names a service ('CAMHS (Berkshire Healthcare)')
  const spokeFor = agencyBefore(text, toks[0]?.start ?? 0) !== null && toks.every((t) => t.anyFirst || (!t.english && !isUkPlaceName(t.raw)));
  const cue =
    greeted || hasCueBefore(text, toks[0]?.start ?? 0) || emailHeaderName(text, toks) || spokeFor ||
    (callingBefore(text, toks[0]?.start ?? 0) && toks.some((t) => t.anyFirst || !t.english)) ||
    (lastTok !== undefined && roleInBracketsAfter(text, lastTok.end + (lastTok.possessive?.length ?? 0)));
  let atStart = isSentenceStart(text, toks[0]?.start ?? 0);
  while (!cue && atStart && toks.length > 1 && toks[0]?.english && !toks[0].anyFirst) {
    toks = toks.slice(1);
    atStart = false;
  }
  const conf = score(text, cue ? toks.slice(0, 3) : toks, cue, atStart);
  if (conf <= 0) return [];
  const span = toSpan(text, cue ? toks.slice(0, 3) : toks, conf, []);
  return span ? [span] : [];
}

/** Unmapped person names in free text, in text order, not overlapping each other, each with a confidence. */
export function detectPersonNames(text: string, opts: DetectOptions = {}): PersonNameSpan[] {
  if (!text) return [];
  const named: [number, number][] = [...text.matchAll(NAMED_THINGS)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  named.push(...possessivePlaceSpans(text));
  // (no wrapper when no named thing is in the text: a closure made for every text costs more than it does)
  const exclude =
    named.length === 0
      ? opts.exclude
      : (s: number, e: number): boolean => named.some(([a, b]) => a < e && s < b) || (opts.exclude?.(s, e) ?? false);
  const tokens = capitalisedTokens(text, exclude, opts.memo);
  const ignore = opts.ignore;
  // (a title stays a title: 'Dr Paterson' when a mapped Dilshad Rashid's initials are DR)
  if (ignore) for (const t of tokens) if (ignore.has(t.low) && !(t.cls === 'title' && t.raw !== t.raw.toUpperCase())) t.cls = 'break';
  const spans = tokenRuns(text, tokens).flatMap((run) => runSpans(text, run));
  // a title, an initial and a surname typed all in lower case in a pasted log ('caller gives name as mr g priest')
  const lowerTitled = lowerCaseTitledNames(text, (x, y) => (exclude?.(x, y) ?? false) || spans.some((o) => o.start < y && x < o.end));
  if (lowerTitled.length > 0) {
    spans.push(...lowerTitled);
    spans.sort((a, b) => a.start - b.start);
  }
  // the same people named again: a part of a full name found above, and the name signing off a pasted message
  const again = partsAgain(text, tokens, spans, exclude);
  const signed = signOffName(text, [...spans, ...again], exclude);
  if (signed) again.push(signed);
  if (again.length > 0) {
    spans.push(...again.filter((x) => !ignore || !x.parts.every((p) => ignore.has(foldToken(p)))));
    spans.sort((a, b) => a.start - b.start);
  }
  if (opts.nlp) {
    const extra = nlpSpans(text, tokens, spans, { ...opts, exclude });
    spans.push(...extra.filter((x) => !ignore || !x.parts.every((p) => ignore.has(foldToken(p)))));
    spans.sort((a, b) => a.start - b.start);
  }
  return spans;
}
