// Reads an upload request, multipart (agency + one file) or JSON, into one shape; nothing else is kept.
import { createHash } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.js';

/** A file as received: its bytes and their SHA-256 (hex). */
export interface ReceivedFile {
  fileName: string | undefined;
  bytes: Buffer;
  sha256: string;
}

export interface Part extends ReceivedFile {
  agency: string;
}

export interface FileUpload extends Part {
  kind: 'file';
}

const agencyRule = (agency: string | undefined): string => {
  const a = agency?.trim();
  if (!a) throw badRequest('Say which agency this chronology is from: send the field "agency" before the file.');
  if (a.length > 200) throw badRequest('The agency name is longer than 200 characters.');
  return a;
};

/**
 * The file part's bytes, hashed chunk by chunk as they arrive (the hash then costs nothing after the upload is in).
 * Refuses a file over the multipart size limit as toBuffer() does.
 */
async function receiveFile(request: FastifyRequest, part: MultipartFile): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  if (part.file.truncated) throw new request.server.multipartErrors.RequestFileTooLargeError();
  return { fileName: part.filename || undefined, bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
}

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
  let pending: ReceivedFile | undefined;
  for await (const part of request.parts({ limits: { files: maxFiles, fields: maxFiles + extraFields.length + 8, parts: 2 * maxFiles + extraFields.length + 8 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest('Send the chronology in a part named "file".');
      }
      const file = await receiveFile(request, part);
      if (agency !== undefined) {
        pairs.push({ agency: agencyRule(agency), ...file });
        agency = undefined;
      } else {
        if (pending) throw badRequest('Each file needs an "agency" field before it.');
        pending = file;
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
