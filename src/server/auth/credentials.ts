/**
 * Confirming it is you, and changing how you sign in. Every change to a way in (a new password, a
 * passkey added or removed, new recovery codes) needs a confirmation within the re-authentication
 * window, so a browser left signed in is not enough to take an account over. A new password also
 * signs out every other browser.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginSessionReauthenticatedUntilMs } from '../../core/accounts/index.ts';
import type { AccountView, PasskeyOptionsAnswer, RecoveryCodesAnswer } from '../../core/protocol/account-api.ts';
import type { Account } from '../store/account-store.ts';
import { accountErrors } from './account-errors.ts';
import { accountViewOf } from './account-view.ts';
import type { AuthServices } from './auth-services.ts';
import type { CurrentLoginSession } from './login-sessions.ts';
import { passwordHash, passwordMatches } from './passwords.ts';
import { recoveryCodeSetNew } from './recovery-codes.ts';
import { passwordAcceptableOrThrow } from './registration.ts';
import { requestAddress } from './sign-in-throttle.ts';

/** The account signed in on this browser, with its login session. */
export interface SignedInAccount {
  readonly current: CurrentLoginSession;
  readonly account: Account;
}

/** The signed-in account behind the request; throws `not_signed_in` if there is none. */
export async function signedInAccount(auth: AuthServices, request: FastifyRequest): Promise<SignedInAccount> {
  const current = await auth.loginSessions.current(request);
  const account = current === null ? null : await auth.accounts.findByIdentityId(current.identity.id);
  if (current === null || account === null) throw accountErrors.notSignedIn();
  return { current, account };
}

/** Like `signedInAccount`, and throws `reauthentication_needed` unless it confirmed recently. */
export async function recentlyConfirmedAccount(auth: AuthServices, request: FastifyRequest): Promise<SignedInAccount> {
  const signedIn = await signedInAccount(auth, request);
  const until = loginSessionReauthenticatedUntilMs(signedIn.current.session, auth.now(), auth.loginSessions.policy);
  if (until === null) throw accountErrors.reauthenticationNeeded();
  return signedIn;
}

/** The view of the account signed in on this browser. */
export async function accountViewForRequest(auth: AuthServices, request: FastifyRequest): Promise<AccountView> {
  const { current, account } = await signedInAccount(auth, request);
  return accountViewOf(auth, current.identity, account, current.session);
}

async function reauthenticated(auth: AuthServices, signedIn: SignedInAccount): Promise<AccountView> {
  const nowMs = auth.now();
  await auth.loginSessions.markReauthenticated(signedIn.current.session.id);
  return accountViewOf(auth, signedIn.current.identity, signedIn.account, { ...signedIn.current.session, reauthenticatedAtMs: nowMs });
}

/** Confirms it is you with your password (throttled like signing in). */
export async function reauthenticateWithPassword(auth: AuthServices, request: FastifyRequest, reply: FastifyReply, password: string): Promise<AccountView> {
  const signedIn = await signedInAccount(auth, request);
  const { account } = signedIn;
  const attempt = {
    signInName: account.signInName,
    address: requestAddress(request),
    trustedDevice: await auth.throttle.deviceTrusted(request, account.identityId),
  };
  await auth.throttle.check(attempt);
  if (!(await passwordMatches(account.passwordHash, password))) {
    await auth.throttle.failed(attempt);
    throw accountErrors.reauthenticationFailed();
  }
  await auth.throttle.succeeded(request, reply, account.signInName, account.identityId);
  return reauthenticated(auth, signedIn);
}

/** Options to confirm it is you with one of your passkeys. */
export async function reauthenticateWithPasskeyOptions(auth: AuthServices, request: FastifyRequest): Promise<PasskeyOptionsAnswer> {
  const { account } = await signedInAccount(auth, request);
  const passkeys = await auth.passkeys.listOf(account.identityId);
  if (passkeys.length === 0) throw accountErrors.noPasskeyYet();
  return auth.ceremonies.requestOptions('reauthenticate', account.identityId, passkeys);
}

/** Confirms it is you with the passkey that answered challenge `challengeId`. */
export async function reauthenticateWithPasskeyVerify(
  auth: AuthServices,
  request: FastifyRequest,
  input: { readonly challengeId: string; readonly response: Record<string, unknown> },
): Promise<AccountView> {
  const signedIn = await signedInAccount(auth, request);
  const challenge = await auth.ceremonies.take(input.challengeId, 'reauthenticate');
  if (challenge.identityId !== signedIn.account.identityId) throw accountErrors.passkeyFailed();
  const passkey = await auth.ceremonies.verifyUse(challenge, input.response, signedIn.account.identityId);
  if (passkey === null) throw accountErrors.passkeyFailed();
  return reauthenticated(auth, signedIn);
}

/** Sets or changes the password, and signs out every other browser. */
export async function passwordSet(auth: AuthServices, request: FastifyRequest, newPassword: string): Promise<AccountView> {
  const { current, account } = await recentlyConfirmedAccount(auth, request);
  passwordAcceptableOrThrow(newPassword, { signInName: account.signInName, displayName: current.identity.displayName });
  const hash = await passwordHash(newPassword);
  await auth.accounts.setPasswordHash(account.identityId, hash);
  await auth.loginSessions.endOthers(account.identityId, current.session.id);
  await auth.throttle.forgetTrustedDevices(account.identityId);
  auth.logger.info('auth', 'password set; other sign-ins ended', { identityId: account.identityId });
  return accountViewOf(auth, current.identity, { ...account, passwordHash: hash }, current.session);
}

const addPasskeyPayloadSchema = z.strictObject({ name: z.string() });

/** Options to add a passkey called `name` to the account. */
export async function passkeyAddOptions(auth: AuthServices, request: FastifyRequest, name: string): Promise<PasskeyOptionsAnswer> {
  const { current, account } = await recentlyConfirmedAccount(auth, request);
  const existing = await auth.passkeys.listOf(account.identityId);
  return auth.ceremonies.creationOptions(
    'add_passkey',
    { identityId: account.identityId, signInName: account.signInName, displayName: current.identity.displayName },
    account.identityId,
    { name } satisfies z.infer<typeof addPasskeyPayloadSchema>,
    existing,
  );
}

/**
 * Adds the passkey made for challenge `challengeId`. The confirmation was checked when the
 * challenge was issued, which is bound to this account, so a ceremony that runs past the window
 * still finishes.
 */
export async function passkeyAddVerify(
  auth: AuthServices,
  request: FastifyRequest,
  input: { readonly challengeId: string; readonly response: Record<string, unknown> },
): Promise<AccountView> {
  const { current, account } = await signedInAccount(auth, request);
  const challenge = await auth.ceremonies.take(input.challengeId, 'add_passkey');
  const payload = addPasskeyPayloadSchema.safeParse(jsonOrNull(challenge.payload));
  if (challenge.identityId !== account.identityId || !payload.success) throw accountErrors.passkeyFailed();
  const created = await auth.ceremonies.verifyCreation(challenge, input.response);
  if (created === null) throw accountErrors.passkeyFailed();
  if ((await auth.passkeys.findByCredentialId(created.credentialId)) !== null) throw accountErrors.passkeyAlreadyAdded();
  await auth.passkeys.add({ ...created, identityId: account.identityId, name: payload.data.name, createdAtMs: auth.now() });
  auth.logger.info('auth', 'passkey added', { identityId: account.identityId });
  return accountViewOf(auth, current.identity, account, current.session);
}

/** Removes one of the account's passkeys, unless it is the last way in. */
export async function passkeyRemove(auth: AuthServices, request: FastifyRequest, credentialId: string): Promise<AccountView> {
  const { current, account } = await recentlyConfirmedAccount(auth, request);
  const passkeys = await auth.passkeys.listOf(account.identityId);
  if (!passkeys.some((passkey) => passkey.credentialId === credentialId)) throw accountErrors.passkeyNotFound();
  if (passkeys.length === 1 && account.passwordHash === null) throw accountErrors.lastWayIn();
  if (!(await auth.passkeys.remove(account.identityId, credentialId))) throw accountErrors.passkeyNotFound();
  auth.logger.info('auth', 'passkey removed', { identityId: account.identityId });
  return accountViewOf(auth, current.identity, account, current.session);
}

/** A new set of recovery codes; the old ones stop working. */
export async function recoveryCodesRenew(auth: AuthServices, request: FastifyRequest): Promise<RecoveryCodesAnswer> {
  const { account } = await recentlyConfirmedAccount(auth, request);
  const codes = recoveryCodeSetNew();
  await auth.recoveryCodes.replaceAll(account.identityId, codes.hashes, auth.now());
  auth.logger.info('auth', 'recovery codes renewed', { identityId: account.identityId });
  return { recoveryCodes: codes.codes };
}

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
