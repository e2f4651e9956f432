// Opaque, unguessable identifiers and token secrets.
import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, url-safe: case, submission, person and token ids. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** A bearer secret: recognisable prefix + 256 random bits. */
export function newTokenSecret(): string {
  return `chr_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
