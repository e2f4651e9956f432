// Opaque, unguessable identifiers and token secrets.
import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits, url-safe: case, submission, person and token ids. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** `count` ids like newId's, from one draw of random bytes (a draw per id is most of the cost of storing a row). */
export function newIds(count: number): string[] {
  const bytes = randomBytes(16 * count);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(bytes.toString('base64url', 16 * i, 16 * i + 16));
  return ids;
}

/** A bearer secret: recognisable prefix + 256 random bits. */
export function newTokenSecret(): string {
  return `chr_${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
