// What a re-upload changed (DESIGN §4): entries of two versions of one agency's chronology matched by date, time
// and text similarity (the duplicate detector's), as added, removed and changed with the fields that changed. Pure.
import type { TimelineEntry } from '../chronology/types.js';
import { jaccard, similarIdPairs, type IdItem } from '../timeline/similarity.js';
import { TokenDictionary } from '../timeline/token-ids.js';

/** The fields a change is reported in, in this order; an entry equal in all of them is unchanged. */
export const DIFF_FIELDS = ['date', 'time', 'agency', 'source', 'professional', 'contact', 'event', 'outcome', 'seen', 'comment', 'extra'] as const;

export type DiffField = (typeof DIFF_FIELDS)[number];

/** Same day: texts this similar are one entry edited. */
export const SAME_DAY_SIMILARITY = 0.5;
/** Same day and the same time of day: a weaker likeness is enough. */
export const SAME_TIME_SIMILARITY = 0.25;
/** A different date: only a near-identical text says the date was corrected rather than one entry removed and another added. */
export const MOVED_SIMILARITY = 0.8;

export interface Change<E> {
  before: E;
  after: E;
  fields: DiffField[];
  /** Token-set similarity of the two texts (event and outcome), 0..1. */
  similarity: number;
}

export interface VersionDiff<E> {
  added: E[];
  removed: E[];
  changed: Change<E>[];
  unchanged: number;
}

const valueOf = (e: TimelineEntry, f: DiffField): string => {
  if (f === 'extra') return JSON.stringify(Object.entries(e.extra).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const v = e[f];
  return v === null ? '\u0000' : String(v);
};

const fieldsChanged = (a: TimelineEntry, b: TimelineEntry): DiffField[] => DIFF_FIELDS.filter((f) => valueOf(a, f) !== valueOf(b, f));

/** The text compared, as the duplicate detector compares it. */
const textOf = (e: TimelineEntry): string => `${e.event} ${e.outcome ?? ''}`;

interface Candidate {
  a: number;
  b: number;
  similarity: number;
  score: number;
}

/** Entries with exactly equal fields pair first, in order: what is left is what changed. */
function pairIdentical(before: readonly TimelineEntry[], after: readonly TimelineEntry[]): { pairs: number; restA: number[]; restB: number[] } {
  const waiting = new Map<string, number[]>();
  const key = (e: TimelineEntry): string => DIFF_FIELDS.map((f) => valueOf(e, f)).join('\u0001');
  after.forEach((e, j) => {
    const k = key(e);
    const list = waiting.get(k);
    if (list) list.push(j);
    else waiting.set(k, [j]);
  });
  const matchedB = new Set<number>();
  const restA: number[] = [];
  let pairs = 0;
  before.forEach((e, i) => {
    const j = waiting.get(key(e))?.shift();
    if (j === undefined) restA.push(i);
    else {
      matchedB.add(j);
      pairs++;
    }
  });
  return { pairs, restA, restB: after.map((_, j) => j).filter((j) => !matchedB.has(j)) };
}

/** Pairs of left-over entries that may be one entry edited, scored: same date first, then same time, then likeness. */
function candidates(before: readonly TimelineEntry[], after: readonly TimelineEntry[], restA: readonly number[], restB: readonly number[]): Candidate[] {
  const dict = new TokenDictionary();
  const tokens = new Map<string, Int32Array>();
  const tokensOf = (side: 'a' | 'b', i: number, e: TimelineEntry): Int32Array => {
    const k = `${side}${i}`;
    let t = tokens.get(k);
    if (!t) {
      t = dict.tokens(textOf(e));
      tokens.set(k, t);
    }
    return t;
  };
  const out: Candidate[] = [];
  const consider = (i: number, j: number): void => {
    const a = before[i] as TimelineEntry;
    const b = after[j] as TimelineEntry;
    const similarity = jaccard(tokensOf('a', i, a), tokensOf('b', j, b));
    const sameDay = a.date === b.date;
    const sameTime = a.time !== null && a.time === b.time;
    const enough = sameDay ? similarity >= (sameTime ? SAME_TIME_SIMILARITY : SAME_DAY_SIMILARITY) : similarity >= MOVED_SIMILARITY;
    if (enough) out.push({ a: i, b: j, similarity, score: similarity + (sameDay ? 2 : 0) + (sameTime || (a.time === null && b.time === null) ? 1 : 0) });
  };

  // Same date: every pair of the day (a day holds few entries of one agency; a huge day goes through the index).
  const byDate = new Map<string, { a: number[]; b: number[] }>();
  for (const i of restA) {
    const d = (before[i] as TimelineEntry).date;
    const g = byDate.get(d) ?? { a: [], b: [] };
    g.a.push(i);
    byDate.set(d, g);
  }
  for (const j of restB) byDate.get((after[j] as TimelineEntry).date)?.b.push(j);
  for (const g of byDate.values()) {
    if (g.a.length * g.b.length <= 10_000) {
      for (const i of g.a) for (const j of g.b) consider(i, j);
    } else {
      const items: IdItem[] = [...g.a.map((i) => ({ tokens: tokensOf('a', i, before[i] as TimelineEntry), group: 0 })), ...g.b.map((j) => ({ tokens: tokensOf('b', j, after[j] as TimelineEntry), group: 1 }))];
      for (const [x, y] of similarIdPairs(items, SAME_TIME_SIMILARITY, dict.size)) consider(g.a[x] as number, g.b[y - g.a.length] as number);
    }
  }

  // Another date: near-identical texts only, found through the similarity index over both sides.
  const items: IdItem[] = [...restA.map((i) => ({ tokens: tokensOf('a', i, before[i] as TimelineEntry), group: 0 })), ...restB.map((j) => ({ tokens: tokensOf('b', j, after[j] as TimelineEntry), group: 1 }))];
  for (const [x, y] of similarIdPairs(items, MOVED_SIMILARITY, dict.size)) {
    const i = restA[x] as number;
    const j = restB[y - restA.length] as number;
    if ((before[i] as TimelineEntry).date !== (after[j] as TimelineEntry).date) consider(i, j);
  }
  return out;
}

/**
 * Version `before` against version `after`, each in the merged order. Entries equal in every field are unchanged;
 * of the rest, the best-scoring pairs are taken greedily (ties in order of position), each entry at most once; what
 * is left of `before` was removed and of `after` added. Lists come in their version's order (`changed`: the after's).
 */
export function diffVersions<E extends TimelineEntry>(before: readonly E[], after: readonly E[]): VersionDiff<E> {
  const { pairs, restA, restB } = pairIdentical(before, after);
  const found = candidates(before, after, restA, restB).sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const changed: { j: number; change: Change<E> }[] = [];
  for (const c of found) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    const b = before[c.a] as E;
    const a = after[c.b] as E;
    changed.push({ j: c.b, change: { before: b, after: a, fields: fieldsChanged(b, a), similarity: Math.round(c.similarity * 1000) / 1000 } });
  }
  changed.sort((p, q) => p.j - q.j);
  return {
    added: restB.filter((j) => !usedB.has(j)).map((j) => after[j] as E),
    removed: restA.filter((i) => !usedA.has(i)).map((i) => before[i] as E),
    changed: changed.map((c) => c.change),
    unchanged: pairs,
  };
}
