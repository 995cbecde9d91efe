/**
 * Creating an account, with a password or with a passkey made on this device. A guest who
 * registers keeps their identity (same id, so their sessions stay theirs); anyone else gets a new
 * one. Either way the browser is signed in at once, with a fresh login session, and the recovery
 * codes are shown this one time.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { passwordProblemMessage, passwordProblems, signInNameNormalize } from '../../core/accounts/index.ts';
import type { Kysely } from 'kysely';
import type { AccountRole, PasskeyOptionsAnswer, RegisteredAnswer } from '../../core/protocol/account-api.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import type { Identity } from '../store/identity-store.ts';
import { accountErrors } from './account-errors.ts';
import { accountViewOf } from './account-view.ts';
import type { AuthServices } from './auth-services.ts';
import type { CreatedPasskey } from './passkey-ceremonies.ts';
import { passwordHash } from './passwords.ts';
import { recoveryCodeSetNew } from './recovery-codes.ts';
import { idNew } from './tokens.ts';

/** What a passkey made while registering is called until its owner renames it. */
export const FIRST_PASSKEY_NAME = 'First passkey';

/** Who is registering (names as typed). */
export interface Registrant {
  readonly signInName: string;
  readonly displayName: string;
}

/** What first-run setup adds to a registration (nothing, for everyone else). */
export interface RegistrationOptions {
  /** Default 'person'. */
  readonly role?: AccountRole;
  /** Runs in the registration transaction before the account row is written; a throw undoes it all. */
  readonly alsoInTransaction?: (trx: Kysely<DatabaseSchema>) => Promise<void>;
}

/** Throws `weak_password` with every problem's sentence, if there is any. */
export function passwordAcceptableOrThrow(password: string, context: { readonly signInName: string; readonly displayName: string }): void {
  const problems = passwordProblems(password, context);
  if (problems.length > 0) throw accountErrors.weakPassword(problems.map(passwordProblemMessage));
}

/** Registers with a password; `guest` is the request's guest identity, if any, which is upgraded. */
export async function registerWithPassword(
  auth: AuthServices,
  request: FastifyRequest,
  reply: FastifyReply,
  guest: Identity | null,
  input: Registrant & { readonly password: string },
  options: RegistrationOptions = {},
): Promise<RegisteredAnswer> {
  const signInName = signInNameNormalize(input.signInName);
  passwordAcceptableOrThrow(input.password, { signInName, displayName: input.displayName });
  // Before the slow hash: a taken name needs no argon2 work to refuse.
  if (await auth.accounts.signInNameTaken(signInName)) throw accountErrors.nameTaken();
  const hash = await passwordHash(input.password);
  return registrationComplete(auth, request, reply, {
    signInName,
    displayName: input.displayName,
    identity: guest === null ? null : { id: guest.id, upgrade: true },
    passwordHash: hash,
    passkey: null,
    options,
  });
}

const registerPayloadSchema = z.strictObject({
  signInName: z.string(),
  displayName: z.string(),
  identityId: z.string(),
  /** The guest who asked, when a guest asked: only that same guest may finish as an upgrade. */
  guestId: z.string().nullable(),
});

/** Passkey options for registering; the name is checked now and again when the passkey comes back. */
export async function registerWithPasskeyOptions(auth: AuthServices, guest: Identity | null, input: Registrant): Promise<PasskeyOptionsAnswer> {
  const signInName = signInNameNormalize(input.signInName);
  if (await auth.accounts.signInNameTaken(signInName)) throw accountErrors.nameTaken();
  const identityId = guest?.id ?? idNew();
  const payload: z.infer<typeof registerPayloadSchema> = { signInName, displayName: input.displayName, identityId, guestId: guest?.id ?? null };
  return auth.ceremonies.creationOptions('register', { identityId, signInName, displayName: input.displayName }, null, payload, []);
}

/** Finishes registering with the passkey the browser made for challenge `challengeId`. */
export async function registerWithPasskeyVerify(
  auth: AuthServices,
  request: FastifyRequest,
  reply: FastifyReply,
  guest: Identity | null,
  input: { readonly challengeId: string; readonly response: Record<string, unknown> },
  options: RegistrationOptions = {},
): Promise<RegisteredAnswer> {
  const challenge = await auth.ceremonies.take(input.challengeId, 'register');
  const payload = payloadParse(challenge.payload);
  if (payload === null) throw accountErrors.passkeyFailed();
  const created = await auth.ceremonies.verifyCreation(challenge, input.response);
  if (created === null) throw accountErrors.passkeyFailed();
  if ((await auth.passkeys.findByCredentialId(created.credentialId)) !== null) throw accountErrors.passkeyAlreadyAdded();
  // Only the guest who asked may finish as that guest; if that guest's cookie is gone by now, the
  // id is still taken in the identities table, so the account starts afresh.
  const identity =
    payload.guestId === null
      ? { id: payload.identityId, upgrade: false }
      : guest?.id === payload.guestId
        ? { id: payload.guestId, upgrade: true }
        : null;
  return registrationComplete(auth, request, reply, {
    signInName: payload.signInName,
    displayName: payload.displayName,
    identity,
    passwordHash: null,
    passkey: created,
    options,
  });
}

function payloadParse(text: string): z.infer<typeof registerPayloadSchema> | null {
  try {
    const parsed = registerPayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The new account's parts. */
interface Registration {
  readonly signInName: string;
  readonly displayName: string;
  /** The guest to upgrade, or the id a passkey was made for; null: any new id. */
  readonly identity: { readonly id: string; readonly upgrade: boolean } | null;
  readonly passwordHash: string | null;
  readonly passkey: CreatedPasskey | null;
  readonly options: RegistrationOptions;
}

async function registrationComplete(auth: AuthServices, request: FastifyRequest, reply: FastifyReply, registration: Registration): Promise<RegisteredAnswer> {
  const nowMs = auth.now();
  const codes = recoveryCodeSetNew();
  const attempt = async (identityId: string, identity: 'new' | 'upgrade') =>
    auth.accounts.register({
      identityId,
      signInName: registration.signInName,
      displayName: registration.displayName,
      passwordHash: registration.passwordHash,
      passkey: registration.passkey === null ? null : { ...registration.passkey, name: FIRST_PASSKEY_NAME, createdAtMs: nowMs },
      recoveryCodeHashes: codes.hashes,
      nowMs,
      identity,
      ...registration.options,
    });
  let identityId = registration.identity?.id ?? idNew();
  let outcome = await attempt(identityId, registration.identity?.upgrade === true ? 'upgrade' : 'new');
  if (outcome === 'guest_gone') {
    // The guest expired between the cookie check and now: their visit is over, so start afresh.
    identityId = idNew();
    outcome = await attempt(identityId, 'new');
  }
  if (outcome === 'name_taken') throw accountErrors.nameTaken();
  const [account, identity] = await Promise.all([auth.accounts.findByIdentityId(identityId), auth.identities.findById(identityId)]);
  if (account === null || identity === null) throw new Error('a registered account could not be read back');
  await auth.throttle.succeeded(request, reply, account.signInName, identityId);
  const session = await auth.loginSessions.start(request, reply, identityId);
  const upgradedGuest = registration.identity?.upgrade === true && identityId === registration.identity.id;
  auth.logger.info('auth', 'account registered', { identityId, upgradedGuest, loginSessionId: session.id });
  return { account: await accountViewOf(auth, identity, account, session), recoveryCodes: codes.codes };
}
