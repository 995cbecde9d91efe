/**
 * WebAuthn credentials (passkeys) of accounts. Ids and public keys are base64url text, so both
 * databases store them the same way. The signature counter is updated compare-and-set, so two
 * sign-ins racing with one cloned authenticator cannot both move it forward.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema, PasskeysTable } from './schema.ts';

/** One stored passkey. */
export interface StoredPasskey {
  credentialId: string;
  identityId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAtMs: number;
  lastUsedAtMs: number | null;
}

/** Input of `PasskeyStore.add`. */
export type NewPasskey = Omit<StoredPasskey, 'lastUsedAtMs'>;

/** Storage of passkeys. */
export interface PasskeyStore {
  /** Inserts a passkey; throws if the credential id is already registered (to anyone). */
  add(passkey: NewPasskey): Promise<void>;
  /** The passkey with this credential id, or null. */
  findByCredentialId(credentialId: string): Promise<StoredPasskey | null>;
  /** This person's passkeys, oldest first. */
  listOf(identityId: string): Promise<StoredPasskey[]>;
  /**
   * Records a successful sign-in: the counter moves from `previousCounter` to `newCounter`. False
   * when the stored counter is no longer `previousCounter` (another sign-in got there first).
   */
  recordUse(credentialId: string, previousCounter: number, newCounter: number, nowMs: number): Promise<boolean>;
  /** Removes this person's passkey; false if they have no such passkey. */
  remove(identityId: string, credentialId: string): Promise<boolean>;
}

/** `PasskeyStore` over the Kysely database (or a transaction of it). */
export class KyselyPasskeyStore implements PasskeyStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async add(passkey: NewPasskey): Promise<void> {
    await this.db
      .insertInto('passkeys')
      .values({
        credential_id: passkey.credentialId,
        identity_id: passkey.identityId,
        public_key: passkey.publicKey,
        counter: passkey.counter,
        transports: JSON.stringify(passkey.transports),
        name: passkey.name,
        created_at_ms: passkey.createdAtMs,
        last_used_at_ms: null,
      })
      .execute();
  }

  async findByCredentialId(credentialId: string): Promise<StoredPasskey | null> {
    const row = await this.db.selectFrom('passkeys').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
    return row === undefined ? null : passkeyFromRow(row);
  }

  async listOf(identityId: string): Promise<StoredPasskey[]> {
    const rows = await this.db
      .selectFrom('passkeys')
      .selectAll()
      .where('identity_id', '=', identityId)
      .orderBy('created_at_ms')
      .orderBy('credential_id')
      .execute();
    return rows.map(passkeyFromRow);
  }

  async recordUse(credentialId: string, previousCounter: number, newCounter: number, nowMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('passkeys')
      .set({ counter: newCounter, last_used_at_ms: nowMs })
      .where('credential_id', '=', credentialId)
      .where('counter', '=', previousCounter)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async remove(identityId: string, credentialId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('passkeys')
      .where('identity_id', '=', identityId)
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}

function passkeyFromRow(row: PasskeysTable): StoredPasskey {
  return {
    credentialId: row.credential_id,
    identityId: row.identity_id,
    publicKey: row.public_key,
    counter: row.counter,
    transports: transportsParse(row.transports),
    name: row.name,
    createdAtMs: row.created_at_ms,
    lastUsedAtMs: row.last_used_at_ms,
  };
}

function transportsParse(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
