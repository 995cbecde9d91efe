/**
 * The account as its owner sees it on their settings page: names, ways in, codes left, and until
 * when credential changes are allowed without confirming again. No secret ever leaves here.
 */
import { loginSessionReauthenticatedUntilMs } from '../../core/accounts/index.ts';
import type { AccountView } from '../../core/protocol/account-api.ts';
import type { Account } from '../store/account-store.ts';
import type { Identity } from '../store/identity-store.ts';
import type { LoginSession } from '../store/login-session-store.ts';
import type { AuthServices } from './auth-services.ts';

/** The view of `account` (whose identity is `identity`) as seen from `session`. */
export async function accountViewOf(auth: AuthServices, identity: Identity, account: Account, session: LoginSession | null): Promise<AccountView> {
  const [passkeys, recoveryCodesLeft] = await Promise.all([auth.passkeys.listOf(account.identityId), auth.recoveryCodes.countUnused(account.identityId)]);
  return {
    id: identity.id,
    displayName: identity.displayName,
    signInName: account.signInName,
    role: account.role,
    hasPassword: account.passwordHash !== null,
    passkeys: passkeys.map((passkey) => ({
      id: passkey.credentialId,
      name: passkey.name,
      createdAtMs: passkey.createdAtMs,
      lastUsedAtMs: passkey.lastUsedAtMs,
    })),
    recoveryCodesLeft,
    reauthenticatedUntilMs: session === null ? null : loginSessionReauthenticatedUntilMs(session, auth.now(), auth.loginSessions.policy),
  };
}
