// The one detection pipeline (DESIGN §5.8): what the anonymiser replaces and what the redaction check reports.
import type { CaseMap, FindingKind, Span } from './types.js';
import { REPLACE_AT } from './confidence.js';
import { createIdentifierDetector } from './identifiers/identifiers.js';
import { datesOfBirthAfterNames } from './identifiers/detect-dob.js';
import { resolveOverlaps } from './identifiers/identifier-span.js';
import { buildNameMatcher, type NameMatch } from './names/name-matcher.js';
import type { TokenMemo } from './names/name-tokens.js';
import { foldToken } from './names/name-tokens.js';
import { detectPersonNames } from './names/person-names.js';
import { numberEdits, professionalEdits } from './names/professional-names.js';
import { buildTermMatcher } from './names/protected-terms.js';
import { detectOrganisations } from './names/organisations.js';
import { partInitials } from './names/initials.js';
import { isAllowListed } from './names/allow-list.js';
import { isTitle } from './names/name-context.js';
import { Intervals } from './intervals.js';

/** How a field is read: free text, a column of names ('contact'), or the professional column (always initialled). */
export type FieldKind = 'text' | 'names' | 'professional';

/**
 * One thing found. At `confidence` ≥ REPLACE_AT the anonymiser writes `replacement` over `start..end`; below it the
 * text stays and the check reports it for the chair. `start..end` excludes a title ('Dr ') and a possessive.
 */
export interface Detection {
  start: number;
  end: number;
  kind: FindingKind;
  text: string;
  confidence: number;
  replacement: string;
  /** The mapped person named (mapped-name), for attribution. */
  person?: number;
  /** The written form belongs to several people, mapped or not: initialled as written and flagged (§5.2). */
  shared?: boolean;
  /** An unmapped name as written, with its title: the chair's list (real names only where they may be seen). */
  name?: string;
}

export interface Pipeline {
  readonly map: CaseMap;
  /** Everything found in one field's text, sorted by start, without overlaps. */
  detect(text: string, field?: FieldKind): Detection[];
}

export interface PipelineOptions {
  /** Identifier detector (default: one with a memory of the phone numbers seen, for this pipeline). */
  identifiers?: (text: string) => Span[];
  /** Ask compromise too for unmapped names (slow; for reports, not for whole timelines). */
  nlp?: boolean;
  /** A token memory shared across texts (see TokenMemo), or null for none; results are the same without it. */
  memo?: TokenMemo | null;
}

/** A surname's particle in lower case gives no initial ('da Graça Sousa' → 'GS'). */
const LOWER_PARTICLE = /^(?:da|das|do|dos|de|del|della|di|du|van|von|der|den|ter|ten|la|le|bin|ibn|al|el|ap|ab)$/u;

/** The initials of a name as written ('Mrs Doyle' → 'D', 'Khan Begum' → 'KB'), for a form shared by several people. */
function asWritten(text: string): string {
  return text
    .split(/[\s,]+/u)
    .filter((w) => /\p{L}/u.test(w) && !LOWER_PARTICLE.test(w))
    .map((w) => partInitials(w.replace(/['’]s$/u, '')))
    .join('') || 'X';
}

/** Initials as a word: 'JS', 'H.D.', 'M.A.D.' (dotted ones are initials whoever's they are). */
const INITIALS_TOKEN = /(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\.){2,4}|\p{Lu}{2,4}(?![\p{L}\p{N}.]))/gu;

/** One pipeline per case map and names mode; reuse it for every text of the case. */
export function createPipeline(map: CaseMap, mode: 'initials' | 'pseudonym', opts: PipelineOptions = {}): Pipeline {
  const people = map.people;
  const matcher = buildNameMatcher(people);
  const terms = buildTermMatcher(map.terms);
  const identify = opts.identifiers ?? createIdentifierDetector();
  const memo: TokenMemo | undefined = opts.memo === null ? undefined : (opts.memo ?? new Map());
  // what the anonymiser writes is never a name: pseudonyms and initials stay as they are (§5.7)
  const ownWords = new Set(
    people.flatMap((p) => [p.initials.toLowerCase(), ...(p.pseudonym ? p.pseudonym.split(/\s+/u).map((w) => foldToken(w)) : [])]),
  );
  const pseudonyms = new Set(people.flatMap((p) => (p.pseudonym ? [p.pseudonym] : [])));
  const ownInitials = new Set(people.map((p) => p.initials));

  function mapped(m: NameMatch): Detection {
    const person = people[m.personIndex];
    const start = m.numberStart ?? m.start;
    const { end, text, confidence } = m;
    // (each detection written out whole, its fields in one order, not spread from a half-made one per mention)
    if (m.unsure || (m.shared && !(person && m.shared.every((i) => people[i]?.initials === person.initials)))) {
      return { start, end, kind: 'mapped-name', text, confidence, replacement: asWritten(text), shared: true };
    }
    const pseudonym = !m.shared && mode === 'pseudonym' ? person?.pseudonym : undefined;
    if (pseudonym) return { start: m.titleStart ?? start, end, kind: 'mapped-name', text, confidence, replacement: pseudonym, person: m.personIndex };
    return { start, end, kind: 'mapped-name', text, confidence, replacement: person?.initials ?? 'X', person: m.personIndex };
  }

  function detect(original: string, field: FieldKind = 'text'): Detection[] {
    if (!original) return [];
    // file names and paths join words with underscores ('DHR_Lupu_Caerleon_Terrace_v3.docx'): read as spaces, the
    // offsets unchanged; identifiers are read in the text as written too (an e-mail address keeps its '_')
    const text = original.includes('_') ? original.replace(/_/gu, ' ') : original;
    const out: Detection[] = [];
    const numbers = field === 'professional' ? numberEdits(text) : [];
    const taken = new Intervals<{ start: number; end: number }>();
    for (const n of numbers) taken.add(n);
    // identifiers and protected terms first: the longer wins where they overlap ('12 Mill Lane' over 'Mill Lane')
    const fixed = resolveOverlaps([
      ...identify(text).filter((x) => !taken.overlaps(x.start, x.end)),
      ...(text === original ? [] : identify(original).filter((x) => !taken.overlaps(x.start, x.end))),
      ...terms.find(text).map((t): Span => ({
        start: t.start, end: t.end, kind: 'protected-term', text: t.text, confidence: 0.95, replacement: map.terms[t.term]?.label ?? '[place]',
      })),
    ]);
    for (const s of fixed) {
      out.push({ start: s.start, end: s.end, kind: s.kind, text: s.text, confidence: s.confidence, replacement: s.replacement });
      taken.add(s);
    }
    const scan = matcher.scan(text, { namesField: field === 'names' });
    for (const m of scan.matches) {
      if (pseudonyms.has(m.text)) continue;
      const d = mapped(m);
      // a collar number already taken as an identifier: replace the name alone
      if (d.start < m.start && taken.overlaps(d.start, m.start)) d.start = m.start;
      // an initial that is an identifier's last letter ('NI SH 44 10 27 D. Nwachukwu'): the surname alone is still theirs
      if (taken.overlaps(d.start, d.end)) {
        const last = /[\p{L}'’-]+$/u.exec(m.text);
        const from = last ? m.end - last[0].length : d.end;
        if (from <= d.start || taken.overlaps(from, d.end)) continue;
        d.start = from;
        d.text = text.slice(from, d.end);
      }
      out.push(d);
      taken.add(d);
    }
    // an organisation's name is reported whole, not taken for a person's ('Ribbleside Logistics')
    for (const o of detectOrganisations(text)) {
      if (taken.overlaps(o.start, o.end) || scan.others.some((x) => x.start < o.end && o.start < x.end)) continue;
      out.push({ start: o.start, end: o.end, kind: 'organisation', text: o.text, confidence: 0.4, replacement: '[organisation]' });
      taken.add(o);
    }
    if (field === 'professional') {
      // (a name part initialled as written because someone else may have it, 'Gill' of 'manager Gill Hastings', is
      // part of the name the column holds: the edit takes it with the word beside it)
      const asWrittenOnly = (a: number, b: number): boolean => out.some((d) => d.start < b && a < d.end && d.kind === 'mapped-name' && d.shared === true) && !out.some((d) => d.start < b && a < d.end && d.kind !== 'mapped-name');
      const edits = professionalEdits(text, (a, b) => taken.overlaps(a, b) && !asWrittenOnly(a, b) && !numbers.some((x) => x.start < b && a < x.end), memo);
      for (const e of edits) {
        const d: Detection = e.name
          ? { start: e.start, end: e.end, kind: 'person', text: text.slice(e.start, e.end), confidence: 0.9, replacement: e.replacement, name: e.name }
          : { start: e.start, end: e.end, kind: 'reference', text: text.slice(e.start, e.end), confidence: 0.9, replacement: '' };
        // the name edit covers mapped matches inside it ('Helen Fraser Social Worker' initialled whole)
        for (let k = out.length - 1; k >= 0; k--) {
          const o = out[k];
          if (o && o.start >= d.start && o.end <= d.end && (o.kind === 'mapped-name' || o.replacement === '')) out.splice(k, 1);
        }
        out.push(d);
        taken.add(d);
      }
    } else {
      // what the mapped matcher judged an ordinary use ('the Rose and Crown', 'Will review') is no unmapped name either
      const judged = scan.ambiguous.filter((a) => a.reason === 'context');
      const excluded = (a: number, b: number): boolean => taken.overlaps(a, b) || judged.some((j) => j.start < b && a < j.end);
      for (const n of detectPersonNames(text, { exclude: excluded, ...(memo ? { memo } : {}), ignore: ownWords, ...(opts.nlp ? { nlp: true } : {}) })) {
        // a collar number before the name may already be an identifier: then replace from the name itself
        const start = taken.overlaps(n.start, n.end) ? text.indexOf(n.parts[0] ?? '', n.start) : n.start;
        if (start < 0 || taken.overlaps(start, n.end)) continue;
        const name = (n.title ? `${n.title} ` : '') + n.parts.join(' ');
        const d: Detection = { start, end: n.end, kind: 'person', text: text.slice(start, n.end), confidence: n.confidence, replacement: n.replacement, name };
        out.push(d);
        taken.add(d);
      }
    }
    // a mapped name part that names someone else, where the unmapped detector found no name around it: initialled as written
    for (const o of scan.others) {
      const over = out.filter((d) => d.start < o.end && o.start < d.end);
      if (over.some((d) => d.confidence >= REPLACE_AT)) continue;
      // a weak candidate run that holds a mapped name part is a name: it is replaced ('Kowalczyk Llyr Williams')
      const weak = over.find((d) => d.kind === 'person');
      if (weak) {
        weak.confidence = Math.max(weak.confidence, 0.7);
        continue;
      }
      if (over.length > 0) continue;
      // the other person's whole name as written ('Graham Hill', 'Miss Summer Hayes'), where nothing else took its words
      // (an unmapped name found for the neighbour alone joins it: 'Hayes' of 'Summer Hayes' is one name, 'SH')
      let whole: { start: number; end: number } = o;
      if (o.whole) {
        const w = o.whole;
        const beside = out.filter((d) => d.start < w.end && w.start < d.end);
        if (beside.every((d) => d.kind === 'person' && d.start >= w.start && d.end <= w.end)) {
          for (const d of beside) out.splice(out.indexOf(d), 1);
          whole = w;
        }
      }
      const written = text.slice(whole.start, whole.end);
      const d: Detection = { start: whole.start, end: whole.end, kind: 'person', text: written, confidence: 0.7, replacement: asWritten(written), name: written };
      out.push(d);
      taken.add(d);
    }
    // a full date right after a name is a date of birth ('FIELD, Hope (12/07/1990)')
    const nameEnds = out.filter((d) => d.kind === 'mapped-name' || d.kind === 'person').map((d) => d.end);
    // … or after initials, as minutes write people ('V JS (19/08/1994)', 'H.D. (P's brother, 21/12/1987)')
    for (const m of text.matchAll(INITIALS_TOKEN)) if (m[0].includes('.') || (ownInitials.has(m[0]) && !isAllowListed(m[0].toLowerCase()) && !isTitle(m[0]))) nameEnds.push(m.index + m[0].length);
    // … or after the NHS number written right after the name ('Bikash Pun NHS 543 231 9489 (03/06/2009)')
    for (const d of out) if (d.kind === 'nhs-number' && nameEnds.some((e) => e <= d.start && d.start - e <= 6)) nameEnds.push(d.end);
    for (const s of datesOfBirthAfterNames(text, nameEnds, { namesField: field === 'names' })) {
      if (taken.overlaps(s.start, s.end)) continue;
      out.push({ start: s.start, end: s.end, kind: s.kind, text: s.text, confidence: s.confidence, replacement: s.replacement });
      taken.add(s);
    }
    for (const a of scan.ambiguous) {
      if (a.finding === undefined || taken.overlaps(a.start, a.end)) continue;
      const person = people[a.personIndex];
      out.push({ start: a.start, end: a.end, kind: 'mapped-name', text: a.text, confidence: a.finding, replacement: person?.initials ?? 'X', person: a.personIndex });
      taken.add(a);
    }
    if (text !== original) for (const d of out) d.text = original.slice(d.start, d.end);
    return out.sort((a, b) => a.start - b.start);
  }

  return { map, detect };
}

/**
 * Detections the anonymiser writes over: confident enough, and not settled by the chair's decision. A decision never
 * un-replaces a mapped person: "not a name" on 'Grace' settles the kept ordinary uses of the word, never Grace
 * herself (to publish a mapped person's name, take them out of the map).
 */
export function replaces(d: Detection, decided: (text: string) => boolean): boolean {
  return d.confidence >= REPLACE_AT && (d.kind === 'mapped-name' || !decided(d.text));
}
