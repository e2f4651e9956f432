// Integer token sets for the duplicate search: the same sets as tokenSet, and the same pairs as brute force.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { jaccard, similarIdPairs, tokenSet } from '../../src/timeline/similarity.js';
import { TokenDictionary } from '../../src/timeline/token-ids.js';

describe('token ids', () => {
  it('give equal words equal ids, case, apostrophes and punctuation aside', () => {
    const dict = new TokenDictionary();
    const a = [...dict.tokens("Victim's GP: called (again) victim’s")];
    const b = [...dict.tokens('again VICTIMS called gp, gp')];
    expect(a).toEqual(b);
    expect(a).toHaveLength(4);
    expect([...dict.tokens("'' ` - ...")]).toEqual([]);
  });

  const text = fc.array(fc.constantFrom('Police', 'police', "victim's", 'victim’s', 'victims', 'GP', 'gp', 'Siobhán', 'SIOBHÁN', 'ﬁle', 'file', 'x`y', 'xy', ' ', '  ', ', ', '.', "'", '12', '(a)', 'é', '\t'), { maxLength: 12 }).map((xs) => xs.join(''));
  test.prop([fc.array(text, { maxLength: 8 })])('score every pair exactly as tokenSet and jaccard do', (texts) => {
    const dict = new TokenDictionary();
    const ids = texts.map((t) => dict.tokens(t));
    texts.forEach((x, i) =>
      texts.forEach((y, j) => {
        const [a, b] = [ids[i] ?? new Int32Array(), ids[j] ?? new Int32Array()];
        const common = tokenSet(x).filter((w) => tokenSet(y).includes(w)).length;
        expect([a.length, a.filter((id) => b.includes(id)).length]).toEqual([tokenSet(x).length, common]);
        expect(jaccard(a, b)).toBe(jaccard(tokenSet(x), tokenSet(y)));
      }),
    );
  });

  const item = fc.record({ tokens: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }), group: fc.integer({ min: 0, max: 2 }) });
  test.prop([fc.array(item, { maxLength: 25 }), fc.constantFrom(0.4, 0.5, 0.6, 0.75, 1)])('pairs equal brute force', (raw, t) => {
    const items = raw.map((r) => ({ tokens: Int32Array.from(r.tokens).sort(), group: r.group }));
    const brute: string[] = [];
    items.forEach((x, i) =>
      items.forEach((y, j) => {
        if (i < j && x.group !== y.group && jaccard(x.tokens, y.tokens) >= t) brute.push(`${i},${j}`);
      }),
    );
    expect(similarIdPairs(items, t, 10).map(([i, j]) => `${i},${j}`).sort()).toEqual(brute.sort());
  });
});
