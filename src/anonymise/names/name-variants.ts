// Every written form of a mapped person's names, folded for matching, each with the context it needs to count.
import type { Person } from '../types.js';
import { PARTICLES, splitName } from './initials.js';
import { isTitle } from './name-context.js';
import { wordClass } from './lexicon.js';
import { foldWord } from './normalise.js';

/**
 * How a variant may be matched:
 * - plain: always, any case ('sarah' in a GP note is Sarah);
 * - phrase: a whole name made of ordinary words, any case ('Hope Field', and 'caller hope field' in a pasted log);
 * - caps: only capitalised (an initial and an ordinary-word surname, 'M Wood', where 'm wood' is text);
 * - common: capitalised and the context says a person (a one-word ordinary word: Mark, Grace, Brown);
 * - strict: only with a strong cue — title, relationship word, possessive, speech verb (May, June, Black, White).
 */
export type VariantContext = 'plain' | 'phrase' | 'caps' | 'common' | 'strict';

export type VariantKind =
  | 'full' | 'first-last' | 'first' | 'middle' | 'first-middle' | 'surname' | 'part' | 'initial-surname' | 'surname-first' | 'alias'
  /** A middle name and the surname: the person known by it, or (where the middle name is the father's) the father. */
  | 'middle-last';

export interface Variant {
  /** Folded form (lowercase, no diacritics, ' for apostrophes, single spaces). */
  pattern: string;
  person: number;
  kind: VariantKind;
  context: VariantContext;
}

function contextOf(pattern: string): VariantContext {
  const all = pattern.split(/[\s-]+/u).map((w) => w.replace(/[.,']/gu, '')).filter((w) => w.length > 0);
  const words = all.filter((w) => w.length > 1);
  if (words.length === 0) return 'caps';
  const classes = words.map(wordClass);
  if (classes.some((c) => c === 'plain')) return 'plain';
  if (all.length > words.length) return 'caps';
  if (pattern.includes(' ')) return 'phrase';
  return classes[0] ?? 'common';
}

/** Forms of one name string ('Mark James Reid', or an alias such as 'Baz' or a maiden name). */
function formsOfName(name: string, aliasOnly: boolean): [string, VariantKind][] {
  const out: [string, VariantKind][] = [];
  const parts = splitName(name);
  const first = foldWord(parts.first);
  if (!first) return out;
  const add = (form: string, kind: VariantKind): void => {
    const f = foldWord(form).replace(/\s+/gu, ' ');
    const bare = f.replace(/[.,']/gu, '');
    // a title alone names no one, unless the chair listed it as the person's alias ('DJ' is also a District Judge)
    if (bare.length < 2 || PARTICLES.has(bare) || (isTitle(form.trim()) && !(aliasOnly && form.trim() === name.trim()))) return;
    out.push([f, aliasOnly ? 'alias' : kind]);
  };
  add([parts.first, ...parts.middles, parts.surname].join(' '), 'full');
  add(parts.first, 'first');
  // hyphenated or apostrophe'd words: each part, the parts spaced, and the word without its apostrophe
  const addWordForms = (word: string, kind: VariantKind): void => {
    add(word, kind);
    if (/-/u.test(word)) {
      add(word.replace(/-/gu, ' '), kind);
      // (joined, as a line-end hyphen folds in capitals: 'OWUSU-⏎MENSAH')
      add(word.replace(/-/gu, ''), kind);
      for (const piece of word.split('-')) add(piece, 'part');
    }
    if (/['’]/u.test(word)) {
      add(word.replace(/['’]/gu, ''), kind);
      add(word.replace(/['’]/gu, ' '), kind);
    }
  };
  addWordForms(parts.first, 'first');
  // middle names alone ('Marie'), and a double given name as written without the surname ('Anh Thu')
  for (const m of parts.middles) addWordForms(m, 'middle');
  if (parts.middles.length > 0) add(`${parts.first} ${parts.middles.join(' ')}`, 'first-middle');
  if (!parts.surname) return out;
  const surnames = new Set([parts.surname, parts.surnameCore]);
  for (const s of surnames) {
    addWordForms(s, 'surname');
    add(`${parts.first} ${s}`, 'first-last');
    if (/-/u.test(s)) for (const piece of s.split('-')) add(`${parts.first} ${piece}`, 'first-last');
    if (/['’]/u.test(s)) add(`${parts.first} ${s.replace(/['’]/gu, '')}`, 'first-last');
    add(`${s}, ${parts.first}`, 'surname-first');
    add(`${s} ${parts.first}`, 'surname-first');
    // PNC style: 'WOOD/DAWN', 'MACLEOD/CALUM IAIN'
    add(`${s}/${parts.first}`, 'surname-first');
    if (parts.middles.length > 0) add(`${s}/${parts.first} ${parts.middles.join(' ')}`, 'surname-first');
    const f = parts.first.charAt(0);
    const ms = parts.middles.map((m) => m.charAt(0));
    add(`${f} ${s}`, 'initial-surname');
    // a login or a file name: initial and surname run together ('C:/Users/lmarsh', 'jsmith@')
    if (s.length >= 4 && !/[\s'’-]/u.test(s)) add(`${f}${s}`, 'initial-surname');
    add(`${f}. ${s}`, 'initial-surname');
    add(`${s}, ${f}`, 'surname-first');
    add(`${s}, ${f}.`, 'surname-first');
    add(`${s} ${f}`, 'surname-first');
    if (ms.length > 0) {
      add(`${parts.first} ${parts.middles.join(' ')} ${s}`, 'full');
      add(`${[f, ...ms].join(' ')} ${s}`, 'initial-surname');
      add(`${[f, ...ms].map((x) => `${x}.`).join(' ')} ${s}`, 'initial-surname');
      add(`${[f, ...ms].map((x) => `${x}.`).join('')} ${s}`, 'initial-surname');
      add(`${[f, ...ms].join('')} ${s}`, 'initial-surname');
      add(`${parts.first} ${ms.join(' ')} ${s}`, 'full');
      add(`${parts.first} ${ms.map((x) => `${x}.`).join(' ')} ${s}`, 'full');
      add(`${s} ${parts.first} ${parts.middles.join(' ')}`, 'surname-first');
      add(`${s} ${[f, ...ms].join(' ')}`, 'surname-first');
      add(`${s}, ${[f, ...ms].join(' ')}`, 'surname-first');
      add(`${s}, ${parts.first} ${parts.middles.join(' ')}`, 'surname-first');
      for (const m of parts.middles) add(`${m} ${s}`, 'middle-last');
    }
  }
  return out;
}

/** All variants of one person: each name and alias, each in every form above. */
export function personVariants(person: Person, index: number): Variant[] {
  const seen = new Set<string>();
  const out: Variant[] = [];
  const names: [string, boolean][] = [[person.name, false], ...person.aliases.map((a): [string, boolean] => [a, true])];
  // a one-word alias (a nickname) with the surname, as agencies write it ('Bridie Ward', 'WARD Bridie')
  const surname = splitName(person.name).surname;
  if (surname) {
    for (const a of person.aliases) {
      if (/\s/u.test(a.trim()) || a.trim().length < 2 || isTitle(a.trim())) continue;
      names.push([`${a.trim()} ${surname}`, true]);
    }
  }
  for (const [name, isAlias] of names) {
    for (const [pattern, kind] of formsOfName(name, isAlias)) {
      if (seen.has(pattern)) continue;
      seen.add(pattern);
      out.push({ pattern, person: index, kind, context: contextOf(pattern) });
    }
  }
  return out;
}

/** Variants of a whole map. The same pattern may appear for several people (two Reids). */
export function mapVariants(people: Person[]): Variant[] {
  return people.flatMap((p, i) => personVariants(p, i));
}
