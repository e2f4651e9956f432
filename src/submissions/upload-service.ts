// Turns a read upload into a stored submission (or a dry-run report), with the access rule and the audit entry.
import type { FastifyInstance } from 'fastify';
import { mayUploadFor, type Principal } from '../auth/policy.js';
import type { CaseRecord } from '../cases/cases-repository.js';
import type { PackedOutcome } from '../chronology/ingest-pool.js';
import { ingestJson, type IngestOutcome } from '../chronology/ingest.js';
import type { JsonEntryInput } from '../chronology/json-entry-schema.js';
import { AppError, forbidden } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { AuditRepository } from '../audit/audit-repository.js';

export type Upload =
  | { kind: 'file'; agency: string; fileName: string | undefined; bytes: Buffer }
  | { kind: 'json'; agency: string; entries: JsonEntryInput[] };

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

/** A file's entries come back packed (see entry-frames.ts) and are unpacked only slice by slice as they are stored. */
export async function runIngest(app: FastifyInstance, upload: Upload, c: CaseRecord): Promise<IngestOutcome | PackedOutcome> {
  const options = { limits: app.ingestLimits, reviewPeriod: c.reviewPeriod };
  return upload.kind === 'file'
    ? app.ingest.runPacked(upload.bytes, upload.fileName, options)
    : ingestJson(upload.entries, options);
}

export async function handleUpload(
  app: FastifyInstance,
  p: Principal,
  c: CaseRecord,
  upload: Upload,
  dryRun: boolean,
): Promise<UploadResult> {
  const { submissions } = app.repos;
  const audit = (outcome: 'ok' | 'refused' | 'failed', detail: Record<string, string | number | boolean>) =>
    app.repos.audit.record({ caseId: c.id, tokenId: p.tokenId, role: p.role, action: dryRun ? 'chronology.dry-run' : 'chronology.upload', outcome, detail });

  if (!mayUploadFor(p, upload.agency)) {
    await audit('refused', { reason: 'other agency' });
    throw forbidden('Your token may only upload for its own agency.');
  }
  const outcome = await runIngest(app, upload, c);
  if (!outcome.ok) {
    await audit('failed', { format: upload.kind, status: outcome.statusCode, errors: Number(outcome.body.totalErrors ?? 0) });
    const { error, message, ...rest } = outcome.body;
    throw new AppError(outcome.statusCode, error, message, rest);
  }
  const { entries, report } = outcome;








  const body = (id: string | null, version: number): UploadResult['body'] => ({
    dryRun,
    submission: { id, agency: upload.agency, version, entries: entries.length },
    report: {
      sheet: report.sheet,
      headerRow: report.headerRow,
      mapping: report.mapping,
      unrecognisedColumns: report.unrecognisedColumns,
      warnings: report.warnings.slice(0, MAX_WARNINGS),
      totalWarnings: report.warnings.length,
    },
  });
  if (dryRun) {
    const version = await submissions.nextVersion(c.id, upload.agency);
    await audit('ok', { agency: upload.agency, entries: entries.length });
    return { status: 200, body: body(null, version) };
  }
  const bytes = upload.kind === 'file' ? upload.bytes : Buffer.from(JSON.stringify(upload.entries));
  const stored = await submissions.store({
    caseId: c.id,
    agency: upload.agency,
    fileName: upload.kind === 'file' ? (upload.fileName ?? null) : null,
    sha256: sha256Hex(bytes),
    uploadedBy: p.tokenId,
    entries,
    report,
  }, (trx, rec) =>
    // In the upload's own transaction: a 201 always has its audit event, and a failure after the commit cannot
    // turn a stored upload into a 503 that says nothing was stored.
    new AuditRepository(trx).record({
      caseId: c.id,
      tokenId: p.tokenId,
      role: p.role,
      action: 'chronology.upload',
      outcome: 'ok',
      detail: { agency: upload.agency, entries: entries.length, version: rec.version, replaced: rec.version > 1 },
    }),
  );
  return { status: 201, body: body(stored.id, stored.version) };
}
