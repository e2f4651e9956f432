// Request and response schemas of the redaction check, the chair's decisions and sign-off.
import { z } from 'zod';
import { FINDING_KINDS } from '../anonymise/types.js';
import { PersonInputSchema } from '../anonymise/people-schema.js';
import { VERDICTS } from './verdict.js';

export const findingKind = z.enum(FINDING_KINDS);
export const decisionKind = z.enum(['not-a-name', 'keep']);

export const findingSchema = z.object({
  kind: findingKind,
  text: z.string(),
  where: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  confidence: z.number(),
  suggestion: z.string(),
  decision: decisionKind.nullable(),
}).meta({ id: 'Finding' });

export const redactionResponse = z.object({
  verdict: z.enum(VERDICTS),
  findings: z.array(findingSchema),
  checked: z.object({ source: z.enum(['timeline', 'text', 'file']), segments: z.number().int() }),
}).meta({ id: 'RedactionResult' });

const text = z.string().min(1).max(5 * 1024 * 1024);

export const caseCheckBody = z.object({ text }).nullish().describe('Empty: check the anonymised timeline. { text }: check a draft. Or multipart with a .txt/.docx part "file".');

export const statelessCheckBody = z.object({ text, people: z.array(PersonInputSchema).max(500).optional() });

const decisionInput = z.object({ text: z.string().trim().min(1).max(300), decision: decisionKind, note: z.string().trim().max(500).optional() });
export const decisionsBody = z.object({ decisions: z.array(decisionInput).max(2000) });
export const decisionsResponse = z.object({
  decisions: z.array(z.object({ text: z.string(), decision: decisionKind, note: z.string().nullable(), decidedAt: z.string() }).meta({ id: 'Decision' })),
}).meta({ id: 'DecisionList' });

export const signOffSchema = z.object({ id: z.string(), at: z.string(), by: z.string().nullable(), verdict: z.literal('pass'), entries: z.number().int(), sha256: z.string() }).meta({ id: 'SignOff' });
export const signOffStatus = z.object({ signOff: signOffSchema.nullable(), holds: z.boolean() }).meta({ id: 'SignOffStatus' });
export const notCleanResponse = z.object({ error: z.literal('not_clean'), message: z.string(), verdict: z.enum(VERDICTS), findings: z.array(findingSchema) }).passthrough().meta({ id: 'NotClean' });
