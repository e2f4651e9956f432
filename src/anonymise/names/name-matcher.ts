// Finds mentions of mapped people in one Aho-Corasick pass over folded text, with context rules for ordinary-word names.
import AhoCorasick from 'modern-ahocorasick';
import { AsciiAutomaton } from './ascii-automaton.js';
import type { Person } from '../types.js';
import type { VariantContext } from './name-variants.js';
import { mapVariants } from './name-variants.js';
import { foldText, isWordCode } from './normalise.js';
import { buildFuzzyIndex } from './name-fuzzy.js';
import {
  bracketAfter, calendarOrColourUse, hasArticleBefore, hasCueAfter, hasCueBefore, hasPlaceAfter, isSentenceStart,
  possessiveAfter, titleBefore, verbAfter,
} from './name-context.js';

/** A mention of a mapped person. `start..end` is the name itself; title, collar number and possessive lie outside it. */
export interface NameMatch {
  start: number;
  end: number;
  text: string;
  personIndex: number;
  kind: 'mapped-name';
  /** The title written before the name ('Dr', 'PC', 'Mrs.'), kept in the output. */
  title?: string;
  titleStart?: number;
  /** Where a collar / staff number between the title and the name starts ('PC 4471 Helen Fraser'): removed too. */
  numberStart?: number;
  possessive?: string;
  confidence: number;
}

/** An occurrence of an ordinary-word variant ('mark', 'Rose Cottage') left alone, reported for review. */
export interface AmbiguousName {
  start: number;
  end: number;
  text: string;
  personIndex: number;
  reason: 'lowercase' | 'context';
}

export interface NameScan {
  matches: NameMatch[];
  ambiguous: AmbiguousName[];
}

export interface NameMatcher {
  readonly people: readonly Person[];
  find(text: string): NameMatch[];
  ambiguous(text: string): AmbiguousName[];
  mentions(text: string, personIndex?: number): boolean;
  /**
   * Both lists in one pass. With `namesField` (a column that holds names, such as 'contact'), a capitalised
   * ordinary-word variant at the start of the cell or a sentence counts as a name.
   */
  scan(text: string, opts?: { namesField?: boolean }): NameScan;
}

interface PatternData {
  persons: number[];
  context: VariantContext;
  multi: boolean;
}

interface Candidate {
  start: number;
  end: number;
  data: PatternData;
  confidence: number; // 0 = rejected
  reason: AmbiguousName['reason'];
}

/** Lowercase uses of these are grammar ('you may', 'she will'), never reported. */
const SILENT_LOWERCASE = new Set(['may', 'will', 'can', 'must']);
const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
const CAPS_WORD_BEFORE = /(?:^|[^\p{L}])\p{Lu}{2,}[\s,]*$/u;
const CAPS_WORD_AFTER = /^[\s,]*\p{Lu}{2,}(?:[^\p{L}]|$)/u;

function everyWordCapitalised(s: string): boolean {
  return s.split(/[\s-]+/u).every((w) => !/\p{L}/u.test(w) || UPPER_START.test(w));
}

/** Decides whether an ordinary-word variant is a name here; returns a confidence, 0 for "leave it". */
function judge(text: string, start: number, end: number, data: PatternData, namesField: boolean): { confidence: number; reason: AmbiguousName['reason'] } {
  if (data.context === 'plain') return { confidence: data.multi ? 1 : 0.95, reason: 'context' };
  const written = text.slice(start, end);
  if (data.context === 'caps') {
    return everyWordCapitalised(written) ? { confidence: 0.9, reason: 'context' } : { confidence: 0, reason: 'lowercase' };
  }
  if (!UPPER_START.test(written)) {
    // 'mark phoned the surgery': a lower-case name opening a sentence, followed by a verb
    const named = isSentenceStart(text, start) && verbAfter(text, end, false) && !hasArticleBefore(text, start);
    return named ? { confidence: 0.6, reason: 'context' } : { confidence: 0, reason: 'lowercase' };
  }
  const reject = { confidence: 0, reason: 'context' as const };
  if (titleBefore(text, start)) return { confidence: 0.9, reason: 'context' };
  const strict = data.context === 'strict';
  if ((strict && calendarOrColourUse(text, start, end)) || hasPlaceAfter(text, end)) return reject;
  if (hasCueBefore(text, start)) return { confidence: 0.85, reason: 'context' };
  if (possessiveAfter(text, end) || hasCueAfter(text, end)) return { confidence: 0.8, reason: 'context' };
  if (hasArticleBefore(text, start)) return reject;
  if (isSentenceStart(text, start)) {
    if (verbAfter(text, end) || bracketAfter(text, end)) return { confidence: 0.75, reason: 'context' };
    return namesField ? { confidence: 0.7, reason: 'context' } : reject;
  }
  const shouting = ALL_CAPS.test(written) && (CAPS_WORD_BEFORE.test(text.slice(Math.max(0, start - 20), start)) || CAPS_WORD_AFTER.test(text.slice(end, end + 20)));
  return shouting ? reject : { confidence: 0.75, reason: 'context' };
}

/** Builds the automaton once for a map; reuse it for every text of the case. */
export function buildNameMatcher(people: Person[]): NameMatcher {
  const byPattern = new Map<string, PatternData>();
  const variants = mapVariants(people);
  const fuzzy = buildFuzzyIndex(variants);
  for (const v of variants) {
    const existing = byPattern.get(v.pattern);
    if (existing) {
      if (!existing.persons.includes(v.person)) existing.persons.push(v.person);
    } else {
      byPattern.set(v.pattern, { persons: [v.person], context: v.context, multi: /[\s]/u.test(v.pattern) });
    }
  }
  const initials = new Set(people.map((p) => p.initials));
  const patterns = [...byPattern].map(([pattern, data]) => ({ pattern, data }));
  const ac = new AhoCorasick(patterns);
  // most folded text is plain ASCII: a flat table scans it several times faster than the grapheme-aware library
  const ascii = new AsciiAutomaton(patterns);

  function scan(text: string, opts: { namesField?: boolean } = {}): NameScan {
    const namesField = opts.namesField ?? false;
    if (!text || byPattern.size === 0) return { matches: [], ambiguous: [] };
    const { norm, starts, ends } = foldText(text);
    const candidates: Candidate[] = [];
    for (const hit of ascii.search(norm) ?? ac.search(norm)) {
      const ns = hit.start;
      const ne = hit.end;
      if (!hit.data || ne <= ns) continue;
      if (ns > 0) {
        const left = norm.charCodeAt(ns - 1);
        if (isWordCode(left)) continue;
        if (left === 39 && ns > 1 && isWordCode(norm.charCodeAt(ns - 2))) continue; // inside O'Connor
      }
      if (ne < norm.length && isWordCode(norm.charCodeAt(ne))) continue;
      const start = starts ? (starts[ns] ?? 0) : ns;
      const end = ends ? (ends[ne - 1] ?? start) : ne;
      if (end - start <= 4 && initials.has(text.slice(start, end))) continue; // initials already applied ('JO')
      const verdict = judge(text, start, end, hit.data, namesField);
      candidates.push({ start, end, data: hit.data, confidence: verdict.confidence, reason: verdict.reason });
    }
    // misspelt names ('Sarrah') in words no variant matched
    const exact = candidates.filter((c) => c.confidence > 0);
    for (const f of fuzzy.find(text, (a, b) => exact.some((c) => c.start < b && a < c.end))) {
      candidates.push({ start: f.start, end: f.end, data: { persons: f.persons, context: 'plain', multi: false }, confidence: 0.7, reason: 'context' });
    }
    // an ordinary-word variant right beside another accepted part of the same person counts ('Mark J Reid')
    if (candidates.some((c) => c.confidence <= 0 && c.reason === 'context')) rescueNeighbours(text, candidates);
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const matches: NameMatch[] = [];
    const rejected: Candidate[] = [];
    const lastSeen = new Map<number, number>();
    let lastEnd = -1;
    for (const c of candidates) {
      if (c.confidence <= 0) {
        rejected.push(c);
        continue;
      }
      if (c.start < lastEnd) continue;
      lastEnd = c.end;
      const person = pickPerson(c.data.persons, lastSeen);
      lastSeen.set(person, c.start);
      const m: NameMatch = { start: c.start, end: c.end, text: text.slice(c.start, c.end), personIndex: person, kind: 'mapped-name', confidence: c.confidence };
      const t = titleBefore(text, c.start);
      if (t) {
        m.title = t.title;
        m.titleStart = t.titleStart;
        if (t.numberStart !== undefined) m.numberStart = t.numberStart;
      }
      const poss = possessiveAfter(text, c.end);
      if (poss) m.possessive = poss;
      matches.push(m);
    }
    return { matches, ambiguous: leftAlone(text, rejected, matches) };
  }

  return {
    people,
    scan,
    find: (text) => scan(text).matches,
    ambiguous: (text) => scan(text).ambiguous,
    mentions: (text, personIndex) => scan(text).matches.some((m) => personIndex === undefined || m.personIndex === personIndex),
  };
}

/** Accepts a context-rejected candidate that sits right beside an accepted match of the same person. */
function rescueNeighbours(text: string, candidates: Candidate[]): void {
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
    if (near.some((n) => c.data.persons.includes(n))) c.confidence = 0.8;
  }
}

/** With a pattern shared by several people (two Reids), the one mentioned most recently in the text, else the first. */
function pickPerson(persons: number[], lastSeen: Map<number, number>): number {
  let best = persons[0] ?? 0;
  let bestAt = -1;
  for (const p of persons) {
    const at = lastSeen.get(p) ?? -1;
    if (at > bestAt) {
      best = p;
      bestAt = at;
    }
  }
  return best;
}

/** Rejected occurrences not covered by a match, longest first, without overlaps; lowercase grammar words dropped. */
function leftAlone(text: string, rejected: Candidate[], matches: NameMatch[]): AmbiguousName[] {
  const out: AmbiguousName[] = [];
  let mi = 0;
  let lastEnd = -1;
  for (const c of rejected) {
    while (mi < matches.length && (matches[mi]?.end ?? 0) <= c.start) mi++;
    const m = matches[mi];
    if (m && m.start < c.end) continue;
    if (c.start < lastEnd) continue;
    const written = text.slice(c.start, c.end);
    if (c.reason === 'lowercase' && SILENT_LOWERCASE.has(written.toLowerCase())) continue;
    lastEnd = c.end;
    out.push({ start: c.start, end: c.end, text: written, personIndex: c.data.persons[0] ?? 0, reason: c.reason });
  }
  return out;
}
