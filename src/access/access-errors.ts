// The access module's refusals as domain errors; errors.ts maps them to 403 and 404.
import { DomainError } from '../domain-error.js';

/** The case or thing is visible but the token may not do this (403). `reason` is a short code for the audit trail. */
export class AccessDenied extends DomainError {
  constructor(
    message: string,
    readonly reason = 'not allowed',
  ) {
    super('forbidden', 'forbidden', message);
  }
}

/** The token cannot see it: answered exactly as if it did not exist (404). */
export class NotVisible extends DomainError {
  constructor(message = 'No such case.') {
    super('not-found', 'not_found', message);
  }
}
