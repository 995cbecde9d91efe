import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AccountRole } from '../protocol/account-api.ts';
import { RELATIONSHIP_KINDS } from '../protocol/between-us-api.ts';
import { SHARING_DEFAULTS, SHARING_KINDS, sharingSettingsOf, type RelationshipSharing, type SharingSettings } from '../relationships/sharing.ts';
import { isClientOf, type PracticeRelationship } from './roles.ts';
import { clientThingsVisible, kindsClientShares, practitionerMaySee, type ClientThing, type PractitionerSight } from './visibility.ts';

const PEOPLE = ['pia', 'quinn', 'bo', 'cy', 'gus'] as const;
const NOTHING: SharingSettings = { checkIns: false, physiology: false, reflections: false, cycleMap: false };

function sightOf(shares: SharingSettings | null, memberRoles: Record<string, AccountRole | null> = { pia: 'practitioner', bo: 'person' }): PractitionerSight {
  const memberIds = Object.keys(memberRoles);
  return {
    relationship: { relationshipId: 'r1', kind: 'practitioner', members: memberIds.map((personId) => ({ personId, role: memberRoles[personId] ?? null })) },
    sharing: { memberIds, chosen: shares === null ? new Map() : new Map([['bo', shares]]) },
    practitionerId: 'pia',
    clientId: 'bo',
  };
}

test('a practitioner sees what the client shares, and nothing they turned off', () => {
  const sight = sightOf({ ...NOTHING, checkIns: true });
  assert.equal(practitionerMaySee(sight, 'checkIns'), true);
  assert.equal(practitionerMaySee(sight, 'reflections'), false);
  assert.equal(practitionerMaySee(sight, 'physiology'), false);
  assert.deepEqual(kindsClientShares(sight, SHARING_KINDS), ['checkIns']);
});

test('the defaults apply until the client chooses: body signals stay off', () => {
  const sight = sightOf(null);
  assert.deepEqual(kindsClientShares(sight, SHARING_KINDS), SHARING_KINDS.filter((kind) => SHARING_DEFAULTS[kind]));
});

test('a session "no" is never overridden, and the relationship switch still applies after a session', () => {
  const everything = sightOf({ checkIns: true, physiology: true, reflections: true, cycleMap: true });
  assert.equal(practitionerMaySee(everything, 'physiology', { allowed: false }), false);
  assert.equal(practitionerMaySee(everything, 'physiology', { allowed: true }), true);
  const noBody = sightOf({ ...NOTHING, checkIns: true });
  assert.equal(practitionerMaySee(noBody, 'physiology', { allowed: true }), false);
});

test('only a client of this practitioner is visible: not a co-practitioner, not oneself, not in another kind of relationship', () => {
  const colleague: PractitionerSight = { ...sightOf(null, { pia: 'practitioner', bo: 'practitioner' }) };
  assert.equal(practitionerMaySee(colleague, 'checkIns'), false);
  const notAPractitioner = sightOf(null, { pia: 'person', bo: 'person' });
  assert.equal(practitionerMaySee(notAPractitioner, 'checkIns'), false);
  const partners: PractitionerSight = { ...sightOf(null), relationship: { ...sightOf(null).relationship, kind: 'partner' } };
  assert.equal(practitionerMaySee(partners, 'checkIns'), false);
  const self: PractitionerSight = { ...sightOf(null), clientId: 'pia' };
  assert.equal(practitionerMaySee(self, 'checkIns'), false);
});

test('things of anyone other than the client are never shown on the client’s page', () => {
  const sight = sightOf({ checkIns: true, physiology: true, reflections: true, cycleMap: true }, { pia: 'practitioner', bo: 'person', cy: 'person' });
  const things: ClientThing[] = [
    { ownerId: 'bo', kind: 'checkIns', inSessionAllowed: null },
    { ownerId: 'cy', kind: 'checkIns', inSessionAllowed: null },
    { ownerId: 'pia', kind: 'checkIns', inSessionAllowed: null },
  ];
  assert.deepEqual(clientThingsVisible(sight, things), [things[0]]);
});

// ---------------------------------------------------------------------------------------------
// Property: nothing unshared is ever visible

const personArb = fc.constantFrom(...PEOPLE);
const roleArb: fc.Arbitrary<AccountRole | null> = fc.constantFrom('person', 'practitioner', 'operator', null);
const settingsArb: fc.Arbitrary<SharingSettings> = fc.record({ checkIns: fc.boolean(), physiology: fc.boolean(), reflections: fc.boolean(), cycleMap: fc.boolean() });

/** A relationship (any kind, any roles) and its sharing, whose members may differ a little (two reads). */
const worldArb = fc
  .record({
    kind: fc.constantFrom(...RELATIONSHIP_KINDS),
    members: fc.uniqueArray(fc.tuple(personArb, roleArb), { selector: ([id]) => id, maxLength: PEOPLE.length }),
    sharingMembers: fc.subarray([...PEOPLE]),
    chosen: fc.array(fc.tuple(personArb, settingsArb), { maxLength: 6 }),
    practitionerId: personArb,
    clientId: personArb,
    things: fc.array(
      fc.record({ ownerId: personArb, kind: fc.constantFrom(...SHARING_KINDS), inSessionAllowed: fc.option(fc.boolean(), { nil: null }) }),
      { maxLength: 20 },
    ),
    /** Most worlds are a practitioner with a client, both still in it; the rest are anything at all. */
    usual: fc.boolean(),
  })
  .map((world) => {
    let members = world.members.map(([personId, role]) => ({ personId, role }));
    let sharingMembers = world.sharingMembers;
    let kind = world.kind;
    if (world.usual) {
      kind = 'practitioner';
      const others = members.filter((member) => member.personId !== world.practitionerId && member.personId !== world.clientId);
      members = [{ personId: world.practitionerId, role: 'practitioner' }, ...(world.clientId === world.practitionerId ? [] : [{ personId: world.clientId, role: 'person' as const }]), ...others];
      sharingMembers = [...new Set([world.practitionerId, world.clientId, ...sharingMembers])];
    }
    const relationship: PracticeRelationship = { relationshipId: 'r1', kind, members };
    const sharing: RelationshipSharing = { memberIds: sharingMembers, chosen: new Map(world.chosen) };
    const sight: PractitionerSight = { relationship, sharing, practitionerId: world.practitionerId, clientId: world.clientId };
    return { sight, things: world.things };
  });

test('property: a thing is shown only if it is the client’s, the client shares that kind, and its session allowed it', () => {
  fc.assert(
    fc.property(worldArb, ({ sight, things }) => {
      for (const thing of clientThingsVisible(sight, things)) {
        assert.equal(thing.ownerId, sight.clientId, 'only the client’s own things');
        assert.notEqual(thing.ownerId, sight.practitionerId);
        assert.ok(isClientOf(sight.relationship, sight.practitionerId, sight.clientId), 'only a client of this practitioner');
        assert.equal(sight.relationship.kind, 'practitioner');
        assert.ok(sight.sharing.memberIds.includes(sight.clientId) && sight.sharing.memberIds.includes(sight.practitionerId), 'both still in it');
        assert.equal(sharingSettingsOf(sight.sharing, sight.clientId)[thing.kind], true, 'the client’s switch for that kind is on');
        assert.notEqual(thing.inSessionAllowed, false, 'a session "no" stays a no');
      }
    }),
  );
});

test('property: turning a kind off hides every thing of that kind at once, and changes nothing else', () => {
  fc.assert(
    fc.property(worldArb, fc.constantFrom(...SHARING_KINDS), ({ sight, things }, kind) => {
      const before = sharingSettingsOf(sight.sharing, sight.clientId);
      const chosen = new Map(sight.sharing.chosen);
      chosen.set(sight.clientId, { ...before, [kind]: false });
      const after: PractitionerSight = { ...sight, sharing: { ...sight.sharing, chosen } };
      const shownAfter = clientThingsVisible(after, things);
      assert.ok(shownAfter.every((thing) => thing.kind !== kind));
      const shownBefore = clientThingsVisible(sight, things);
      assert.deepEqual(
        shownAfter,
        shownBefore.filter((thing) => thing.kind !== kind),
      );
    }),
  );
});

test('the generated worlds do show things often enough for the properties to mean something', () => {
  const shown = fc.sample(worldArb, { numRuns: 2000, seed: 7 }).filter(({ sight, things }) => clientThingsVisible(sight, things).length > 0).length;
  assert.ok(shown > 20, `only ${String(shown)} of 2000 worlds showed anything`);
});
