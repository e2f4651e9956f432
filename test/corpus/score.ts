// Pure scoring of one anonymisation run against the corpus labels: the figures of issue #16's table, per split.
import type { Label, LabelKind } from './load-corpus.js';
import { IDENTIFIER_LABELS } from './load-corpus.js';

/** What the anonymiser replaced in one entry (original offsets), and who it said a name was. */
export interface Replaced {
  start: number;
  end: number;
  kind: string;
  replacement: string;
  person?: number;
  shared?: boolean;
}

/** Everything it found, replaced or not (for "flagged"): offsets and confidence. */
export interface Found {
  start: number;
  end: number;
  kind: string;
  confidence: number;
}

export interface ScoredEntry {
  text: string;
  labels: readonly Label[];
  replaced: readonly Replaced[];
  found: readonly Found[];
  /** Each mapped person's initials: a mention already written as them ('Victim HP, perp MW') identifies no one more. */
  initials?: readonly string[];
}

export interface Count {
  labels: number;
  left: number;
}

export interface Figures {
  entries: number;
  /** Mentions of mapped people (and ambiguous ones) whose text survives in the output. */
  mapped: Count;
  /** Unmapped names: left unchanged, and the detector's precision (its replacements that touch no name). */
  unmapped: Count & { replacements: number; falsePositives: number };
  identifiers: Record<(typeof IDENTIFIER_LABELS)[number], Count>;
  terms: Count;
  /** Organisation-like names the chair should see: raised (any finding) or not. */
  organisations: { labels: number; missed: number };
  /** Ordinary words (and published places) that the output changed. */
  words: { labels: number; damaged: number };
  places: { labels: number; damaged: number; flagged: number };
  /** Mentions given another mapped person's initials (or, for an ambiguous one, one person's by guess), and names initialled twice. */
  wrongAttribution: number;
  doubled: number;
  /** Entries with any label left (names, identifiers, terms). */
  leakingEntries: number;
  /** Where they are, as entry indexes with the label's kind: never text. */
  misses: { entry: number; kind: LabelKind }[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Words of a name label that identify no one and the output keeps by design: a title ('Mrs'), a lone initial ('A.'),
 * a generational suffix ('Senior'), a possessive ending ("'s"). Some writers put them inside the label.
 */
const KEPT_WORD = /^(?:mr|mrs|ms|miss|mx|dr|doctor|prof|pc|dc|ds|di|sgt|nurse|sister|rev|cllr|senior|snr|sr|junior|jnr|jr|\p{L}\.?)$/iu;

/** Every letter and digit of the label (bar the kept words of a name) lies inside some replacement. */
function covered(text: string, label: Label, replaced: readonly Replaced[]): boolean {
  const isName = label.kind === 'mapped' || label.kind === 'amb' || label.kind === 'person';
  for (const m of text.slice(label.start, label.end).matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*\.?/gu)) {
    const word = m[0];
    if (isName && KEPT_WORD.test(word)) continue;
    const from = label.start + m.index;
    const to = from + word.replace(/['’]s$/u, '').length;
    for (let i = from; i < to; i++) {
      if (!WORD_CHAR.test(text.charAt(i))) continue;
      if (!replaced.some((r) => r.start <= i && i < r.end)) return false;
    }
  }
  return true;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const NAME_LABELS = new Set<LabelKind>(['mapped', 'amb', 'person']);

export function emptyFigures(): Figures {
  const identifiers = Object.fromEntries(IDENTIFIER_LABELS.map((k) => [k, { labels: 0, left: 0 }])) as Figures['identifiers'];
  return {
    entries: 0, mapped: { labels: 0, left: 0 }, unmapped: { labels: 0, left: 0, replacements: 0, falsePositives: 0 }, identifiers,
    terms: { labels: 0, left: 0 }, organisations: { labels: 0, missed: 0 }, words: { labels: 0, damaged: 0 },
    places: { labels: 0, damaged: 0, flagged: 0 }, wrongAttribution: 0, doubled: 0, leakingEntries: 0, misses: [],
  };
}

/** Adds one entry's outcome to the figures. `index` is its position in the split, for the misses list. */
export function scoreEntry(f: Figures, e: ScoredEntry, index: number): boolean {
  f.entries += 1;
  let leaked = false;
  const miss = (kind: LabelKind): void => {
    leaked = true;
    f.misses.push({ entry: index, kind });
  };
  for (const l of e.labels) {
    const asInitials = l.kind === 'mapped' && l.index !== undefined && e.text.slice(l.start, l.end).replace(/[.\s]/gu, '') === e.initials?.[l.index];
    const isCovered = asInitials || covered(e.text, l, e.replaced);
    const touching = e.replaced.filter((r) => overlaps(r, l));
    switch (l.kind) {
      case 'mapped':
      case 'amb': {
        f.mapped.labels += 1;
        if (!isCovered) {
          f.mapped.left += 1;
          miss(l.kind);
        }
        const names = touching.filter((r) => r.kind === 'mapped-name' || r.kind === 'person');
        if (names.some((r) => r.kind === 'mapped-name' && !r.shared && r.person !== undefined && (l.kind === 'amb' || r.person !== l.index))) f.wrongAttribution += 1;
        if (names.length > 1 && new Set(names.map((r) => r.replacement)).size < names.length) f.doubled += 1;
        break;
      }
      case 'person':
        f.unmapped.labels += 1;
        if (!isCovered) {
          f.unmapped.left += 1;
          miss('person');
        }
        if (touching.some((r) => r.kind === 'mapped-name' && !r.shared)) f.wrongAttribution += 1;
        break;
      case 'term':
        f.terms.labels += 1;
        if (!isCovered) {
          f.terms.left += 1;
          miss('term');
        }
        break;
      case 'org':
        f.organisations.labels += 1;
        if (!e.found.some((x) => overlaps(x, l))) f.organisations.missed += 1;
        break;
      case 'word':
        f.words.labels += 1;
        if (touching.length > 0) f.words.damaged += 1;
        break;
      case 'place':
        f.places.labels += 1;
        if (touching.length > 0) f.places.damaged += 1;
        if (e.found.some((x) => overlaps(x, l) && (x.kind === 'person' || x.kind === 'mapped-name'))) f.places.flagged += 1;
        break;
      default: {
        const id = f.identifiers[l.kind];
        id.labels += 1;
        if (!isCovered) {
          id.left += 1;
          miss(l.kind);
        }
      }
    }
  }
  for (const r of e.replaced) {
    if (r.kind !== 'person') continue;
    f.unmapped.replacements += 1;
    if (!e.labels.some((l) => NAME_LABELS.has(l.kind) && overlaps(l, r))) f.unmapped.falsePositives += 1;
  }
  if (leaked) f.leakingEntries += 1;
  return leaked;
}

export const rate = (n: number, of: number): string => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);
