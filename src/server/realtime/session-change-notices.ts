/**
 * "This session's stored data changed under you": a session was deleted, its events were
 * rewritten (someone deleted their account), or someone forgot their body samples in it. Every
 * node hears it on one node-wide channel, whether or not it holds the session's room right now,
 * so what it keeps derived from the session outside the room (cached reports) is let go.
 *
 * At-most-once like the rest of the bus: a lost notice leaves a cached report until it is evicted.
 */
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../log/logger.ts';

/** The one channel every node listens on for changed sessions. */
export const SESSIONS_CHANGED_CHANNEL = 'sessions:changed';

/** Told the id of a session whose stored data changed (on this node or another). */
export type SessionChangedListener = (sessionId: string) => void;

interface SessionChangedNotice {
  readonly nodeId: string;
  readonly sessionId: string;
}

function noticeParse(text: string): SessionChangedNotice | null {
  try {
    const value = JSON.parse(text) as Partial<SessionChangedNotice>;
    return typeof value.nodeId === 'string' && typeof value.sessionId === 'string' ? { nodeId: value.nodeId, sessionId: value.sessionId } : null;
  } catch {
    return null;
  }
}

/** Sends and hears changed-session notices for one node. Without a listener it only sends. */
export class SessionChangeNotices {
  private readonly subscribed: Promise<(() => Promise<void>) | null>;

  constructor(
    private readonly bus: Bus,
    private readonly nodeId: string,
    private readonly logger: Logger,
    private readonly listener: SessionChangedListener | undefined,
  ) {
    this.subscribed =
      listener === undefined
        ? Promise.resolve(null)
        : bus
            .subscribe(SESSIONS_CHANGED_CHANNEL, (text) => {
              const notice = noticeParse(text);
              // Our own changes were told to our listener where they happened.
              if (notice !== null && notice.nodeId !== this.nodeId) listener(notice.sessionId);
            })
            .catch((error: unknown) => {
              this.logger.warn('bus', 'subscribe to changed-session notices failed; cached reports here may lag', { error: String(error) });
              return null;
            });
  }

  /** Resolves once notices from other nodes reach this one (for tests). */
  async ready(): Promise<void> {
    await this.subscribed;
  }

  /** Tells this node's listener at once, and every other node over the bus. */
  async changed(sessionId: string): Promise<void> {
    this.listener?.(sessionId);
    const notice: SessionChangedNotice = { nodeId: this.nodeId, sessionId };
    await this.bus.publish(SESSIONS_CHANGED_CHANNEL, JSON.stringify(notice)).catch((error: unknown) => {
      this.logger.warn('bus', 'could not tell other nodes a session changed', { sessionId, error: String(error) });
    });
  }

  /** Stops listening. */
  async close(): Promise<void> {
    await (await this.subscribed)?.();
  }
}
