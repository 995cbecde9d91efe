/**
 * Making recovery codes from the system's random source, and the form they are stored in: the
 * SHA-256 of the normalised code, so a copy of the database cannot be used to sign in, and a code
 * typed with other spacing, case or look-alike letters still matches.
 */
import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_BYTES, RECOVERY_CODE_COUNT, recoveryCodeFromBytes, recoveryCodeNormalize } from '../../core/accounts/index.ts';
import { tokenHash } from './tokens.ts';

/** A fresh set: the codes to show once, and their hashes to store. */
export interface RecoveryCodeSet {
  readonly codes: readonly string[];
  readonly hashes: readonly string[];
}

/** RECOVERY_CODE_COUNT new codes (distinct). */
export function recoveryCodeSetNew(): RecoveryCodeSet {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_BYTES)));
  const list = [...codes];
  return { codes: list, hashes: list.map((code) => recoveryCodeHashOf(code) ?? '') };
}

/** The stored form of a typed code, or null when it is not shaped like a code at all. */
export function recoveryCodeHashOf(input: string): string | null {
  const normalised = recoveryCodeNormalize(input);
  return normalised === null ? null : tokenHash(normalised);
}
