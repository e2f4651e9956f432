// Written forms of a mapped name that no variant spells: a handle made of it ('joy.siriporn') and a family together by
// its surname in the plural ('the Wards'). Both give candidates for the matcher (name-matcher.ts).
import type { Person } from '../types.js';
import type { Candidate, PatternData } from './mention-neighbours.js';
import { foldToken } from './name-tokens.js';

/** A messaging or social-media handle: words joined by dots, not an e-mail address's or a file's name. */
const HANDLE = /(?<![\p{L}\d@./])\p{L}[\p{L}\d]*(?:\.[\p{L}\d]+)+(?![\p{L}\d@]|\.[\p{L}\d])/gu;
const FILE_END = /\.(?:docx?|xlsx?|pdf|jpe?g|png|gif|csv|txt|html?|msg|eml|zip|mp[34]|mov|heic|odt|ods)$/iu;
const HANDLE_KINDS = new Set(['first', 'surname', 'alias', 'middle']);

export function nameHandles(text: string, byPattern: ReadonlyMap<string, PatternData>): Candidate[] {
  const out: Candidate[] = [];
  if (!/\p{L}\.\p{L}/u.test(text)) return out;
  for (const m of text.matchAll(HANDLE)) {
    if (FILE_END.test(m[0]) || /^(?:\p{L}\.)+\p{L}?$/u.test(m[0])) continue; // a file, or initials ('A.C.')
    const parts = m[0].split(/[.\d]+/u).filter((p) => p.length >= 3);
    for (const part of parts) {
      const data = byPattern.get(foldToken(part));
      const persons = data ? data.persons.filter((_, i) => HANDLE_KINDS.has(data.kinds[i] ?? '')) : [];
      if (!data || persons.length === 0) continue;
      out.push({ start: m.index, end: m.index + m[0].length, data: { persons, kinds: persons.map(() => 'full'), context: 'plain', multi: true }, confidence: 0.8, reason: 'context' });
      break;
    }
  }
  return out;
}

/** 'the Wards', 'The Kents', 'them Marshes': the plural of a mapped surname after 'the' names the family together. */
const FAMILY_PLURAL = /(?<![\p{L}])(?:the|The|THE|them|Them)[ \t]+(\p{Lu}[\p{L}'’-]+?)(e?s)(?![\p{L}])/gu;

export function familyPlurals(text: string, byPattern: ReadonlyMap<string, PatternData>): Candidate[] {
  const out: Candidate[] = [];
  if (!/[Tt]he/u.test(text)) return out;
  for (const m of text.matchAll(FAMILY_PLURAL)) {
    const stem = m[1] ?? '';
    const data = byPattern.get(foldToken(stem));
    if (!data || !data.kinds.some((k) => k === 'surname')) continue;
    const start = m.index + m[0].length - stem.length - (m[2] ?? '').length;
    const persons = data.persons.filter((_, i) => data.kinds[i] === 'surname');
    out.push({ start, end: start + stem.length + (m[2] ?? '').length, data: { persons, kinds: persons.map(() => 'surname'), context: 'plain', multi: false }, confidence: 0.85, reason: 'context', asWritten: true });
  }
  return out;
}

/** A word ending in 's' whose stem is a mapped name and which is no word itself: a possessive without its apostrophe ('sunnys car', 'at kullys'). */
const BARE_POSSESSIVE = /(?<![\p{L}\d'’.@_-])(\p{L}{3,}?)(s)(?![\p{L}\d'’@_-])/gu;
const POSSESSIVE_KINDS = new Set(['first', 'alias', 'surname', 'middle']);

export function barePossessives(text: string, byPattern: ReadonlyMap<string, PatternData>, isWord: (w: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(BARE_POSSESSIVE)) {
    const stem = m[1] ?? '';
    const data = byPattern.get(foldToken(stem));
    if (!data || data.multi) continue;
    const whole = foldToken(m[0]);
    if (byPattern.has(whole) || isWord(whole) || isWord(m[0].toLowerCase())) continue;
    const persons = data.persons.filter((_, i) => POSSESSIVE_KINDS.has(data.kinds[i] ?? ''));
    if (persons.length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, data: { persons, kinds: persons.map((p) => data.kinds[data.persons.indexOf(p)] ?? 'first'), context: 'plain', multi: false }, confidence: 0.75, reason: 'context' });
  }
  return out;
}

/** A double-barrelled name: capitalised pieces joined by hyphens ('Nowak-Wróblewska', 'NOWAK-WROBLEWSKA'). */
const COMPOUND = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)+(?![\p{L}\p{N}-])/gu;
const COMPOUND_KINDS = new Set(['first', 'middle', 'surname', 'alias', 'part']);

/**
 * A double-barrelled name whose every piece is a name of one mapped person (a maiden name joined to a married one,
 * 'Agnieszka Nowak-Wróblewska'): that person, whole. Pieces of different people's names stay apart ('Field-Hughes').
 */
export function compoundNames(text: string, byPattern: ReadonlyMap<string, PatternData>): Candidate[] {
  const out: Candidate[] = [];
  if (!text.includes('-')) return out;
  for (const m of text.matchAll(COMPOUND)) {
    if (byPattern.has(foldToken(m[0]))) continue; // a variant spells it already
    let common: number[] | null = null;
    for (const piece of m[0].split('-')) {
      const data = byPattern.get(foldToken(piece));
      const persons = data ? data.persons.filter((_, i) => COMPOUND_KINDS.has(data.kinds[i] ?? '')) : [];
      common = common === null ? persons : common.filter((p) => persons.includes(p));
      if (common.length === 0) break;
    }
    if (!common || common.length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, data: { persons: common, kinds: common.map(() => 'full'), context: 'plain', multi: true }, confidence: 0.85, reason: 'context' });
  }
  return out;
}

/** A surname's particle written before a mention ('Mrs da Graça Sousa', 'Maria das Graças'). */
const PARTICLE_BEFORE = /(?:^|[\s(])((?:da|das|do|dos|de|del|della|di|du|van|von|der|den|ter|ten|la|le|bin|ibn|al|el|ap|ab|ní|nic|ó)[ \t]+)$/iu;

/**
 * Takes into a mention the particle written before it when the person's own name has that particle ('Mrs da GS'
 * would leave 'da' beside the initials; 'Siôn ap Rhys' is one name), so the title before it is found and the pieces join.
 */
export function withParticles(text: string, accepted: Candidate[], people: readonly Person[]): Candidate[] {
  // (in place: the same candidates are looked up afterwards, as unsure ones)
  for (const c of accepted) {
    const m = PARTICLE_BEFORE.exec(text.slice(Math.max(0, c.start - 8), c.start));
    if (!m?.[1]) continue;
    const particle = foldToken(m[1].trim());
    if (c.data.persons.some((p) => (people[p]?.name ?? '').split(/\s+/u).some((w) => foldToken(w) === particle))) c.start -= m[1].length;
  }
  return accepted;
}
