/**
 * Signed-in browsers: the `attune_session` cookie and the login session behind it. A session is
 * rotated at every sign-in (whatever the browser had before is revoked), measured against the idle
 * and absolute limits by core/accounts, and when sessions end every node is told on the bus so
 * sockets opened under them close.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  loginSessionEndsAtMs,
  loginSessionStatus,
  loginSessionTouchDue,
  type LoginSessionPolicy,
} from '../../core/accounts/index.ts';
import type { Bus } from '../bus/bus.ts';
import type { Logger } from '../log/logger.ts';
import type { Identity } from '../store/identity-store.ts';
import type { LoginSession, LoginSessionStore } from '../store/login-session-store.ts';
import { IDENTITY_COOKIE } from './identity-cookie.ts';
import { loginSessionChannel, loginSessionsEndedText, type LoginSessionsEndedNotice } from './login-session-notices.ts';
import { idNew, tokenHash, tokenLooksValid, tokenNew } from './tokens.ts';

/** The cookie that carries a login session's token. */
export const SESSION_COOKIE = 'attune_session';

/** The largest id list one notice carries (the notice schema's bound). */
const NOTICE_IDS_MAX = 1000;

/** A signed-in account behind a request. */
export interface CurrentLoginSession {
  readonly session: LoginSession;
  readonly identity: Identity;
  /** When it ends unless used again (idle) or at the latest (absolute). */
  readonly endsAtMs: number;
}

/** What `LoginSessions` needs. */
export interface LoginSessionsDependencies {
  readonly store: LoginSessionStore;
  readonly bus: Bus;
  readonly logger: Logger;
  readonly policy: LoginSessionPolicy;
  readonly secureCookies: boolean;
  readonly now: () => number;
}

/** Reads, starts and ends login sessions. */
export class LoginSessions {
  /** One look-up per request, however many routes and hooks ask. */
  private readonly resolved = new WeakMap<FastifyRequest, Promise<CurrentLoginSession | null>>();
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: LoginSessionsDependencies) {}

  /** The policy sessions are measured against. */
  get policy(): LoginSessionPolicy {
    return this.deps.policy;
  }

  /** The active login session behind the request's cookie, or null. */
  current(request: FastifyRequest): Promise<CurrentLoginSession | null> {
    let found = this.resolved.get(request);
    if (found === undefined) {
      found = this.lookUp(request);
      this.resolved.set(request, found);
    }
    return found;
  }

  private async lookUp(request: FastifyRequest): Promise<CurrentLoginSession | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || !tokenLooksValid(token)) return null;
    const found = await this.deps.store.findByTokenHash(tokenHash(token));
    if (found === null) return null;
    // A deleted or switched-off account is signed out everywhere, even before anyone revokes.
    if (!found.accountExists || found.accountDisabledAtMs !== null || found.identity.kind !== 'account') return null;
    const nowMs = this.deps.now();
    if (loginSessionStatus(found.session, nowMs, this.deps.policy) !== 'active') return null;
    let session = found.session;
    if (loginSessionTouchDue(session, nowMs)) {
      await this.deps.store.touch(session.id, nowMs);
      session = { ...session, lastSeenAtMs: nowMs };
    }
    return { session, identity: found.identity, endsAtMs: loginSessionEndsAtMs(session, this.deps.policy) };
  }

  /**
   * Signs the browser in as `identityId`: revokes the session it had (if any), starts a new one,
   * sets its cookie and clears the guest cookie.
   */
  async start(request: FastifyRequest, reply: FastifyReply, identityId: string): Promise<LoginSession> {
    const nowMs = this.deps.now();
    await this.revokeCookieSession(request, nowMs);
    const token = tokenNew();
    const session = await this.deps.store.create({ id: idNew(), tokenHash: tokenHash(token), identityId, nowMs });
    this.resolved.delete(request);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.deps.secureCookies,
      path: '/',
      maxAge: Math.floor(this.deps.policy.absoluteLifetimeMs / 1000),
    });
    reply.clearCookie(IDENTITY_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.deps.secureCookies });
    await this.sweep(nowMs);
    return session;
  }

  /** Signs this browser out: revokes its session (if any) and clears the cookie. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    await this.revokeCookieSession(request, this.deps.now());
    this.resolved.delete(request);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.deps.secureCookies });
  }

  /** Revokes every session of the person and tells every node. */
  async endAll(identityId: string): Promise<void> {
    const revoked = await this.deps.store.revokeAllOf(identityId, this.deps.now());
    // 'all' even when nothing was left to revoke here: a node may still hold a socket for a
    // session that another request revoked a moment ago.
    await this.publish(identityId, 'all');
    this.deps.logger.info('auth', 'signed out everywhere', { identityId, loginSessions: revoked.length });
  }

  /** Revokes every session of the person except `keepId`, and tells every node. */
  async endOthers(identityId: string, keepId: string): Promise<void> {
    const revoked = await this.deps.store.revokeAllOf(identityId, this.deps.now(), keepId);
    for (let start = 0; start < revoked.length; start += NOTICE_IDS_MAX) {
      await this.publish(identityId, revoked.slice(start, start + NOTICE_IDS_MAX));
    }
  }

  /** Records, on the request's session, that the person just proved it was them. */
  async markReauthenticated(sessionId: string): Promise<void> {
    await this.deps.store.markReauthenticated(sessionId, this.deps.now());
  }

  private async revokeCookieSession(request: FastifyRequest, nowMs: number): Promise<void> {
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined || !tokenLooksValid(token)) return;
    const found = await this.deps.store.findByTokenHash(tokenHash(token));
    if (found === null) return;
    if (await this.deps.store.revoke(found.session.id, nowMs)) {
      await this.publish(found.session.identityId, [found.session.id]);
    }
  }

  private async publish(identityId: string, ids: LoginSessionsEndedNotice['loginSessionIds']): Promise<void> {
    // The bus is at-most-once; a lost notice still leaves the socket's own end-time timer.
    await this.deps.bus.publish(loginSessionChannel(identityId), loginSessionsEndedText(ids)).catch((error: unknown) => {
      this.deps.logger.warn('bus', 'could not tell other nodes that login sessions ended', { identityId, error: String(error) });
    });
  }

  /** Drops sessions past any absolute lifetime, at most once an hour, so the table stays small. */
  private async sweep(nowMs: number): Promise<void> {
    if (nowMs - this.lastSweepMs < SWEEP_INTERVAL_MS) return;
    this.lastSweepMs = nowMs;
    await this.deps.store.deleteCreatedBefore(nowMs - this.deps.policy.absoluteLifetimeMs - SWEEP_INTERVAL_MS).catch((error: unknown) => {
      this.deps.logger.warn('auth', 'could not sweep old login sessions', { error: String(error) });
    });
  }
}

const SWEEP_INTERVAL_MS = 60 * 60_000;
