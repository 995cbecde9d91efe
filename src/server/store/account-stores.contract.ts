/**
 * Contract suites for the identity and invite stores, run on SQLite and Postgres. `makeDatabase`
 * returns a migrated database; tests use random ids so one database serves the whole suite.
 */
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenDatabase } from './database.ts';
import { KyselyIdentityStore } from './identity-store.ts';
import { KyselyInviteStore } from './invite-store.ts';

const T0 = 1_763_700_000_000;
const HOUR = 3_600_000;

/** Registers the identity-store and invite-store contracts under `describe(name)`. */
export function accountStoresContract(
  name: string,
  makeDatabase: () => Promise<OpenDatabase>,
): void {
  void describe(`identity and invite stores: ${name}`, () => {
    let database: OpenDatabase;
    let identities: KyselyIdentityStore;
    let invites: KyselyInviteStore;

    before(async () => {
      database = await makeDatabase();
      identities = new KyselyIdentityStore(database.db);
      invites = new KyselyInviteStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    void test('a guest is found by token hash until it expires', async () => {
      const id = randomUUID();
      const tokenHash = `h-${randomUUID()}`;
      const created = await identities.createGuest({
        id,
        displayName: 'Sam 🌿',
        tokenHash,
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      const expected = {
        id,
        displayName: 'Sam 🌿',
        kind: 'guest',
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      };
      assert.deepEqual(created, expected);
      assert.deepEqual(await identities.findByTokenHash(tokenHash, T0), expected);
      assert.deepEqual(await identities.findByTokenHash(tokenHash, T0 + HOUR - 1), expected);
      assert.equal(await identities.findByTokenHash(tokenHash, T0 + HOUR), null);
      assert.equal(await identities.findByTokenHash(`h-${randomUUID()}`, T0), null);
      assert.deepEqual(await identities.findById(id), expected);
      assert.equal(await identities.findById(randomUUID()), null);
    });

    void test('a display name can be changed; unknown ids report false', async () => {
      const id = randomUUID();
      const tokenHash = `h-${randomUUID()}`;
      await identities.createGuest({
        id,
        displayName: 'A',
        tokenHash,
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      assert.equal(await identities.updateDisplayName(id, 'Ada'), true);
      assert.equal((await identities.findByTokenHash(tokenHash, T0))?.displayName, 'Ada');
      assert.equal(await identities.updateDisplayName(randomUUID(), 'Nobody'), false);
    });

    void test('token hashes and ids are unique', async () => {
      const tokenHash = `h-${randomUUID()}`;
      const id = randomUUID();
      await identities.createGuest({
        id,
        displayName: 'A',
        tokenHash,
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      await assert.rejects(() =>
        identities.createGuest({
          id: randomUUID(),
          displayName: 'B',
          tokenHash,
          createdAtMs: T0,
          expiresAtMs: T0 + HOUR,
        }),
      );
      await assert.rejects(() =>
        identities.createGuest({
          id,
          displayName: 'C',
          tokenHash: `h-${randomUUID()}`,
          createdAtMs: T0,
          expiresAtMs: T0 + HOUR,
        }),
      );
    });

    void test('an invite is valid until it expires', async () => {
      const tokenHash = `i-${randomUUID()}`;
      const sessionId = `s-${randomUUID()}`;
      const invite = await invites.create({
        tokenHash,
        sessionId,
        createdBy: 'alice',
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      const expected = {
        tokenHash,
        sessionId,
        createdBy: 'alice',
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
        revokedAtMs: null,
      };
      assert.deepEqual(invite, expected);
      assert.deepEqual(await invites.findValid(tokenHash, T0 + HOUR - 1), expected);
      assert.equal(await invites.findValid(tokenHash, T0 + HOUR), null);
      assert.equal(await invites.findValid(`i-${randomUUID()}`, T0), null);
      await assert.rejects(() =>
        invites.create({
          tokenHash,
          sessionId,
          createdBy: 'mallory',
          createdAtMs: T0,
          expiresAtMs: T0 + 2 * HOUR,
        }),
      );
    });

    void test('a revoked invite is no longer valid; revoking twice keeps the first time', async () => {
      const tokenHash = `i-${randomUUID()}`;
      await invites.create({
        tokenHash,
        sessionId: 's',
        createdBy: 'alice',
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      const other = `i-${randomUUID()}`;
      await invites.create({
        tokenHash: other,
        sessionId: 's',
        createdBy: 'alice',
        createdAtMs: T0,
        expiresAtMs: T0 + HOUR,
      });
      assert.equal(await invites.revoke(tokenHash, T0 + 10), true);
      assert.equal(await invites.findValid(tokenHash, T0 + 11), null);
      assert.equal(await invites.revoke(tokenHash, T0 + 20), false);
      assert.equal(await invites.revoke(`i-${randomUUID()}`, T0), false);
      assert.equal(
        (await invites.findValid(other, T0 + 11))?.tokenHash,
        other,
        'only that invite is revoked',
      );
      const row = await database.db
        .selectFrom('invites')
        .select('revoked_at_ms')
        .where('token_hash', '=', tokenHash)
        .executeTakeFirstOrThrow();
      assert.equal(row.revoked_at_ms, T0 + 10);
    });
  });
}
