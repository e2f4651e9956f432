// Query and response schemas of the analysis and the version diff (zod; they feed openapi.yaml and the page's types).
import { z } from 'zod';
import { namesEnum, partialIso, timelineEntrySchema } from '../timeline/timeline-schemas.js';
import { DIFF_FIELDS } from './version-diff.js';

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const analysisQuery = z.object({
  gapDays: z.coerce.number().int().min(1).max(3650).default(90).describe('A gap is reported when it is longer than this many days'),
  from: partialIso.optional().describe('Narrow the review period: from the start of this day, month or year'),
  to: partialIso.optional().describe('Narrow the review period: to the end of this day, month or year'),
  agency: many.optional().describe('Only these agencies (repeatable); gaps are then gaps in their contacts'),
});

export type AnalysisQuery = z.infer<typeof analysisQuery>;

const day = z.string().describe('yyyy-mm-dd');
const isoAtPrecision = z.string().describe('ISO at the entry’s precision: yyyy-mm-dd, yyyy-mm or yyyy');

export const COUNTING_NOTE =
  'An entry dated to the day counts in its month. One dated to the month only counts in that month too, and in approximate. ' +
  'One dated to the year only counts in years, in no month. Gaps are runs of days with no entry dated to that day; a gap’s ' +
  'approximate says how many month- or year-dated entries could fall inside it. An agency’s first and last are the entries ' +
  'starting earliest and ending latest, at their own precision (a year-only entry starts on 1 January and ends on 31 December). ' +
  'Entries outside the period count only in outside.';

export const analysisResponse = z.object({
  period: z.object({ from: day, to: day }).describe('The days analysed: the review period, narrowed by from and to'),
  gapDays: z.number().int(),
  counting: z.string().describe('How entries dated to the month or year only are counted'),
  months: z.array(
    z.object({
      month: z.string().describe('yyyy-mm'),
      agency: z.string(),
      contacts: z.number().int().describe('Entries dated in this month, to the day or to the month only'),
      seen: z.number().int().describe('Of contacts, those where the victim was seen'),
      approximate: z.number().int().describe('Of contacts, those dated to the month only'),
    }),
  ).describe('Every month of the period for every agency, zero months included'),
  years: z.array(z.object({ year: z.string(), agency: z.string(), contacts: z.number().int(), seen: z.number().int() })).describe('Entries dated to the year only'),
  gaps: z.array(
    z.object({
      from: day,
      to: day,
      days: z.number().int().describe('Days with no contact, both ends counted; always more than gapDays'),
      approximate: z.number().int().describe('Entries dated to the month or year only that may fall inside the gap'),
    }),
  ),
  agencies: z.array(
    z.object({
      agency: z.string(),
      first: isoAtPrecision.nullable(),
      last: isoAtPrecision.nullable(),
      contacts: z.number().int(),
      seen: z.number().int(),
      approximate: z.number().int(),
      outside: z.number().int().describe('Entries outside the period, in no other count'),
    }),
  ),
}).meta({ id: 'Analysis' });

export type AnalysisResponse = z.infer<typeof analysisResponse>;

export const diffQuery = z.object({
  agency: z.string().trim().min(1).max(200).optional().describe("The agency; an author's own when omitted"),
  from: z.coerce.number().int().min(1).optional().describe('The earlier version (default: the one before `to`)'),
  to: z.coerce.number().int().min(1).optional().describe('The later version (default: the latest)'),
  names: namesEnum.optional().describe('Default: anonymised (initials) where the token may see it, else the real names it may see'),
});

export type DiffQuery = z.infer<typeof diffQuery>;

const versionInfo = z.object({ version: z.number().int(), submissionId: z.string(), entries: z.number().int(), uploadedAt: z.string() });

export const diffResponse = z.object({
  agency: z.string(),
  names: namesEnum,
  from: versionInfo.nullable().describe('Null when `to` is the first version: every entry is then added'),
  to: versionInfo,
  summary: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  added: z.array(timelineEntrySchema),
  removed: z.array(timelineEntrySchema),
  changed: z.array(
    z.object({
      before: timelineEntrySchema,
      after: timelineEntrySchema,
      fields: z.array(z.enum(DIFF_FIELDS)),
      similarity: z.number().describe('Token-set similarity of event and outcome, 0..1'),
    }),
  ),
}).meta({ id: 'VersionDiff' });

export type DiffResponse = z.infer<typeof diffResponse>;
