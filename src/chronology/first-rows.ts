// Finds the first earlier row whose cells are all the same as this row's (the duplicate-row warning), cheaply for 100 000 rows.

/** Different rows sharing a fingerprint are compared part by part up to this many; past it, by their whole key. */
const SMALL_BUCKET = 8;
const FNV_PRIME = 0x01000193;
const SHORT_PART = 32;

type Seen = { key: readonly string[]; row: number };

/** The parts as one string, each prefixed by its length: equal exactly when the parts are. */
const wholeKey = (parts: readonly string[]): string => parts.map((p) => `${p.length}:${p}`).join('');

const sameParts = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * A number that equal keys share: every part's length, every character of a short part (dates, times, names), and
 * 16 characters spread over a long one plus its last 16 (where reference numbers sit). Reading a few characters
 * instead of hashing whole narratives is what makes this cheap; rows that collide are told apart in `FirstRows`.
 */
export function fingerprint(key: readonly string[]): number {
  let h = 0x811c9dc5 ^ key.length;
  for (const part of key) {
    const n = part.length;
    h = Math.imul(h ^ n, FNV_PRIME);
    if (n <= SHORT_PART) {
      for (let i = 0; i < n; i++) h = Math.imul(h ^ part.charCodeAt(i), FNV_PRIME);
    } else {
      for (let i = 0; i < 16; i++) h = Math.imul(h ^ part.charCodeAt((i * n) >> 4), FNV_PRIME);
      for (let i = n - 16; i < n; i++) h = Math.imul(h ^ part.charCodeAt(i), FNV_PRIME);
    }
  }
  return h;
}

export class FirstRows {
  /** By fingerprint: the few rows that have it, or (once more rows share it than SMALL_BUCKET) a map by whole key. */
  private readonly byPrint = new Map<number, Seen[] | Map<string, number>>();

  /** The first row seen with this key, or `row` itself (then remembered) when there is none. */
  firstWith(key: readonly string[], row: number): number {
    const print = fingerprint(key);
    const bucket = this.byPrint.get(print);
    if (bucket === undefined) {
      this.byPrint.set(print, [{ key, row }]);
      return row;
    }
    if (Array.isArray(bucket)) {
      for (const seen of bucket) if (sameParts(seen.key, key)) return seen.row;
      if (bucket.length < SMALL_BUCKET) {
        bucket.push({ key, row });
        return row;
      }
      // Many different rows share this fingerprint (a file made to collide): comparing each new row with all of
      // them would take quadratic time, so from here on the bucket goes by whole key.
      const byWhole = new Map(bucket.map((s) => [wholeKey(s.key), s.row]));
      byWhole.set(wholeKey(key), row);
      this.byPrint.set(print, byWhole);
      return row;
    }
    const whole = wholeKey(key);
    const first = bucket.get(whole);
    if (first !== undefined) return first;
    bucket.set(whole, row);
    return row;
  }
}
