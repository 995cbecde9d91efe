/**
 * Live sockets opened under an account's login session must not outlive it. A socket is closed
 * when its login session ends on any node (sign out, sign out everywhere, a new password, a
 * deleted or disabled account: a bus notice), and when the session's own time runs out (a timer).
 * Guests' sockets are tracked too, so deleting a guest closes their sockets on every node.
 */
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import { loginSessionChannel, loginSessionsEndedParse } from '../auth/login-session-notices.ts';
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../log/logger.ts';
import type { RealtimeSocket } from './socket.ts';

/** What the socket was opened under. */
export interface LoginSessionOfSocket {
  readonly identityId: string;
  readonly loginSessionId: string;
  /** When the login session ends by itself (idle or absolute), in server ms. */
  readonly endsAtMs: number;
}

/** The clock and timers, injectable so tests need not wait. */
export interface LoginSessionSocketsDependencies {
  readonly bus: Bus;
  readonly logger: Logger;
  readonly now: () => number;
  readonly setTimeout?: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  readonly clearTimeout?: (timer: ReturnType<typeof setTimeout>) => void;
}

/** Stands in for a login session on a guest's socket, which only a notice for 'all' closes. */
export const GUEST_LOGIN_SESSION_ID = 'guest';

/** The reason shown to the person whose socket is closed. */
export const SIGNED_OUT_REASON = 'You are signed out on this device. Sign in again to continue.';

/** setTimeout cannot wait longer than this (about 24.8 days); longer waits are re-armed. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface Tracked {
  readonly socket: RealtimeSocket;
  readonly session: LoginSessionOfSocket;
  timer: ReturnType<typeof setTimeout> | null;
}

interface PersonEntry {
  readonly sockets: Set<Tracked>;
  /** Resolves to the unsubscribe function once the bus subscription is live. */
  readonly subscribed: Promise<(() => Promise<void>) | null>;
}

/** Closes sockets whose login session has ended. */
export class LoginSessionSockets {
  private readonly people = new Map<string, PersonEntry>();
  private readonly setTimer: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
  private readonly clearTimer: (timer: ReturnType<typeof setTimeout>) => void;

  constructor(private readonly deps: LoginSessionSocketsDependencies) {
    this.setTimer = deps.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = deps.clearTimeout ?? ((timer) => {
      clearTimeout(timer);
    });
  }

  /**
   * Watches `socket` until it closes. Resolves once this node hears notices for the person, so a
   * sign-out published after that is never missed. Returns the function to call when it closes.
   */
  async track(socket: RealtimeSocket, session: LoginSessionOfSocket): Promise<() => void> {
    const tracked: Tracked = { socket, session, timer: null };
    const entry = this.entryFor(session.identityId);
    entry.sockets.add(tracked);
    this.armTimer(tracked);
    await entry.subscribed;
    return () => {
      this.untrack(tracked);
    };
  }

  /** Sockets currently watched (for tests and metrics). */
  size(): number {
    let count = 0;
    for (const entry of this.people.values()) count += entry.sockets.size;
    return count;
  }

  /** Closes every watched socket's subscription (at shutdown). */
  async close(): Promise<void> {
    const entries = [...this.people.values()];
    this.people.clear();
    for (const entry of entries) for (const tracked of entry.sockets) if (tracked.timer !== null) this.clearTimer(tracked.timer);
    await Promise.all(entries.map(async (entry) => (await entry.subscribed)?.()));
  }

  private entryFor(identityId: string): PersonEntry {
    const existing = this.people.get(identityId);
    if (existing) return existing;
    const sockets = new Set<Tracked>();
    const subscribed = this.deps.bus
      .subscribe(loginSessionChannel(identityId), (text) => {
        this.onNotice(identityId, text);
      })
      .catch((error: unknown) => {
        // Without the bus a sign-out elsewhere reaches this node's sockets only via their timer.
        this.deps.logger.warn('bus', 'subscribe to sign-out notices failed', { error: String(error) });
        return null;
      });
    const entry: PersonEntry = { sockets, subscribed };
    this.people.set(identityId, entry);
    return entry;
  }

  private onNotice(identityId: string, text: string): void {
    const notice = loginSessionsEndedParse(text);
    const entry = this.people.get(identityId);
    if (notice === null || entry === undefined) return;
    for (const tracked of [...entry.sockets]) {
      if (notice.loginSessionIds === 'all' || notice.loginSessionIds.includes(tracked.session.loginSessionId)) {
        this.closeTracked(tracked);
      }
    }
  }

  private armTimer(tracked: Tracked): void {
    const waitMs = tracked.session.endsAtMs - this.deps.now();
    if (waitMs <= 0) {
      this.closeTracked(tracked);
      return;
    }
    tracked.timer = this.setTimer(() => {
      tracked.timer = null;
      this.armTimer(tracked);
    }, Math.min(waitMs, LONGEST_TIMER_MS));
  }

  private closeTracked(tracked: Tracked): void {
    this.untrack(tracked);
    if (tracked.socket.isOpen()) tracked.socket.close(CLOSE_CODES.unauthorized, SIGNED_OUT_REASON);
  }

  private untrack(tracked: Tracked): void {
    if (tracked.timer !== null) {
      this.clearTimer(tracked.timer);
      tracked.timer = null;
    }
    const entry = this.people.get(tracked.session.identityId);
    if (!entry?.sockets.delete(tracked)) return;
    if (entry.sockets.size > 0) return;
    this.people.delete(tracked.session.identityId);
    void entry.subscribed.then((unsubscribe) => unsubscribe?.());
  }
}
