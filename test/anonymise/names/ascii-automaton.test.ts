// The name matcher's ASCII automaton finds exactly what modern-ahocorasick finds, in the same order.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import AhoCorasick from 'modern-ahocorasick';
import { AsciiAutomaton } from '../../../src/anonymise/names/ascii-automaton.js';

const hits = (xs: readonly { start: number; end: number; data: unknown }[]): string[] => xs.map((h) => `${h.start}-${h.end}:${String(h.data)}`);

function both(patterns: string[], text: string): { fast: string[] | null; library: string[] } {
  const list = [...new Set(patterns)].map((pattern, i) => ({ pattern, data: i }));
  const fast = new AsciiAutomaton(list).search(text);
  return { fast: fast && hits(fast), library: hits(new AhoCorasick(list).search(text)) };
}

describe('ASCII automaton', () => {
  it('reports overlapping names by end, longest first', () => {
    const { fast, library } = both(['mark', 'mark reid', 'reid', 'ark', "o'connor"], "mark reid and o'connor; sharkmark");
    expect(fast).toEqual(library);
    expect(fast).toContain('0-9:1');
  });

  it('declines text it cannot scan: beyond ASCII, or a carriage return', () => {
    const list = [{ pattern: 'rose', data: 0 }, { pattern: 'siobhán', data: 1 }];
    expect(new AsciiAutomaton(list).search('siobhán rose')).toBeNull();
    expect(new AsciiAutomaton(list).search('rose\r\nrose')).toBeNull();
    expect(new AsciiAutomaton(list).search('rose, rose')?.map((h) => h.start)).toEqual([0, 6]);
  });

  const word = fc.stringMatching(/^[abc' -]{1,5}$/);
  test.prop([fc.array(word, { minLength: 1, maxLength: 12 }), fc.stringMatching(/^[abc' \-x.\n]{0,60}$/)])(
    'equals modern-ahocorasick on ASCII text',
    (patterns, text) => {
      const { fast, library } = both(patterns, text);
      expect(fast).toEqual(library);
    },
  );
});
