// Engines shared between exports of one case: the same results, separate reports, a new engine for a changed map.
import { describe, expect, it } from 'vitest';
import { anonymiserOf } from '../../src/anonymise/anonymiser.js';
import { engineFor } from '../../src/anonymise/engine-cache.js';
import type { CaseMap } from '../../src/anonymise/types.js';

const map = (decisions: CaseMap['decisions'] = []): CaseMap => ({
  people: [{ name: 'Hope Field', initials: 'HF', aliases: [], role: 'victim', pseudonym: null, title: 'Ms' }],
  terms: [],
  decisions,
});

describe('engineFor', () => {
  it('gives the same engine for the same map and mode, and a new one when a decision changes the map', () => {
    const a = engineFor(map(), 'initials');
    expect(engineFor(map(), 'initials')).toBe(a);
    expect(engineFor(map(), 'pseudonym')).not.toBe(a);
    expect(engineFor(map([{ text: 'Zorblax', decision: 'not-a-name', note: null }]), 'initials')).not.toBe(a);
  });

  it('keeps each export’s report its own though the engine is shared', () => {
    const engine = engineFor(map(), 'initials');
    const first = anonymiserOf(engine);
    const second = anonymiserOf(engine);
    const e = { id: 'e1', date: '2013-04-03', datePrecision: 'day' as const, time: null, agency: 'Police', source: null, professional: null, contact: null,
      event: 'Hope seen with her neighbour Gary Whitfield.', outcome: null, seen: true, comment: null, extra: {}, flags: [], duplicateOf: [],
      provenance: { submissionId: 's1', sheet: 'Sheet1', row: 2 } };
    expect(first.entry(e).event).toBe('HF seen with her neighbour GW.');
    expect(first.report().unmapped).toEqual([{ initials: 'GW', entries: ['e1'] }]);
    expect(second.report().unmapped).toEqual([]);
    expect(second.entry(e).event).toBe('HF seen with her neighbour GW.');
    expect(second.report().unmapped).toEqual([{ initials: 'GW', entries: ['e1'] }]);
  });
});
