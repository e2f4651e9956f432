// The duplicate-row finder: a cheap fingerprint, with rows that share one told apart exactly, even in a file made to collide.
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { FirstRows, fingerprint } from '../../src/chronology/first-rows.js';

/** Long narratives that differ only at position 3, which the fingerprint does not read: they all collide. */
const colliding = (n: number): string[][] =>
  Array.from({ length: n }, (_, i) => ['03/04/2013', `Vis${String.fromCharCode(0x4e00 + i)}${'t'.repeat(200)}`]);

describe('FirstRows', () => {
  it('the colliding rows really share a fingerprint', () => {
    const prints = new Set(colliding(50).map(fingerprint));
    expect(prints.size).toBe(1);
  });

  it.each([3, 8, 9, 50])('tells %i different rows with one fingerprint apart, and still finds each one repeated', (n) => {
    const rows = colliding(n);
    const first = new FirstRows();
    rows.forEach((key, i) => expect(first.firstWith(key, i + 1)).toBe(i + 1));
    rows.forEach((key, i) => expect(first.firstWith([...key], n + i + 1)).toBe(i + 1));
  });

  test.prop([fc.array(fc.array(fc.constantFrom('', 'a', 'Visit', 'x'.repeat(40), `${'y'.repeat(40)}z`, '03/04/2013'), { maxLength: 4 }), { maxLength: 60 })])(
    'names the first row with the same parts, as a map by the whole key would',
    (keys) => {
      const first = new FirstRows();
      const oracle = new Map<string, number>();
      keys.forEach((key, i) => {
        const whole = JSON.stringify(key);
        if (!oracle.has(whole)) oracle.set(whole, i);
        expect(first.firstWith(key, i)).toBe(oracle.get(whole));
      });
    },
  );

  it('stays linear when 50 000 rows collide (a file made to be slow)', () => {
    const rows = colliding(50_000);
    const first = new FirstRows();
    const t0 = performance.now();
    rows.forEach((key, i) => first.firstWith(key, i));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
