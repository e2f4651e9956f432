// Agency submissions and their entries in storage: one transaction per upload, versions kept, one current per agency.
import type { Kysely, Transaction } from 'kysely';
import { agencyFilter, agencyKey, type Agencies } from '../access/agency.js';
import type { EntryReader } from '../db/entry-reader.js';
import type { KeyRange } from '../timeline/order.js';
import { nextInSequence, peekSequence } from '../db/counters.js';
import type { EntryWriter } from '../db/entry-writer.js';
import type { Schema, SubmissionsTable } from '../db/schema.js';
import { newId } from '../ids.js';
import { EntriesRestarted, toEntryRow } from '../chronology/entry-row.js';
import { batchLength, isPacked, type EntryBatch } from '../db/entry-batch.js';
import type { EntryInput, IngestReport, StoredEntry } from '../chronology/types.js';

export interface SubmissionRecord {
  id: string;
  agency: string;
  version: number;
  current: boolean;
  entries: number;
  fileName: string | null;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

/**
 * An upload's entries in batches (packed as the worker sent them, or rows), possibly still arriving from the worker,
 * and its report once all are through. `complete` throws when the upload turns out to be refused (a row error further down): the store then
 * rolls back. The batches may throw EntriesRestarted: those given so far are void, and batches() again gives them anew.
 */
export interface EntrySource {
  batches(): AsyncIterable<EntryBatch>;
  complete(): Promise<IngestReport>;
}

/** Entries already in hand (JSON uploads, tests, benchmarks) as a source. */
export function entriesInHand(entries: readonly EntryInput[], report: IngestReport): EntrySource {
  return {
    async *batches() {
      if (entries.length > 0) yield entries.map(toEntryRow);
    },
    complete: () => Promise.resolve(report),
  };
}

export interface NewSubmission {
  caseId: string;
  agency: string;
  fileName: string | null;
  sha256: string;
  uploadedBy: string | null;
  entries: EntrySource;
}

const toRecord = (r: SubmissionsTable): SubmissionRecord => ({
  id: r.id,
  agency: r.agency,
  version: r.version,
  current: r.current === 1,
  entries: r.entries,
  fileName: r.file_name,
  sha256: r.sha256,
  uploadedAt: r.uploaded_at,
  uploadedBy: r.uploaded_by,
});

/** A batch of rows larger than this (a JSON upload arrives as one) is written in slices, yielding between them. */
const WRITE_SLICE = 1000;

const yieldTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rows of an upload read before its transaction opens: most uploads (a few thousand rows) are then stored whole at
 * once, holding SQLite's writer only for their inserts and COMMIT, not while their file is still being read.
 */
export const READ_AHEAD_ROWS = 10_000;

/** Batches until `rows` are in hand or the source has ended (`done`). */
async function readAhead(batches: AsyncIterator<EntryBatch>, rows: number): Promise<{ batches: EntryBatch[]; done: boolean }> {
  const ahead: EntryBatch[] = [];
  for (let count = 0; count < rows; ) {
    const next = await batches.next();
    if (next.done) return { batches: ahead, done: true };
    ahead.push(next.value);
    count += batchLength(next.value);
  }
  return { batches: ahead, done: false };
}

/** The case counter that numbers an agency's versions. */
const versionCounter = (agency: string): string => `version:${agencyKey(agency)}`;

/** Work that must commit or roll back with the submission (its audit event). */
export type AfterStore = (trx: Transaction<Schema>, stored: SubmissionRecord) => Promise<void>;

export class SubmissionsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly writeEntries: EntryWriter,
    private readonly readEntries: EntryReader,
  ) {}

  /** The version the next upload for this agency would get (a dry run's answer; not reserved). */
  nextVersion(caseId: string, agency: string): Promise<number> {
    return peekSequence(this.db, caseId, versionCounter(agency));
  }

  /**
   * Stores an upload as the agency's new current version, in one transaction: either the whole submission with
   * every entry is there afterwards, or nothing of it is. The transaction opens once the whole upload is read, or
   * once READ_AHEAD_ROWS of it are (a long file is then stored as it is read, in bounded memory), and commits once
   * the source completes: on SQLite a transaction holds the one writer, so an upload still being read must not.
   * A file refused before the transaction opens never opens one.
   */
  async store(s: NewSubmission, inSameTransaction?: AfterStore): Promise<SubmissionRecord> {
    for (;;) {
      try {
        const batches = s.entries.batches()[Symbol.asyncIterator]();
        const ahead = await readAhead(batches, READ_AHEAD_ROWS);
        // All read: a refusal throws here, before any transaction (a valid upload always has a batch).
        if (ahead.done) await s.entries.complete();
        return await this.storeOnce(s, { ahead: ahead.batches, rest: ahead.done ? undefined : batches }, inSameTransaction);
      } catch (err) {
        // The entries come again from the first: what was written of them has rolled back with its transaction.
        if (!(err instanceof EntriesRestarted)) throw err;
      }
    }
  }

  private storeOnce(
    s: NewSubmission,
    pending: { ahead: readonly EntryBatch[]; rest: AsyncIterator<EntryBatch> | undefined },
    inSameTransaction?: AfterStore,
  ): Promise<SubmissionRecord> {
    return this.db.transaction().execute(async (trx) => {
      // The agency's version counter stays locked until this commits: a concurrent upload of the same agency, through
      // any instance, waits here, then takes the next number and sees this one as the version to replace.
      const version = await nextInSequence(trx, s.caseId, versionCounter(s.agency));
      await trx
        .updateTable('submissions')
        .set({ current: 0 })
        .where('case_id', '=', s.caseId)
        .where('agency_key', '=', agencyKey(s.agency))
        .execute();
      const row: SubmissionsTable = {
        id: newId(),
        case_id: s.caseId,
        agency: s.agency.trim(),
        agency_key: agencyKey(s.agency),
        version,
        current: 1,
        file_name: s.fileName,
        sha256: s.sha256,
        entries: 0,
        uploaded_by: s.uploadedBy,
        uploaded_at: new Date().toISOString(),
        report: '{}',
      };
      await trx.insertInto('submissions').values(row).execute();
      const target = { submissionId: row.id, caseId: s.caseId, agency: row.agency, position: 0 };
      // A slice at a time with a turn of the event loop after each: batches already queued would otherwise be
      // written in one go, and other requests need turns. A packed batch (a worker's, at most a few thousand rows)
      // goes whole: only the thread that writes it opens it.
      const write = async (batch: EntryBatch): Promise<void> => {
        if (isPacked(batch)) {
          await this.writeEntries.write(trx, target, batch);
          target.position += batch.count;
          await yieldTurn();
          return;
        }
        for (let i = 0; i < batch.length; i += WRITE_SLICE) {
          const slice = batch.length > WRITE_SLICE ? batch.slice(i, i + WRITE_SLICE) : batch;
          await this.writeEntries.write(trx, target, slice);
          target.position += slice.length;
          await yieldTurn();
        }
      };
      for (const batch of pending.ahead) await write(batch);
      for (let next = await pending.rest?.next(); next && !next.done; next = await pending.rest?.next()) await write(next.value);
      const report = await s.entries.complete();
      row.entries = target.position;
      row.report = JSON.stringify(report);
      await trx.updateTable('submissions').set({ entries: row.entries, report: row.report }).where('id', '=', row.id).execute();
      const stored = toRecord(row);
      if (inSameTransaction) await inSameTransaction(trx, stored);
      await this.writeEntries.beforeCommit();
      return stored;
    });
  }

  /** The submissions of these agencies (the scope's), every version. */
  async list(caseId: string, agencies: Agencies): Promise<SubmissionRecord[]> {
    const only = agencyFilter(agencies);
    let q = this.db.selectFrom('submissions').selectAll().where('case_id', '=', caseId);
    if (only !== null) q = q.where('agency_key', '=', only);
    const rows = await q.orderBy('agency_key').orderBy('version').execute();
    return rows.map(toRecord);
  }

  /** The entries of one submission of the case, current or not (a version diff compares two), in the merged order. */
  async entriesOf(caseId: string, submissionId: string): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('entries as e')
      .innerJoin('submissions as s', 's.id', 'e.submission_id')
      .select(['e.id', 'e.submission_id', 's.agency as submission_agency', 'e.date', 'e.date_precision', 'e.time', 'e.source', 'e.professional', 'e.contact', 'e.event', 'e.outcome', 'e.seen', 'e.comment', 'e.agency', 'e.extra', 'e.sheet', 'e.row', 'e.date_text', 'e.time_text', 'e.ambiguous_date'])
      .where('e.case_id', '=', caseId)
      .where('e.submission_id', '=', submissionId)
      .orderBy('e.sort_key')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      submissionId: r.submission_id,
      submissionAgency: r.submission_agency,
      date: r.date,
      datePrecision: r.date_precision as StoredEntry['datePrecision'],
      time: r.time,
      source: r.source,
      professional: r.professional,
      contact: r.contact,
      event: r.event,
      outcome: r.outcome,
      seen: r.seen === null ? null : Number(r.seen) === 1,
      comment: r.comment,
      agency: r.agency,
      extra: r.extra === '{}' ? {} : (JSON.parse(r.extra) as Record<string, string>),
      sheet: r.sheet,
      row: Number(r.row),
      dateText: r.date_text,
      timeText: r.time_text,
      ambiguousDate: Number(r.ambiguous_date) === 1,
    }));
  }

  /** The current entries of these agencies (the scope's view) in the merged order, within key ranges (all when omitted). */
  currentEntries(caseId: string, agencies: Agencies, ranges?: readonly KeyRange[]): Promise<StoredEntry[]> {
    return this.readEntries({ caseId, agencyKey: agencyFilter(agencies), ...(ranges ? { ranges } : {}) });
  }
}
