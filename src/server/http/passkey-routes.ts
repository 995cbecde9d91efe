/**
 * Passkey ceremonies under `/api/account`: register, sign in, confirm it is you, and add or remove
 * a passkey. Each ceremony is `.../options` (WebAuthn options and a `challengeId`) then
 * `.../verify` (the browser's answer with that id); a challenge works once, for five minutes.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addPasskeyOptionsBody, passkeyVerifyBody, registerPasskeyOptionsBody } from '../../core/protocol/account-api.ts';
import {
  passkeyAddOptions,
  passkeyAddVerify,
  passkeyRemove,
  reauthenticateWithPasskeyOptions,
  reauthenticateWithPasskeyVerify,
} from '../auth/credentials.ts';
import { registerWithPasskeyOptions, registerWithPasskeyVerify } from '../auth/registration.ts';
import { signInWithPasskey } from '../auth/sign-in.ts';
import type { ServerContext } from '../context.ts';
import { registrationRateLimit } from './account-routes.ts';
import { bodyParse } from './parse.ts';

const emptyBody = z.strictObject({});
const passkeyIdSchema = z.string().min(1).max(1024).regex(/^[A-Za-z0-9_-]+$/);

/** Registers the passkey routes. */
export function passkeyRoutes(app: FastifyInstance, context: ServerContext): void {
  const { auth } = context;

  app.post('/api/account/register/passkey/options', registrationRateLimit, async (request) => {
    const body = bodyParse(registerPasskeyOptionsBody, request.body);
    return registerWithPasskeyOptions(auth, await context.cookies.guestOf(request), body);
  });

  app.post('/api/account/register/passkey/verify', async (request, reply) => {
    const body = bodyParse(passkeyVerifyBody, request.body);
    const answer = await registerWithPasskeyVerify(auth, request, reply, await context.cookies.guestOf(request), body);
    reply.code(201);
    return answer;
  });

  app.post('/api/account/login/passkey/options', async (request) => {
    bodyParse(emptyBody, request.body);
    return auth.ceremonies.requestOptions('login', null, null);
  });

  app.post('/api/account/login/passkey/verify', async (request, reply) => {
    const body = bodyParse(passkeyVerifyBody, request.body);
    return signInWithPasskey(auth, request, reply, body);
  });

  app.post('/api/account/reauthenticate/passkey/options', async (request) => {
    bodyParse(emptyBody, request.body);
    return reauthenticateWithPasskeyOptions(auth, request);
  });

  app.post('/api/account/reauthenticate/passkey/verify', async (request) => {
    const body = bodyParse(passkeyVerifyBody, request.body);
    return reauthenticateWithPasskeyVerify(auth, request, body);
  });

  app.post('/api/account/passkeys/options', async (request) => {
    const { name } = bodyParse(addPasskeyOptionsBody, request.body);
    return passkeyAddOptions(auth, request, name);
  });

  app.post('/api/account/passkeys/verify', async (request, reply) => {
    const body = bodyParse(passkeyVerifyBody, request.body);
    const view = await passkeyAddVerify(auth, request, body);
    reply.code(201);
    return view;
  });

  app.delete<{ Params: { id: string } }>('/api/account/passkeys/:id', async (request) => {
    const id = passkeyIdSchema.safeParse(request.params.id);
    return passkeyRemove(auth, request, id.success ? id.data : '');
  });
}
