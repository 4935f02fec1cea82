/** Account tokens: random, shown once, stored as a SHA-256 hash. */
import { createHash, randomBytes } from 'node:crypto';

/** A new random token (32 bytes, base64url). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The hex SHA-256 hash under which a token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
