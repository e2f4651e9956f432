// Request and response schemas of the cases API (zod; they also feed openapi.yaml).
import { z } from 'zod';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date, yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real date');

export const reviewPeriod = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });

// Shared schemas live in src/schemas/common.ts; re-exported here for the features that still import them from cases.
export { caseParams, errorResponse } from '../schemas/common.js';

export const createCaseBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    reviewPeriod,
  })
  .meta({ id: 'NewCase' });

export const patchCaseBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    reviewPeriod: reviewPeriod.optional(),
    authorsSeeMergedTimeline: z.boolean().optional(),
    status: z.enum(['open', 'closed']).optional(),
  })
  .strict()
  .meta({ id: 'CaseChange' });

export const caseResponse = z.object({
  id: z.string(),
  title: z.string(),
  reviewPeriod: z.object({ from: z.string(), to: z.string() }),
  status: z.enum(['open', 'closed']),
  authorsSeeMergedTimeline: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'Case' });

export const caseListResponse = z.object({ cases: z.array(caseResponse) }).meta({ id: 'CaseList' });
