/**
 * Contract suite for the relationship sharing store, run on SQLite and Postgres. `makeDatabase`
 * returns a migrated database; tests use random ids so one database serves all.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { SHARING_DEFAULTS, sharingSettingsOf } from '../../core/relationships/sharing.ts';
import type { OpenDatabase } from './database.ts';
import { KyselyIdentityStore } from './identity-store.ts';
import { KyselyRelationshipSharingStore } from './relationship-sharing-store.ts';
import { KyselyRelationshipStore } from './relationship-store.ts';

const T0 = 1_763_700_000_000;
const HOUR = 3_600_000;
const EVERYTHING = { checkIns: true, physiology: true, reflections: true, cycleMap: true };
const NOTHING = { checkIns: false, physiology: false, reflections: false, cycleMap: false };

/** Registers the relationship sharing store contract under `describe(name)`. */
export function relationshipSharingStoreContract(name: string, makeDatabase: () => Promise<OpenDatabase>): void {
  void describe(`relationship sharing store: ${name}`, () => {
    let database: OpenDatabase;
    let relationships: KyselyRelationshipStore;
    let sharing: KyselyRelationshipSharingStore;
    let identities: KyselyIdentityStore;

    before(async () => {
      database = await makeDatabase();
      relationships = new KyselyRelationshipStore(database.db);
      sharing = new KyselyRelationshipSharingStore(database.db);
      identities = new KyselyIdentityStore(database.db);
    });
    after(async () => {
      await database.close();
    });

    async function person(displayName: string): Promise<string> {
      const id = randomUUID();
      await identities.createGuest({ id, displayName, tokenHash: `h-${id}`, createdAtMs: T0, expiresAtMs: T0 + 1000 * HOUR });
      return id;
    }

    /** A relationship of `creator` and `other`, joined through an invite at `atMs`. */
    async function pair(creator: string, other: string, atMs = T0 + 1): Promise<string> {
      const id = randomUUID();
      await relationships.create({ id, kind: 'friend', createdBy: creator, createdAtMs: T0 });
      await join(id, creator, other, atMs);
      return id;
    }

    async function join(relationshipId: string, inviter: string, joiner: string, atMs: number): Promise<void> {
      const tokenHash = `t-${randomUUID()}`;
      await relationships.createInvite({ tokenHash, relationshipId, createdBy: inviter, createdAtMs: atMs, expiresAtMs: atMs + HOUR });
      assert.deepEqual(await relationships.acceptInvite(tokenHash, joiner, atMs, 8), { kind: 'joined', relationshipId });
    }

    void test('members who never chose have no switches stored, so the defaults apply', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const id = await pair(ana, ben);
      const read = await sharing.sharingOf(id);
      assert.deepEqual(read.memberIds, [ana, ben]);
      assert.equal(read.chosen.size, 0);
      assert.deepEqual(sharingSettingsOf(read, ben), SHARING_DEFAULTS);
      const nobody = await sharing.sharingOf(randomUUID());
      assert.deepEqual([nobody.memberIds, nobody.chosen.size], [[], 0]);
    });

    void test('each member sets their own switches, and can change them again', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const id = await pair(ana, ben);
      assert.equal(await sharing.put(id, ben, EVERYTHING, T0 + 2), true);
      assert.equal(await sharing.put(id, ana, NOTHING, T0 + 3), true);
      let read = await sharing.sharingOf(id);
      assert.deepEqual(read.chosen.get(ben), EVERYTHING);
      assert.deepEqual(read.chosen.get(ana), NOTHING);
      assert.equal(await sharing.put(id, ben, { ...EVERYTHING, reflections: false }, T0 + 4), true);
      read = await sharing.sharingOf(id);
      assert.deepEqual(read.chosen.get(ben), { ...EVERYTHING, reflections: false });
      assert.deepEqual(read.chosen.get(ana), NOTHING, "Ben's change leaves Ana's alone");
      const row = await database.db.selectFrom('relationship_sharing').select('updated_at_ms').where('person_id', '=', ben).executeTakeFirstOrThrow();
      assert.equal(row.updated_at_ms, T0 + 4);
    });

    void test('switches are per relationship', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const first = await pair(ana, ben);
      const second = await pair(ana, ben);
      await sharing.put(first, ana, EVERYTHING, T0 + 2);
      assert.deepEqual((await sharing.sharingOf(first)).chosen.get(ana), EVERYTHING);
      assert.equal((await sharing.sharingOf(second)).chosen.has(ana), false);
    });

    void test('someone outside the relationship cannot set switches in it', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const eve = await person('Eve');
      const id = await pair(ana, ben);
      assert.equal(await sharing.put(id, eve, EVERYTHING, T0 + 2), false);
      assert.equal(await sharing.put(randomUUID(), ana, EVERYTHING, T0 + 2), false);
      assert.equal((await sharing.sharingOf(id)).chosen.has(eve), false);
    });

    void test('leaving deletes the leaver’s switches with the rest of leaving; coming back starts afresh', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const id = await pair(ana, ben);
      await sharing.put(id, ben, EVERYTHING, T0 + 2);
      await sharing.put(id, ana, EVERYTHING, T0 + 2);
      assert.equal(await relationships.leave(id, ben, T0 + 3), true);
      const read = await sharing.sharingOf(id);
      assert.deepEqual(read.memberIds, [ana]);
      assert.equal(read.chosen.has(ben), false);
      assert.deepEqual(read.chosen.get(ana), EVERYTHING, 'the one who stays keeps theirs');
      const rows = await database.db.selectFrom('relationship_sharing').selectAll().where('relationship_id', '=', id).where('person_id', '=', ben).execute();
      assert.deepEqual(rows, [], 'nothing of the leaver is left behind');
      assert.equal(await sharing.put(id, ben, EVERYTHING, T0 + 4), false, 'a change after leaving does not land');
      await join(id, ana, ben, T0 + 5);
      const back = await sharing.sharingOf(id);
      assert.deepEqual(back.memberIds, [ana, ben]);
      assert.equal(back.chosen.has(ben), false, 'back with the defaults, not what was set before');
    });

    void test('a change at the moment of leaving either lands before it or not at all', async () => {
      const ana = await person('Ana');
      const ben = await person('Ben');
      const id = await pair(ana, ben);
      const [, put] = await Promise.all([relationships.leave(id, ben, T0 + 2), sharing.put(id, ben, EVERYTHING, T0 + 2)]);
      const rows = await database.db.selectFrom('relationship_sharing').selectAll().where('relationship_id', '=', id).where('person_id', '=', ben).execute();
      assert.deepEqual(rows, [], `no switches of a leaver survive (the change ${put ? 'landed first' : 'was refused'})`);
    });
  });
}
