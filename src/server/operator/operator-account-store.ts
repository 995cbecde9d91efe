/**
 * What the operator may read and change about accounts: identity metadata only (sign-in name,
 * display name, role, when it was made, whether it is switched off). The queries here touch the
 * `accounts` and `identities` tables and nothing else, on purpose: nothing a person made or keeps
 * is reachable from the operator's side.
 */
import type { Kysely } from 'kysely';
import type { AccountRole } from '../../core/protocol/account-api.ts';
import type { DatabaseSchema } from '../store/schema.ts';

/** The most accounts one list answer carries (oldest first). */
export const OPERATOR_ACCOUNTS_LIST_MAX = 1000;

/** One account's metadata, as the operator sees it. */
export interface OperatorAccountRow {
  readonly identityId: string;
  readonly signInName: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly createdAtMs: number;
  readonly disabledAtMs: number | null;
}

/** The operator's reads and changes of accounts. */
export interface OperatorAccountStore {
  /** Up to `limit` accounts, oldest first. */
  list(limit: number): Promise<OperatorAccountRow[]>;
  find(identityId: string): Promise<OperatorAccountRow | null>;
  /** Switches the account off at `nowMs` (kept if it already was); false if there is no such account. */
  disable(identityId: string, nowMs: number): Promise<boolean>;
  /** Switches the account on again; false if there is no such account. */
  enable(identityId: string): Promise<boolean>;
  /** Sets a person's or practitioner's role; false if there is no such account or it is an operator's. */
  roleSet(identityId: string, role: 'person' | 'practitioner'): Promise<boolean>;
}

/** `OperatorAccountStore` over the Kysely database. */
export class KyselyOperatorAccountStore implements OperatorAccountStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private query() {
    return this.db
      .selectFrom('accounts')
      .innerJoin('identities', 'identities.id', 'accounts.identity_id')
      .select([
        'accounts.identity_id as identityId',
        'accounts.sign_in_name as signInName',
        'identities.display_name as displayName',
        'accounts.role as role',
        'accounts.created_at_ms as createdAtMs',
        'accounts.disabled_at_ms as disabledAtMs',
      ]);
  }

  async list(limit: number): Promise<OperatorAccountRow[]> {
    return this.query().orderBy('accounts.created_at_ms').orderBy('accounts.identity_id').limit(limit).execute();
  }

  async find(identityId: string): Promise<OperatorAccountRow | null> {
    return (await this.query().where('accounts.identity_id', '=', identityId).executeTakeFirst()) ?? null;
  }

  async disable(identityId: string, nowMs: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('accounts')
      .set((eb) => ({ disabled_at_ms: eb.fn.coalesce('disabled_at_ms', eb.val(nowMs)) }))
      .where('identity_id', '=', identityId)
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }

  async enable(identityId: string): Promise<boolean> {
    const updated = await this.db.updateTable('accounts').set({ disabled_at_ms: null }).where('identity_id', '=', identityId).executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }

  async roleSet(identityId: string, role: 'person' | 'practitioner'): Promise<boolean> {
    const updated = await this.db
      .updateTable('accounts')
      .set({ role })
      .where('identity_id', '=', identityId)
      .where('role', '!=', 'operator')
      .executeTakeFirst();
    return updated.numUpdatedRows === 1n;
  }
}
