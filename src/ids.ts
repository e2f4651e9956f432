// Opaque, unguessable identifiers and token secrets.
import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, url-safe: case, submission, person and token ids. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * An entry's id: its submission's id and its position there, so one upload's ids ascend (a random id per entry
 * would cost the primary-key index a random page for each row stored). Unguessable as the submission id is.
 */
export function entryId(submissionId: string, position: number): string {
  return `${submissionId}.${String(position).padStart(6, '0')}`;
}

/** A bearer secret: recognisable prefix + 256 random bits. */
export function newTokenSecret(): string {
  return `chr_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
