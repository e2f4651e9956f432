// The store's entry reader (raw statements on SQLite) returns exactly what the portable Kysely reader does, in the merged order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryInput, StoredEntry } from '../../src/chronology/types.js';
import { agencyKey } from '../../src/access/agency.js';
import { CasesRepository } from '../../src/cases/cases-repository.js';
import { kyselyEntryReader, PAGE_ROWS } from '../../src/db/entry-reader.js';
import { keyRanges } from '../../src/timeline/order.js';
import { sortForMerge } from '../../src/timeline/merge.js';
import { filterTimeline } from '../../src/timeline/filter.js';
import { mergeTimeline } from '../../src/timeline/merge.js';
import { SubmissionsRepository, entriesInHand } from '../../src/submissions/submissions-repository.js';
import { openTestStore, storeKinds, type TestStore } from '../helpers/stores.js';

const entry = (row: number, over: Partial<EntryInput> = {}): EntryInput => ({
  date: '2013-04-03',
  datePrecision: 'day',
  time: '10:15',
  source: 'Niche',
  professional: 'PC 4471 Helen Fraser',
  contact: 'Adult A',
  event: `Officers attended the address (row ${row}).`,
  outcome: null,
  seen: true,
  comment: null,
  agency: null,
  extra: {},
  sheet: 'Chronology',
  row,
  dateText: '03/04/2013',
  timeText: '10:15',
  ...over,
});

const report = { sheet: 'Chronology', headerRow: 1, mapping: {}, unrecognisedColumns: [], warnings: [] };
const byId = (xs: StoredEntry[]): StoredEntry[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(storeKinds)('entry reader on %s', (kind) => {
  let store: TestStore;
  let caseId: string;
  beforeAll(async () => {
    store = await openTestStore(kind);
    const { db, writeEntries, readEntries } = store.database;
    caseId = (await new CasesRepository(db).create({ title: 'Reader', reviewPeriod: { from: '2012-01-01', to: '2014-12-31' } })).id;
    const subs = new SubmissionsRepository(db, writeEntries, readEntries);
    const base = { caseId, fileName: 'police.xlsx', sha256: 'x', uploadedBy: null };
    // a superseded version whose entries must not be read
    await subs.store({ ...base, agency: 'Police', entries: entriesInHand([entry(2, { event: 'old version' })], report) });
    await subs.store({
      ...base,
      agency: 'Police',
      entries: entriesInHand(
        [
          entry(2),
          entry(3, { time: null, timeText: null, seen: null, outcome: 'No further action', comment: 'Missed opportunity.' }),
          entry(4, { date: '2013-04', datePrecision: 'month', seen: false, ambiguousDate: true, dateText: 'Apr 13' }),
          entry(5, { date: '2013', datePrecision: 'year', agency: 'Police — PPU', extra: { 'Risk level': 'High', Ref: 'x’y "z"' } }),
          entry(6, { source: null, professional: null, contact: null, dateText: null, event: 'Siobhán’s call — 🙂' }),
        ],
        report,
      ),
    });
    await subs.store({ ...base, agency: 'Health Visiting', entries: entriesInHand([entry(2, { sheet: 'Sheet 2' }), entry(3)], report) });
  });
  afterAll(async () => store.dispose());

  it('reads every current entry of the case with the same fields and values', async () => {
    const fast = await store.database.readEntries({ caseId, agencyKey: null });
    const reference = await kyselyEntryReader(store.database.db, kind)({ caseId, agencyKey: null });
    expect(fast).toHaveLength(7);
    expect(fast).toStrictEqual(reference);
    expect(fast.some((e) => e.event === 'old version')).toBe(false);
    expect(fast.map((e) => e.id)).toEqual(sortForMerge(fast).map((e) => e.id));
  });

  it('reads one agency’s entries by its key', async () => {
    const key = agencyKey('health visiting');
    const fast = await store.database.readEntries({ caseId, agencyKey: key });
    expect(fast.map((e) => e.submissionAgency)).toEqual(['Health Visiting', 'Health Visiting']);
    expect(fast).toStrictEqual(await kyselyEntryReader(store.database.db, kind)({ caseId, agencyKey: key }));
  });

  it('never sees an upload half-written: a read during one gets the old version or the whole new one', async () => {
    const { db, writeEntries, readEntries } = store.database;
    const subs = new SubmissionsRepository(db, writeEntries, readEntries);
    const big = Array.from({ length: 3500 }, (_, i) => entry(i + 2));
    const storing = subs.store({ caseId, agency: 'Health Visiting', fileName: null, sha256: 'y', uploadedBy: null, entries: entriesInHand(big, report) });
    // the store writes in slices and yields between them: read while it is under way
    await new Promise((resolve) => setImmediate(resolve));
    const during = await readEntries({ caseId, agencyKey: agencyKey('Health Visiting') });
    await storing;
    expect([2, 3500]).toContain(during.length);
    expect(await readEntries({ caseId, agencyKey: agencyKey('Health Visiting') })).toHaveLength(3500);
  });

  it.each([49, 50, 51, 123])('stores every one of %i entries at its position, whole statements of 50 rows and the rest', async (n) => {
    const { db, writeEntries, readEntries } = store.database;
    const agency = `Writer ${n}`;
    const rows = Array.from({ length: n }, (_, i) => entry(i + 2, { event: `Entry ${i}`, seen: i % 3 === 0 ? null : i % 3 === 1 }));
    const stored = await new SubmissionsRepository(db, writeEntries, readEntries).store({
      caseId, agency, fileName: null, sha256: 'z', uploadedBy: null, entries: entriesInHand(rows, report),
    });
    const read = byId(await readEntries({ caseId, agencyKey: agencyKey(agency) }));
    expect(read.map((e) => [e.id, e.event, e.row, e.seen])).toEqual(
      rows.map((e, i) => [`${stored.id}.${String(i).padStart(6, '0')}`, e.event, e.row, e.seen]),
    );
  });

  it('reads nothing for another case or an agency with no submission', async () => {
    expect(await store.database.readEntries({ caseId: 'no-such-case', agencyKey: null })).toEqual([]);
    expect(await store.database.readEntries({ caseId, agencyKey: agencyKey('Probation') })).toEqual([]);
  });

  it('reads many pages in the merged order, and key ranges give exactly the date filter', async () => {
    const { db, writeEntries, readEntries } = store.database;
    const subs = new SubmissionsRepository(db, writeEntries, readEntries);
    const days = ['2013-01-31', '2013-02', '2013-02-01', '2013-02-14', '2013', '2013-03-01', '2012-12-31', '2014'];
    for (const [a, agency] of ['Probation', 'probation trust', 'Ambulance'].entries()) {
      const rows = Array.from({ length: Math.ceil((PAGE_ROWS * 3) / 2) }, (_, i) => {
        const date = days[(i * 7 + a) % days.length] ?? '2013';
        const precision = date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year';
        return entry(i + 2, { date, datePrecision: precision, time: i % 4 === 0 ? null : `1${i % 10}:0${a}`, sheet: i % 5 === 0 ? 'Earlier' : 'Chronology' });
      });
      await subs.store({ caseId, agency, fileName: null, sha256: 'p', uploadedBy: null, entries: entriesInHand(rows, report) });
    }
    const all = await readEntries({ caseId, agencyKey: null });
    expect(all.length).toBeGreaterThan(PAGE_ROWS * 4);
    expect(all.map((e) => e.id)).toEqual(sortForMerge(all).map((e) => e.id));
    for (const [from, to] of [['2013-02-14', '2013-02-28'], ['2013-02', undefined], [undefined, '2013-01-31'], ['2013-01-15', '2013']] as const) {
      const ranged = await readEntries({ caseId, agencyKey: null, ranges: keyRanges(from, to) });
      const want = filterTimeline(mergeTimeline(all), { ...(from ? { from } : {}), ...(to ? { to } : {}) });
      expect(ranged.map((e) => e.id)).toEqual(want.map((e) => e.id));
    }
  });
});
