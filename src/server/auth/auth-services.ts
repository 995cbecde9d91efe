/**
 * The account machinery, built once by the composition root: stores, login sessions, throttling
 * and passkey ceremonies, plus the small `AccountGate` other features use.
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { LOGIN_SESSION_DEFAULTS, LOGIN_THROTTLE_DEFAULTS, type LoginSessionPolicy } from '../../core/accounts/index.ts';
import type { Bus } from '../bus/bus.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log/logger.ts';
import { KyselyAccountStore, type AccountStore } from '../store/account-store.ts';
import { KyselyAuthChallengeStore } from '../store/auth-challenge-store.ts';
import type { IdentityStore } from '../store/identity-store.ts';
import { KyselyLoginFailureStore } from '../store/login-failure-store.ts';
import { KyselyLoginSessionStore } from '../store/login-session-store.ts';
import { KyselyPasskeyStore, type PasskeyStore } from '../store/passkey-store.ts';
import { KyselyRecoveryCodeStore, type RecoveryCodeStore } from '../store/recovery-code-store.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import { KyselyTrustedDeviceStore } from '../store/trusted-device-store.ts';
import type { AccountGate, RecentProof } from './account-gate.ts';
import { recentlyConfirmedAccount } from './credentials.ts';
import { LoginSessions } from './login-sessions.ts';
import { PasskeyCeremonies, relyingPartyOf } from './passkey-ceremonies.ts';
import { SignInThrottle } from './sign-in-throttle.ts';

/** Everything the account routes work with. */
export interface AuthServices {
  readonly identities: IdentityStore;
  readonly accounts: AccountStore;
  readonly passkeys: PasskeyStore;
  readonly recoveryCodes: RecoveryCodeStore;
  readonly loginSessions: LoginSessions;
  readonly throttle: SignInThrottle;
  readonly ceremonies: PasskeyCeremonies;
  /** The server clock, in ms since the epoch. */
  readonly now: () => number;
  readonly logger: Logger;
}

/** What building the services needs. */
export interface AuthServicesInput {
  readonly db: Kysely<DatabaseSchema>;
  readonly identities: IdentityStore;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly config: Config;
  readonly now: () => number;
}

/** The login-session policy of a deployment (idle and absolute from config). */
export function loginSessionPolicyOf(config: Config): LoginSessionPolicy {
  return {
    idleTimeoutMs: config.loginIdleTimeoutMs,
    absoluteLifetimeMs: config.loginAbsoluteLifetimeMs,
    reauthenticationWindowMs: LOGIN_SESSION_DEFAULTS.reauthenticationWindowMs,
  };
}

/** Builds the account machinery over one database and bus. */
export function authServicesBuild(input: AuthServicesInput): AuthServices {
  const { db, bus, logger, config, now } = input;
  const passkeys = new KyselyPasskeyStore(db);
  return {
    identities: input.identities,
    accounts: new KyselyAccountStore(db),
    passkeys,
    recoveryCodes: new KyselyRecoveryCodeStore(db),
    loginSessions: new LoginSessions({
      store: new KyselyLoginSessionStore(db),
      bus,
      logger,
      policy: loginSessionPolicyOf(config),
      secureCookies: config.secureCookies,
      now,
    }),
    throttle: new SignInThrottle({
      failures: new KyselyLoginFailureStore(db),
      devices: new KyselyTrustedDeviceStore(db),
      policy: LOGIN_THROTTLE_DEFAULTS,
      secureCookies: config.secureCookies,
      logger,
      now,
    }),
    ceremonies: new PasskeyCeremonies({
      challenges: new KyselyAuthChallengeStore(db),
      passkeys,
      relyingParty: relyingPartyOf(config),
      logger,
      now,
    }),
    now,
    logger,
  };
}

/** `AccountGate` over the account machinery. */
export class LoginSessionAccountGate implements AccountGate {
  constructor(private readonly auth: AuthServices) {}

  async requireRecentProof(request: FastifyRequest): Promise<RecentProof> {
    const { current } = await recentlyConfirmedAccount(this.auth, request);
    return { identityId: current.identity.id, loginSessionId: current.session.id };
  }

  endAllLoginSessions(identityId: string): Promise<void> {
    return this.auth.loginSessions.endAll(identityId);
  }
}
