/**
 * Contract suite for the instance's storage, run on SQLite and Postgres: the setup-link rule (one
 * link among nodes starting at once, a new one replacing the old, taken once inside a transaction),
 * the crisis resources, and the operator's view and changes of accounts. `makeDatabase` returns a
 * migrated database of its own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { OpenDatabase } from '../store/database.ts';
import { KyselyInstanceStore, setupLinkTake, type SetupLinkTaken } from './instance-store.ts';
import { KyselyOperatorAccountStore } from './operator-account-store.ts';

const T0 = 1_763_900_000_000;
const DAY = 24 * 3_600_000;

/** Registers the contract under `describe(name)`. */
export function instanceStoresContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`instance stores: ${name}`, () => {
    let database: OpenDatabase;
    let settings: KyselyInstanceStore;
    let accounts: KyselyOperatorAccountStore;

    before(async () => {
      database = await makeDatabase();
      settings = new KyselyInstanceStore(database.db);
      accounts = new KyselyOperatorAccountStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    async function accountMade(role: 'person' | 'practitioner' | 'operator', displayName = 'Someone'): Promise<string> {
      const id = randomUUID();
      await database.db.insertInto('identities').values({ id, display_name: displayName, kind: 'account', token_hash: null, created_at_ms: T0, expires_at_ms: null }).execute();
      await database.db
        .insertInto('accounts')
        .values({ identity_id: id, sign_in_name: `n-${id}`, password_hash: null, role, created_at_ms: T0, disabled_at_ms: null })
        .execute();
      return id;
    }

    function take(hash: string, nowMs: number): Promise<SetupLinkTaken> {
      return database.db.transaction().execute((trx) => setupLinkTake(trx, hash, nowMs));
    }

    void test('of several nodes starting at once, exactly one stores its link; a pending link is kept', async () => {
      const outcomes = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((hash) => settings.setupLinkCreateUnlessPending(hash, T0, T0 + DAY)));
      assert.equal(outcomes.filter(Boolean).length, 1);
      const winner = ['a', 'b', 'c', 'd', 'e'][outcomes.indexOf(true)] ?? '';
      assert.equal(await settings.setupLinkMatches(winner, T0 + 1), true);
      assert.equal(await settings.setupLinkCreateUnlessPending('late', T0 + DAY - 1, T0 + 2 * DAY), false);
      assert.deepEqual(await settings.setupLinkPending(T0 + 1), { createdAtMs: T0, expiresAtMs: T0 + DAY });
    });

    void test('an expired link is replaced at start; a new link always replaces the old one', async () => {
      assert.equal(await settings.setupLinkPending(T0 + DAY), null);
      assert.equal(await settings.setupLinkCreateUnlessPending('fresh', T0 + DAY, T0 + 2 * DAY), true);
      await settings.setupLinkReplace('newer', T0 + DAY + 5, T0 + 2 * DAY + 5);
      assert.equal(await settings.setupLinkMatches('fresh', T0 + DAY + 6), false);
      assert.equal(await settings.setupLinkMatches('newer', T0 + DAY + 6), true);
      assert.equal(await settings.setupLinkMatches('newer', T0 + 2 * DAY + 5), false, 'not at its expiry');
    });

    void test('a link is taken once, even by two racing transactions, and a rolled-back take leaves it', async () => {
      await settings.setupLinkReplace('race', T0, T0 + DAY);
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          assert.equal(await setupLinkTake(trx, 'race', T0 + 1), 'taken');
          throw new Error('the account could not be written');
        }),
        /could not be written/,
      );
      assert.equal(await settings.setupLinkMatches('race', T0 + 1), true);
      const outcomes = await Promise.all([take('race', T0 + 2), take('race', T0 + 2)]);
      assert.deepEqual(outcomes.sort(), ['link_gone', 'taken']);
      assert.equal(await settings.setupLinkMatches('race', T0 + 3), false);
      await settings.setupLinkReplace('late', T0, T0 + DAY);
      assert.equal(await take('late', T0 + DAY), 'link_gone', 'expired');
      assert.equal(await take('wrong', T0 + 1), 'link_gone');
    });

    void test('crisis resources are stored, replaced and forgotten', async () => {
      assert.equal(await settings.helpRead(), null);
      await settings.helpWrite('{"intro":"a","resources":[]}', T0);
      await settings.helpWrite('{"intro":"b","resources":[]}', T0 + 1);
      assert.deepEqual(await settings.helpRead(), { json: '{"intro":"b","resources":[]}', updatedAtMs: T0 + 1 });
      await settings.helpClear();
      assert.equal(await settings.helpRead(), null);
    });

    void test('with an operator: operatorExists, and a link can no longer be taken', async () => {
      assert.equal(await settings.operatorExists(), false);
      await accountMade('practitioner');
      assert.equal(await settings.operatorExists(), false);
      await settings.setupLinkReplace('after', T0, T0 + DAY);
      await accountMade('operator', 'Keeper');
      assert.equal(await settings.operatorExists(), true);
      assert.equal(await take('after', T0 + 1), 'operator_exists');
    });

    void test('accounts: metadata with the display name, switched off and on, roles but never the operator\'s', async () => {
      const id = await accountMade('person', 'Noa');
      const found = await accounts.find(id);
      assert.deepEqual(found, { identityId: id, signInName: `n-${id}`, displayName: 'Noa', role: 'person', createdAtMs: T0, disabledAtMs: null });
      assert.equal(await accounts.disable(id, T0 + 5), true);
      assert.equal(await accounts.disable(id, T0 + 9), true);
      assert.equal((await accounts.find(id))?.disabledAtMs, T0 + 5, 'the first time is kept');
      assert.equal(await accounts.enable(id), true);
      assert.equal((await accounts.find(id))?.disabledAtMs, null);
      assert.equal(await accounts.roleSet(id, 'practitioner'), true);
      assert.equal((await accounts.find(id))?.role, 'practitioner');
      const keeper = (await accounts.list(1000)).find((row) => row.role === 'operator');
      assert.ok(keeper);
      assert.equal(await accounts.roleSet(keeper.identityId, 'person'), false);
      assert.equal((await accounts.find(keeper.identityId))?.role, 'operator');
      assert.equal(await accounts.disable(randomUUID(), T0), false);
      assert.equal(await accounts.enable(randomUUID()), false);
      assert.equal(await accounts.find(randomUUID()), null);
      assert.equal((await accounts.list(2)).length, 2);
    });
  });
}
