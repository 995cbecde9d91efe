/**
 * `/api/operator`: what the operator of the instance can do, and nothing more. Crisis resources,
 * accounts (switch off, switch on, mark practitioners) and backups. The public `/api/help` is here
 * too, as the one reader of the resources the operator saves.
 *
 * Access: every route needs a signed-in account (401 `not_signed_in` otherwise) with the operator
 * role; anyone else gets 404 `not_found`, the same as a path that does not exist. Every change
 * also needs a recent confirmation (`context.accounts.requireRecentProof`, 403
 * `reauthentication_needed`), so a browser left signed in is not enough.
 *
 * No route here returns anyone's content (sessions, check-ins, signals, records, cycle maps,
 * reflections): accounts are listed by identity metadata only, and backups, which do hold
 * everyone's content, are made on and listed from the server's disk but NEVER downloadable over
 * HTTP. operator-routes.test.ts lists every registered /api/operator route and fails on any that
 * is not in its documented list.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BackupsAnswer, BackupView, OperatorAccountsAnswer, OperatorAccountView, OperatorHelpAnswer } from '../../core/protocol/operator-api.ts';
import { setRoleBody } from '../../core/protocol/operator-api.ts';
import type { RecentProof } from '../auth/account-gate.ts';
import { signedInAccount } from '../auth/credentials.ts';
import type { ServerContext } from '../context.ts';
import { helpResourcesSchema } from '../help/help-resources.ts';
import { BackupFailedError } from '../operator/backups.ts';
import { helpResourcesCurrent } from '../operator/instance-services.ts';
import { OPERATOR_ACCOUNTS_LIST_MAX, type OperatorAccountRow } from '../operator/operator-account-store.ts';
import { operatorErrors } from '../operator/operator-errors.ts';
import { bodyParse } from './parse.ts';

type WithIdentity = { Params: { identityId: string } };

const emptyBody = z.strictObject({});
const identityIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

function viewOf(row: OperatorAccountRow, operatorId: string): OperatorAccountView {
  return {
    id: row.identityId,
    signInName: row.signInName,
    displayName: row.displayName,
    role: row.role,
    createdAtMs: row.createdAtMs,
    disabledAtMs: row.disabledAtMs,
    isYou: row.identityId === operatorId,
  };
}

/** Registers `/api/help` and the operator routes. */
export function operatorRoutes(app: FastifyInstance, context: ServerContext): void {
  const { auth, instance, logger } = context;
  const helpFallback = { help: context.help, fromFile: context.config.helpResourcesFile !== undefined };
  const helpNow = () => helpResourcesCurrent(instance.settings, helpFallback, logger);

  app.get('/api/help', async () => (await helpNow()).help);

  /** The operator behind the request: 401 when not signed in, 404 for anyone but the operator. */
  async function operatorOf(request: FastifyRequest): Promise<string> {
    const { account } = await signedInAccount(auth, request);
    if (account.role !== 'operator') throw operatorErrors.notOperator();
    return account.identityId;
  }

  /** Like `operatorOf`, and the operator confirmed it is them within the last few minutes. */
  async function operatorConfirmed(request: FastifyRequest): Promise<RecentProof> {
    await operatorOf(request);
    return context.accounts.requireRecentProof(request);
  }

  function identityIdOf(request: FastifyRequest<WithIdentity>): string {
    const parsed = identityIdSchema.safeParse(request.params.identityId);
    if (!parsed.success) throw operatorErrors.accountNotFound();
    return parsed.data;
  }

  async function accountView(identityId: string, operatorId: string): Promise<OperatorAccountView> {
    const row = await instance.accounts.find(identityId);
    if (row === null) throw operatorErrors.accountNotFound();
    return viewOf(row, operatorId);
  }

  // Crisis resources: the same for every node, because they live in the database.

  app.get('/api/operator/help-resources', async (request): Promise<OperatorHelpAnswer> => {
    await operatorOf(request);
    return helpNow();
  });

  app.put('/api/operator/help-resources', async (request): Promise<OperatorHelpAnswer> => {
    const proof = await operatorConfirmed(request);
    const help = bodyParse(helpResourcesSchema, request.body);
    await instance.settings.helpWrite(JSON.stringify(help), context.now());
    logger.info('auth', 'the operator saved the crisis resources', { operatorId: proof.identityId, resources: help.resources.length });
    return helpNow();
  });

  app.delete('/api/operator/help-resources', async (request): Promise<OperatorHelpAnswer> => {
    const proof = await operatorConfirmed(request);
    await instance.settings.helpClear();
    logger.info('auth', 'the operator went back to the configured crisis resources', { operatorId: proof.identityId });
    return helpNow();
  });

  // Accounts: identity metadata only.

  app.get('/api/operator/accounts', async (request): Promise<OperatorAccountsAnswer> => {
    const operatorId = await operatorOf(request);
    const rows = await instance.accounts.list(OPERATOR_ACCOUNTS_LIST_MAX + 1);
    return {
      accounts: rows.slice(0, OPERATOR_ACCOUNTS_LIST_MAX).map((row) => viewOf(row, operatorId)),
      truncated: rows.length > OPERATOR_ACCOUNTS_LIST_MAX,
    };
  });

  app.post<WithIdentity>('/api/operator/accounts/:identityId/disable', async (request): Promise<OperatorAccountView> => {
    const proof = await operatorConfirmed(request);
    bodyParse(emptyBody, request.body);
    const identityId = identityIdOf(request);
    if (identityId === proof.identityId) throw operatorErrors.notYourself();
    if (!(await instance.accounts.disable(identityId, context.now()))) throw operatorErrors.accountNotFound();
    // Signed out everywhere at once: every node closes the sockets opened under their sign-ins.
    await context.accounts.endAllLoginSessions(identityId);
    logger.info('auth', 'the operator switched an account off', { operatorId: proof.identityId, identityId });
    return accountView(identityId, proof.identityId);
  });

  app.post<WithIdentity>('/api/operator/accounts/:identityId/enable', async (request): Promise<OperatorAccountView> => {
    const proof = await operatorConfirmed(request);
    bodyParse(emptyBody, request.body);
    const identityId = identityIdOf(request);
    if (!(await instance.accounts.enable(identityId))) throw operatorErrors.accountNotFound();
    logger.info('auth', 'the operator switched an account on again', { operatorId: proof.identityId, identityId });
    return accountView(identityId, proof.identityId);
  });

  app.put<WithIdentity>('/api/operator/accounts/:identityId/role', async (request): Promise<OperatorAccountView> => {
    const proof = await operatorConfirmed(request);
    const { role } = bodyParse(setRoleBody, request.body);
    const identityId = identityIdOf(request);
    const before = await accountView(identityId, proof.identityId);
    if (before.role === 'operator') throw operatorErrors.operatorRoleFixed();
    if (!(await instance.accounts.roleSet(identityId, role))) throw operatorErrors.accountNotFound();
    logger.info('auth', 'the operator changed an account\'s role', { operatorId: proof.identityId, identityId, role });
    return accountView(identityId, proof.identityId);
  });

  // Backups: made on and listed from the server's disk; never sent over HTTP.

  app.get('/api/operator/backups', async (request): Promise<BackupsAnswer> => {
    await operatorOf(request);
    const howTo = await instance.backups.unavailableReason();
    return {
      database: instance.backups.database,
      directory: instance.backups.directory,
      canBackUp: howTo === null,
      howTo,
      backups: await instance.backups.list(),
    };
  });

  app.post('/api/operator/backups', async (request, reply): Promise<BackupView> => {
    const proof = await operatorConfirmed(request);
    bodyParse(emptyBody, request.body);
    const howTo = await instance.backups.unavailableReason();
    if (howTo !== null) throw operatorErrors.backupUnavailable(howTo);
    try {
      const backup = await instance.backups.make(context.now());
      logger.info('store', 'the operator made a backup', { operatorId: proof.identityId, path: backup.path, sizeBytes: backup.sizeBytes });
      reply.code(201);
      return backup;
    } catch (error) {
      if (!(error instanceof BackupFailedError)) throw error;
      logger.error('store', 'a backup failed', { operatorId: proof.identityId, error: error.message });
      throw operatorErrors.backupFailed(error.message);
    }
  });
}
