// Typed application errors and the one error handler that turns any error into { error, message } JSON.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorKind } from './domain-error.js';

/** The one place a domain failure becomes an HTTP status. */
export const DOMAIN_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  'invalid-input': 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  'invalid-rows': 422,
  'unreadable-file': 422,
  'over-limit': 413,
  'unsupported-format': 415,
};

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found'): AppError => new AppError(404, 'not_found', what);
export const forbidden = (why: string): AppError => new AppError(403, 'forbidden', why);
export const badRequest = (why: string, details?: Record<string, unknown>): AppError =>
  new AppError(400, 'bad_request', why, details);

interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  [key: string]: unknown;
}

const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', 'SQLITE_BUSY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

/** A full disk or a database that went away: the upload was not stored, and the caller may try again. */
function fromStorageError(err: { code?: string; message?: string }): { status: number; code: string; message: string } | null {
  const code = err.code ?? '';
  if (code === 'SQLITE_FULL' || code === '53100') {
    return { status: 507, code: 'storage_full', message: 'The service has run out of storage. Nothing was stored; tell the administrator.' };
  }
  if (UNAVAILABLE.has(code) || code.startsWith('08') || /Connection terminated|connection.*(closed|ended)|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(err.message ?? '')) {
    return { status: 503, code: 'database_unavailable', message: 'The database is not answering. Nothing was stored; try again in a minute.' };
  }
  return null;
}

/** Maps fastify's own error codes to ours; the messages never echo request content. */
function fromFastifyError(err: FastifyError): { status: number; code: string; message: string; extra?: object } {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'too_large', message: 'The request is larger than the service accepts.', extra: { limit: err.code === 'FST_FILES_LIMIT' ? 'files' : 'request-size' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send JSON or multipart/form-data.' };
    case 'FST_PROTO_VIOLATION':
      return { status: 400, code: 'bad_request', message: 'A form field has a reserved name (__proto__, constructor or prototype); rename it.' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
    default:
      break;
  }
  const storage = fromStorageError(err);
  if (storage) return storage;
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: 'The request could not be processed.' };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. Nothing was changed.' };
}

export function errorHandler(err: FastifyError | AppError | DomainError, request: FastifyRequest, reply: FastifyReply): void {
  const requestId = String(request.id);
  let status: number;
  let body: ErrorBody;
  if (err instanceof DomainError) {
    status = DOMAIN_STATUS[err.kind];
    body = { error: err.code, message: err.message, ...err.details, requestId };
  } else if (err instanceof AppError) {
    status = err.statusCode;
    body = { error: err.code, message: err.message, ...err.details, requestId };
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    status = 400;
    const issues = err.validation.map((v) => ({
      field: `${err.validationContext ?? 'request'}${v.instancePath.replaceAll('/', '.')}`,
      message: v.message ?? 'is invalid',
    }));
    const first = issues[0];
    body = {
      error: 'invalid_request',
      message: first ? `${first.field}: ${first.message}` : 'The request is invalid.',
      issues,
      requestId,
    };
  } else {
    const mapped = fromFastifyError(err);
    status = mapped.status;
    body = { error: mapped.code, message: mapped.message, ...mapped.extra, requestId };
  }
  if (status >= 500) {
    // The stack without its first line: a library's message could quote the data it choked on.
    const frames = (err.stack ?? '').split('\n').slice(1).join('\n');
    request.log.error({ err: { type: err.name, code: (err as FastifyError).code, stack: frames } }, 'request failed');
  } else {
    request.log.info({ status, error: body.error }, 'request refused');
  }
  void reply.status(status).send(body);
}
