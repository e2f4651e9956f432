// Token sets as sorted integer ids from one shared dictionary: the same sets as tokenSet, cheaper to compare.
import { tokenSet } from './similarity.js';

/** Printable ASCII and curly apostrophes: NFKC changes none of it, so no normalisation is needed. */
const PLAIN = /^[ -~\t\n\r\u2018\u2019]*$/;

/** Interns tokens: equal strings get equal ids, so integer sets compare exactly as tokenSet's string sets do. */
export class TokenDictionary {
  private readonly ids = new Map<string, number>();
  /** Per id, the last item that held it (dedupes a text's tokens without a Set). */
  private stamp = new Int32Array(1024);
  private item = 0;

  get size(): number {
    return this.ids.size;
  }

  private id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(token, id);
      if (id >= this.stamp.length) {
        const grown = new Int32Array(this.stamp.length * 2);
        grown.set(this.stamp);
        this.stamp = grown;
      }
    }
    return id;
  }

  private add(out: number[], token: string): void {
    const id = this.id(token);
    if (this.stamp[id] === this.item) return;
    this.stamp[id] = this.item;
    out.push(id);
  }

  /** tokenSet(text) as ids, sorted ascending (the order jaccard needs; any fixed order gives the same scores). */
  tokens(text: string): Int32Array {
    this.item++;
    const out: number[] = [];
    if (PLAIN.test(text)) {
      // tokenSet by hand: runs of ASCII letters and digits, lowercased, apostrophes dropped
      const lower = text.toLowerCase();
      let word = '';
      let from = -1;
      for (let i = 0; i <= lower.length; i++) {
        const c = i < lower.length ? lower.charCodeAt(i) : 32;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          if (from < 0) from = i;
          continue;
        }
        if (from >= 0) word += lower.slice(from, i);
        from = -1;
        // an apostrophe is dropped, joining what is either side of it ("victim's" → victims)
        if (c === 39 || c === 96 || c === 0x2018 || c === 0x2019) continue;
        if (word !== '') this.add(out, word);
        word = '';
      }
    } else {
      for (const t of tokenSet(text)) this.add(out, t);
    }
    return Int32Array.from(out).sort();
  }
}
