/**
 * Finds live sockets whose device has gone without a word (a closed laptop lid, a phone out of
 * range, an expired NAT mapping). TCP can take many minutes to notice; until then the socket
 * holds its room and receives events that go nowhere. Every interval each socket gets a
 * WebSocket ping, which browsers answer on their own; one that has sent nothing back (no pong,
 * no message) since the last round is ended. One timer serves every socket, so the cost per
 * connection is a map entry, not a timer.
 */

/** The parts of a `ws` socket the keepalive uses. */
export interface PingableSocket {
  ping(): void;
  terminate(): void;
  on(event: 'pong' | 'message', listener: () => void): unknown;
  off(event: 'pong' | 'message', listener: () => void): unknown;
}

/** Pings every tracked socket each interval and ends those that did not answer the last ping. */
export class SocketKeepalive {
  private readonly heardSinceLastPing = new Map<PingableSocket, boolean>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => {
      this.round();
    }, intervalMs);
    // Shutdown closes sockets itself; this timer alone never keeps the process running.
    this.timer.unref();
  }

  /** Watches `socket` until the returned function is called (on its close). */
  track(socket: PingableSocket): () => void {
    const heard = (): void => {
      if (this.heardSinceLastPing.has(socket)) this.heardSinceLastPing.set(socket, true);
    };
    this.heardSinceLastPing.set(socket, true);
    socket.on('pong', heard);
    socket.on('message', heard);
    return () => {
      this.heardSinceLastPing.delete(socket);
      socket.off('pong', heard);
      socket.off('message', heard);
    };
  }

  /** How many sockets are watched (for tests and metrics). */
  size(): number {
    return this.heardSinceLastPing.size;
  }

  /** Stops pinging; sockets are left as they are. */
  close(): void {
    clearInterval(this.timer);
    this.heardSinceLastPing.clear();
  }

  private round(): void {
    for (const [socket, heard] of this.heardSinceLastPing) {
      if (!heard) {
        this.heardSinceLastPing.delete(socket);
        socket.terminate();
        continue;
      }
      this.heardSinceLastPing.set(socket, false);
      try {
        socket.ping();
      } catch {
        // A socket closing under us: its close handler untracks it.
      }
    }
  }
}
