/**
 * Who is behind a request. An account's login session (`attune_session`) comes first; otherwise
 * the lightweight guest identity: a random token in an HttpOnly, SameSite=Lax cookie
 * (`attune_identity`), stored only as a hash.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity, IdentityStore } from '../store/identity-store.ts';
import type { LoginSessions } from './login-sessions.ts';
import { idNew, tokenHash, tokenLooksValid, tokenNew } from './tokens.ts';

/** The cookie that carries a guest's identity token. */
export const IDENTITY_COOKIE = 'attune_identity';

/** Who is signed in, and under which login session (null for a guest). */
export interface SignedIn {
  readonly identity: Identity;
  readonly loginSession: { readonly id: string; readonly endsAtMs: number } | null;
}

/** Reads and issues identity cookies. */
export class IdentityCookies {
  constructor(
    private readonly identities: IdentityStore,
    private readonly options: { readonly secure: boolean; readonly guestTtlMs: number; readonly now: () => number },
    private readonly loginSessions: LoginSessions,
  ) {}

  /** The identity behind the request: its account's active login session, else its guest cookie. */
  async identityOf(request: FastifyRequest): Promise<Identity | null> {
    return (await this.signedInOf(request))?.identity ?? null;
  }

  /** Like `identityOf`, with the login session it came from (for sockets that must end with it). */
  async signedInOf(request: FastifyRequest): Promise<SignedIn | null> {
    const current = await this.loginSessions.current(request);
    if (current !== null) return { identity: current.identity, loginSession: { id: current.session.id, endsAtMs: current.endsAtMs } };
    const guest = await this.guestOf(request);
    return guest === null ? null : { identity: guest, loginSession: null };
  }

  /** The guest behind the request's guest cookie only, if it is valid now. */
  async guestOf(request: FastifyRequest): Promise<Identity | null> {
    const token = request.cookies[IDENTITY_COOKIE];
    if (token === undefined || !tokenLooksValid(token)) return null;
    return this.identities.findByTokenHash(tokenHash(token), this.options.now());
  }

  /** Creates a guest with `displayName` and sets its cookie on the reply. */
  async issueGuest(reply: FastifyReply, displayName: string): Promise<Identity> {
    const token = tokenNew();
    const nowMs = this.options.now();
    const identity = await this.identities.createGuest({
      id: idNew(),
      displayName,
      tokenHash: tokenHash(token),
      createdAtMs: nowMs,
      expiresAtMs: nowMs + this.options.guestTtlMs,
    });
    reply.setCookie(IDENTITY_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.options.secure,
      path: '/',
      maxAge: Math.floor(this.options.guestTtlMs / 1000),
    });
    return identity;
  }
}
