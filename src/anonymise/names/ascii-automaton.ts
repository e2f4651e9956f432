// A table-driven Aho-Corasick automaton for all-ASCII text: the name matcher's fast path beside modern-ahocorasick.

export interface AsciiHit<T> {
  start: number;
  end: number;
  data: T;
}

/**
 * Every occurrence (overlapping ones too) of the ASCII patterns, in the order modern-ahocorasick reports them
 * for ASCII text without '\r' (one symbol per character): by end, then longest first. Patterns with other
 * characters can never occur in such text and are left out. `search` returns null for text it cannot scan
 * (a character above U+007F or a '\r', which the library treats as part of a grapheme cluster).
 */
export class AsciiAutomaton<T> {
  /** Character code → symbol (0: a character no pattern holds). */
  private readonly symbol = new Int32Array(128);
  private readonly symbols: number;
  /** Full transition table, state * symbols + symbol → state. */
  private readonly delta: Int32Array;
  /** Per state, the patterns that end there (its own, then its suffixes', longest first). */
  private readonly outputs: (number[] | undefined)[];
  private readonly lengths: number[];
  private readonly data: T[];

  constructor(patterns: readonly { pattern: string; data: T }[]) {
    // eslint-disable-next-line no-control-regex -- the ASCII range, control characters included
    const usable = patterns.filter((p) => p.pattern.length > 0 && /^[\x00-\x7f]*$/.test(p.pattern) && !p.pattern.includes('\r'));
    let symbols = 1;
    for (const { pattern } of usable) for (let i = 0; i < pattern.length; i++) if (this.symbol[pattern.charCodeAt(i)] === 0) this.symbol[pattern.charCodeAt(i)] = symbols++;
    this.symbols = symbols;
    this.lengths = usable.map((p) => p.pattern.length);
    this.data = usable.map((p) => p.data);
    // the trie, with transitions as a growing flat table (-1: none yet)
    let table = new Int32Array(symbols * 64).fill(-1);
    let states = 1;
    const own: number[][] = [[]];
    usable.forEach(({ pattern }, index) => {
      let s = 0;
      for (let i = 0; i < pattern.length; i++) {
        const at = s * symbols + (this.symbol[pattern.charCodeAt(i)] as number);
        let next = table[at] as number;
        if (next < 0) {
          next = states++;
          own.push([]);
          if (states * symbols > table.length) {
            const grown = new Int32Array(table.length * 2).fill(-1);
            grown.set(table);
            table = grown;
          }
          table[at] = next;
        }
        s = next;
      }
      own[s]?.push(index);
    });
    // breadth-first: failure links, completed transitions and output lists
    const delta = new Int32Array(states * symbols);
    const fail = new Int32Array(states);
    const outputs: (number[] | undefined)[] = new Array<number[] | undefined>(states);
    const queue: number[] = [];
    for (let c = 0; c < symbols; c++) {
      const t = table[c] as number;
      if (t > 0) {
        delta[c] = t;
        queue.push(t);
      }
    }
    outputs[0] = undefined;
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      const mine = own[s] ?? [];
      const inherited = outputs[fail[s] as number] ?? [];
      const all = [...mine.sort((a, b) => (this.lengths[b] as number) - (this.lengths[a] as number)), ...inherited];
      outputs[s] = all.length > 0 ? all : undefined;
      for (let c = 0; c < symbols; c++) {
        const t = table[s * symbols + c] as number;
        if (t > 0) {
          fail[t] = delta[(fail[s] as number) * symbols + c] as number;
          delta[s * symbols + c] = t;
          queue.push(t);
        } else delta[s * symbols + c] = delta[(fail[s] as number) * symbols + c] as number;
      }
    }
    this.delta = delta;
    this.outputs = outputs;
  }

  search(text: string): AsciiHit<T>[] | null {
    const hits: AsciiHit<T>[] = [];
    const { symbol, symbols, delta, outputs, lengths, data } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127 || c === 13) return null;
      s = delta[s * symbols + (symbol[c] as number)] as number;
      const out = outputs[s];
      if (out) for (const p of out) hits.push({ start: i + 1 - (lengths[p] as number), end: i + 1, data: data[p] as T });
    }
    return hits;
  }
}
