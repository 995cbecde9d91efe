/**
 * Accounts (issue 6): a guest becomes an account by adding a sign-in name and a way in (a passkey,
 * a password, or both), keeping the same identity id and so their history. Every secret is stored
 * as a hash or, for passwords, an argon2id string; challenges are deleted when used.
 */
import type { Kysely, Migration } from 'kysely';

/** Creates the account, login-session, passkey, challenge, recovery-code and throttle tables. */
export const accounts: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('accounts')
      .addColumn('identity_id', 'text', (c) => c.primaryKey())
      .addColumn('sign_in_name', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text')
      .addColumn('role', 'text', (c) => c.notNull().defaultTo('person'))
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('disabled_at_ms', 'bigint')
      .execute();
    await db.schema
      .createTable('login_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('identity_id', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('reauthenticated_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('revoked_at_ms', 'bigint')
      .execute();
    await db.schema.createIndex('login_sessions_identity').on('login_sessions').column('identity_id').execute();
    await db.schema
      .createTable('passkeys')
      .addColumn('credential_id', 'text', (c) => c.primaryKey())
      .addColumn('identity_id', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at_ms', 'bigint')
      .execute();
    await db.schema.createIndex('passkeys_identity').on('passkeys').column('identity_id').execute();
    await db.schema
      .createTable('auth_challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('identity_id', 'text')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('identity_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('used_at_ms', 'bigint')
      .addPrimaryKeyConstraint('recovery_codes_pk', ['identity_id', 'code_hash'])
      .execute();
    await db.schema
      .createTable('login_failures')
      .addColumn('sign_in_name', 'text', (c) => c.notNull())
      .addColumn('address', 'text', (c) => c.notNull())
      .addColumn('at_ms', 'bigint', (c) => c.notNull())
      .addColumn('trusted_device', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_name').on('login_failures').columns(['sign_in_name', 'at_ms']).execute();
    await db.schema.createIndex('login_failures_address').on('login_failures').columns(['address', 'at_ms']).execute();
    await db.schema
      .createTable('trusted_devices')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('identity_id', 'text', (c) => c.notNull())
      .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
      .addColumn('last_used_at_ms', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trusted_devices_identity').on('trusted_devices').column('identity_id').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['trusted_devices', 'login_failures', 'recovery_codes', 'auth_challenges', 'passkeys', 'login_sessions', 'accounts']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
