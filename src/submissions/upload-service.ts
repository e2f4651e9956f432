// Turns a read upload into a stored submission (or a dry-run report), within the request's scope, with its audit entry.
import { AccessDenied } from '../access/access-errors.js';
import { assertMayUploadFor, type Scope } from '../access/scope.js';
import { AuditRepository } from '../audit/audit-repository.js';
import type { EntryStream, IngestFailure } from '../ingest/entry-stream.js';
import type { IngestOptions } from '../ingest/ingest.js';
import type { JsonEntryInput } from '../chronology/json-entry-schema.js';
import type { IngestLimits } from '../ingest/limits.js';
import type { IngestReport } from '../chronology/types.js';
import { DomainError } from '../domain-error.js';
import { sha256Hex } from '../ids.js';
import type { FileUpload } from './read-upload-request.js';
import type { EntrySource, SubmissionsRepository } from './submissions-repository.js';

export type Upload = FileUpload | { kind: 'json'; agency: string; entries: JsonEntryInput[] };

const MAX_WARNINGS = 1000;

export interface UploadResult {
  status: 200 | 201;
  body: {
    dryRun: boolean;
    submission: { id: string | null; agency: string; version: number; entries: number };
    report: {
      sheet: string;
      headerRow: number;
      mapping: Record<string, string>;
      unrecognisedColumns: string[];
      warnings: { row: number; column?: string; code: string; message: string }[];
      totalWarnings: number;
    };
  };
}

export interface UploadDeps {
  submissions: SubmissionsRepository;
  audit: AuditRepository;
  /**
   * Reads an upload: a file in a worker, its entries streaming back as they settle (its bytes move to the worker:
   * `upload.bytes` is empty afterwards); JSON at once.
   */
  read(upload: Upload, options: IngestOptions): EntryStream;
  limits: IngestLimits;
}

/** A closed case takes no more chronologies. */
export class CaseClosed extends DomainError {
  constructor() {
    super('conflict', 'case_closed', 'This case is closed and takes no more chronologies; ask the chair to reopen it.');
  }
}

/** The upload was refused after its store began: the transaction rolls back and the refusal is answered. */
class Refused extends Error {
  constructor(readonly failure: IngestFailure) {
    super('refused');
  }
}

export async function handleUpload(deps: UploadDeps, scope: Scope, upload: Upload, dryRun: boolean): Promise<UploadResult> {
  const { submissions } = deps;
  const { principal: p, case: c } = scope;
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail: Record<string, string | number | boolean>) =>
    deps.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: dryRun ? 'chronology.dry-run' : 'chronology.upload', outcome, detail });

  try {
    assertMayUploadFor(scope, upload.agency);
  } catch (err) {
    if (err instanceof AccessDenied) await audit('refused', { reason: err.reason });
    throw err;
  }
  if (c.status === 'closed') {
    await audit('refused', { reason: 'case closed' });
    throw new CaseClosed();
  }
  const refuse = async (failure: IngestFailure): Promise<never> => {
    const f = failure.failure;
    await audit('failed', { format: upload.kind, error: f.code, errors: Number(f.details.totalErrors ?? 0) });
    throw DomainError.from(f);
  };
  const stream = deps.read(upload, { limits: deps.limits, reviewPeriod: c.reviewPeriod });
  if (dryRun) {
    const outcome = await stream.outcome();
    if (!outcome.ok) return refuse(outcome);
    const version = await submissions.nextVersion(c.id, upload.agency);
    await audit('ok', { agency: upload.agency, entries: outcome.count });
    return { status: 200, body: responseBody(upload.agency, dryRun, null, version, outcome.count, outcome.report) };
  }
  const source: EntrySource = {
    batches: () => stream.batches(),
    complete: async () => {
      const outcome = await stream.outcome();
      if (!outcome.ok) throw new Refused(outcome);
      return outcome.report;
    },
  };
  let stored;
  try {
    stored = await submissions.store(
      {
        caseId: c.id,
        agency: upload.agency,
        fileName: upload.kind === 'file' ? (upload.fileName ?? null) : null,
        sha256: upload.kind === 'file' ? upload.sha256 : sha256Hex(JSON.stringify(upload.entries)),
        uploadedBy: p.tokenId,
        entries: source,
      },
      (trx, rec) =>
        // In the upload's own transaction: a 201 always has its audit event, and a failure after the commit cannot
        // turn a stored upload into a 503 that says nothing was stored.
        new AuditRepository(trx).record({
          caseId: c.id,
          tokenId: p.tokenId,
          role: p.role,
          action: 'chronology.upload',
          outcome: 'ok',
          detail: { agency: upload.agency, entries: rec.entries, version: rec.version, replaced: rec.version > 1 },
        }),
    );
  } catch (err) {
    if (err instanceof Refused) return refuse(err.failure);
    stream.abandon();
    throw err;
  }
  const report = await source.complete();
  return { status: 201, body: responseBody(upload.agency, dryRun, stored.id, stored.version, stored.entries, report) };
}

function responseBody(agency: string, dryRun: boolean, id: string | null, version: number, entries: number, report: IngestReport): UploadResult['body'] {
  return {
    dryRun,
    submission: { id, agency, version, entries },
    report: {
      sheet: report.sheet,
      headerRow: report.headerRow,
      mapping: report.mapping,
      unrecognisedColumns: report.unrecognisedColumns,
      warnings: report.warnings.slice(0, MAX_WARNINGS),
      totalWarnings: report.warnings.length,
    },
  };
}
