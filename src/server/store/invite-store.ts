/**
 * Invite links to a live session. The link carries a random token; only its hash is stored, so a
 * database leak does not leak working links. Time is always a parameter.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, InvitesTable } from './schema.ts';

/** An invite as stored. */
export interface Invite {
  tokenHash: string;
  sessionId: string;
  createdBy: string;
  createdAtMs: number;
  expiresAtMs: number;
  revokedAtMs: number | null;
}

/** Input of `InviteStore.create`. */
export interface NewInvite {
  tokenHash: string;
  sessionId: string;
  createdBy: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** Storage of invites. */
export interface InviteStore {
  /** Inserts an invite; throws if the token hash already exists. */
  create(invite: NewInvite): Promise<Invite>;
  /** The invite if it exists, has not expired at `nowMs` and is not revoked; otherwise null. */
  findValid(tokenHash: string, nowMs: number): Promise<Invite | null>;
  /** Revokes at `nowMs`; false if unknown or already revoked (the first revocation time is kept). */
  revoke(tokenHash: string, nowMs: number): Promise<boolean>;
}

/** `InviteStore` over the Kysely database. */
export class KyselyInviteStore implements InviteStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async create(invite: NewInvite): Promise<Invite> {
    const row: InvitesTable = {
      token_hash: invite.tokenHash,
      session_id: invite.sessionId,
      created_by: invite.createdBy,
      created_at_ms: invite.createdAtMs,
      expires_at_ms: invite.expiresAtMs,
      revoked_at_ms: null,
    };
    await this.db.insertInto('invites').values(row).execute();
    return inviteFromRow(row);
  }

  async findValid(tokenHash: string, nowMs: number): Promise<Invite | null> {
    const row = await this.db
      .selectFrom('invites')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('expires_at_ms', '>', nowMs)
      .where('revoked_at_ms', 'is', null)
      .executeTakeFirst();
    return row === undefined ? null : inviteFromRow(row);
  }

  async revoke(tokenHash: string, nowMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('invites')
      .set({ revoked_at_ms: nowMs })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at_ms', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function inviteFromRow(row: InvitesTable): Invite {
  return {
    tokenHash: row.token_hash,
    sessionId: row.session_id,
    createdBy: row.created_by,
    createdAtMs: row.created_at_ms,
    expiresAtMs: row.expires_at_ms,
    revokedAtMs: row.revoked_at_ms,
  };
}
