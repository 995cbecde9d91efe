/**
 * Devices that signed in to an account before (the `attune_device` cookie, stored as a hash). A
 * stranger's failed guesses against an account never lock out a device listed here.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Storage of trusted devices. */
export interface TrustedDeviceStore {
  /** Remembers that the device with this token signed in to `identityId`; a repeat only refreshes it. */
  remember(tokenHash: string, identityId: string, nowMs: number): Promise<void>;
  /** Whether the device with this token signed in to `identityId` before. */
  isTrustedFor(tokenHash: string, identityId: string): Promise<boolean>;
  /** Forgets every device of this person (they are no longer trusted). */
  forgetAllOf(identityId: string): Promise<void>;
}

/** `TrustedDeviceStore` over the Kysely database. */
export class KyselyTrustedDeviceStore implements TrustedDeviceStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async remember(tokenHash: string, identityId: string, nowMs: number): Promise<void> {
    await this.db
      .insertInto('trusted_devices')
      .values({ token_hash: tokenHash, identity_id: identityId, created_at_ms: nowMs, last_used_at_ms: nowMs })
      .onConflict((oc) => oc.column('token_hash').doUpdateSet({ last_used_at_ms: nowMs }).where('trusted_devices.identity_id', '=', identityId))
      .execute();
  }

  async isTrustedFor(tokenHash: string, identityId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('trusted_devices')
      .select('token_hash')
      .where('token_hash', '=', tokenHash)
      .where('identity_id', '=', identityId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async forgetAllOf(identityId: string): Promise<void> {
    await this.db.deleteFrom('trusted_devices').where('identity_id', '=', identityId).execute();
  }
}
