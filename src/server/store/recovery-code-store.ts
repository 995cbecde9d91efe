/**
 * One-time recovery codes, stored only as hashes. Using one is a single conditional update, so a
 * code raced from two tabs still opens the door once.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './schema.ts';

/** Storage of recovery codes. */
export interface RecoveryCodeStore {
  /** Replaces every code of this person (used or not) with `codeHashes`, in one transaction. */
  replaceAll(identityId: string, codeHashes: readonly string[], nowMs: number): Promise<void>;
  /** Marks the unused code with this hash as used; false if there is none (unknown or used before). */
  use(identityId: string, codeHash: string, nowMs: number): Promise<boolean>;
  /** How many unused codes this person has. */
  countUnused(identityId: string): Promise<number>;
}

/** `RecoveryCodeStore` over the Kysely database (or a transaction of it). */
export class KyselyRecoveryCodeStore implements RecoveryCodeStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async replaceAll(identityId: string, codeHashes: readonly string[], nowMs: number): Promise<void> {
    const write = async (db: Kysely<DatabaseSchema>): Promise<void> => {
      await db.deleteFrom('recovery_codes').where('identity_id', '=', identityId).execute();
      if (codeHashes.length === 0) return;
      await db
        .insertInto('recovery_codes')
        .values(codeHashes.map((codeHash) => ({ identity_id: identityId, code_hash: codeHash, created_at_ms: nowMs, used_at_ms: null })))
        .execute();
    };
    // Inside a caller's transaction already (registration): nested transactions are not allowed.
    if (this.db.isTransaction) await write(this.db);
    else await this.db.transaction().execute(write);
  }

  async use(identityId: string, codeHash: string, nowMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('recovery_codes')
      .set({ used_at_ms: nowMs })
      .where('identity_id', '=', identityId)
      .where('code_hash', '=', codeHash)
      .where('used_at_ms', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async countUnused(identityId: string): Promise<number> {
    const row = await this.db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('identity_id', '=', identityId)
      .where('used_at_ms', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
