/**
 * The live session's WebSocket: `/api/sessions/:sessionId/live`. The upgrade is authenticated
 * (identity cookie) and authorised (host, admitted by invite, or someone who has joined), and its
 * Origin must be one Attune trusts. Frames are checked the moment they arrive; accepted ones are
 * handled in order, with a bounded queue per socket.
 */
import type { FastifyInstance } from 'fastify';
import type { RawData } from 'ws';
import { CLOSE_CODES, PROTOCOL_ERROR_CODES } from '../../core/protocol/messages.ts';
import type { ServerContext } from '../context.ts';
import { httpErrors } from '../http/errors.ts';
import { sessionIdSchema } from '../http/session-id.ts';
import { relationshipSessionOpenTo } from '../http/relationship-session-access.ts';
import type { Identity } from '../store/identity-store.ts';
import type { Connection } from './connection.ts';
import { GUEST_LOGIN_SESSION_ID, SIGNED_OUT_REASON } from './login-session-sockets.ts';
import type { RealtimeSocket } from './socket.ts';
import { SocketKeepalive } from './socket-keepalive.ts';

/** Frames waiting to be handled on one socket before it is closed as a flood. */
export const SOCKET_INBOX_MAX_FRAMES = 64;

/** Why a socket that never said hello was closed (with 1008). */
export const HELLO_TIMEOUT_REASON = 'No hello arrived in time; reconnect to continue.';

/** The parts of a `ws` socket the adapter uses. */
interface WsSocket {
  readonly readyState: number;
  readonly OPEN: number;
  readonly bufferedAmount: number;
  send(data: string | Buffer, options: { binary: boolean }): void;
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
    send: (frame) => {
      if (typeof frame === 'string') socket.send(frame, { binary: false });
      else socket.send(frame.utf8, { binary: false });
    },
    close: (code, reason) => {
      socket.close(code, reason);
    },
    bufferedBytes: () => socket.bufferedAmount,
  };
}

/** Registers the live-session WebSocket route. */
export function liveSessionRoute(app: FastifyInstance, context: ServerContext): void {
  const keepalive = new SocketKeepalive(context.config.wsKeepaliveMs);
  app.addHook('onClose', (_instance, done) => {
    keepalive.close();
    done();
  });
  app.get<{ Params: { sessionId: string } }>(
    '/api/sessions/:sessionId/live',
    {
      websocket: true,
      preValidation: async (request) => {
        const origin = request.headers.origin;
        if (origin === undefined || !context.config.allowedOrigins.includes(origin)) throw httpErrors.badOrigin();
        const signedIn = await context.cookies.signedInOf(request);
        if (!signedIn) throw httpErrors.notSignedIn();
        const { identity, loginSession } = signedIn;
        const sessionId = sessionIdSchema.safeParse(request.params.sessionId);
        if (!sessionId.success) throw httpErrors.sessionNotFound();
        const access = await context.hub.accessOf(sessionId.data, identity.id);
        // No part in the session: the same answer as for one that does not exist.
        if (access === 'missing' || access === 'none') throw httpErrors.sessionNotFound();
        if (!(await relationshipSessionOpenTo(context, sessionId.data, identity.id))) throw httpErrors.sessionNotFound();
        request.attune = { identity, loginSession };
      },
    },
    (socket, request) => {
      const identity = request.attune?.identity;
      if (!identity) {
        socket.close(CLOSE_CODES.unauthorized, 'Not signed in');
        return;
      }
      // An account's socket ends with its sign-in (sign out anywhere, expiry): within 2 s on every node.
      // A guest's socket ends only by notice (deleting themselves): their visit expiry is checked per
      // command by the hub, which still lets them pause after it.
      const loginSession = request.attune?.loginSession ?? { id: GUEST_LOGIN_SESSION_ID, endsAtMs: Number.MAX_SAFE_INTEGER };
      const untracked = context.loginSockets.track(realtimeSocketFromWs(socket), { identityId: identity.id, loginSessionId: loginSession.id, endsAtMs: loginSession.endsAtMs });
      // A sign-out published between the upgrade's check and the subscription would be missed:
      // look once more now that notices are heard.
      void untracked.then(async () => {
        if (request.attune?.loginSession == null) return;
        const still = await context.cookies.signedInOf(request);
        if (still?.loginSession?.id !== loginSession.id) socket.close(CLOSE_CODES.unauthorized, SIGNED_OUT_REASON);
      }).catch(() => undefined);
      const connected: Promise<Connection> = context.hub.connect(
        realtimeSocketFromWs(socket),
        { identityId: identity.id, kind: identity.kind, expiresAtMs: identity.expiresAtMs },
        request.params.sessionId,
      );
      let ready: Connection | null = null;
      void connected.then((connection) => {
        ready = connection;
      }, () => undefined);
      // Frames can arrive before the hub has greeted the socket; they wait for the connection.
      let inbox: Promise<unknown> = connected;
      let waiting = 0;
      // A socket that never says hello holds a connection and a room for nothing (a slow or idle
      // client): it is closed after WS_HELLO_TIMEOUT_MS. Frames still waiting for a slow connect
      // are not the device's fault, so the deadline then waits another round.
      let helloHeard = false;
      const helloDeadline = (): void => {
        if (helloHeard) return;
        if (ready === null && waiting > 0) {
          setTimeout(helloDeadline, context.config.wsHelloTimeoutMs).unref();
          return;
        }
        socket.close(CLOSE_CODES.policyViolation, HELLO_TIMEOUT_REASON);
      };
      const helloTimer = setTimeout(helloDeadline, context.config.wsHelloTimeoutMs);
      helloTimer.unref();
      const unwatch = keepalive.track(socket);
      const check = (connection: Connection, data: RawData, isBinary: boolean, receivedAtMs: number) => {
        if (!isBinary) {
          // ws hands a single frame over as one Buffer: its length is the byte count, no need to recount.
          const message = context.hub.accept(connection, wsRawDataText(data), receivedAtMs, Buffer.isBuffer(data) ? data.length : undefined);
          if (message?.type === 'hello') helloHeard = true;
          return message;
        }
        connection.send({ type: 'error', code: PROTOCOL_ERROR_CODES.malformedFrame, message: 'Send text frames with JSON; binary frames are not read.' });
        return null;
      };
      socket.on('message', (data, isBinary) => {
        const receivedAtMs = context.now();
        // Checked (and pings answered) on arrival, so queued work never delays a clock-sync reply.
        const early = ready === null ? undefined : check(ready, data, isBinary, receivedAtMs);
        if (early === null) return;
        // Body signals with nothing queued before them are passed on at once: handling them is
        // synchronous, and skipping the queue saves three promises per batch on the busiest path.
        // Anything queued first (a boundary change, a leave) keeps them waiting behind it.
        if (early?.type === 'signals' && waiting === 0 && ready !== null) {
          context.hub.handle(ready, early).catch((error: unknown) => {
            context.logger.error('realtime', 'frame handling failed', { error: String(error) });
            socket.close(1011, 'Something went wrong on our side; reconnecting will continue where you were.');
          });
          return;
        }
        if (waiting >= SOCKET_INBOX_MAX_FRAMES) {
          socket.close(CLOSE_CODES.policyViolation, 'Too many messages waiting; reconnect to continue.');
          return;
        }
        waiting += 1;
        inbox = inbox
          .then(async () => {
            const connection = await connected;
            const message = early ?? check(connection, data, isBinary, receivedAtMs);
            if (message) await context.hub.handle(connection, message);
          })
          .catch((error: unknown) => {
            context.logger.error('realtime', 'frame handling failed', { error: String(error) });
            socket.close(1011, 'Something went wrong on our side; reconnecting will continue where you were.');
          })
          .finally(() => {
            waiting -= 1;
          });
      });
      socket.on('close', () => {
        clearTimeout(helloTimer);
        unwatch();
        void untracked.then((untrack) => {
          untrack();
        });
        void connected.then(
          (connection) => {
            context.hub.disconnect(connection);
          },
          () => undefined,
        );
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
    attune?: { identity: Identity; loginSession: { readonly id: string; readonly endsAtMs: number } | null };
  }
}
