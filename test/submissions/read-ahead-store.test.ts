// An upload's transaction opens only once its file is read (or a long one's first READ_AHEAD_ROWS are): on SQLite
// a transaction holds the one writer, so an upload still being read must not keep other agencies' uploads waiting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEntryRow, type EntryRow } from '../../src/chronology/entry-row.js';
import type { EntryInput, IngestReport } from '../../src/chronology/types.js';
import { entriesInHand, READ_AHEAD_ROWS, type EntrySource, type SubmissionRecord } from '../../src/submissions/submissions-repository.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { storeKinds } from '../helpers/stores.js';

const REPORT: IngestReport = { sheet: 'Chronology', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] };

const entries = (n: number, what: string): EntryInput[] =>
  Array.from({ length: n }, (_, i) => ({
    date: `2013-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
    datePrecision: 'day',
    time: null,
    source: null,
    professional: null,
    contact: null,
    event: `${what} ${i + 1}`,
    outcome: null,
    seen: null,
    comment: null,
    agency: null,
    extra: {},
    sheet: 'Chronology',
    row: i + 2,
    dateText: null,
    timeText: null,
  }));

/** A file still being read: `sent` batches are in, the rest (and the outcome) only once `finish` is called. */
function slowSource(sent: EntryRow[][], later: EntryRow[][]): { source: EntrySource; finish: () => void; firstTaken: Promise<void> } {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  let taken!: () => void;
  const firstTaken = new Promise<void>((resolve) => (taken = resolve));
  return {
    source: {
      async *batches() {
        for (const b of sent) {
          yield b;
          taken();
        }
        await gate;
        yield* later;
      },
      complete: async () => {
        await gate;
        return REPORT;
      },
    },
    finish,
    firstTaken,
  };
}

const settled = async (p: Promise<unknown>): Promise<boolean> => Promise.race([p.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300))]);

describe.each(storeKinds)('an upload still being read, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => t.close());

  const newCase = async (): Promise<string> => (await t.app.repos.cases.create({ title: 'Read ahead', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } })).id;
  const store = (caseId: string, agency: string, source: EntrySource): Promise<SubmissionRecord> =>
    t.app.repos.submissions.store({ caseId, agency, fileName: null, sha256: agency, uploadedBy: null, entries: source });
  const stored = async (caseId: string): Promise<[string, number][]> =>
    (await t.app.repos.submissions.list(caseId, { all: true })).map((s) => [s.agency, s.entries]);

  it("lets another agency's upload commit while its file is still being read, then stores it whole", async () => {
    const caseId = await newCase();
    const slow = slowSource([entries(500, 'Visit').map(toEntryRow)], [entries(300, 'Call').map(toEntryRow)]);
    const police = store(caseId, 'Police', slow.source);
    await slow.firstTaken;
    // Housing's file is in hand: it must not wait for Police's file to be read.
    const housing = store(caseId, 'Housing', entriesInHand(entries(200, 'Letter'), REPORT));
    expect(await settled(housing)).toBe(true);
    expect(await stored(caseId)).toEqual([['Housing', 200]]);
    slow.finish();
    expect((await police).entries).toBe(800);
    expect(await stored(caseId)).toEqual([['Housing', 200], ['Police', 800]]);
  });

  it('stores a long file as it is read: past READ_AHEAD_ROWS its transaction is open before the rest has come', async () => {
    const caseId = await newCase();
    const first = entries(READ_AHEAD_ROWS, 'Visit').map(toEntryRow);
    const slow = slowSource([first.slice(0, READ_AHEAD_ROWS / 2), first.slice(READ_AHEAD_ROWS / 2)], [entries(100, 'Call').map(toEntryRow)]);
    const police = store(caseId, 'Police', slow.source);
    await slow.firstTaken;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const housing = store(caseId, 'Housing', entriesInHand(entries(200, 'Letter'), REPORT));
    // Written to, not committed; on SQLite its open transaction holds the one writer, so Housing waits for it.
    expect(await stored(caseId)).toEqual([]);
    if (kind === 'sqlite') expect(await settled(housing)).toBe(false);
    slow.finish();
    expect((await police).entries).toBe(READ_AHEAD_ROWS + 100);
    await housing;
    expect(await stored(caseId)).toEqual([['Housing', 200], ['Police', READ_AHEAD_ROWS + 100]]);
  });
});
