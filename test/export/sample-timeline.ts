// A small merged timeline and export context that look like a real (anonymised) DHR chronology.
import type { TimelineEntry } from '../../src/chronology/types.js';
import { Writable } from 'node:stream';
import type { ExportContext } from '../../src/export/export-context.js';

function entry(id: string, p: Partial<TimelineEntry> & { date: string; agency: string; event: string }): TimelineEntry {
  return {
    id,
    datePrecision: p.date.length === 10 ? 'day' : p.date.length === 7 ? 'month' : 'year',
    time: null,
    source: null,
    professional: null,
    contact: null,
    outcome: null,
    seen: null,
    comment: null,
    extra: {},
    flags: [],
    duplicateOf: [],
    provenance: { submissionId: `sub-${p.agency.toLowerCase().replace(/\W+/g, '-')}`, sheet: 'Chronology', row: 10 },
    ...p,
  };
}

export const sampleTimeline: TimelineEntry[] = [
  entry('e1', {
    date: '2012',
    agency: 'Housing Association',
    event: 'ST and MR became joint tenants of the flat. No concerns recorded at sign-up.',
    flags: ['outside-review-period'],
  }),
  entry('e2', {
    date: '2013-03',
    agency: 'GP Surgery',
    source: 'EMIS record',
    event: 'ST attended several GP appointments this month with low mood; exact dates not recorded.',
    seen: true,
  }),
  entry('e3', {
    date: '2013-04-03',
    time: '17:00',
    agency: 'Police',
    source: 'Incident log',
    professional: 'PC HF',
    contact: 'ST, MR',
    event:
      'Police attended the address after a 999 call from a neighbour. ST reported being pushed by MR, who had left.\nDASH RIC completed: high risk. PPN submitted.',
    outcome: 'Referral to MARAC and the IDVA service.',
    seen: true,
    comment: 'Good practice: DASH completed at the scene.',
    flags: ['possible-duplicate'],
    duplicateOf: ['e4'],
  }),
  entry('e4', {
    date: '2013-04-03',
    time: '17:00',
    agency: 'IDVA Service',
    event: 'Police attended the address after a 999 call; ST reported being pushed by MR.',
    outcome: 'Case allocated to IDVA, contact attempted by phone.',
    seen: false,
    flags: ['possible-duplicate'],
    duplicateOf: ['e3'],
  }),
  entry('e5', {
    date: '2013-04-18',
    agency: 'Police',
    event: '=HYPERLINK("http://example.com","click") — text that a spreadsheet must not run',
    comment: '-5 attempts to contact; "no answer", left card',
  }),
  entry('e6', {
    date: '2013-05-09',
    time: '10:30',
    agency: 'Adult Social Care',
    event: 'MARAC meeting held. Actions: GP to be informed; housing to consider a move.',
    outcome: '@Housing to report back, Police to flag the address',
    comment: 'Panel: was the MASH informed?',
  }),
];

export const sampleContext: ExportContext = {
  caseTitle: 'DHR 2024/03 — Adult A',
  reviewPeriod: { from: '2013-01-01', to: '2014-12-31' },
  submissions: [
    { agency: 'Police', version: 2, entries: 3, uploadedAt: '2024-05-01T09:15:00.000Z', fileName: 'police-chronology v2.xlsx' },
    { agency: 'GP Surgery', version: 1, entries: 1, uploadedAt: '2024-04-20T14:00:00.000Z', fileName: 'gp.csv' },
    { agency: 'IDVA Service', version: 1, entries: 1, uploadedAt: '2024-04-22T11:30:00.000Z', fileName: null },
    { agency: 'Housing Association', version: 1, entries: 1, uploadedAt: '2024-04-23T08:00:00.000Z' },
    { agency: 'Adult Social Care', version: 1, entries: 1, uploadedAt: '2024-04-24T16:45:00.000Z' },
  ],
  generatedAt: new Date('2024-06-01T12:00:00Z'),
  namesMode: 'initials',
};

/** n synthetic entries, generated lazily (for streaming tests). */
export function* manyEntries(n: number): Generator<TimelineEntry> {
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    yield entry(`m${i}`, {
      date: i % 10 === 0 ? `2013-${month}` : `2013-${month}-${day}`,
      time: i % 2 ? '09:30' : null,
      agency: i % 3 ? 'Police' : 'GP Surgery',
      event: `Contact ${i}: officer attended, spoke with ST about safety planning, "advice" given, follow-up booked.`,
      outcome: 'Referral made',
      seen: i % 2 === 0,
    });
  }
}

/**
 * Runs `write` into an output that a client drops after 64 KiB, over a 200 000-entry source, and says how many
 * entries it read: a writer that stops when its output is destroyed reads far fewer than it was offered.
 */
export async function entriesReadBeforeDisconnect(
  write: (entries: Iterable<TimelineEntry>, ctx: ExportContext, out: Writable) => Promise<void>,
): Promise<{ read: number; rejected: boolean }> {
  let read = 0;
  function* counted(): Generator<TimelineEntry> {
    for (const e of manyEntries(200_000)) {
      read++;
      yield e;
    }
  }
  let written = 0;
  const out = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, done) {
      written += chunk.length;
      if (written > 64 * 1024) {
        done();
        out.destroy();
      } else setImmediate(done);
    },
  });
  const rejected = await write(counted(), sampleContext, out).then(() => false, () => true);
  return { read, rejected };
}
