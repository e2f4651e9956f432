// Zod schema for one person of the pseudonym map as the chair sends it (DESIGN §2, §10 PUT /people).
import { z } from 'zod';

export const PERSON_ROLES = ['victim', 'perpetrator', 'child', 'family', 'friend', 'professional', 'other'] as const;

export const PersonInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  role: z.enum(PERSON_ROLES),
  initials: z
    .string()
    .regex(/^[A-Z]{1,4}\d?$/, 'initials are 1 to 4 capital letters, optionally followed by one digit')
    .optional(),
  pseudonym: z.string().trim().min(1).max(60).optional(),
  title: z.string().trim().min(1).max(30).optional(),
});

export type PersonInput = z.infer<typeof PersonInputSchema>;

/** One protected term (DESIGN §2): the school, employer, street or village, with the label printed instead. */
export const TermInputSchema = z.object({
  text: z.string().trim().min(2).max(200),
  aliases: z.array(z.string().trim().min(2).max(200)).max(20).optional(),
  label: z.string().trim().min(1).max(80),
});

export type TermInput = z.infer<typeof TermInputSchema>;

/** Body of PUT /api/cases/:caseId/people. */
export const PeopleBodySchema = z.object({ people: z.array(PersonInputSchema).max(500), terms: z.array(TermInputSchema).max(200).optional() });
