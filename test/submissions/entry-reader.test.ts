// The store's entry reader (a raw statement on SQLite) returns exactly what the portable Kysely reader does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntryInput, StoredEntry } from '../../src/chronology/types.js';
import { agencyKey } from '../../src/access/agency.js';
import { CasesRepository } from '../../src/cases/cases-repository.js';
import { kyselyEntryReader } from '../../src/db/entry-reader.js';
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
    const fast = await store.database.readEntries(caseId, null);
    const reference = await kyselyEntryReader(store.database.db)(caseId, null);
    expect(fast).toHaveLength(7);
    expect(byId(fast)).toStrictEqual(byId(reference));
    expect(fast.some((e) => e.event === 'old version')).toBe(false);
  });

  it('reads one agency’s entries by its key', async () => {
    const key = agencyKey('health visiting');
    const fast = await store.database.readEntries(caseId, key);
    expect(fast.map((e) => e.submissionAgency)).toEqual(['Health Visiting', 'Health Visiting']);
    expect(byId(fast)).toStrictEqual(byId(await kyselyEntryReader(store.database.db)(caseId, key)));
  });

  it('never sees an upload half-written: a read during one gets the old version or the whole new one', async () => {
    const { db, writeEntries, readEntries } = store.database;
    const subs = new SubmissionsRepository(db, writeEntries, readEntries);
    const big = Array.from({ length: 3500 }, (_, i) => entry(i + 2));
    const storing = subs.store({ caseId, agency: 'Health Visiting', fileName: null, sha256: 'y', uploadedBy: null, entries: entriesInHand(big, report) });
    // the store writes in slices and yields between them: read while it is under way
    await new Promise((resolve) => setImmediate(resolve));
    const during = await readEntries(caseId, agencyKey('Health Visiting'));
    await storing;
    expect([2, 3500]).toContain(during.length);
    expect(await readEntries(caseId, agencyKey('Health Visiting'))).toHaveLength(3500);
  });

  it.each([49, 50, 51, 123])('stores every one of %i entries at its position, whole statements of 50 rows and the rest', async (n) => {
    const { db, writeEntries, readEntries } = store.database;
    const agency = `Writer ${n}`;
    const rows = Array.from({ length: n }, (_, i) => entry(i + 2, { event: `Entry ${i}`, seen: i % 3 === 0 ? null : i % 3 === 1 }));
    const stored = await new SubmissionsRepository(db, writeEntries, readEntries).store({
      caseId, agency, fileName: null, sha256: 'z', uploadedBy: null, entries: entriesInHand(rows, report),
    });
    const read = byId(await readEntries(caseId, agencyKey(agency)));
    expect(read.map((e) => [e.id, e.event, e.row, e.seen])).toEqual(
      rows.map((e, i) => [`${stored.id}.${String(i).padStart(6, '0')}`, e.event, e.row, e.seen]),
    );
  });

  it('reads nothing for another case or an agency with no submission', async () => {
    expect(await store.database.readEntries('no-such-case', null)).toEqual([]);
    expect(await store.database.readEntries(caseId, agencyKey('Probation'))).toEqual([]);
  });
});
