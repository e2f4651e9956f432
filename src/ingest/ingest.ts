// One upload, start to finish and pure: bytes → rows → validated entries, or the domain failure that says why not.
import { DomainError, type Failure } from '../domain-error.js';
import { buildEntriesFromJson, type BuildResult } from '../chronology/build-entries.js';
import type { EntrySink } from '../chronology/entry-collector.js';
import type { JsonEntryInput } from '../chronology/json-entry-schema.js';
import type { IngestLimits } from './limits.js';
import { buildUpload } from './read-upload.js';
import type { EntryInput, IngestReport, ReviewPeriod, RowError } from '../chronology/types.js';

export type IngestOutcome =
  | { ok: true; entries: EntryInput[]; count: number; report: IngestReport }
  | { ok: false; failure: Failure };

export interface IngestOptions {
  limits: IngestLimits;
  reviewPeriod?: ReviewPeriod | undefined;
}

function invalid(errors: RowError[], totalErrors: number): IngestOutcome {
  const rows = new Set(errors.map((e) => e.row)).size;
  return {
    ok: false,
    failure: {
      kind: 'invalid-rows',
      code: 'invalid_chronology',
      message: `Nothing was stored: ${totalErrors} problem${totalErrors === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}. Fix them and upload the whole file again.`,
      details: { errors, totalErrors },
    },
  };
}

function fromBuild(result: BuildResult): IngestOutcome {
  if (result.ok) return result;
  if (result.reason === 'invalid') return invalid(result.errors, result.totalErrors);
  return {
    ok: false,
    failure: {
      kind: 'invalid-rows',
      code: 'invalid_chronology',
      message:
        'No date column was found, so the chronology table could not be read. Put the headings (Date, Time, Source of evidence, Event …) in one row above the entries.',
      details: {
        errors: [
          {
            row: 1,
            column: 'Date',
            value: '',
            message: `No column headed like a date was found. Headings seen: ${result.seenHeaders.slice(0, 20).join(', ') || 'none'}.`,
          },
        ],
        totalErrors: 1,
        seenHeaders: result.seenHeaders,
        expected: result.expected,
      },
    },
  };
}

/** Turns the readers' domain errors (limits, formats, damaged files) into an outcome a worker can pass back. */
function fromError(err: unknown): IngestOutcome {
  if (err instanceof DomainError) return { ok: false, failure: err.toFailure() };
  return {
    ok: false,
    failure: {
      kind: 'unreadable-file',
      code: 'unreadable_file',
      message: 'The file could not be read. Open it in Excel, save it again as .xlsx or .csv, and upload again.',
      details: {},
    },
  };
}

/**
 * With a sink, entries go to it as they settle (the outcome's `entries` is then empty; `count` says how many);
 * `restart` says that those sent so far are void and come again from the first.
 */
export async function ingestFile(buf: Uint8Array, fileName: string | undefined, opts: IngestOptions, sink?: EntrySink, restart?: () => void): Promise<IngestOutcome> {
  try {
    const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
    return fromBuild(await buildUpload(bytes, fileName, opts.limits, { reviewPeriod: opts.reviewPeriod, sink, restart }));
  } catch (err) {
    return fromError(err);
  }
}

export function ingestJson(entries: JsonEntryInput[], opts: IngestOptions): IngestOutcome {
  try {
    return fromBuild(buildEntriesFromJson(entries, { reviewPeriod: opts.reviewPeriod }));
  } catch (err) {
    return fromError(err);
  }
}
