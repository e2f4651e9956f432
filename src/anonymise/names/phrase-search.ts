// Finds whole-word occurrences of folded phrases in a text (any case, diacritics typed or not), with original offsets.
import AhoCorasick from 'modern-ahocorasick';
import { AsciiAutomaton } from './ascii-automaton.js';
import { foldText, isWordCode, type FoldedText } from './normalise.js';

/** One occurrence: `start..end` in the original text; `ns..ne` in `norm`, the folded text it was found in. */
export interface PhraseHit<T> {
  start: number;
  end: number;
  ns: number;
  ne: number;
  data: T;
}

/**
 * The last text folded, with its folding: the pipeline searches each text for the map's protected terms and then for
 * its people, two automata over the same folded text. The folding is never changed by a search.
 */
let lastText: string | undefined;
let lastFolded: FoldedText | undefined;

function folded(text: string): FoldedText {
  if (lastFolded === undefined || text !== lastText) {
    lastFolded = foldText(text);
    lastText = text;
  }
  return lastFolded;
}

/** Built once per set of phrases (a case's map); reuse it for every text. */
export class PhraseSearch<T> {
  private readonly patterns: readonly { pattern: string; data: T }[];
  /** The grapheme-aware library's automaton, built the first time a text needs it. */
  private ac: AhoCorasick<T> | undefined;
  private readonly ascii: AsciiAutomaton<T>;
  readonly size: number;

  constructor(patterns: readonly { pattern: string; data: T }[]) {
    this.size = patterns.length;
    this.patterns = patterns;
    // most folded text is plain ASCII: a flat table scans it several times faster than the grapheme-aware library,
    // which many maps' texts never need
    this.ascii = new AsciiAutomaton(patterns);
  }

  private library(): AhoCorasick<T> {
    this.ac ??= new AhoCorasick<T>(this.patterns);
    return this.ac;
  }

  /** Every whole-word occurrence (overlapping ones too), and the folded text they were found in. */
  search(text: string): { norm: string; hits: PhraseHit<T>[] } {
    if (!text || this.size === 0) return { norm: '', hits: [] };
    const { norm, starts, ends } = folded(text);
    const hits: PhraseHit<T>[] = [];
    for (const hit of this.ascii.search(norm) ?? this.library().search(norm)) {
      const ns = hit.start;
      const ne = hit.end;
      if (hit.data === undefined || ne <= ns) continue;
      if (ns > 0) {
        const left = norm.charCodeAt(ns - 1);
        if (isWordCode(left)) continue;
        if (left === 39 && ns > 1 && isWordCode(norm.charCodeAt(ns - 2))) continue; // inside O'Connor
      }
      if (ne < norm.length && isWordCode(norm.charCodeAt(ne))) continue;
      const start = starts ? (starts[ns] ?? 0) : ns;
      const end = ends ? (ends[ne - 1] ?? start) : ne;
      hits.push({ start, end, ns, ne, data: hit.data });
    }
    return { norm, hits };
  }
}
