/**
 * Secrets handed to browsers (identity cookies, invite tokens): 256 random bits, URL-safe. Only
 * their SHA-256 is stored, so a copy of the database opens no door.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new unguessable token. */
export function tokenNew(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A new opaque id for a person or a session. */
export function idNew(): string {
  return randomUUID();
}

/** Whether a string looks like a token we issued (cheap check before any lookup). */
export function tokenLooksValid(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
