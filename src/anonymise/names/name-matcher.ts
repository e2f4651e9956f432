// Finds mentions of mapped people in one Aho-Corasick pass over folded text, recall first (DESIGN §5.1, §5.2).
import type { Person } from '../types.js';
import { mapVariants } from './name-variants.js';
import { asciiLetters, isWordCode } from './normalise.js';
import { splitName } from './initials.js';
import { PhraseSearch } from './phrase-search.js';
import { buildFuzzyIndex } from './name-fuzzy.js';
import { foldToken } from './name-tokens.js';
import { isEnglishWord, isFirstName } from './lexicon.js';
import { possessiveAfter, roleBefore, titleBefore } from './name-context.js';
import { endsPlaceName, judgeMention } from './mention-rules.js';
import { anotherPersonBeside } from './other-person.js';
import { signOffAt } from './same-person.js';
import type { Candidate, PatternData } from './mention-neighbours.js';
import { callingDiffers, fitTitle } from './title-fit.js';
import { unsureMentions } from './name-clash.js';
import { buildFullInitials } from './full-initials.js';
import { barePossessives, compoundNames, familyPlurals, nameHandles, withParticles } from './name-forms.js';
import { dropWeakReadings, misspeltNeighbours, namePartsOf, rescueNeighbours } from './mention-neighbours.js';

/** A mention of a mapped person. `start..end` is the name itself; title, collar number and possessive lie outside it. */
export interface NameMatch {
  start: number;
  end: number;
  text: string;
  /** The person named; with `shared`, the first of the people the written form could be. */
  personIndex: number;
  /** Set when the written form belongs to several mapped people ('Mrs Doyle'): initial it as written, never guess. */
  shared?: number[];
  /** Someone else in the same text may be called this too ('Joy' beside 'Joy Ladipo'): initial it as written. */
  unsure?: boolean;
  kind: 'mapped-name';
  /** The title written before the name ('Dr', 'PC', 'Mrs.'), kept in the output. */
  title?: string;
  titleStart?: number;
  /** Where a collar / staff number between the title and the name starts ('PC 4471 Helen Fraser'): removed too. */
  numberStart?: number;
  possessive?: string;
  confidence: number;
}

/** An occurrence of an ordinary-word variant left alone ('a red mark', 'Hope Street'); `finding` when the chair should see it. */
export interface AmbiguousName {
  start: number;
  end: number;
  text: string;
  personIndex: number;
  reason: 'lowercase' | 'context';
  /** Confidence of a review finding (a place or thing containing a mapped name); absent: kept silently. */
  finding?: number;
}

export interface NameScan {
  matches: NameMatch[];
  ambiguous: AmbiguousName[];
  /**
   * Mapped name parts beside another person's ('Declan' of 'Declan Byrne'): someone else, still to be initialled;
   * `whole`: that someone's name as written here, the part and the word beside it that told.
   */
  others: { start: number; end: number; text: string; whole?: { start: number; end: number } }[];
}

export interface NameMatcher {
  readonly people: readonly Person[];
  find(text: string): NameMatch[];
  ambiguous(text: string): AmbiguousName[];
  mentions(text: string, personIndex?: number): boolean;
  /** Both lists in one pass. In a `namesField` (a column that holds names, such as 'contact') a capitalised word-name is a name. */
  scan(text: string, opts?: { namesField?: boolean }): NameScan;
}

const JUNIOR_AFTER = /^[ \t]+(?:junior|jnr|jr)\b/iu;
/** A lone lower-case letter as a word of a written name. */
const LOWER_INITIAL = /(?:^|[\s,])\p{Ll}\.?(?:$|[\s,])/u;

/** Lower-case uses of these are grammar ('you may', 'she will'), never reported. */
const SILENT_LOWERCASE = new Set(['may', 'will', 'can', 'must']);

/** Builds the automaton once for a map; reuse it for every text of the case. */
export function buildNameMatcher(people: Person[]): NameMatcher {
  const byPattern = new Map<string, PatternData>();
  const variants = mapVariants(people);
  const fuzzy = buildFuzzyIndex(variants);
  for (const v of variants) {
    const existing = byPattern.get(v.pattern);
    if (existing) {
      if (!existing.persons.includes(v.person)) {
        existing.persons.push(v.person);
        existing.kinds.push(v.kind);
      }
    } else {
      byPattern.set(v.pattern, { persons: [v.person], kinds: [v.kind], context: v.context, multi: /[\s/]/u.test(v.pattern) });
    }
  }
  const initials = new Set(people.map((p) => p.initials));
  const given = people.map((p) => givenInitialsOf(p));
  const givenInitials = (i: number): ReadonlySet<string> => given[i] ?? new Set();
  const search = new PhraseSearch([...byPattern].map(([pattern, data]) => ({ pattern, data })));
  const parts = namePartsOf(variants);
  const fullInitials = buildFullInitials(people);

  function scan(text: string, opts: { namesField?: boolean } = {}): NameScan {
    if (!text || byPattern.size === 0) return { matches: [], ambiguous: [], others: [] };
    const { norm, hits } = search.search(text);
    const candidates: Candidate[] = [];
    for (const { start, end, ns, ne, data } of hits) {
      if (end - start <= 4 && initials.has(text.slice(start, end))) continue; // initials already applied ('JO')
      // one part of a double-barrelled name that is not the person's own ('Field' of 'Colin Field-Hughes')
      if (inCompound(norm, ns, ne)) continue;
      // an initial in a name is a capital: 'MacLeod c/o' is the surname and 'care of', not MacLeod C
      if (data.multi && LOWER_INITIAL.test(text.slice(start, end))) continue;
      const verdict = judgeMention(text, start, end, data.context, data.multi);
      const c: Candidate = { start, end, data, confidence: verdict.confidence, reason: verdict.reason };
      if (verdict.finding !== undefined) c.finding = verdict.finding;
      candidates.push(c);
    }
    // a handle made of a name ('joy.siriporn', 'agnes.w'): the person's, whole
    for (const c of nameHandles(text, byPattern)) {
      for (let k = candidates.length - 1; k >= 0; k--) if ((candidates[k]?.start ?? 0) >= c.start && (candidates[k]?.end ?? 0) <= c.end) candidates.splice(k, 1);
      candidates.push(c);
    }
    // a double-barrelled name of one person ('Nowak-Wróblewska': her maiden and married names), whole
    for (const c of compoundNames(text, byPattern)) {
      // ('Osian Parry-Price': a given name of someone else before it says the compound is theirs)
      const before = candidates.find((o) => o.end <= c.start && /^[ \t]+$/u.test(text.slice(o.end, c.start)));
      if (before && !before.data.persons.some((p) => c.data.persons.includes(p))) continue;
      for (let k = candidates.length - 1; k >= 0; k--) if ((candidates[k]?.start ?? 0) >= c.start && (candidates[k]?.end ?? 0) <= c.end) candidates.splice(k, 1);
      candidates.push(c);
    }
    // a family together by its surname ('the Wards', 'the Kents'): initialled as written
    for (const c of familyPlurals(text, byPattern)) if (!candidates.some((o) => o.start < c.end && c.start < o.end)) candidates.push(c);
    // a possessive without its apostrophe ('saw sunnys car')
    for (const c of barePossessives(text, byPattern, isEnglishWord)) if (!candidates.some((o) => o.start < c.end && c.start < o.end)) candidates.push(c);
    // minutes in initials: every name's initials ('V: HKG' for the map's HG)
    for (const c of fullInitials.find(text, candidates.some((o) => o.confidence > 0))) if (!candidates.some((o) => o.start < c.end && c.start < o.end)) candidates.push(c);
    // misspelt names ('Sarrah') in words no variant matched (one judged a place or a word stays that: 'in Chester')
    for (const f of fuzzy.find(text, (a, b) => candidates.some((c) => c.start < b && a < c.end))) {
      if (endsPlaceName(text, f.start, f.end)) continue; // 'Hong Kong' is no misspelt Kang
      candidates.push({ start: f.start, end: f.end, data: { persons: f.persons, kinds: f.persons.map(() => 'first'), context: 'plain', multi: false }, confidence: 0.7, reason: 'context' });
    }
    // a misspelt other part of the same person beside an accepted one ('sian wiliams', 'levy smith', 'ana pula')
    for (const c of misspeltNeighbours(text, candidates, parts)) candidates.push(c);
    // an ordinary-word variant right beside another accepted part of the same person counts ('Mark J Reid')
    if (candidates.some((c) => c.confidence <= 0)) rescueNeighbours(text, candidates, opts.namesField);
    // a column of names ('contact': 'Teg 07700 900125', 'Charm; son Kayden'): a capitalised word-name is the person
    if (opts.namesField) {
      for (const c of candidates) {
        if (c.confidence > 0 || c.reason !== 'context' || !/^\p{Lu}/u.test(text.slice(c.start, c.end))) continue;
        c.confidence = 0.75;
        delete c.finding;
      }
    }
    dropWeakReadings(text, candidates);
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const accepted: Candidate[] = [];
    const rejected: Candidate[] = [];
    let lastEnd = -1;
    for (const c of candidates) {
      if (c.confidence <= 0) {
        rejected.push(c);
        continue;
      }
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      accepted.push(c);
    }
    // 'Mr Hill' when the mapped Hill is Ms Kelly Hill: a title of the other sex names someone else; 'Mrs Ward' among
    // several Wards is one of the women (the people's titles in the map decide; a person without one fits any)
    const titledOut = new Set<Candidate>();
    for (const [i, c] of accepted.entries()) {
      const fits = fitTitle(text, c, people);
      if (fits === null) continue;
      if (fits.persons.length === 0) titledOut.add(c);
      else accepted[i] = { ...c, data: fits };
    }
    // 'Declan Byrne' when only Declan Walsh is mapped: another person, named by the unmapped detector
    const mentions = accepted.map((c) => ({ start: c.start, end: c.end, persons: c.data.persons, kinds: c.data.kinds }));
    const own: Candidate[] = [];
    const others: NameScan['others'] = [];
    accepted.forEach((c, i) => {
      const m = mentions[i];
      // a given name after a role ('IDVA Rowan'); a title and surname ('Dr Reid') stays the mapped person (§5.1)
      // (a one-word alias that is a given name counts: 'PO (Maggie)' with Maggie a mapped aunt's nickname)
      const word = foldToken(text.slice(c.start, c.end));
      const given = c.data.kinds.every((k) => k === 'first' || k === 'middle' || k === 'first-middle' || (k === 'alias' && isFirstName(word)));
      // … and a surname after a role, with or without a title ('HCA Wells', 'Teacher Ms Tan', 'the DSL (Mrs Dale)')
      const surname = c.data.kinds.every((k) => k === 'surname' || k === 'part');
      const roleAt = surname ? (titleBefore(text, c.start)?.titleStart ?? c.start) : c.start;
      // (a professional of the map counts out when the role is another calling: 'SW Kent' is not PC Ellis Kent)
      const role = !c.data.multi && (given || surname) ? roleBefore(text, roleAt) : null;
      const professional = role !== null && c.data.persons.every((p) => people[p]?.role !== 'professional' || callingDiffers(role, people[p]?.title ?? undefined));
      const beside = professional || titledOut.has(c) || c.data.multi || !m ? null : anotherPersonBeside(text, m, mentions, givenInitials);
      if (!professional && !titledOut.has(c) && !beside) own.push(c);
      else others.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), ...(beside ? { whole: beside } : {}) });
    });
    // 'From: Rowan Fielding …  Thanks, Rowan': the given name signing off is the sender's, not the mapped person's
    const signed = others.length > 0 ? signOffAt(text) : null;
    const signer = signed ? own.findIndex((c) => c.start === signed.start && c.end === signed.end) : -1;
    const signerOwn = own[signer];
    if (signerOwn && others.some((o) => foldToken(o.text) === foldToken(text.slice(signerOwn.start, signerOwn.end)))) {
      own.splice(signer, 1);
      others.push({ start: signerOwn.start, end: signerOwn.end, text: text.slice(signerOwn.start, signerOwn.end) });
    }
    // 'Joy' where 'Joy Ladipo' (someone else) is named too, or in a note on two people of one name: either of them
    const unsure = unsureMentions(text, own, others.map((o) => o.text));
    // ('Abdi Warsame' of Hodan Abdi Warsame is her father's name too; 'Ray Little junior' is the son)
    const either = (c: Candidate): boolean => c.data.kinds.every((k) => k === 'middle-last') || (c.data.multi && JUNIOR_AFTER.test(text.slice(c.end, c.end + 10)));
    const matches = mergeAdjacent(text, withParticles(text, own, people)).map((c) => toMatch(text, c, unsure.has(c) || c.asWritten === true || either(c)));
    return { matches, ambiguous: leftAlone(text, rejected, matches), others };
  }

  return {
    people,
    scan,
    find: (text) => scan(text).matches,
    ambiguous: (text) => scan(text).ambiguous,
    mentions: (text, personIndex) =>
      scan(text).matches.some((m) => personIndex === undefined || m.personIndex === personIndex || (m.shared?.includes(personIndex) ?? false)),
  };
}

/** First letters (capital, folded) of a person's given names and of each alias's first word. */
function givenInitialsOf(p: Person): Set<string> {
  const out = new Set<string>();
  const parts = splitName(p.name);
  for (const w of [parts.first, ...parts.middles, ...p.aliases.map((a) => splitName(a).first)]) {
    const letter = asciiLetters(w).charAt(0);
    if (letter) out.add(letter);
  }
  return out;
}

/** The hit is one piece of a hyphenated word whose other piece the pattern does not include. */
function inCompound(norm: string, ns: number, ne: number): boolean {
  const joinedAfter = norm.charCodeAt(ne) === 45 && isWordCode(norm.charCodeAt(ne + 1));
  const joinedBefore = ns > 1 && norm.charCodeAt(ns - 1) === 45 && isWordCode(norm.charCodeAt(ns - 2));
  return joinedAfter || joinedBefore;
}

function toMatch(text: string, c: Candidate, unsure: boolean): NameMatch {
  const persons = c.data.persons;
  const m: NameMatch = { start: c.start, end: c.end, text: text.slice(c.start, c.end), personIndex: persons[0] ?? 0, kind: 'mapped-name', confidence: c.confidence };
  if (persons.length > 1) m.shared = [...persons];
  if (unsure) m.unsure = true;
  const t = titleBefore(text, c.start);
  if (t) {
    m.title = t.title;
    m.titleStart = t.titleStart;
    if (t.numberStart !== undefined) m.numberStart = t.numberStart;
  }
  const poss = possessiveAfter(text, c.end);
  if (poss) m.possessive = poss;
  return m;
}

/**
 * Joins accepted mentions separated only by spaces that can be one person ('FIELD Hope Marie', 'Anh Thu NGUYEN'),
 * so a name written in pieces gets its initials once, not 'HF HF'. Two pieces join when some person has both.
 */
function mergeAdjacent(text: string, accepted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of accepted) {
    const prev = out[out.length - 1];
    if (prev && /^[ \t]+$/u.test(text.slice(prev.end, c.start)) && !possessiveAfter(text, prev.end)) {
      const both = prev.data.persons.filter((p) => c.data.persons.includes(p));
      if (both.length > 0) {
        out[out.length - 1] = {
          start: prev.start,
          end: c.end,
          data: { persons: both, kinds: both.map(() => 'full'), context: 'plain', multi: true },
          confidence: Math.max(prev.confidence, c.confidence),
          reason: 'context',
        };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** Rejected occurrences not covered by a match, longest first, without overlaps. */
function leftAlone(text: string, rejected: Candidate[], matches: NameMatch[]): AmbiguousName[] {
  const out: AmbiguousName[] = [];
  let mi = 0;
  let lastEnd = -1;
  for (const c of rejected) {
    while (mi < matches.length && (matches[mi]?.end ?? 0) <= c.start) mi++;
    const m = matches[mi];
    if (m && m.start < c.end) continue;
    if (c.start < lastEnd) continue;
    if (c.reason === 'lowercase' && SILENT_LOWERCASE.has(text.slice(c.start, c.end).toLowerCase())) continue;
    lastEnd = c.end;
    const a: AmbiguousName = { start: c.start, end: c.end, text: text.slice(c.start, c.end), personIndex: c.data.persons[0] ?? 0, reason: c.reason };
    if (c.finding !== undefined) a.finding = c.finding;
    out.push(a);
  }
  return out;
}
