// The version diff on re-uploads whose added, removed and changed entries are known from how they were made.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/chronology/types.js';
import { diffVersions } from '../../src/analysis/version-diff.js';

let n = 0;
const entry = (date: string, event: string, more: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `e${++n}`,
  date,
  datePrecision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year',
  time: null,
  agency: 'Police',
  source: null,
  professional: null,
  contact: null,
  event,
  outcome: null,
  seen: null,
  comment: null,
  extra: {},
  flags: [],
  duplicateOf: [],
  provenance: { submissionId: 's', sheet: 'Sheet1', row: n },
  ...more,
});

/** The same entry in another upload: a new id and row, the same content. */
const again = (x: TimelineEntry, more: Partial<TimelineEntry> = {}): TimelineEntry => ({ ...x, id: `e${++n}`, provenance: { ...x.provenance, row: n }, ...more });

describe('version n against n−1', () => {
  const v1 = [
    entry('2013-01-05', 'Officers attended a report of a domestic argument at the address', { time: '17:00' }),
    entry('2013-02-10', 'Victim attended GP surgery with bruising to her arm, referred to IDVA'),
    entry('2013-03-01', 'MARAC referral made following DASH assessment scored high risk'),
    entry('2013-04-22', 'Telephone call from neighbour about shouting heard'),
  ];
  const v2 = [
    again(v1[0] as TimelineEntry),
    again(v1[1] as TimelineEntry, { event: 'Victim attended GP surgery with bruising to her arm and wrist, referred to IDVA', seen: true }),
    again(v1[2] as TimelineEntry, { date: '2013-03-02' }), // a corrected date, the same text
    entry('2013-05-14', 'Housing officer visited; no answer at the door'),
  ];

  it('finds one added, one removed, two changed with the fields that changed', () => {
    const d = diffVersions(v1, v2);
    expect(d.unchanged).toBe(1);
    expect(d.added.map((x) => x.id)).toEqual([v2[3]?.id]);
    expect(d.removed.map((x) => x.id)).toEqual([v1[3]?.id]);
    expect(d.changed.map((c) => [c.before.id, c.after.id, c.fields])).toEqual([
      [v1[1]?.id, v2[1]?.id, ['event', 'seen']],
      [v1[2]?.id, v2[2]?.id, ['date']],
    ]);
    expect(d.changed[1]?.similarity).toBe(1);
  });

  it('sees nothing changed between a version and its own re-upload, whatever the order', () => {
    const same = [...v1].reverse().map((x) => again(x));
    expect(diffVersions(v1, same)).toEqual({ added: [], removed: [], changed: [], unchanged: 4 });
  });

  it('treats a wholly rewritten entry of the same day as one removed and one added', () => {
    const d = diffVersions([v1[3] as TimelineEntry], [again(v1[3] as TimelineEntry, { event: 'Anonymous letter received at the station' })]);
    expect([d.added.length, d.removed.length, d.changed.length]).toEqual([1, 1, 0]);
  });

  it('pairs each of two edited entries of one day with its own before', () => {
    const a = entry('2013-06-01', 'Call from victim reporting threats by text message', { time: '09:00' });
    const b = entry('2013-06-01', 'Officers attended and arrested the perpetrator for assault', { time: '21:30' });
    const d = diffVersions([a, b], [again(b, { outcome: 'Charged' }), again(a, { comment: 'Checked' })]);
    expect(d.changed.map((c) => [c.before.id, c.fields])).toEqual([
      [b.id, ['outcome']],
      [a.id, ['comment']],
    ]);
  });

  it('finds exactly the entries a random edit script removed, added and changed', () => {
    const words = ['attended', 'visit', 'referral', 'call', 'school', 'housing', 'assessment', 'injury', 'police', 'letter', 'clinic', 'review', 'arrest', 'bail'];
    const base = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.shuffledSubarray(words, { minLength: 5, maxLength: 8 })), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(base, fc.array(fc.constantFrom('keep', 'drop', 'comment', 'seen'), { minLength: 25, maxLength: 25 }), (rows, edits) => {
        // Each entry's text carries a unique tag, so no two entries of a version look alike.
        const before = rows.map(([day, ws], i) => entry(new Date(Date.UTC(2013, 0, 1) + day * 86_400_000).toISOString().slice(0, 10), `${ws.join(' ')} ref${i}a ref${i}b ref${i}c`));
        const after: TimelineEntry[] = [];
        const want = { removed: [] as string[], changed: [] as string[] };
        before.forEach((x, i) => {
          const edit = edits[i] ?? 'keep';
          if (edit === 'drop') want.removed.push(x.id);
          else if (edit === 'keep') after.push(again(x));
          else {
            want.changed.push(x.id);
            after.push(again(x, edit === 'comment' ? { comment: 'amended' } : { seen: true }));
          }
        });
        const added = entry('2015-01-01', 'entirely new entry unlike the others');
        after.push(added);
        const d = diffVersions(before, after);
        expect(d.removed.map((x) => x.id).sort()).toEqual(want.removed.sort());
        expect(d.changed.map((c) => c.before.id).sort()).toEqual(want.changed.sort());
        expect(d.added.map((x) => x.id)).toEqual([added.id]);
        expect(d.unchanged).toBe(before.length - want.removed.length - want.changed.length);
      }),
      { numRuns: 200 },
    );
  });
});
