/**
 * The small part of accounts other features lean on: "is this really them, just now?" before
 * something that cannot be undone, and "end every sign-in of this person" when an account goes.
 * Kept apart from the rest of the account code so those features depend on two methods only.
 */
import type { FastifyRequest } from 'fastify';

/** What a route learns once the person has proved, recently, that it is them. */
export interface RecentProof {
  readonly identityId: string;
  readonly loginSessionId: string;
}

/** Checks and ends sign-ins on behalf of other features (for example "delete my account"). */
export interface AccountGate {
  /**
   * The signed-in account behind `request`, if it confirmed its password or passkey within the
   * re-authentication window. Throws the HttpError `not_signed_in` (401) when the request has no
   * account sign-in, or `reauthentication_needed` (403) when the confirmation is too old.
   */
  requireRecentProof(request: FastifyRequest): Promise<RecentProof>;
  /**
   * Revokes every login session of `identityId` (this request's included) and tells every node,
   * so live sockets opened under them close. Safe to call when there are none.
   */
  endAllLoginSessions(identityId: string): Promise<void>;
}
