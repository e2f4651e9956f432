// The corpus scorer: what counts as a mapped mention left in the output.
import { describe, expect, it } from 'vitest';
import { emptyFigures, scoreEntry } from './score.js';

describe('scoreEntry', () => {
  const text = 'Victim HP, perp Martin.';
  const labels = [
    { start: 7, end: 9, kind: 'mapped' as const, index: 0 },
    { start: 16, end: 22, kind: 'mapped' as const, index: 1 },
  ];

  it('counts a mention already written as the person’s initials as covered, and a name left as left', () => {
    const f = emptyFigures();
    scoreEntry(f, { text, labels, replaced: [], found: [], initials: ['HP', 'MW'] }, 0);
    expect(f.mapped).toEqual({ labels: 2, left: 1 });
  });

  it('counts initials that are not the person’s as left', () => {
    const f = emptyFigures();
    scoreEntry(f, { text, labels, replaced: [], found: [], initials: ['HW', 'MW'] }, 0);
    expect(f.mapped).toEqual({ labels: 2, left: 2 });
  });
});
