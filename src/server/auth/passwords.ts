/**
 * Password hashing with argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane). The password is
 * NFC-normalised first so the same typed characters always verify. When there is no hash to check
 * against (no such account, or an account with passkeys only), a fixed dummy hash with the same
 * costs is verified instead, so the time taken does not tell whether the account exists.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { passwordNormalize } from '../../core/accounts/index.ts';

/** The package's `Algorithm` is a const enum that does not exist at run time: 2 is argon2id. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum has no run-time object to take it from
const ARGON2ID = 2 as Algorithm;

/** argon2id costs, in KiB of memory, passes and lanes. */
export const ARGON2_OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: ARGON2ID };

/** The argon2id hash of a random string nobody knows, with exactly the costs above. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$wGqVgGf4RQQ4d6KxbVo1iA$3p/jKuERtyJXPBaZhLRzNnUh3TTUhRnO/1bys1XFATs';

/** The PHC string to store for `password`. */
export function passwordHash(password: string): Promise<string> {
  return hash(passwordNormalize(password), ARGON2_OPTIONS);
}

/**
 * Whether `password` matches `storedHash`. With a null hash the dummy is verified (same cost) and
 * the answer is false. A malformed stored hash counts as no match rather than an error.
 */
export async function passwordMatches(storedHash: string | null, password: string): Promise<boolean> {
  const normalised = passwordNormalize(password);
  try {
    const matches = await verify(storedHash ?? DUMMY_HASH, normalised);
    return storedHash !== null && matches;
  } catch {
    return false;
  }
}
