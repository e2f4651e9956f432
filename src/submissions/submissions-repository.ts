// Agency submissions and their entries in storage: one transaction per upload, versions kept, one current per agency.
import type { Kysely, Transaction } from 'kysely';
import { agencyKey } from '../auth/policy.js';
import { kyselyEntryReader, type EntryReader } from '../db/entry-reader.js';
import type { EntryWriter } from '../db/entry-writer.js';
import type { EntriesTable, Schema, SubmissionsTable } from '../db/schema.js';
import { newId, newIds } from '../ids.js';
import type { EntryInput, IngestReport, StoredEntry } from '../chronology/types.js';
import { entrySlices, type PackedEntries } from '../chronology/entry-frames.js';

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

export interface NewSubmission {
  caseId: string;
  agency: string;
  fileName: string | null;
  sha256: string;
  uploadedBy: string | null;
  /** An array, or an upload's packed entries (read slice by slice while they are written). */
  entries: readonly EntryInput[] | PackedEntries;
  report: IngestReport;
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

function entryRow(e: EntryInput, id: string, submissionId: string, caseId: string, position: number): EntriesTable {
  return {
    id,
    submission_id: submissionId,
    case_id: caseId,
    position,
    date: e.date,
    date_precision: e.datePrecision,
    time: e.time,
    source: e.source,
    professional: e.professional,
    contact: e.contact,
    event: e.event,
    outcome: e.outcome,
    seen: e.seen === null ? null : e.seen ? 1 : 0,
    comment: e.comment,
    agency: e.agency,
    extra: stringifyExtra(e.extra),
    sheet: e.sheet,
    row: e.row,
    date_text: e.dateText,
    time_text: e.timeText,
    ambiguous_date: e.ambiguousDate ? 1 : 0,
  };
}

/** Most rows have no extra columns: their '{}' needs no JSON.stringify. */
function stringifyExtra(extra: Record<string, string>): string {
  for (const _ in extra) return JSON.stringify(extra);
  return '{}';
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}


const WRITE_SLICE = 1000;

/** Work that must commit or roll back with the submission (its audit event). */
export type AfterStore = (trx: Transaction<Schema>, stored: SubmissionRecord) => Promise<void>;

export class SubmissionsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly writeEntries: EntryWriter,
    private readonly readEntries: EntryReader = kyselyEntryReader(db),
  ) {}

  /** The version the next upload for this agency would get. */
  async nextVersion(caseId: string, agency: string, db: Kysely<Schema> | Transaction<Schema> = this.db): Promise<number> {
    const row = await db
      .selectFrom('submissions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('case_id', '=', caseId)
      .where('agency_key', '=', agencyKey(agency))
      .executeTakeFirst();
    return Number(row?.v ?? 0) + 1;
  }

  /**
   * Stores an upload as the agency's new current version, in one transaction: either the whole
   * submission with every entry is there afterwards, or nothing of it is.
   */
  async store(s: NewSubmission, inSameTransaction?: AfterStore): Promise<SubmissionRecord> {
    // Two uploads for one agency at once may race for the same version number: the unique
    // constraint refuses the second, which then retries with the next number.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.storeOnce(s, inSameTransaction);
      } catch (err) {
        if (attempt >= 5 || !isUniqueViolation(err)) throw err;
      }
    }
  }

  private storeOnce(s: NewSubmission, inSameTransaction?: AfterStore): Promise<SubmissionRecord> {
    return this.db.transaction().execute(async (trx) => {
      const version = await this.nextVersion(s.caseId, s.agency, trx);
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
        entries: s.entries.length,
        uploaded_by: s.uploadedBy,
        uploaded_at: new Date().toISOString(),
        report: JSON.stringify(s.report),
      };
      await trx.insertInto('submissions').values(row).execute();
      // In slices, yielding between them: on SQLite every write is synchronous, and other requests need turns.
      let position = 0;
      for (const slice of entrySlices(s.entries, WRITE_SLICE)) {
        const ids = newIds(slice.length);
        const at = position;
        await this.writeEntries(trx, slice.map((e, j) => entryRow(e, ids[j] ?? newId(), row.id, s.caseId, at + j)));
        position += slice.length;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const stored = toRecord(row);
      if (inSameTransaction) await inSameTransaction(trx, stored);
      return stored;
    });
  }

  async list(caseId: string, agency?: string | null): Promise<SubmissionRecord[]> {
    let q = this.db.selectFrom('submissions').selectAll().where('case_id', '=', caseId);
    if (agency) q = q.where('agency_key', '=', agencyKey(agency));
    const rows = await q.orderBy('agency_key').orderBy('version').execute();
    return rows.map(toRecord);
  }

  /** The current entries of a case (optionally one agency's), as stored, in no particular order. */
  currentEntries(caseId: string, agency?: string | null): Promise<StoredEntry[]> {
    return this.readEntries(caseId, agency ? agencyKey(agency) : null);
  }
}
