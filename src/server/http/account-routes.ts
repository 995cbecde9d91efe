/**
 * `/api/account`: creating an account with a password, signing in with a password or a recovery
 * code, signing out (here or everywhere), the account's own view, confirming it is you, and the
 * password and recovery-code changes that need that confirmation. Passkey routes are in
 * passkey-routes.ts. The work is done in src/server/auth; these handlers parse and answer.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  loginWithPasswordBody,
  loginWithRecoveryCodeBody,
  reauthenticateWithPasswordBody,
  registerWithPasswordBody,
  setPasswordBody,
} from '../../core/protocol/account-api.ts';
import { SignInThrottledError } from '../auth/account-errors.ts';
import {
  accountViewForRequest,
  passwordSet,
  reauthenticateWithPassword,
  recoveryCodesRenew,
  signedInAccount,
} from '../auth/credentials.ts';
import { registerWithPassword } from '../auth/registration.ts';
import { signInWithPassword, signInWithRecoveryCode } from '../auth/sign-in.ts';
import type { ServerContext } from '../context.ts';
import type { ErrorBody } from './errors.ts';
import { bodyParse } from './parse.ts';

/**
 * Registrations per address per window: registering has to say when a name is taken, so this
 * keeps anyone from checking many names quickly.
 */
export const REGISTRATIONS_PER_WINDOW = 10;
/** The window of REGISTRATIONS_PER_WINDOW. */
export const REGISTRATION_WINDOW_MS = 10 * 60_000;

/** Route options that rate-limit a registration step per address. */
export const registrationRateLimit = {
  config: { rateLimit: { max: REGISTRATIONS_PER_WINDOW, timeWindow: REGISTRATION_WINDOW_MS } },
} as const;

const emptyBody = z.strictObject({});

/**
 * Runs `work`, answering a throttled sign-in with 429 and a Retry-After header (the shared error
 * handler sends only the body).
 */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof SignInThrottledError)) throw error;
    return reply
      .code(error.status)
      .header('retry-after', String(error.retryAfterSeconds))
      .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
  }
}

/** Registers the account routes (passwords, recovery codes, sign-out, settings). */
export function accountRoutes(app: FastifyInstance, context: ServerContext): void {
  const { auth } = context;

  app.post('/api/account/register/password', registrationRateLimit, async (request, reply) => {
    const body = bodyParse(registerWithPasswordBody, request.body);
    const guest = await context.cookies.guestOf(request);
    const answer = await registerWithPassword(auth, request, reply, guest, body);
    reply.code(201);
    return answer;
  });

  app.post('/api/account/login/password', async (request, reply) => {
    const body = bodyParse(loginWithPasswordBody, request.body);
    return withRetryAfter(reply, () => signInWithPassword(auth, request, reply, body));
  });

  app.post('/api/account/login/recovery', async (request, reply) => {
    const body = bodyParse(loginWithRecoveryCodeBody, request.body);
    return withRetryAfter(reply, () => signInWithRecoveryCode(auth, request, reply, body));
  });

  app.post('/api/account/logout', async (request, reply) => {
    bodyParse(emptyBody, request.body);
    await auth.loginSessions.end(request, reply);
    return reply.code(204).send();
  });

  app.post('/api/account/logout-everywhere', async (request, reply) => {
    bodyParse(emptyBody, request.body);
    const { account } = await signedInAccount(auth, request);
    await context.accounts.endAllLoginSessions(account.identityId);
    await auth.throttle.forgetTrustedDevices(account.identityId);
    await auth.loginSessions.end(request, reply);
    return reply.code(204).send();
  });

  app.get('/api/account', async (request) => accountViewForRequest(auth, request));

  app.post('/api/account/reauthenticate/password', async (request, reply) => {
    const { password } = bodyParse(reauthenticateWithPasswordBody, request.body);
    return withRetryAfter(reply, () => reauthenticateWithPassword(auth, request, reply, password));
  });

  app.put('/api/account/password', async (request) => {
    const { newPassword } = bodyParse(setPasswordBody, request.body);
    return passwordSet(auth, request, newPassword);
  });

  app.post('/api/account/recovery-codes', async (request) => {
    bodyParse(emptyBody, request.body);
    return recoveryCodesRenew(auth, request);
  });
}
