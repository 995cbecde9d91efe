/**
 * Signing in with a password, a recovery code or a passkey. Every failure looks the same from
 * outside (one status, one sentence), an unknown name costs the same argon2 work as a wrong
 * password, and password and code guesses are throttled per name and per address. Only after
 * the right credentials does a switched-off account hear that it is switched off.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signInNameNormalize } from '../../core/accounts/index.ts';
import type { AccountView } from '../../core/protocol/account-api.ts';
import type { Account } from '../store/account-store.ts';
import { accountErrors } from './account-errors.ts';
import { accountViewOf } from './account-view.ts';
import type { AuthServices } from './auth-services.ts';
import { passwordMatches } from './passwords.ts';
import { recoveryCodeHashOf } from './recovery-codes.ts';
import { requestAddress, type SignInAttempt } from './sign-in-throttle.ts';

/**
 * Signs the browser in to `account`, whose credentials were just checked: refuses a switched-off
 * account, trusts this browser, and starts a fresh login session (rotating any older one).
 */
export async function signInComplete(auth: AuthServices, request: FastifyRequest, reply: FastifyReply, account: Account): Promise<AccountView> {
  if (account.disabledAtMs !== null) throw accountErrors.accountDisabled();
  const identity = await auth.identities.findById(account.identityId);
  if (identity === null) throw accountErrors.signInFailed();
  await auth.throttle.succeeded(request, reply, account.signInName, account.identityId);
  const session = await auth.loginSessions.start(request, reply, account.identityId);
  auth.logger.info('auth', 'signed in', { identityId: account.identityId, loginSessionId: session.id });
  return accountViewOf(auth, identity, account, session);
}

/** The account a name points at, and the attempt as the throttle sees it. */
async function attemptFor(auth: AuthServices, request: FastifyRequest, typedName: string): Promise<{ account: Account | null; attempt: SignInAttempt }> {
  const signInName = signInNameNormalize(typedName);
  const account = await auth.accounts.findBySignInName(signInName);
  const trustedDevice = await auth.throttle.deviceTrusted(request, account?.identityId ?? null);
  return { account, attempt: { signInName, address: requestAddress(request), trustedDevice } };
}

/** Signs in with a sign-in name and password. */
export async function signInWithPassword(
  auth: AuthServices,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { readonly signInName: string; readonly password: string },
): Promise<AccountView> {
  const { account, attempt } = await attemptFor(auth, request, input.signInName);
  await auth.throttle.check(attempt);
  // Always one argon2 verification: against the dummy hash when there is no password to check.
  const matches = await passwordMatches(account?.passwordHash ?? null, input.password);
  if (account === null || !matches) {
    await auth.throttle.failed(attempt);
    throw accountErrors.signInFailed();
  }
  return signInComplete(auth, request, reply, account);
}

/** Signs in with a sign-in name and one unused recovery code, which is then used up. */
export async function signInWithRecoveryCode(
  auth: AuthServices,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { readonly signInName: string; readonly code: string },
): Promise<AccountView> {
  const { account, attempt } = await attemptFor(auth, request, input.signInName);
  await auth.throttle.check(attempt);
  // The same single update whether or not the name or the code make sense, so timing tells nothing.
  const used = await auth.recoveryCodes.use(account?.identityId ?? '', recoveryCodeHashOf(input.code) ?? '', auth.now());
  if (account === null || !used) {
    await auth.throttle.failed(attempt);
    throw accountErrors.signInFailed();
  }
  auth.logger.info('auth', 'a recovery code was used', { identityId: account.identityId });
  return signInComplete(auth, request, reply, account);
}

/** Signs in with the passkey that answered the sign-in challenge `challengeId`. */
export async function signInWithPasskey(
  auth: AuthServices,
  request: FastifyRequest,
  reply: FastifyReply,
  input: { readonly challengeId: string; readonly response: Record<string, unknown> },
): Promise<AccountView> {
  const challenge = await auth.ceremonies.take(input.challengeId, 'login');
  const passkey = await auth.ceremonies.verifyUse(challenge, input.response, null);
  const account = passkey === null ? null : await auth.accounts.findByIdentityId(passkey.identityId);
  if (account === null) throw accountErrors.signInFailed();
  return signInComplete(auth, request, reply, account);
}
