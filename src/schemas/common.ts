// Schemas every feature shares: the error body, the :caseId path, and the file a download answers with.
import { z } from 'zod';

/** Every refusal and failure: `{ error, message, requestId, … }`; some errors add fields (limit, errors, files). */
export const errorResponse = z
  .object({
    error: z.string().describe('A stable code, e.g. not_found, rate_limited, invalid_chronology'),
    message: z.string().describe('What went wrong, for a person; never echoes names or cell text'),
    requestId: z.string().optional(),
  })
  .loose()
  .meta({ id: 'ErrorBody' });

export type ErrorBody = z.infer<typeof errorResponse>;

export const caseParams = z.object({ caseId: z.string().min(1).max(64) });

/** A file in a response body (a download); the media type and Content-Disposition are declared with it. */
export const fileBody = z.string().meta({ format: 'binary' });

/** A response whose body is a file of one of these media types. */
export function fileResponse(description: string, mediaTypes: readonly string[]): { description: string; content: Record<string, { schema: typeof fileBody }> } {
  return { description, content: Object.fromEntries(mediaTypes.map((t) => [t, { schema: fileBody }])) };
}
