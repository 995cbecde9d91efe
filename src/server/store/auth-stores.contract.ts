/**
 * Contract suites for the account stores (accounts, login sessions, passkeys, challenges, recovery
 * codes, login failures, trusted devices), run on SQLite and Postgres. `makeDatabase` returns a
 * migrated database; tests use random ids and names so one database serves the whole suite.
 */
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KyselyAccountStore, type NewAccount } from './account-store.ts';
import { KyselyAuthChallengeStore } from './auth-challenge-store.ts';
import type { OpenDatabase } from './database.ts';
import { KyselyIdentityStore } from './identity-store.ts';
import { KyselyLoginFailureStore } from './login-failure-store.ts';
import { KyselyLoginSessionStore } from './login-session-store.ts';
import { KyselyPasskeyStore } from './passkey-store.ts';
import { KyselyRecoveryCodeStore } from './recovery-code-store.ts';
import { KyselyTrustedDeviceStore } from './trusted-device-store.ts';

const T0 = 1_763_700_000_000;
const HOUR = 3_600_000;

function nameNew(): string {
  return `name-${randomUUID().slice(0, 13)}`;
}

function accountNew(overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    identityId: randomUUID(),
    signInName: nameNew(),
    displayName: 'Robin',
    passwordHash: '$argon2id$placeholder',
    passkey: null,
    recoveryCodeHashes: [`c-${randomUUID()}`, `c-${randomUUID()}`],
    nowMs: T0,
    identity: 'new',
    ...overrides,
  };
}

/** Registers the account-store contracts under `describe(name)`. */
export function authStoresContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`account stores: ${name}`, () => {
    let database: OpenDatabase;
    let identities: KyselyIdentityStore;
    let accounts: KyselyAccountStore;
    let sessions: KyselyLoginSessionStore;
    let passkeys: KyselyPasskeyStore;
    let challenges: KyselyAuthChallengeStore;
    let codes: KyselyRecoveryCodeStore;
    let failures: KyselyLoginFailureStore;
    let devices: KyselyTrustedDeviceStore;

    before(async () => {
      database = await makeDatabase();
      identities = new KyselyIdentityStore(database.db);
      accounts = new KyselyAccountStore(database.db);
      sessions = new KyselyLoginSessionStore(database.db);
      passkeys = new KyselyPasskeyStore(database.db);
      challenges = new KyselyAuthChallengeStore(database.db);
      codes = new KyselyRecoveryCodeStore(database.db);
      failures = new KyselyLoginFailureStore(database.db);
      devices = new KyselyTrustedDeviceStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    void test('registering creates the identity, the account and its recovery codes together', async () => {
      const account = accountNew();
      assert.equal(await accounts.register(account), 'created');
      assert.deepEqual(await identities.findById(account.identityId), {
        id: account.identityId,
        displayName: 'Robin',
        kind: 'account',
        createdAtMs: T0,
        expiresAtMs: null,
      });
      const expected = {
        identityId: account.identityId,
        signInName: account.signInName,
        passwordHash: '$argon2id$placeholder',
        role: 'person',
        createdAtMs: T0,
        disabledAtMs: null,
      };
      assert.deepEqual(await accounts.findByIdentityId(account.identityId), expected);
      assert.deepEqual(await accounts.findBySignInName(account.signInName), expected);
      assert.equal(await accounts.findBySignInName(nameNew()), null);
      assert.equal(await accounts.signInNameTaken(account.signInName), true);
      assert.equal(await codes.countUnused(account.identityId), 2);
    });

    void test('a taken name is refused and leaves nothing behind', async () => {
      const first = accountNew();
      assert.equal(await accounts.register(first), 'created');
      const second = accountNew({ signInName: first.signInName });
      assert.equal(await accounts.register(second), 'name_taken');
      assert.equal(await identities.findById(second.identityId), null);
      assert.equal(await codes.countUnused(second.identityId), 0);
    });

    void test('two registrations racing for one name: exactly one wins', async () => {
      const signInName = nameNew();
      const outcomes = await Promise.all([0, 1, 2].map(() => accounts.register(accountNew({ signInName }))));
      assert.deepEqual([...outcomes].sort(), ['created', 'name_taken', 'name_taken']);
    });

    void test('a guest upgraded to an account keeps its id, loses its token and stops expiring', async () => {
      const id = randomUUID();
      const tokenHash = `h-${randomUUID()}`;
      await identities.createGuest({ id, displayName: 'Guest', tokenHash, createdAtMs: T0 - HOUR, expiresAtMs: T0 + HOUR });
      const account = accountNew({ identityId: id, identity: 'upgrade', displayName: 'Robin' });
      assert.equal(await accounts.register(account), 'created');
      assert.deepEqual(await identities.findById(id), { id, displayName: 'Robin', kind: 'account', createdAtMs: T0 - HOUR, expiresAtMs: null });
      assert.equal(await identities.findByTokenHash(tokenHash, T0), null, 'the guest cookie no longer works');
      assert.equal((await accounts.findByIdentityId(id))?.signInName, account.signInName);
    });

    void test('an expired or unknown guest cannot be upgraded', async () => {
      const id = randomUUID();
      await identities.createGuest({ id, displayName: 'Guest', tokenHash: `h-${randomUUID()}`, createdAtMs: T0 - 2 * HOUR, expiresAtMs: T0 - HOUR });
      assert.equal(await accounts.register(accountNew({ identityId: id, identity: 'upgrade' })), 'guest_gone');
      assert.equal(await accounts.findByIdentityId(id), null);
      assert.equal(await accounts.register(accountNew({ identityId: randomUUID(), identity: 'upgrade' })), 'guest_gone');
      assert.equal(await identities.upgradeGuestToAccount(id, 'X', T0), false);
    });

    void test('registering with a passkey stores it; a password can be set and removed', async () => {
      const credentialId = `cred-${randomUUID()}`;
      const account = accountNew({
        passwordHash: null,
        passkey: { credentialId, publicKey: 'pk', counter: 0, transports: ['internal', 'hybrid'], name: 'This device', createdAtMs: T0 },
      });
      assert.equal(await accounts.register(account), 'created');
      assert.deepEqual(await passkeys.findByCredentialId(credentialId), {
        credentialId,
        identityId: account.identityId,
        publicKey: 'pk',
        counter: 0,
        transports: ['internal', 'hybrid'],
        name: 'This device',
        createdAtMs: T0,
        lastUsedAtMs: null,
      });
      assert.equal((await accounts.findByIdentityId(account.identityId))?.passwordHash, null);
      assert.equal(await accounts.setPasswordHash(account.identityId, '$argon2id$new'), true);
      assert.equal((await accounts.findByIdentityId(account.identityId))?.passwordHash, '$argon2id$new');
      assert.equal(await accounts.setPasswordHash(account.identityId, null), true);
      assert.equal((await accounts.findByIdentityId(account.identityId))?.passwordHash, null);
      assert.equal(await accounts.setPasswordHash(randomUUID(), 'x'), false);
    });

    void test('passkeys: listed oldest first, counter moves compare-and-set, removed only by their owner', async () => {
      const owner = randomUUID();
      const a = `cred-a-${randomUUID()}`;
      const b = `cred-b-${randomUUID()}`;
      await passkeys.add({ credentialId: b, identityId: owner, publicKey: 'pkb', counter: 5, transports: [], name: 'Phone', createdAtMs: T0 + 1 });
      await passkeys.add({ credentialId: a, identityId: owner, publicKey: 'pka', counter: 0, transports: ['usb'], name: 'Key', createdAtMs: T0 });
      await assert.rejects(() => passkeys.add({ credentialId: a, identityId: randomUUID(), publicKey: 'x', counter: 0, transports: [], name: 'x', createdAtMs: T0 }));
      assert.deepEqual((await passkeys.listOf(owner)).map((passkey) => passkey.credentialId), [a, b]);
      assert.equal(await passkeys.recordUse(b, 5, 6, T0 + HOUR), true);
      assert.equal(await passkeys.recordUse(b, 5, 7, T0 + HOUR), false, 'someone else moved it first');
      const used = await passkeys.findByCredentialId(b);
      assert.deepEqual([used?.counter, used?.lastUsedAtMs], [6, T0 + HOUR]);
      assert.equal(await passkeys.remove(randomUUID(), a), false, 'not theirs');
      assert.equal(await passkeys.remove(owner, a), true);
      assert.equal(await passkeys.remove(owner, a), false);
      assert.deepEqual((await passkeys.listOf(owner)).map((passkey) => passkey.credentialId), [b]);
      assert.equal(await passkeys.findByCredentialId(a), null);
    });

    void test('a challenge is taken once, only for its purpose and before it expires', async () => {
      const make = async (purpose: 'register' | 'login', expiresAtMs: number) => {
        const challenge = { id: randomUUID(), challenge: `ch-${randomUUID()}`, purpose, identityId: null, payload: '{"a":1}', expiresAtMs };
        await challenges.create(challenge);
        return challenge;
      };
      const fresh = await make('register', T0 + HOUR);
      assert.deepEqual(await challenges.take(fresh.id, 'register', T0), fresh);
      assert.equal(await challenges.take(fresh.id, 'register', T0), null, 'a replay finds nothing');
      const wrongPurpose = await make('register', T0 + HOUR);
      assert.equal(await challenges.take(wrongPurpose.id, 'login', T0), null);
      assert.equal(await challenges.take(wrongPurpose.id, 'register', T0), null, 'a misuse still spends it');
      const expired = await make('login', T0 + HOUR);
      assert.equal(await challenges.take(expired.id, 'login', T0 + HOUR), null);
      assert.equal(await challenges.take(randomUUID(), 'login', T0), null);
    });

    void test('two answers racing with one challenge: exactly one gets it', async () => {
      const challenge = { id: randomUUID(), challenge: 'c', purpose: 'login' as const, identityId: randomUUID(), payload: '{}', expiresAtMs: T0 + HOUR };
      await challenges.create(challenge);
      const taken = await Promise.all([0, 1, 2, 3].map(() => challenges.take(challenge.id, 'login', T0)));
      assert.equal(taken.filter((row) => row !== null).length, 1);
    });

    void test('expired challenges are swept', async () => {
      const old = { id: randomUUID(), challenge: 'c', purpose: 'login' as const, identityId: null, payload: '{}', expiresAtMs: T0 - 10 * HOUR };
      const live = { ...old, id: randomUUID(), expiresAtMs: T0 + 10 * HOUR };
      await challenges.create(old);
      await challenges.create(live);
      assert.ok((await challenges.deleteExpired(T0)) >= 1);
      assert.equal(await challenges.take(old.id, 'login', T0 - 20 * HOUR), null);
      assert.deepEqual(await challenges.take(live.id, 'login', T0), live);
    });

    void test('a recovery code works once; a new set replaces the old one', async () => {
      const owner = randomUUID();
      await codes.replaceAll(owner, ['h1', 'h2', 'h3'], T0);
      assert.equal(await codes.countUnused(owner), 3);
      assert.equal(await codes.use(owner, 'h2', T0 + 1), true);
      assert.equal(await codes.use(owner, 'h2', T0 + 2), false, 'used before');
      assert.equal(await codes.use(randomUUID(), 'h1', T0), false, 'not theirs');
      assert.equal(await codes.use(owner, 'nope', T0), false);
      assert.equal(await codes.countUnused(owner), 2);
      const raced = await Promise.all([0, 1, 2].map(() => codes.use(owner, 'h3', T0 + 3)));
      assert.equal(raced.filter(Boolean).length, 1);
      await codes.replaceAll(owner, ['n1', 'n2'], T0 + 4);
      assert.equal(await codes.countUnused(owner), 2);
      assert.equal(await codes.use(owner, 'h1', T0 + 5), false, 'the old set stopped working');
      assert.equal(await codes.use(owner, 'n1', T0 + 5), true);
    });

    void test('login sessions: created, found with their person, touched, re-authenticated and revoked', async () => {
      const account = accountNew();
      await accounts.register(account);
      const tokenHash = `t-${randomUUID()}`;
      const id = randomUUID();
      const created = await sessions.create({ id, tokenHash, identityId: account.identityId, nowMs: T0 });
      const times = { createdAtMs: T0, lastSeenAtMs: T0, reauthenticatedAtMs: T0, revokedAtMs: null };
      assert.deepEqual(created, { id, identityId: account.identityId, ...times });
      assert.deepEqual(await sessions.findByTokenHash(tokenHash), {
        session: created,
        identity: { id: account.identityId, displayName: 'Robin', kind: 'account', createdAtMs: T0, expiresAtMs: null },
        accountExists: true,
        accountDisabledAtMs: null,
      });
      assert.equal(await sessions.findByTokenHash(`t-${randomUUID()}`), null);
      await sessions.touch(id, T0 + HOUR);
      await sessions.touch(id, T0 + 1);
      await sessions.markReauthenticated(id, T0 + 2 * HOUR);
      assert.deepEqual(await sessions.findById(id), { ...created, lastSeenAtMs: T0 + HOUR, reauthenticatedAtMs: T0 + 2 * HOUR });
      assert.equal(await sessions.revoke(id, T0 + 3 * HOUR), true);
      assert.equal(await sessions.revoke(id, T0 + 4 * HOUR), false);
      assert.equal((await sessions.findById(id))?.revokedAtMs, T0 + 3 * HOUR);
      assert.equal(await sessions.findById(randomUUID()), null);
    });

    void test('revoking all of a person\'s sessions can spare one, and leaves others\' alone', async () => {
      const person = randomUUID();
      const other = randomUUID();
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const id of ids) await sessions.create({ id, tokenHash: `t-${randomUUID()}`, identityId: person, nowMs: T0 });
      const othersId = randomUUID();
      await sessions.create({ id: othersId, tokenHash: `t-${randomUUID()}`, identityId: other, nowMs: T0 });
      const [keep = '', ...rest] = ids;
      assert.equal(await sessions.revoke(rest[0] ?? '', T0), true);
      assert.deepEqual(await sessions.revokeAllOf(person, T0 + 1, keep), [rest[1] ?? ''], 'already revoked ones are not reported again');
      assert.equal((await sessions.findById(keep))?.revokedAtMs, null);
      assert.deepEqual(await sessions.revokeAllOf(person, T0 + 2), [keep]);
      assert.deepEqual(await sessions.revokeAllOf(person, T0 + 3), []);
      assert.equal((await sessions.findById(othersId))?.revokedAtMs, null);
    });

    void test('a login session reports a disabled or missing account', async () => {
      const account = accountNew();
      await accounts.register(account);
      await database.db.updateTable('accounts').set({ disabled_at_ms: T0 + 5 }).where('identity_id', '=', account.identityId).execute();
      const tokenHash = `t-${randomUUID()}`;
      await sessions.create({ id: randomUUID(), tokenHash, identityId: account.identityId, nowMs: T0 });
      const found = await sessions.findByTokenHash(tokenHash);
      assert.deepEqual([found?.accountExists, found?.accountDisabledAtMs], [true, T0 + 5]);
      await database.db.deleteFrom('accounts').where('identity_id', '=', account.identityId).execute();
      const orphan = await sessions.findByTokenHash(tokenHash);
      assert.deepEqual([orphan?.accountExists, orphan?.accountDisabledAtMs], [false, null]);
    });

    void test('old login sessions are deleted by creation time', async () => {
      const person = randomUUID();
      const oldId = randomUUID();
      const newId = randomUUID();
      await sessions.create({ id: oldId, tokenHash: `t-${randomUUID()}`, identityId: person, nowMs: T0 - 100 * 24 * HOUR });
      await sessions.create({ id: newId, tokenHash: `t-${randomUUID()}`, identityId: person, nowMs: T0 });
      assert.ok((await sessions.deleteCreatedBefore(T0 - 50 * 24 * HOUR)) >= 1);
      assert.equal(await sessions.findById(oldId), null);
      assert.notEqual(await sessions.findById(newId), null);
    });

    void test('login failures are read per name and per address within the window, and cleared by name', async () => {
      const signInName = nameNew();
      const address = `10.0.${String(Math.floor(Math.random() * 250))}.${randomUUID().slice(0, 4)}`;
      await failures.record({ signInName, address, atMs: T0 - HOUR, trustedDevice: false });
      await failures.record({ signInName, address, atMs: T0 + 2, trustedDevice: true });
      await failures.record({ signInName, address: 'elsewhere', atMs: T0 + 1, trustedDevice: false });
      await failures.record({ signInName: nameNew(), address, atMs: T0 + 3, trustedDevice: false });
      assert.deepEqual(await failures.forSignInName(signInName, T0), [
        { atMs: T0 + 1, trustedDevice: false },
        { atMs: T0 + 2, trustedDevice: true },
      ]);
      assert.deepEqual(await failures.fromAddress(address, T0), [
        { atMs: T0 + 2, trustedDevice: true },
        { atMs: T0 + 3, trustedDevice: false },
      ]);
      await failures.clearSignInName(signInName);
      assert.deepEqual(await failures.forSignInName(signInName, 0), []);
      assert.equal((await failures.fromAddress(address, 0)).length, 1, 'other names from that address stay');
      assert.ok((await failures.deleteBefore(T0 + 10)) >= 1);
      assert.deepEqual(await failures.fromAddress(address, 0), []);
    });

    void test('a trusted device is trusted only for the account it signed in to', async () => {
      const person = randomUUID();
      const tokenHash = `d-${randomUUID()}`;
      assert.equal(await devices.isTrustedFor(tokenHash, person), false);
      await devices.remember(tokenHash, person, T0);
      await devices.remember(tokenHash, person, T0 + 1);
      assert.equal(await devices.isTrustedFor(tokenHash, person), true);
      assert.equal(await devices.isTrustedFor(tokenHash, randomUUID()), false);
      await devices.remember(tokenHash, randomUUID(), T0 + 2);
      assert.equal(await devices.isTrustedFor(tokenHash, person), true, 'another account cannot take over the token');
      const row = await database.db.selectFrom('trusted_devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirstOrThrow();
      assert.deepEqual([row.created_at_ms, row.last_used_at_ms], [T0, T0 + 1]);
      await devices.forgetAllOf(person);
      assert.equal(await devices.isTrustedFor(tokenHash, person), false);
    });
  });
}
