// Reads an upload request, multipart (agency + one file) or JSON, into one shape; nothing else is kept.
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.js';

export interface FileUpload {
  kind: 'file';
  agency: string;
  fileName: string | undefined;
  bytes: Buffer;
}

export interface Part {
  agency: string;
  fileName: string | undefined;
  bytes: Buffer;
}

const agencyRule = (agency: string | undefined): string => {
  const a = agency?.trim();
  if (!a) throw badRequest('Say which agency this chronology is from: send the field "agency" before the file.');
  if (a.length > 200) throw badRequest('The agency name is longer than 200 characters.');
  return a;
};

/**
 * Reads multipart parts as (agency, file) pairs in order: each file belongs to the latest agency
 * field before it (or, for a single-file upload, to the agency field wherever it stands).
 */
export async function readMultipartPairs(
  request: FastifyRequest,
  maxFiles: number,
  extraFields: readonly string[] = [],
): Promise<{ pairs: Part[]; fields: Map<string, string> }> {
  const pairs: Part[] = [];
  const fields = new Map<string, string>();
  let agency: string | undefined;
  let pending: { fileName: string | undefined; bytes: Buffer } | undefined;
  for await (const part of request.parts({ limits: { files: maxFiles, fields: maxFiles + extraFields.length + 8, parts: 2 * maxFiles + extraFields.length + 8 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('Send the chronology in a part named "file".');
      }
      const bytes = await part.toBuffer();
      const fileName = part.filename || undefined;
      if (agency !== undefined) {
        pairs.push({ agency: agencyRule(agency), fileName, bytes });
        agency = undefined;
      } else {
        if (pending) throw badRequest('Each file needs an "agency" field before it.');
        pending = { fileName, bytes };
      }
    } else if (part.fieldname === 'agency') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (pending) {
        pairs.push({ agency: agencyRule(value), ...pending });
        pending = undefined;
      } else {
        agency = value;
      }
    } else if (extraFields.includes(part.fieldname) && typeof part.value === 'string') {
      fields.set(part.fieldname, part.value);
    }
    // Other fields are ignored; they are never copied onto an object, so `__proto__` is harmless.
  }
  if (pending) throw badRequest('Say which agency this chronology is from: send the field "agency".');
  return { pairs, fields };
}

export async function readFileUpload(request: FastifyRequest): Promise<FileUpload> {
  const { pairs } = await readMultipartPairs(request, 1);
  const only = pairs[0];
  if (!only) throw badRequest('Attach the chronology file in a part named "file" (xlsx or csv).');
  if (pairs.length > 1) throw new AppError(413, 'too_large', 'Send one file per upload.', { limit: 'files' });
  return { kind: 'file', ...only };
}
