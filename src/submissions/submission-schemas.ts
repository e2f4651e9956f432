// Request and response schemas for uploading and listing chronologies.
import { z } from 'zod';
import { jsonEntryInputSchema } from '../chronology/json-entry-schema.js';

export const uploadQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const jsonUploadBody = z
  .object({
    agency: z.string().trim().min(1).max(200),
    entries: z.array(jsonEntryInputSchema).max(100_000),
  })
  .meta({ id: 'JsonChronology' })
  .nullish()
  .describe('JSON upload; or multipart/form-data with a field "agency" and a part "file"');

const warning = z.object({
  row: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
}).meta({ id: 'UploadWarning' });

export const uploadResponse = z.object({
  dryRun: z.boolean(),
  submission: z.object({
    id: z.string().nullable(),
    agency: z.string(),
    version: z.number().int(),
    entries: z.number().int(),
  }),
  report: z.object({
    sheet: z.string(),
    headerRow: z.number().int(),
    mapping: z.record(z.string(), z.string()),
    unrecognisedColumns: z.array(z.string()),
    warnings: z.array(warning),
    totalWarnings: z.number().int(),
  }),
}).meta({ id: 'UploadResult' });

export const rowErrorsResponse = z
  .object({
    error: z.string(),
    message: z.string(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), value: z.string(), message: z.string() }).meta({ id: 'RowError' })).optional(),
    totalErrors: z.number().int().optional(),
  })
  .loose()
  .meta({ id: 'RowErrors' });

export const submissionsResponse = z.object({
  submissions: z.array(
    z.object({
      id: z.string(),
      agency: z.string(),
      version: z.number().int(),
      current: z.boolean(),
      entries: z.number().int(),
      fileName: z.string().nullable(),
      sha256: z.string(),
      uploadedAt: z.string(),
    }).meta({ id: 'Submission' }),
  ),
}).meta({ id: 'SubmissionList' });
