/**
 * Who is acting: guests invited by link, and accounts. Tokens are hashed by the auth code before
 * they reach this store; time is always a parameter. An account keeps the identity it had as a
 * guest, so everything it did as a guest stays its own.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, IdentitiesTable } from './schema.ts';

/** A person as the server knows them. */
export interface Identity {
  id: string;
  displayName: string;
  kind: 'guest' | 'account';
  createdAtMs: number;
  /** null: never expires. */
  expiresAtMs: number | null;
}

/** Input of `IdentityStore.createGuest`. */
export interface NewGuest {
  id: string;
  displayName: string;
  tokenHash: string;
  createdAtMs: number;
  expiresAtMs: number;
}

/** Storage of identities. */
export interface IdentityStore {
  /** Inserts a guest; throws if the id or token hash is already taken. */
  createGuest(guest: NewGuest): Promise<Identity>;
  /** The identity whose token hashes to `tokenHash`, or null if unknown or expired at `nowMs`. */
  findByTokenHash(tokenHash: string, nowMs: number): Promise<Identity | null>;
  /** The identity with this id (expired or not), or null. */
  findById(id: string): Promise<Identity | null>;
  /** Renames; false if no such identity. */
  updateDisplayName(id: string, displayName: string): Promise<boolean>;
  /** Inserts the identity of a new account (no token, never expires); throws if the id is taken. */
  createAccountIdentity(identity: NewAccountIdentity): Promise<Identity>;
  /**
   * Turns a guest that has not expired at `nowMs` into an account identity: same id, new display
   * name, its guest token no longer works. False if there is no such guest (now).
   */
  upgradeGuestToAccount(id: string, displayName: string, nowMs: number): Promise<boolean>;
}

/** Input of `IdentityStore.createAccountIdentity`. */
export interface NewAccountIdentity {
  id: string;
  displayName: string;
  createdAtMs: number;
}

/** `IdentityStore` over the Kysely database. */
export class KyselyIdentityStore implements IdentityStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async createGuest(guest: NewGuest): Promise<Identity> {
    const row: IdentitiesTable = {
      id: guest.id,
      display_name: guest.displayName,
      kind: 'guest',
      token_hash: guest.tokenHash,
      created_at_ms: guest.createdAtMs,
      expires_at_ms: guest.expiresAtMs,
    };
    await this.db.insertInto('identities').values(row).execute();
    return identityFromRow(row);
  }

  async findByTokenHash(tokenHash: string, nowMs: number): Promise<Identity | null> {
    const row = await this.db
      .selectFrom('identities')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where((eb) => eb.or([eb('expires_at_ms', 'is', null), eb('expires_at_ms', '>', nowMs)]))
      .executeTakeFirst();
    return row === undefined ? null : identityFromRow(row);
  }

  async findById(id: string): Promise<Identity | null> {
    const row = await this.db
      .selectFrom('identities')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : identityFromRow(row);
  }

  async updateDisplayName(id: string, displayName: string): Promise<boolean> {
    const result = await this.db
      .updateTable('identities')
      .set({ display_name: displayName })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async createAccountIdentity(identity: NewAccountIdentity): Promise<Identity> {
    const row: IdentitiesTable = {
      id: identity.id,
      display_name: identity.displayName,
      kind: 'account',
      token_hash: null,
      created_at_ms: identity.createdAtMs,
      expires_at_ms: null,
    };
    await this.db.insertInto('identities').values(row).execute();
    return identityFromRow(row);
  }

  async upgradeGuestToAccount(id: string, displayName: string, nowMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('identities')
      .set({ kind: 'account', token_hash: null, expires_at_ms: null, display_name: displayName })
      .where('id', '=', id)
      .where('kind', '=', 'guest')
      .where('expires_at_ms', '>', nowMs)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

function identityFromRow(row: IdentitiesTable): Identity {
  return {
    id: row.id,
    displayName: row.display_name,
    kind: row.kind,
    createdAtMs: row.created_at_ms,
    expiresAtMs: row.expires_at_ms,
  };
}
