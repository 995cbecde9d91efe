/**
 * Data rights (issue 6, DESIGN rule 6: "export and deletion really work"):
 * - `GET /api/account/export`: everything the acting person owns, in one JSON download
 *   (`AccountExport`; what it holds and what it never holds: store/person-export.ts);
 * - `DELETE /api/account`: the person and every row they own go, in one transaction; what they
 *   shared with others stays for those others without their name or words
 *   (store/person-deletion.ts). An account must have proved it is them in the last minutes; a
 *   guest's own cookie is proof enough, since a guest has no other way in.
 *
 * First every sign-in of theirs ends and their live sockets close, on every node (this node's at
 * once), so no frame of theirs still on its way is handled: nothing they send can join them again
 * or be recorded. Then, before the transaction, the person leaves every shared session they are
 * still in (through the decider, so readiness, consent and any practice that needed them settle
 * as they would for anyone who leaves) and their samples not yet stored are forgotten on every
 * node. After it commits, sessions that went entirely are let go everywhere, cached reports are
 * forgotten everywhere, any sample of theirs written meanwhile is deleted, and their cookies are
 * cleared.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IDENTITY_COOKIE } from '../auth/identity-cookie.ts';
import { SESSION_COOKIE } from '../auth/login-sessions.ts';
import { idNew } from '../auth/tokens.ts';
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import type { ServerContext } from '../context.ts';
import type { Identity } from '../store/identity-store.ts';
import { httpErrors } from './errors.ts';

/** What a device of someone who deleted their account is told as its socket closes. */
const ACCOUNT_DELETED_REASON = 'This account was deleted.';

/** The download's file name for an export made at `nowMs` (UTC date). */
export function accountExportFileName(nowMs: number): string {
  return `attune-export-${new Date(nowMs).toISOString().slice(0, 10)}.json`;
}

/** The person the request acts for, once they have proved it is them as deleting needs. */
async function personProvedFor(context: ServerContext, request: FastifyRequest): Promise<Identity> {
  const identity = await context.cookies.identityOf(request);
  if (identity === null) throw httpErrors.notSignedIn();
  if (identity.kind === 'account') await context.accounts.requireRecentProof(request);
  return identity;
}

/** Registers the data-rights routes. */
export function dataRightsRoutes(app: FastifyInstance, context: ServerContext): void {
  app.get('/api/account/export', async (request, reply) => {
    const identity = await context.cookies.identityOf(request);
    if (identity === null) throw httpErrors.notSignedIn();
    // Finished seconds of samples still in memory belong in the download too.
    await context.recorder.flush();
    const nowMs = context.now();
    const exported = await context.personData.exportOf(identity.id, nowMs);
    if (exported === null) throw httpErrors.notSignedIn();
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${accountExportFileName(nowMs)}"`)
      .send(exported);
  });

  app.delete('/api/account', async (request, reply) => {
    const identity = await personProvedFor(context, request);
    const personId = identity.id;
    // Ends an account's sign-ins; for a guest it is the notice that closes their sockets on every node.
    await context.accounts.endAllLoginSessions(personId);
    // The notice reaches this node over the bus too, but frames queued here must stop now.
    context.hub.closeConnectionsOf(personId, CLOSE_CODES.unauthorized, ACCOUNT_DELETED_REASON);
    const sessions = await context.personData.sessionsOf(personId);
    for (const sessionId of sessions.stillPresentIn) {
      const left = await context.hub.submit(sessionId, { participantId: personId, kind: identity.kind }, `leave-${idNew()}`, { type: 'leave' });
      // Deleting goes ahead; their stand-in then counts as present there until the session ends.
      if (!left.ok) context.logger.warn('realtime', 'a person deleting their account could not leave a session first', { sessionId, code: left.code });
    }
    for (const sessionId of sessions.all) await context.hub.signalsForgotten(sessionId, personId);

    const deleted = await context.personData.deleteEverywhere(personId, context.now());

    for (const sessionId of deleted.sessionsDeleted) await context.hub.sessionDeleted(sessionId);
    for (const sessionId of deleted.sessionsRedacted) await context.hub.sessionRewritten(sessionId);
    for (const sessionId of [...deleted.sessionsDeleted, ...deleted.sessionsRedacted]) context.reports.forget(sessionId);
    // A sample taken in before their sockets closed, or a write already under way when it was
    // forgotten, must not outlive them: forget again, wait out any write, then delete what landed.
    for (const sessionId of sessions.all) context.recorder.forget(sessionId, personId);
    await context.recorder.flush();
    let lateRows = 0;
    for (const sessionId of sessions.all) lateRows += await context.signals.deleteForParticipant(sessionId, personId);
    if (lateRows > 0) context.logger.warn('signals', 'body signals of a deleted person were written during the delete; removed them', { rows: lateRows });
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: context.config.secureCookies } as const;
    reply.clearCookie(IDENTITY_COOKIE, cookieOptions).clearCookie(SESSION_COOKIE, cookieOptions);
    context.logger.info('auth', 'a person deleted their account', {
      kind: identity.kind,
      sessionsDeleted: deleted.sessionsDeleted.length,
      sessionsRedacted: deleted.sessionsRedacted.length,
      relationshipsDeleted: deleted.relationshipsDeleted.length,
      relationshipsRedacted: deleted.relationshipsRedacted.length,
    });
    return reply.code(204).send();
  });
}
