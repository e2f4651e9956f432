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

/** |A ∩ B| / |A ∪ B| over two sorted, distinct token lists (as tokenSet gives); two empty sets score 0. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
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

export interface SimilarityItem {
  /** Sorted distinct tokens (from tokenSet). */
  tokens: readonly string[];
  /** Items of the same group are never paired (e.g. the agency). */
  group: string;
}

/** Smallest overlap a set of `size` tokens needs with another for Jaccard ≥ threshold (floating-point safe). */
function minOverlap(size: number, threshold: number): number {
  return Math.max(1, Math.ceil(threshold * size - 1e-9));
}

/** The same against sets no larger than itself: the shorter prefix it needs to put in the index. */
function minOverlapWithSmaller(size: number, threshold: number): number {
  return Math.max(1, Math.ceil(((2 * threshold) / (1 + threshold)) * size - 1e-9));
}

/**
 * Every pair [i, j] (i < j, indexes into items) from different groups whose Jaccard similarity is at least
 * `threshold` (0 < threshold ≤ 1). All-Pairs/PPJoin-style: items are visited smallest first, tokens ordered
 * rarest first; an item probes the index with its probing prefix and then indexes its (shorter) indexing
 * prefix, with a size filter, so large groups of dissimilar texts are not compared pairwise. The set of
 * pairs does not depend on the items' order (only their numbering does).
 */
export function similarPairs(items: readonly SimilarityItem[], threshold: number): [number, number][] {
  const freq = new Map<string, number>();
  for (const it of items) for (const t of it.tokens) freq.set(t, (freq.get(t) ?? 0) + 1);
  const rank = (t: string): number => freq.get(t) ?? 0;
  const ordered = items.map((it) =>
    [...it.tokens].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)),
  );
  const byIndex = ordered.map((_, i) => i).filter((i) => (ordered[i]?.length ?? 0) > 0);
  byIndex.sort((a, b) => (ordered[a]?.length ?? 0) - (ordered[b]?.length ?? 0) || a - b);

  const index = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  for (const x of byIndex) {
    const xt = ordered[x] ?? [];
    const xItem = items[x];
    if (!xItem) continue;
    const prefix = xt.length - minOverlap(xt.length, threshold) + 1;
    const minSize = threshold * xt.length - 1e-9;
    const seen = new Set<number>();
    for (let p = 0; p < prefix; p++) {
      const token = xt[p];
      if (token === undefined) break;
      for (const y of index.get(token) ?? []) {
        if (seen.has(y)) continue;
        seen.add(y);
        const yItem = items[y];
        if (!yItem || yItem.group === xItem.group || yItem.tokens.length < minSize) continue;
        if (jaccard(xItem.tokens, yItem.tokens) >= threshold) pairs.push(x < y ? [x, y] : [y, x]);
      }
    }
    const indexPrefix = xt.length - minOverlapWithSmaller(xt.length, threshold) + 1;
    for (let p = 0; p < indexPrefix; p++) {
      const token = xt[p];
      if (token === undefined) break;
      const list = index.get(token);
      if (list) list.push(x);
      else index.set(token, [x]);
    }
  }
  return pairs;
}
