// The zod schema of one chronology entry posted as JSON (`{ agency, entries: [...] }`, DESIGN §10).
import { z } from 'zod';

/** Longest text in one field, the same as a spreadsheet cell's limit (32 KiB). */
const MAX_TEXT = 32_768;

const text = z.string().max(MAX_TEXT);
const optionalText = text.nullish();

/**
 * One entry as a script sends it. Dates and times are strings in the forms a file may use (`03/04/2013`,
 * `2013-04-03`, `04/2013`, `17:00` …) and go through the same parser, so the errors read the same; `seen` may be a
 * boolean or the words a file may use (`yes`, `✓`). Unknown fields are refused so a typo ('evnt') is not lost silently.
 */
export const jsonEntryInputSchema = z.strictObject({
  date: z.string().max(100),
  time: z.string().max(100).nullish(),
  source: optionalText,
  professional: optionalText,
  contact: optionalText,
  event: text,
  outcome: optionalText,
  seen: z.union([z.boolean(), z.string().max(100)]).nullish(),
  comment: optionalText,
});

export type JsonEntryInput = z.infer<typeof jsonEntryInputSchema>;

/** The entries array of a JSON upload (at most 100 000, the row limit of a file). */
export const jsonEntriesSchema = z.array(jsonEntryInputSchema).max(100_000);
