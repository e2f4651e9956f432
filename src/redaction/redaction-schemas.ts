// Request and response schemas of the redaction check.
import { z } from 'zod';
import { FINDING_KINDS } from '../anonymise/types.js';
import { PersonInputSchema } from '../anonymise/people-schema.js';

export const findingKind = z.enum(FINDING_KINDS);

export const redactionResponse = z.object({
  verdict: z.enum(['pass', 'fail']),
  findings: z.array(
    z.object({
      kind: findingKind,
      text: z.string(),
      where: z.string(),
      confidence: z.number(),
      suggestion: z.string(),
    }),
  ),
  checked: z.object({ source: z.enum(['timeline', 'text', 'file']), segments: z.number().int() }),
});

const text = z.string().min(1).max(5 * 1024 * 1024);

export const caseCheckBody = z.object({ text }).nullish().describe('Empty: check the anonymised timeline. { text }: check a draft. Or multipart with a .txt/.docx part "file".');

export const statelessCheckBody = z.object({ text, people: z.array(PersonInputSchema).max(500).optional() });
