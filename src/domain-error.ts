// Failures of domain code, by kind and with no HTTP in them; errors.ts alone maps each kind to a status.

export const DOMAIN_ERROR_KINDS = [
  /** The request names something malformed or contradictory (not a file's rows). */
  'invalid-input',
  /** It does not exist, or the token cannot see it. */
  'not-found',
  /** Visible, but the token may not do this. */
  'forbidden',
  /** The thing is in a state that does not allow this (a closed case, a race lost). */
  'conflict',
  /** A chronology with rows that cannot be read: every row error is listed. */
  'invalid-rows',
  /** A file of a format we read, damaged or hostile. */
  'unreadable-file',
  /** Over one of the service's limits (size, rows, cells, entries). */
  'over-limit',
  /** A file format the service does not read. */
  'unsupported-format',
] as const;

export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

/** A domain failure as plain data: what a worker sends back across threads, and what DomainError carries. */
export interface Failure {
  kind: DomainErrorKind;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** The `error` code of the answer, e.g. `invalid_chronology`. */
    readonly code: string,
    /** For a person; never echoes cell text or names. */
    message: string,
    /** Extra fields of the answer (`limit`, `errors`, `format` …). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static from(f: Failure): DomainError {
    return new DomainError(f.kind, f.code, f.message, f.details);
  }

  toFailure(): Failure {
    return { kind: this.kind, code: this.code, message: this.message, details: this.details };
  }
}
