/**
 * The two steps of every passkey ceremony, over @simplewebauthn/server 14. Options come with a
 * `challengeId`; the challenge is stored with why it was issued and expires after five minutes.
 * Verifying takes (deletes) the challenge first, so an answer works once. Passkeys are created as
 * discoverable credentials (resident keys), so signing in needs no name.
 */
import { randomUUID } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { z } from 'zod';
import type { PasskeyOptionsAnswer } from '../../core/protocol/account-api.ts';
import type { Logger } from '../log/logger.ts';
import type { AuthChallenge, AuthChallengePurpose, AuthChallengeStore } from '../store/auth-challenge-store.ts';
import type { NewPasskey, PasskeyStore, StoredPasskey } from '../store/passkey-store.ts';
import { accountErrors } from './account-errors.ts';

/** How long a ceremony may take, from options to verify. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/** The name shown in the browser's passkey prompt. */
export const RELYING_PARTY_NAME = 'Attune';

/** Where passkeys are bound: the host of PUBLIC_ORIGIN, and the origins pages may come from. */
export interface RelyingParty {
  readonly id: string;
  readonly origins: readonly string[];
}

/** The relying party of a deployment. */
export function relyingPartyOf(config: { readonly publicOrigin: string; readonly allowedOrigins: readonly string[] }): RelyingParty {
  return { id: new URL(config.publicOrigin).hostname, origins: config.allowedOrigins };
}

/** What `PasskeyCeremonies` needs. */
export interface PasskeyCeremoniesDependencies {
  readonly challenges: AuthChallengeStore;
  readonly passkeys: PasskeyStore;
  readonly relyingParty: RelyingParty;
  readonly logger: Logger;
  readonly now: () => number;
}

/** Who a new passkey is for. */
export interface PasskeyUser {
  /** The identity id the passkey will belong to (also its WebAuthn user handle). */
  readonly identityId: string;
  readonly signInName: string;
  readonly displayName: string;
}

/** A verified new credential, ready to store once its owner and name are known. */
export type CreatedPasskey = Pick<NewPasskey, 'credentialId' | 'publicKey' | 'counter' | 'transports'>;

// Just enough shape to hand to the library, which checks every field itself.
const registrationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string(), attestationObject: z.string(), transports: z.array(z.string().max(32)).max(16).optional() }),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
});

const authenticationResponseSchema = z.looseObject({
  id: z.string().min(1).max(1024),
  rawId: z.string().min(1).max(1024),
  type: z.literal('public-key'),
  response: z.looseObject({ clientDataJSON: z.string(), authenticatorData: z.string(), signature: z.string() }),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
});

/** Runs passkey ceremonies and keeps their challenges. */
export class PasskeyCeremonies {
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: PasskeyCeremoniesDependencies) {}

  /** Options to create a passkey for `user`, remembering `payload` for the verify step. */
  async creationOptions(
    purpose: Extract<AuthChallengePurpose, 'register' | 'add_passkey'>,
    user: PasskeyUser,
    challengeIdentityId: string | null,
    payload: Record<string, unknown>,
    existing: readonly StoredPasskey[],
  ): Promise<PasskeyOptionsAnswer> {
    const options = await generateRegistrationOptions({
      rpName: RELYING_PARTY_NAME,
      rpID: this.deps.relyingParty.id,
      userName: user.signInName,
      userDisplayName: user.displayName,
      // A stable handle per person, so an authenticator replaces rather than piles up its passkeys for them.
      userID: new TextEncoder().encode(user.identityId),
      timeout: PASSKEY_CHALLENGE_TTL_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    const challengeId = await this.remember(purpose, options.challenge, challengeIdentityId, payload);
    return { challengeId, options: { ...options } };
  }

  /** Options to use a passkey: any discoverable one (sign-in), or one of `allowed` (re-authentication). */
  async requestOptions(
    purpose: Extract<AuthChallengePurpose, 'login' | 'reauthenticate'>,
    challengeIdentityId: string | null,
    allowed: readonly StoredPasskey[] | null,
  ): Promise<PasskeyOptionsAnswer> {
    const options = await generateAuthenticationOptions({
      rpID: this.deps.relyingParty.id,
      timeout: PASSKEY_CHALLENGE_TTL_MS,
      userVerification: 'preferred',
      ...(allowed === null ? {} : { allowCredentials: allowed.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })) }),
    });
    const challengeId = await this.remember(purpose, options.challenge, challengeIdentityId, {});
    return { challengeId, options: { ...options } };
  }

  /** Takes the challenge `challengeId` for `purpose`; throws `passkey_failed` if it is unknown, used or expired. */
  async take(challengeId: string, purpose: AuthChallengePurpose): Promise<AuthChallenge> {
    const challenge = await this.deps.challenges.take(challengeId, purpose, this.deps.now());
    if (challenge === null) throw accountErrors.passkeyFailed();
    return challenge;
  }

  /** The new credential in the browser's answer to `challenge`, or null if it does not verify. */
  async verifyCreation(challenge: AuthChallenge, response: unknown): Promise<CreatedPasskey | null> {
    const parsed = registrationResponseSchema.safeParse(response);
    if (!parsed.success) return null;
    try {
      const verification = await verifyRegistrationResponse({
        response: parsed.data as unknown as RegistrationResponseJSON,
        expectedChallenge: challenge.challenge,
        expectedOrigin: [...this.deps.relyingParty.origins],
        expectedRPID: this.deps.relyingParty.id,
        // Options ask for verification as 'preferred', so an authenticator without it still counts.
        requireUserVerification: false,
      });
      if (!verification.verified) return null;
      const { credential } = verification.registrationInfo;
      return {
        credentialId: credential.id,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? parsed.data.response.transports ?? [],
      };
    } catch (error) {
      this.deps.logger.info('auth', 'a passkey could not be registered', { purpose: challenge.purpose, error: String(error) });
      return null;
    }
  }

  /**
   * The stored passkey that signed `challenge`, after checking the signature and moving its
   * counter forward; null if it is unknown, not `ownerId`'s (when given), or does not verify.
   */
  async verifyUse(challenge: AuthChallenge, response: unknown, ownerId: string | null): Promise<StoredPasskey | null> {
    const parsed = authenticationResponseSchema.safeParse(response);
    if (!parsed.success) return null;
    const passkey = await this.deps.passkeys.findByCredentialId(parsed.data.id);
    if (passkey === null || (ownerId !== null && passkey.identityId !== ownerId)) return null;
    try {
      const verification = await verifyAuthenticationResponse({
        response: parsed.data as unknown as AuthenticationResponseJSON,
        expectedChallenge: challenge.challenge,
        expectedOrigin: [...this.deps.relyingParty.origins],
        expectedRPID: this.deps.relyingParty.id,
        credential: {
          id: passkey.credentialId,
          publicKey: isoBase64URL.toBuffer(passkey.publicKey),
          counter: passkey.counter,
          transports: passkey.transports,
        },
        requireUserVerification: false,
      });
      if (!verification.verified) return null;
      const nowMs = this.deps.now();
      const moved = await this.deps.passkeys.recordUse(passkey.credentialId, passkey.counter, verification.authenticationInfo.newCounter, nowMs);
      // Another sign-in with the same counter value won the race: one of the two is a copy.
      if (!moved) return null;
      return { ...passkey, counter: verification.authenticationInfo.newCounter, lastUsedAtMs: nowMs };
    } catch (error) {
      this.deps.logger.info('auth', 'a passkey did not verify', { purpose: challenge.purpose, error: String(error) });
      return null;
    }
  }

  private async remember(purpose: AuthChallengePurpose, challenge: string, identityId: string | null, payload: Record<string, unknown>): Promise<string> {
    const nowMs = this.deps.now();
    const id = randomUUID();
    await this.deps.challenges.create({ id, challenge, purpose, identityId, payload: JSON.stringify(payload), expiresAtMs: nowMs + PASSKEY_CHALLENGE_TTL_MS });
    await this.sweep(nowMs);
    return id;
  }

  /** Deletes expired challenges, at most once a minute. */
  private async sweep(nowMs: number): Promise<void> {
    if (nowMs - this.lastSweepMs < 60_000) return;
    this.lastSweepMs = nowMs;
    await this.deps.challenges.deleteExpired(nowMs).catch((error: unknown) => {
      this.deps.logger.warn('auth', 'could not sweep expired passkey challenges', { error: String(error) });
    });
  }
}
