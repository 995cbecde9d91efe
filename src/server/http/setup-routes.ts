/**
 * `/api/setup`: first-run setup. While the instance has no operator account, the person holding
 * the setup link (`<PUBLIC_ORIGIN>/setup#<token>`, see operator/setup-link.ts) makes it, with a
 * passkey or a password, through the same registration code as everyone else
 * (auth/registration.ts) with the role 'operator'; the link is taken inside the transaction that
 * writes the account, so it works once and a half-made operator never exists. Afterwards
 * GET /api/setup answers `{ needed: false }` and every other setup route `setup_done`.
 */
import type { FastifyInstance } from 'fastify';
import type { RegisteredAnswer } from '../../core/protocol/account-api.ts';
import {
  setupCheckBody,
  setupPasskeyOptionsBody,
  setupPasskeyVerifyBody,
  setupWithPasswordBody,
  type SetupStatus,
} from '../../core/protocol/operator-api.ts';
import { registerWithPasskeyOptions, registerWithPasskeyVerify, registerWithPassword, type RegistrationOptions } from '../auth/registration.ts';
import { tokenHash } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { setupLinkTake } from '../operator/instance-store.ts';
import { operatorErrors } from '../operator/operator-errors.ts';
import { registrationRateLimit } from './account-routes.ts';
import { bodyParse } from './parse.ts';

/** Registers the setup routes. */
export function setupRoutes(app: FastifyInstance, context: ServerContext): void {
  const { auth } = context;
  const settings = context.instance.settings;

  /** Throws unless setup is still needed and `token` is the pending link. */
  async function linkWorksOrThrow(token: string): Promise<void> {
    if (await settings.operatorExists()) throw operatorErrors.setupDone();
    if (!(await settings.setupLinkMatches(tokenHash(token), context.now()))) throw operatorErrors.setupLinkInvalid();
  }

  /** What makes a registration the operator's: the role, and taking the link in its transaction. */
  async function asOperator(token: string): Promise<RegistrationOptions> {
    await linkWorksOrThrow(token);
    return {
      role: 'operator',
      alsoInTransaction: async (trx) => {
        const taken = await setupLinkTake(trx, tokenHash(token), context.now());
        if (taken === 'operator_exists') throw operatorErrors.setupDone();
        if (taken === 'link_gone') throw operatorErrors.setupLinkInvalid();
      },
    };
  }

  function created(answer: RegisteredAnswer): RegisteredAnswer {
    context.logger.info('auth', 'first-run setup made the operator account', { identityId: answer.account.id });
    return answer;
  }

  app.get('/api/setup', async (): Promise<SetupStatus> => ({ needed: !(await settings.operatorExists()) }));

  app.post('/api/setup/check', registrationRateLimit, async (request): Promise<SetupStatus> => {
    const { token } = bodyParse(setupCheckBody, request.body);
    await linkWorksOrThrow(token);
    return { needed: true };
  });

  app.post('/api/setup/password', registrationRateLimit, async (request, reply) => {
    const { token, ...registrant } = bodyParse(setupWithPasswordBody, request.body);
    const options = await asOperator(token);
    const answer = await registerWithPassword(auth, request, reply, null, registrant, options);
    reply.code(201);
    return created(answer);
  });

  app.post('/api/setup/passkey/options', registrationRateLimit, async (request) => {
    const { token, ...registrant } = bodyParse(setupPasskeyOptionsBody, request.body);
    await linkWorksOrThrow(token);
    return registerWithPasskeyOptions(auth, null, registrant);
  });

  app.post('/api/setup/passkey/verify', async (request, reply) => {
    const { token, ...ceremony } = bodyParse(setupPasskeyVerifyBody, request.body);
    const options = await asOperator(token);
    const answer = await registerWithPasskeyVerify(auth, request, reply, null, ceremony, options);
    reply.code(201);
    return created(answer);
  });
}
