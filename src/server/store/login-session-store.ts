/**
 * Login sessions: one per signed-in browser. The cookie carries a token; only its hash is stored.
 * Whether a session still counts (idle, expired) is decided by core/accounts from the times kept
 * here; this store only records them, and revocation is the one thing it marks.
 */
import type { Kysely } from 'kysely';
import type { LoginSessionTimes } from '../../core/accounts/index.ts';
import type { Identity } from './identity-store.ts';
import type { DatabaseSchema, LoginSessionsTable } from './schema.ts';

/** A stored login session. */
export interface LoginSession extends LoginSessionTimes {
  /** Opaque id, safe to log and to publish. */
  readonly id: string;
  readonly identityId: string;
}

/** A login session with the person it belongs to, as one read. */
export interface LoginSessionWithIdentity {
  readonly session: LoginSession;
  readonly identity: Identity;
  /** When the account was disabled, or null (also null if there is no account row any more). */
  readonly accountDisabledAtMs: number | null;
  /** Whether an account row still exists for this identity. */
  readonly accountExists: boolean;
}

/** Input of `LoginSessionStore.create`. */
export interface NewLoginSession {
  id: string;
  tokenHash: string;
  identityId: string;
  nowMs: number;
}

/** Storage of login sessions. */
export interface LoginSessionStore {
  /** Starts a session at `nowMs` (created, last seen and re-authenticated all then). */
  create(session: NewLoginSession): Promise<LoginSession>;
  /** The session whose token hashes to `tokenHash`, with its identity; null if unknown. */
  findByTokenHash(tokenHash: string): Promise<LoginSessionWithIdentity | null>;
  /** The session with this id, or null. */
  findById(id: string): Promise<LoginSession | null>;
  /** Records use at `nowMs` (never moves last-seen backwards). */
  touch(id: string, nowMs: number): Promise<void>;
  /** Records that the person proved it was them at `nowMs`. */
  markReauthenticated(id: string, nowMs: number): Promise<void>;
  /** Revokes one session if not revoked yet; false if it was already revoked or unknown. */
  revoke(id: string, nowMs: number): Promise<boolean>;
  /**
   * Revokes every not-yet-revoked session of `identityId` except `exceptId` (if given); returns the
   * ids it revoked.
   */
  revokeAllOf(identityId: string, nowMs: number, exceptId?: string): Promise<string[]>;
  /** Deletes sessions created before `createdBeforeMs` (past any absolute lifetime); returns how many. */
  deleteCreatedBefore(createdBeforeMs: number): Promise<number>;
}

/** `LoginSessionStore` over the Kysely database. */
export class KyselyLoginSessionStore implements LoginSessionStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(session: NewLoginSession): Promise<LoginSession> {
    const row: LoginSessionsTable = {
      id: session.id,
      token_hash: session.tokenHash,
      identity_id: session.identityId,
      created_at_ms: session.nowMs,
      last_seen_at_ms: session.nowMs,
      reauthenticated_at_ms: session.nowMs,
      revoked_at_ms: null,
    };
    await this.db.insertInto('login_sessions').values(row).execute();
    return sessionFromRow(row);
  }

  async findByTokenHash(tokenHash: string): Promise<LoginSessionWithIdentity | null> {
    const row = await this.db
      .selectFrom('login_sessions')
      .innerJoin('identities', 'identities.id', 'login_sessions.identity_id')
      .leftJoin('accounts', 'accounts.identity_id', 'login_sessions.identity_id')
      .selectAll('login_sessions')
      .select([
        'identities.display_name',
        'identities.kind',
        'identities.created_at_ms as identity_created_at_ms',
        'identities.expires_at_ms',
        'accounts.identity_id as account_identity_id',
        'accounts.disabled_at_ms',
      ])
      .where('login_sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      session: sessionFromRow(row),
      identity: {
        id: row.identity_id,
        displayName: row.display_name,
        kind: row.kind,
        createdAtMs: row.identity_created_at_ms,
        expiresAtMs: row.expires_at_ms,
      },
      accountExists: row.account_identity_id !== null,
      accountDisabledAtMs: row.disabled_at_ms,
    };
  }

  async findById(id: string): Promise<LoginSession | null> {
    const row = await this.db.selectFrom('login_sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : sessionFromRow(row);
  }

  async touch(id: string, nowMs: number): Promise<void> {
    await this.db.updateTable('login_sessions').set({ last_seen_at_ms: nowMs }).where('id', '=', id).where('last_seen_at_ms', '<', nowMs).execute();
  }

  async markReauthenticated(id: string, nowMs: number): Promise<void> {
    await this.db.updateTable('login_sessions').set({ reauthenticated_at_ms: nowMs }).where('id', '=', id).execute();
  }

  async revoke(id: string, nowMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('login_sessions')
      .set({ revoked_at_ms: nowMs })
      .where('id', '=', id)
      .where('revoked_at_ms', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async revokeAllOf(identityId: string, nowMs: number, exceptId?: string): Promise<string[]> {
    let query = this.db
      .updateTable('login_sessions')
      .set({ revoked_at_ms: nowMs })
      .where('identity_id', '=', identityId)
      .where('revoked_at_ms', 'is', null);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    const rows = await query.returning('id').execute();
    return rows.map((row) => row.id).sort();
  }

  async deleteCreatedBefore(createdBeforeMs: number): Promise<number> {
    const result = await this.db.deleteFrom('login_sessions').where('created_at_ms', '<', createdBeforeMs).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function sessionFromRow(row: LoginSessionsTable): LoginSession {
  return {
    id: row.id,
    identityId: row.identity_id,
    createdAtMs: row.created_at_ms,
    lastSeenAtMs: row.last_seen_at_ms,
    reauthenticatedAtMs: row.reauthenticated_at_ms,
    revokedAtMs: row.revoked_at_ms,
  };
}
