/**
 * WebAuthn challenges between `.../options` and `.../verify`. Taking one deletes it in the same
 * statement (`delete ... returning`), so of two requests racing with the same challenge id only
 * one gets it: a challenge works once, and a replayed answer finds nothing.
 */
import type { Kysely } from 'kysely';
import type { AuthChallengesTable, DatabaseSchema } from './schema.ts';

/** Why a challenge was issued; an answer is only accepted for the same purpose. */
export type AuthChallengePurpose = AuthChallengesTable['purpose'];

/** A challenge waiting for its answer. */
export interface AuthChallenge {
  id: string;
  /** The base64url challenge the browser signs. */
  challenge: string;
  purpose: AuthChallengePurpose;
  /** Who asked, when a signed-in person asked (adding a passkey, re-authenticating); null otherwise. */
  identityId: string | null;
  /** JSON text the answer needs (for registration: the sign-in and display names). */
  payload: string;
  expiresAtMs: number;
}

/** Storage of challenges. */
export interface AuthChallengeStore {
  /** Stores a challenge; throws if the id is taken. */
  create(challenge: AuthChallenge): Promise<void>;
  /**
   * Deletes the challenge `id` and returns it if it was issued for `purpose` and has not expired at
   * `nowMs`; null otherwise (unknown, used before, expired or for something else; gone either way).
   */
  take(id: string, purpose: AuthChallengePurpose, nowMs: number): Promise<AuthChallenge | null>;
  /** Deletes every challenge that expired at or before `nowMs`; returns how many. */
  deleteExpired(nowMs: number): Promise<number>;
}

/** `AuthChallengeStore` over the Kysely database. */
export class KyselyAuthChallengeStore implements AuthChallengeStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(challenge: AuthChallenge): Promise<void> {
    await this.db
      .insertInto('auth_challenges')
      .values({
        id: challenge.id,
        challenge: challenge.challenge,
        purpose: challenge.purpose,
        identity_id: challenge.identityId,
        payload: challenge.payload,
        expires_at_ms: challenge.expiresAtMs,
      })
      .execute();
  }

  async take(id: string, purpose: AuthChallengePurpose, nowMs: number): Promise<AuthChallenge | null> {
    const row = await this.db.deleteFrom('auth_challenges').where('id', '=', id).returningAll().executeTakeFirst();
    if (row === undefined || row.purpose !== purpose || row.expires_at_ms <= nowMs) return null;
    return {
      id: row.id,
      challenge: row.challenge,
      purpose: row.purpose,
      identityId: row.identity_id,
      payload: row.payload,
      expiresAtMs: row.expires_at_ms,
    };
  }

  async deleteExpired(nowMs: number): Promise<number> {
    const result = await this.db.deleteFrom('auth_challenges').where('expires_at_ms', '<=', nowMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
