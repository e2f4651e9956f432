// Reads the optional `people` multipart field of a stateless merge into a validated pseudonym map.
import { z } from 'zod';
import { validatePeopleMap } from '../anonymise/people-map.js';
import { PersonInputSchema } from '../anonymise/people-schema.js';
import type { Person } from '../anonymise/types.js';
import { AppError, badRequest } from '../errors.js';

const peopleArray = z.array(PersonInputSchema).max(500);

export function parsePeopleField(raw: string | undefined): Person[] {
  if (raw === undefined || raw.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest('The "people" field must be a JSON array of people.');
  }
  const parsed = peopleArray.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`people.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'is invalid'}`);
  }
  const map = validatePeopleMap(parsed.data);
  if (!map.ok) throw new AppError(422, map.error, map.message, { person: map.person, ...(map.suggestion ? { suggestion: map.suggestion } : {}) });
  return map.people;
}
