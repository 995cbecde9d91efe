/**
 * Accounts: a sign-in name and a way in (password, passkeys) on top of an identity. Registration
 * writes the identity (new, or the guest it upgrades), the account, its first passkey and its
 * recovery codes in one transaction, so a half-made account never exists; the unique sign-in name
 * is what decides a race between two people choosing the same name.
 */
import type { Kysely } from 'kysely';
import type { AccountRole } from '../../core/protocol/account-api.ts';
import { KyselyIdentityStore } from './identity-store.ts';
import { KyselyPasskeyStore, type NewPasskey } from './passkey-store.ts';
import { KyselyRecoveryCodeStore } from './recovery-code-store.ts';
import { errorIsUniqueViolation } from './rows.ts';
import type { AccountsTable, DatabaseSchema } from './schema.ts';

/** A stored account. */
export interface Account {
  readonly identityId: string;
  /** Normalised. */
  readonly signInName: string;
  /** argon2id PHC string; null: passkeys only. */
  readonly passwordHash: string | null;
  readonly role: AccountRole;
  readonly createdAtMs: number;
  readonly disabledAtMs: number | null;
}

/** Everything a new account starts with. */
export interface NewAccount {
  readonly identityId: string;
  /** Normalised. */
  readonly signInName: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  /** Its first passkey (registration with a passkey); its identity id must be `identityId`. */
  readonly passkey: Omit<NewPasskey, 'identityId'> | null;
  readonly recoveryCodeHashes: readonly string[];
  readonly nowMs: number;
  /** 'upgrade': `identityId` is a guest who keeps their id and history; 'new': create the identity. */
  readonly identity: 'new' | 'upgrade';
  /** Default 'person'; first-run setup makes the operator. */
  readonly role?: AccountRole;
  /**
   * Runs inside the registration transaction, after the name and guest checks and before the
   * account row is written (first-run setup claims its link here); a throw rolls everything back
   * and reaches the caller.
   */
  readonly alsoInTransaction?: (trx: Kysely<DatabaseSchema>) => Promise<void>;
}

/** How a registration went. */
export type RegisterOutcome = 'created' | 'name_taken' | 'guest_gone';

/** Storage of accounts. */
export interface AccountStore {
  /**
   * Creates the account with everything it starts with, or nothing: 'name_taken' if the sign-in
   * name is in use, 'guest_gone' if the guest to upgrade no longer exists or has expired.
   */
  register(account: NewAccount): Promise<RegisterOutcome>;
  /** Whether some account already has this normalised sign-in name. */
  signInNameTaken(signInName: string): Promise<boolean>;
  findByIdentityId(identityId: string): Promise<Account | null>;
  /** The account with this normalised sign-in name, or null. */
  findBySignInName(signInName: string): Promise<Account | null>;
  /** Sets (or with null removes) the password; false if there is no such account. */
  setPasswordHash(identityId: string, passwordHash: string | null): Promise<boolean>;
}

/** `AccountStore` over the Kysely database. */
export class KyselyAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async register(account: NewAccount): Promise<RegisterOutcome> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        if (await nameTaken(trx, account.signInName)) return 'name_taken';
        const identities = new KyselyIdentityStore(trx);
        if (account.identity === 'upgrade') {
          const upgraded = await identities.upgradeGuestToAccount(account.identityId, account.displayName, account.nowMs);
          // Nothing is written yet, so ending the transaction here leaves no trace.
          if (!upgraded) return 'guest_gone';
        } else {
          await identities.createAccountIdentity({ id: account.identityId, displayName: account.displayName, createdAtMs: account.nowMs });
        }
        if (account.alsoInTransaction !== undefined) await account.alsoInTransaction(trx);
        const row: AccountsTable = {
          identity_id: account.identityId,
          sign_in_name: account.signInName,
          password_hash: account.passwordHash,
          role: account.role ?? 'person',
          created_at_ms: account.nowMs,
          disabled_at_ms: null,
        };
        await trx.insertInto('accounts').values(row).execute();
        if (account.passkey !== null) {
          await new KyselyPasskeyStore(trx).add({ ...account.passkey, identityId: account.identityId });
        }
        await new KyselyRecoveryCodeStore(trx).replaceAll(account.identityId, account.recoveryCodeHashes, account.nowMs);
        return 'created';
      });
    } catch (error) {
      // Two people racing for one name: the loser's insert breaks the unique key.
      if (errorIsUniqueViolation(error) && (await nameTaken(this.db, account.signInName))) return 'name_taken';
      throw error;
    }
  }

  signInNameTaken(signInName: string): Promise<boolean> {
    return nameTaken(this.db, signInName);
  }

  async findByIdentityId(identityId: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('identity_id', '=', identityId).executeTakeFirst();
    return row === undefined ? null : accountFromRow(row);
  }

  async findBySignInName(signInName: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('sign_in_name', '=', signInName).executeTakeFirst();
    return row === undefined ? null : accountFromRow(row);
  }

  async setPasswordHash(identityId: string, passwordHash: string | null): Promise<boolean> {
    const result = await this.db.updateTable('accounts').set({ password_hash: passwordHash }).where('identity_id', '=', identityId).executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}

async function nameTaken(db: Kysely<DatabaseSchema>, signInName: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('identity_id').where('sign_in_name', '=', signInName).executeTakeFirst();
  return row !== undefined;
}

function accountFromRow(row: AccountsTable): Account {
  return {
    identityId: row.identity_id,
    signInName: row.sign_in_name,
    passwordHash: row.password_hash,
    role: row.role,
    createdAtMs: row.created_at_ms,
    disabledAtMs: row.disabled_at_ms,
  };
}
