// Token-set (Jaccard) text similarity and a fast all-pairs search used to flag possible duplicates.

const ASCII = /^[ -~\t\n\r]*$/;

/** Lowercases, drops apostrophes, splits on anything but letters and digits; returns the sorted distinct tokens. */
export function tokenSet(text: string): string[] {
  // Most chronology text is plain ASCII: it needs no Unicode normalisation and a simpler word pattern.
  const ascii = ASCII.test(text);
  const folded = (ascii ? text : text.normalize('NFKC')).toLowerCase().replace(/['’‘`]/gu, '');
  const words = folded.match(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].sort();
}

/**
 * |A ∩ B| / |A ∪ B| over two sorted, distinct lists (tokenSet's strings, or token ids ascending); two empty sets
 * score 0.
 */
export function jaccard<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Token-set similarity of two texts, 0..1. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(tokenSet(a), tokenSet(b));
}

/** Smallest overlap a set of `size` tokens needs with another for Jaccard ≥ threshold (floating-point safe). */
function minOverlap(size: number, threshold: number): number {
  return Math.max(1, Math.ceil(threshold * size - 1e-9));
}

/** The same against sets no larger than itself: the shorter prefix it needs to put in the index. */
function minOverlapWithSmaller(size: number, threshold: number): number {
  return Math.max(1, Math.ceil(((2 * threshold) / (1 + threshold)) * size - 1e-9));
}

export interface IdItem {
  /** Ascending distinct token ids below `vocabulary`. */
  tokens: Int32Array;
  group: number;
}

/**
 * False when two id sets cannot share the |A ∩ B| ≥ t(|A| + |B|)/(1 + t) tokens Jaccard ≥ t needs: the merge walk
 * stops as soon as what is left could not make it up. A bound with slack, so a pair at the threshold itself always
 * goes on to the exact jaccard test.
 */
function reachable(a: Int32Array, b: Int32Array, threshold: number): boolean {
  const need = (threshold * (a.length + b.length)) / (1 + threshold) - 1e-6;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (common + Math.min(a.length - i, b.length - j) < need) return false;
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common >= need;
}

/** Scratch space indexed by token id, kept between calls (zeroed again before each returns). */
let freq = new Int32Array(0);
let postings: (number[] | undefined)[] = [];

/** Sorts ids in place, rarest first (by `freq`), then by id: insertion sort, as token sets are short. */
function sortByRarity(ids: Int32Array): void {
  for (let i = 1; i < ids.length; i++) {
    const t = ids[i] as number;
    const f = freq[t] as number;
    let j = i - 1;
    while (j >= 0) {
      const u = ids[j] as number;
      const g = freq[u] as number;
      if (g < f || (g === f && u < t)) break;
      ids[j + 1] = u;
      j--;
    }
    ids[j + 1] = t;
  }
}

/**
 * similarPairs over integer token ids, the same pairs (as a set) for the same token sets: the prefix filter is
 * exact for any fixed token order, here rarest first, then by id. `vocabulary` bounds the ids.
 */
export function similarIdPairs(items: readonly IdItem[], threshold: number, vocabulary: number): [number, number][] {
  if (freq.length < vocabulary) freq = new Int32Array(Math.max(vocabulary, freq.length * 2));
  for (const it of items) for (const t of it.tokens) freq[t] = (freq[t] as number) + 1;
  const ordered = items.map((it) => {
    const ids = it.tokens.slice();
    sortByRarity(ids);
    return ids;
  });
  for (const it of items) for (const t of it.tokens) freq[t] = 0;
  const byIndex = ordered.map((_, i) => i).filter((i) => (ordered[i]?.length ?? 0) > 0);
  byIndex.sort((a, b) => (ordered[a]?.length ?? 0) - (ordered[b]?.length ?? 0) || a - b);

  const touched: number[] = [];
  const pairs: [number, number][] = [];
  const seen = new Int32Array(items.length).fill(-1);
  for (const x of byIndex) {
    const xt = ordered[x] as Int32Array;
    const xItem = items[x] as IdItem;
    const prefix = xt.length - minOverlap(xt.length, threshold) + 1;
    const minSize = threshold * xt.length - 1e-9;
    for (let p = 0; p < prefix && p < xt.length; p++) {
      const list = postings[xt[p] as number];
      if (!list) continue;
      for (const y of list) {
        if (seen[y] === x) continue;
        seen[y] = x;
        const yItem = items[y] as IdItem;
        if (yItem.group === xItem.group || yItem.tokens.length < minSize) continue;
        if (reachable(xItem.tokens, yItem.tokens, threshold) && jaccard(xItem.tokens, yItem.tokens) >= threshold) pairs.push(x < y ? [x, y] : [y, x]);
      }
    }
    const indexPrefix = xt.length - minOverlapWithSmaller(xt.length, threshold) + 1;
    for (let p = 0; p < indexPrefix && p < xt.length; p++) {
      const token = xt[p] as number;
      const list = postings[token];
      if (list) list.push(x);
      else {
        postings[token] = [x];
        touched.push(token);
      }
    }
  }
  for (const t of touched) postings[t] = undefined;
  if (postings.length > 65536) postings = [];
  return pairs;
}
