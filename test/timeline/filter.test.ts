// Timeline filters: overlap-aware date range, agency, text search, victim seen and person.
import { describe, expect, it } from 'vitest';
import { filterTimeline } from '../../src/timeline/filter.js';
import type { TimelineEntry } from '../../src/chronology/types.js';

function entry(id: string, p: Partial<TimelineEntry> & { date: string }): TimelineEntry {
  return {
    id,
    datePrecision: p.date.length === 10 ? 'day' : p.date.length === 7 ? 'month' : 'year',
    time: null,
    agency: 'Police',
    source: null,
    professional: null,
    contact: null,
    event: 'Event',
    outcome: null,
    seen: null,
    comment: null,
    extra: {},
    flags: [],
    duplicateOf: [],
    provenance: { submissionId: 's', sheet: 'Sheet1', row: 2 },
    ...p,
  };
}

const timeline = [
  entry('y2012', { date: '2012' }),
  entry('m2013-02', { date: '2013-02' }),
  entry('d2013-02-28', { date: '2013-02-28' }),
  entry('d2013-03-01', { date: '2013-03-01' }),
  entry('m2013-03', { date: '2013-03' }),
  entry('d2013-03-31', { date: '2013-03-31' }),
  entry('d2013-04-01', { date: '2013-04-01' }),
  entry('y2014', { date: '2014' }),
];
const ids = (es: TimelineEntry[]): string[] => es.map((e) => e.id);

describe('filterTimeline dates', () => {
  it.each([
    [{ from: '2013-03-15' }, ['m2013-03', 'd2013-03-31', 'd2013-04-01', 'y2014']],
    [{ to: '2013-03-01' }, ['y2012', 'm2013-02', 'd2013-02-28', 'd2013-03-01', 'm2013-03']],
    [{ from: '2013-03', to: '2013-03' }, ['d2013-03-01', 'm2013-03', 'd2013-03-31']],
    [{ from: '2013', to: '2013' }, ['m2013-02', 'd2013-02-28', 'd2013-03-01', 'm2013-03', 'd2013-03-31', 'd2013-04-01']],
    [{ from: '2013-02-28', to: '2013-02-28' }, ['m2013-02', 'd2013-02-28']],
    [{ from: '2014-06-01' }, ['y2014']],
    [{ from: '2015' }, []],
  ])('%j keeps overlapping entries, inclusive', (f, expected) => {
    expect(ids(filterTimeline(timeline, f))).toEqual(expected);
  });

  it('rejects a from that is not an ISO date', () => {
    expect(() => filterTimeline(timeline, { from: '01/03/2013' })).toThrow(RangeError);
    expect(() => filterTimeline(timeline, { to: '2013-02-30' })).toThrow(RangeError);
  });

  it('keeps everything with no filters', () => {
    expect(filterTimeline(timeline, {})).toEqual(timeline);
  });
});

describe('filterTimeline other filters', () => {
  const es = [
    entry('a', { date: '2013-04-03', agency: 'Police', event: 'Attended after 999 call', seen: true }),
    entry('b', { date: '2013-04-03', agency: 'GP Surgery', event: 'Review', comment: 'Referred to MARAC', seen: false }),
    entry('c', { date: '2013-04-03', agency: 'IDVA Service', event: 'Safety planning', extra: { 'Risk level': 'High' } }),
    entry('d', { date: '2013-04-04', agency: 'police', event: 'Follow-up', outcome: 'DASH completed', professional: 'PC HF' }),
  ];

  it.each([
    [{ agency: ['POLICE'] }, ['a', 'd']],
    [{ agency: ['gp surgery', 'idva service'] }, ['b', 'c']],
    [{ agency: ['GP'] }, []],
    [{ agency: [] }, ['a', 'b', 'c', 'd']],
    [{ q: 'marac' }, ['b']],
    [{ q: 'dash COMPLETED' }, ['d']],
    [{ q: 'high' }, ['c']],
    [{ q: 'pc hf' }, ['d']],
    [{ q: 'idva' }, ['c']],
    [{ q: '' }, ['a', 'b', 'c', 'd']],
    [{ seen: true }, ['a']],
    [{ seen: false }, ['b']],
    [{ agency: ['police'], q: 'follow', from: '2013-04-04' }, ['d']],
  ])('%j', (f, expected) => {
    expect(ids(filterTimeline(es, f))).toEqual(expected);
  });

  it('applies a person predicate', () => {
    expect(ids(filterTimeline(es, { person: (e) => e.event.includes('999') }))).toEqual(['a']);
  });
});
