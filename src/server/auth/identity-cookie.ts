/**
 * The lightweight identity of this issue: a random token in an HttpOnly, SameSite=Lax cookie,
 * stored only as a hash. Accounts with passkeys build on it later.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Identity, IdentityStore } from '../store/identity-store.ts';
import { idNew, tokenHash, tokenLooksValid, tokenNew } from './tokens.ts';

/** The cookie that carries a person's identity token. */
export const IDENTITY_COOKIE = 'attune_identity';

/** Reads and issues identity cookies. */
export class IdentityCookies {
  constructor(
    private readonly identities: IdentityStore,
    private readonly options: { readonly secure: boolean; readonly guestTtlMs: number; readonly now: () => number },
  ) {}

  /** The identity behind the request's cookie, if it is valid now. */
  async identityOf(request: FastifyRequest): Promise<Identity | null> {
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
