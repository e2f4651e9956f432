// Query and response schemas of the merged timeline and the stateless merge.
import { z } from 'zod';

export const partialIso = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be yyyy, yyyy-mm or yyyy-mm-dd')
  .refine((s) => {
    const [y, m = '01', d = '01'] = s.split('-');
    const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === `${y}-${m}-${d}`;
  }, 'is not a real date');
const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const formatEnum = z.enum(['json', 'csv', 'xlsx', 'docx', 'pdf']);

/** The content type each format is sent as: the route's headers and the OpenAPI document both take it from here. */
export const FORMAT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const satisfies Record<z.infer<typeof formatEnum>, string>;
export const namesEnum = z.enum(['initials', 'pseudonym', 'real']);

export const timelineQuery = z.object({
  format: formatEnum.default('json'),
  names: namesEnum.default('initials'),
  from: partialIso.optional(),
  to: partialIso.optional(),
  agency: many.optional(),
  person: z.string().min(1).max(200).optional(),
  q: z.string().min(1).max(200).optional(),
  seen: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export type TimelineQuery = z.infer<typeof timelineQuery>;

export const timelineEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  datePrecision: z.enum(['day', 'month', 'year']),
  time: z.string().nullable(),
  agency: z.string(),
  source: z.string().nullable(),
  professional: z.string().nullable(),
  contact: z.string().nullable(),
  event: z.string(),
  outcome: z.string().nullable(),
  seen: z.boolean().nullable(),
  comment: z.string().nullable(),
  extra: z.record(z.string(), z.string()),
  flags: z.array(z.enum(['outside-review-period', 'possible-duplicate', 'ambiguous-date'])),
  duplicateOf: z.array(z.string()),
  provenance: z.object({ submissionId: z.string(), sheet: z.string(), row: z.number().int() }),
}).meta({ id: 'TimelineEntry' });

export const timelineJson = z.object({
  case: z.object({ id: z.string().nullable(), title: z.string(), reviewPeriod: z.object({ from: z.string(), to: z.string() }).nullable() }),
  names: namesEnum,
  entries: z.array(timelineEntrySchema),
  report: z.object({
    unmapped: z.array(z.object({ initials: z.string(), entries: z.array(z.string()) })).describe('Unmapped people replaced, by initials: never their names'),
    shared: z.array(z.object({ initials: z.string(), entries: z.array(z.string()) })).describe('Forms several mapped people share, initialled as written'),
    unmappedNames: z.array(z.string()).optional().describe('Real unmapped names: only with names=real (chair, admin)'),
    total: z.number().int(),
  }),
}).meta({ id: 'Timeline' });

const file = (what: string) => z.string().meta({ format: 'binary' }).describe(`${what} (Content-Disposition: attachment)`);

/** The 200 answer of the timeline and the merge, one schema per content type (`format` picks it). */
export const timelineResponse = {
  description: 'The merged timeline in the format asked for: JSON, or a file',
  content: {
    'application/json': { schema: timelineJson },
    'text/csv': { schema: z.string().describe('CSV: UTF-8 with BOM and CRLF, formula injection neutralised (Content-Disposition: attachment)') },
    [FORMAT_TYPES.xlsx]: { schema: file('XLSX workbook: the combined chronology, its contacts by month and the agencies sheet') },
    [FORMAT_TYPES.docx]: { schema: file('DOCX: the combined narrative chronology, landscape, with a glossary') },
    [FORMAT_TYPES.pdf]: { schema: file('PDF: the combined chronology for panel packs, landscape A4, the names mode and sign-off state on page 1') },
  },
};
