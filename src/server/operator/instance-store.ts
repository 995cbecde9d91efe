/**
 * Storage of the instance's own settings (table `instance_settings`, migration 0009): the pending
 * first-run setup link (only its token's hash) and the crisis resources the operator saved. Every
 * node reads the same rows, so a link made on one node works on all and every node shows the same
 * "Need help now?".
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../store/schema.ts';

/** The setting holding the pending setup link's token hash. */
export const SETUP_SETTING = 'operator_setup';
/** The setting holding the operator's crisis resources (JSON). */
export const HELP_SETTING = 'help_resources';

/** A pending setup link, without its secret. */
export interface PendingSetup {
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
}

/** The operator's crisis resources as stored: JSON text and when it was saved. */
export interface StoredHelp {
  readonly json: string;
  readonly updatedAtMs: number;
}

/** Storage of the instance's settings. */
export interface InstanceStore {
  /** Whether any account has the operator role (switched off or not). */
  operatorExists(): Promise<boolean>;
  /**
   * Stores `tokenHash` as the setup link unless a link that still works is pending; true when it
   * was stored. One conditional upsert, so of several nodes starting at once exactly one wins.
   */
  setupLinkCreateUnlessPending(tokenHash: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
  /** Stores `tokenHash` as the setup link, replacing any earlier one (which stops working). */
  setupLinkReplace(tokenHash: string, nowMs: number, expiresAtMs: number): Promise<void>;
  /** The setup link pending now, if one still works. */
  setupLinkPending(nowMs: number): Promise<PendingSetup | null>;
  /** Whether `tokenHash` is the pending link and still works. */
  setupLinkMatches(tokenHash: string, nowMs: number): Promise<boolean>;
  helpRead(): Promise<StoredHelp | null>;
  helpWrite(json: string, nowMs: number): Promise<void>;
  /** Forgets the operator's resources (the file or defaults show again). */
  helpClear(): Promise<void>;
}

/** How taking a setup link went. */
export type SetupLinkTaken = 'taken' | 'link_gone' | 'operator_exists';

/**
 * Within a registration transaction: takes the setup link `tokenHash` if it is pending and still
 * works and no operator exists yet (the row is deleted, so it never works again). On Postgres the
 * delete locks the row, so a second setup racing with the same link waits, then finds nothing to
 * take. Anything but 'taken' means the caller must roll the transaction back.
 */
export async function setupLinkTake(trx: Kysely<DatabaseSchema>, tokenHash: string, nowMs: number): Promise<SetupLinkTaken> {
  const taken = await trx
    .deleteFrom('instance_settings')
    .where('name', '=', SETUP_SETTING)
    .where('value', '=', tokenHash)
    .where('expires_at_ms', '>', nowMs)
    .executeTakeFirst();
  if (await operatorExistsIn(trx)) return 'operator_exists';
  return taken.numDeletedRows === 1n ? 'taken' : 'link_gone';
}

async function operatorExistsIn(db: Kysely<DatabaseSchema>): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('identity_id').where('role', '=', 'operator').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** `InstanceStore` over the Kysely database. */
export class KyselyInstanceStore implements InstanceStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  operatorExists(): Promise<boolean> {
    return operatorExistsIn(this.db);
  }

  async setupLinkCreateUnlessPending(tokenHash: string, nowMs: number, expiresAtMs: number): Promise<boolean> {
    const result = await this.db
      .insertInto('instance_settings')
      .values({ name: SETUP_SETTING, value: tokenHash, expires_at_ms: expiresAtMs, updated_at_ms: nowMs })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet({ value: tokenHash, expires_at_ms: expiresAtMs, updated_at_ms: nowMs })
          // Only an expired link is replaced; a pending one keeps working and nothing is written.
          .where('instance_settings.expires_at_ms', '<=', nowMs),
      )
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  async setupLinkReplace(tokenHash: string, nowMs: number, expiresAtMs: number): Promise<void> {
    await this.db
      .insertInto('instance_settings')
      .values({ name: SETUP_SETTING, value: tokenHash, expires_at_ms: expiresAtMs, updated_at_ms: nowMs })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: tokenHash, expires_at_ms: expiresAtMs, updated_at_ms: nowMs }))
      .execute();
  }

  async setupLinkPending(nowMs: number): Promise<PendingSetup | null> {
    const row = await this.db
      .selectFrom('instance_settings')
      .select(['updated_at_ms', 'expires_at_ms'])
      .where('name', '=', SETUP_SETTING)
      .where('expires_at_ms', '>', nowMs)
      .executeTakeFirst();
    if (row?.expires_at_ms === undefined || row.expires_at_ms === null) return null;
    return { createdAtMs: row.updated_at_ms, expiresAtMs: row.expires_at_ms };
  }

  async setupLinkMatches(tokenHash: string, nowMs: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('instance_settings')
      .select('name')
      .where('name', '=', SETUP_SETTING)
      .where('value', '=', tokenHash)
      .where('expires_at_ms', '>', nowMs)
      .executeTakeFirst();
    return row !== undefined;
  }

  async helpRead(): Promise<StoredHelp | null> {
    const row = await this.db.selectFrom('instance_settings').select(['value', 'updated_at_ms']).where('name', '=', HELP_SETTING).executeTakeFirst();
    return row === undefined ? null : { json: row.value, updatedAtMs: row.updated_at_ms };
  }

  async helpWrite(json: string, nowMs: number): Promise<void> {
    await this.db
      .insertInto('instance_settings')
      .values({ name: HELP_SETTING, value: json, expires_at_ms: null, updated_at_ms: nowMs })
      .onConflict((conflict) => conflict.column('name').doUpdateSet({ value: json, updated_at_ms: nowMs }))
      .execute();
  }

  async helpClear(): Promise<void> {
    await this.db.deleteFrom('instance_settings').where('name', '=', HELP_SETTING).execute();
  }
}
