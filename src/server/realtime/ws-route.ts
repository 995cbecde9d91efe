/**
 * The live session's WebSocket: `/api/sessions/:sessionId/live`. The upgrade is authenticated
 * (identity cookie) and authorised (host or participant of this session, or a valid invite to
 * it passed as `?invite=`), and its Origin must be one Attune trusts. Then frames go to the hub.
 */
import type { FastifyInstance } from 'fastify';
import type { RawData } from 'ws';
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import { tokenHash, tokenLooksValid } from '../auth/tokens.ts';
import type { ServerContext } from '../context.ts';
import { httpErrors } from '../http/errors.ts';
import type { Identity } from '../store/identity-store.ts';
import type { Connection } from './connection.ts';
import type { RealtimeSocket } from './socket.ts';

/** The parts of a `ws` socket the adapter uses. */
interface WsSocket {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** The text of a `ws` message, whichever form `ws` delivered it in. */
export function wsRawDataText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** A `ws` socket seen through the hub's small socket interface. */
export function realtimeSocketFromWs(socket: WsSocket): RealtimeSocket {
  return {
    isOpen: () => socket.readyState === socket.OPEN,
    send: (text) => {
      socket.send(text);
    },
    close: (code, reason) => {
      socket.close(code, reason);
    },
    bufferedBytes: () => socket.bufferedAmount,
  };
}

/** Registers the live-session WebSocket route. */
export function liveSessionRoute(app: FastifyInstance, context: ServerContext): void {
  app.get<{ Params: { sessionId: string }; Querystring: { invite?: string } }>(
    '/api/sessions/:sessionId/live',
    {
      websocket: true,
      preValidation: async (request) => {
        const origin = request.headers.origin;
        if (origin === undefined || !context.config.allowedOrigins.includes(origin)) throw httpErrors.badOrigin();
        const identity = await context.cookies.identityOf(request);
        if (!identity) throw httpErrors.notSignedIn();
        const { sessionId } = request.params;
        const access = await context.hub.accessOf(sessionId, identity.id);
        if (access === 'missing') throw httpErrors.sessionNotFound();
        if (access === 'none') {
          const token = request.query.invite;
          const invite =
            token !== undefined && tokenLooksValid(token)
              ? await context.invites.findValid(tokenHash(token), context.now())
              : null;
          if (invite?.sessionId !== sessionId) throw httpErrors.forbidden();
        }
        request.attune = { identity };
      },
    },
    (socket, request) => {
      const identity = request.attune?.identity;
      if (!identity) {
        socket.close(CLOSE_CODES.unauthorized, 'Not signed in');
        return;
      }
      // Frames can arrive before the hub has greeted the socket; they wait for the connection.
      const connected: Promise<Connection> = context.hub.connect(
        realtimeSocketFromWs(socket),
        { identityId: identity.id, kind: identity.kind, expiresAtMs: identity.expiresAtMs },
        request.params.sessionId,
      );
      let inbox: Promise<unknown> = connected;
      socket.on('message', (data, isBinary) => {
        inbox = inbox.then(async () => {
          const connection = await connected;
          if (isBinary) {
            connection.send({ type: 'error', code: 'malformed_frame', message: 'Send text frames with JSON; binary frames are not read.' });
            return;
          }
          await context.hub.receive(connection, wsRawDataText(data));
        }).catch((error: unknown) => {
          context.logger.error('realtime', 'frame handling failed', { error: String(error) });
          socket.close(1011, 'Something went wrong on our side; reconnecting will continue where you were.');
        });
      });
      socket.on('close', () => {
        void connected.then((connection) => {
          context.hub.disconnect(connection);
        }, () => undefined);
      });
      connected.catch((error: unknown) => {
        context.logger.error('realtime', 'connect failed', { error: String(error) });
        socket.close(1011, 'Could not open the session; please try again.');
      });
    },
  );
}

declare module 'fastify' {
  interface FastifyRequest {
    attune?: { identity: Identity };
  }
}
