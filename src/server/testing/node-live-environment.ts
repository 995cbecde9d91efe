/**
 * The world the product's own live-session client (`src/web/net/live-session.ts`) runs in, built
 * from Node parts so tests can run that client, unchanged, against a real server: `ws` sockets
 * that carry the person's cookie and the page's Origin as a browser would, real timers, an
 * in-memory stand-in for sessionStorage.
 */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { LiveEnvironment, LiveSocket, LiveSocketHandlers } from '../../web/net/live-session.ts';
import { wsRawDataText } from '../realtime/ws-route.ts';

/** Who the client is and which page it pretends to be. */
export interface NodeLiveEnvironmentOptions {
  /** The identity cookie (`name=value`) from signing in or accepting an invite. */
  readonly cookie: string;
  /** The Origin the server trusts (the server's own address, not the proxy's). */
  readonly origin: string;
  /**
   * How long a socket the client closed may wait for the server's closing handshake before it is
   * torn down. Browsers wait longer; over a dead connection the answer never comes, and a test
   * should not keep such sockets around.
   */
  readonly closeGraceMs?: number;
}

/** A `LiveEnvironment` for Node, and a way to end every socket it opened. */
export interface NodeLiveEnvironment extends LiveEnvironment {
  /** Sockets opened and not yet closed. */
  openSockets(): number;
  /** Ends every socket at once. */
  dispose(): void;
}

const CLOSE_GRACE_MS_DEFAULT = 1000;

/** A Node environment for one person's live-session client. */
export function nodeLiveEnvironment(options: NodeLiveEnvironmentOptions): NodeLiveEnvironment {
  const sockets = new Set<WebSocket>();
  const stored = new Map<string, string>();
  const closeGraceMs = options.closeGraceMs ?? CLOSE_GRACE_MS_DEFAULT;

  const openSocket = (url: string, handlers: LiveSocketHandlers): LiveSocket => {
    const socket = new WebSocket(url, {
      headers: { cookie: options.cookie },
      origin: options.origin,
      // The chaos proxy reads frames; compressed ones it could not.
      perMessageDeflate: false,
    });
    sockets.add(socket);
    socket.on('open', () => {
      handlers.open();
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) handlers.message(wsRawDataText(data));
    });
    // A browser reports a failed connection as a close (1006); `ws` reports an error first.
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => {
      sockets.delete(socket);
      handlers.close(code, reason.toString());
    });
    return {
      send: (text) => {
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
      },
      close: () => {
        if (socket.readyState === WebSocket.CONNECTING) {
          socket.terminate();
          return;
        }
        socket.close(1000, 'Closed by the page');
        setTimeout(() => {
          socket.terminate();
        }, closeGraceMs).unref();
      },
    };
  };

  return {
    openSocket,
    now: () => Date.now(),
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => {
      clearTimeout(handle as ReturnType<typeof setTimeout>);
    },
    randomId: () => randomUUID(),
    random: () => Math.random(),
    storage: {
      getItem: (key) => stored.get(key) ?? null,
      setItem: (key, value) => {
        stored.set(key, value);
      },
      removeItem: (key) => {
        stored.delete(key);
      },
    },
    onOnline: () => () => undefined,
    onOffline: () => () => undefined,
    onVisible: () => () => undefined,
    openSockets: () => sockets.size,
    dispose: () => {
      for (const socket of sockets) socket.terminate();
      sockets.clear();
    },
  };
}
