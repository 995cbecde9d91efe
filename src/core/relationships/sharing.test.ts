import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PERSONAL_RECORD_KINDS } from '../protocol/between-us-api.ts';
import {
  cycleMapShared,
  RECORD_KIND_SHARING,
  SHARING_DEFAULTS,
  SHARING_KINDS,
  SHARING_NONE,
  sessionShareReadable,
  sharingAfterLeaving,
  sharingReadable,
  sharingSettingsOf,
  sharingSettingsSchema,
  sharingWith,
  type RelationshipSharing,
  type SharingSettings,
} from './sharing.ts';

const PEOPLE = ['ana', 'ben', 'cy', 'di', 'eve'] as const;

const settingsArb: fc.Arbitrary<SharingSettings> = fc.record({
  checkIns: fc.boolean(),
  physiology: fc.boolean(),
  reflections: fc.boolean(),
  cycleMap: fc.boolean(),
});

/** Some of the people as members; some of anyone (members or not) with switches chosen. */
const sharingArb: fc.Arbitrary<RelationshipSharing> = fc
  .record({
    memberIds: fc.subarray([...PEOPLE]),
    chosen: fc.array(fc.tuple(fc.constantFrom(...PEOPLE), settingsArb), { maxLength: 6 }),
  })
  .map(({ memberIds, chosen }) => ({ memberIds, chosen: new Map(chosen) }));

const personArb = fc.constantFrom(...PEOPLE);
const kindArb = fc.constantFrom(...SHARING_KINDS);

const pair = (chosen: [string, SharingSettings][] = []): RelationshipSharing => ({ memberIds: ['ana', 'ben'], chosen: new Map(chosen) });

test('the defaults: body signals wait for a yes; what already needs a yes per item stays as it was', () => {
  assert.deepEqual(SHARING_DEFAULTS, { checkIns: true, physiology: false, reflections: true, cycleMap: true });
  assert.deepEqual(sharingSettingsOf(pair(), 'ben'), SHARING_DEFAULTS);
  assert.deepEqual(sharingSettingsOf(pair(), 'eve'), SHARING_NONE, 'someone outside shares nothing');
  assert.equal(sharingReadable(pair(), 'ben', 'ana', 'physiology'), false);
  assert.equal(sharingReadable(pair(), 'ben', 'ana', 'reflections'), true);
});

test('every kind of record is covered by exactly one switch', () => {
  for (const kind of PERSONAL_RECORD_KINDS) assert.ok(SHARING_KINDS.includes(RECORD_KIND_SHARING[kind]), kind);
  assert.equal(RECORD_KIND_SHARING.workingModel, 'reflections');
  assert.equal(RECORD_KIND_SHARING.checkIn, 'checkIns');
});

test('one person switching reflections off hides only their reflections, only from the others', () => {
  const sharing = pair([['ben', { ...SHARING_DEFAULTS, reflections: false }]]);
  assert.equal(sharingReadable(sharing, 'ben', 'ana', 'reflections'), false);
  assert.equal(sharingReadable(sharing, 'ben', 'ben', 'reflections'), true, 'Ben still reads his own');
  assert.equal(sharingReadable(sharing, 'ana', 'ben', 'reflections'), true, "Ana's choice is her own");
  assert.equal(sharingReadable(sharing, 'ben', 'ana', 'checkIns'), true);
});

test('a session "no" is never overridden by the relationship', () => {
  const everything = pair([['ben', { checkIns: true, physiology: true, reflections: true, cycleMap: true }]]);
  const read = (inSessionAllows: boolean, sharing: RelationshipSharing | null) =>
    sessionShareReadable({ sharing, inSessionAllows, ownerId: 'ben', viewerId: 'ana', kind: 'physiology' });
  assert.equal(read(false, everything), false);
  assert.equal(read(true, everything), true);
  assert.equal(read(true, pair()), false, 'the relationship can be more private than the session');
  assert.equal(read(true, null), true, 'a session outside any relationship is the session’s own');
  assert.equal(sessionShareReadable({ sharing: pair(), inSessionAllows: false, ownerId: 'ana', viewerId: 'ana', kind: 'physiology' }), true, 'one’s own is one’s own');
});

test('a cycle map shows only while both of its people share it', () => {
  assert.equal(cycleMapShared(pair(), ['ana', 'ben']), true);
  assert.equal(cycleMapShared(pair([['ana', { ...SHARING_DEFAULTS, cycleMap: false }]]), ['ana', 'ben']), false);
  assert.equal(cycleMapShared(sharingAfterLeaving(pair(), 'ben'), ['ana', 'ben']), false);
});

test('what the others share with me; nothing for someone who is not in it', () => {
  const sharing = pair([['ben', { ...SHARING_DEFAULTS, physiology: true }]]);
  assert.deepEqual(sharingWith(sharing, 'ana'), [{ personId: 'ben', shares: { ...SHARING_DEFAULTS, physiology: true } }]);
  assert.deepEqual(sharingWith(sharing, 'eve'), []);
});

test('the request schema takes four switches and nothing else, with a sentence for each mistake', () => {
  assert.ok(sharingSettingsSchema.safeParse(SHARING_DEFAULTS).success);
  assert.equal(sharingSettingsSchema.safeParse({ ...SHARING_DEFAULTS, camera: true }).success, false);
  const missing = sharingSettingsSchema.safeParse({ checkIns: true, physiology: 'yes', reflections: true, cycleMap: true });
  assert.ok(!missing.success);
  assert.match(missing.error.issues[0]?.message ?? '', /^Choose on or off for body signals\.$/);
});

test('property: a switch that is off is never readable by another member', () => {
  fc.assert(
    fc.property(sharingArb, personArb, personArb, kindArb, (sharing, ownerId, viewerId, kind) => {
      fc.pre(ownerId !== viewerId);
      if (!sharingSettingsOf(sharing, ownerId)[kind]) assert.equal(sharingReadable(sharing, ownerId, viewerId, kind), false);
      if (sharingReadable(sharing, ownerId, viewerId, kind)) {
        assert.ok(sharing.memberIds.includes(ownerId) && sharing.memberIds.includes(viewerId), 'only between current members');
      }
    }),
  );
});

test('property: after leaving, nothing of the leaver is readable, and they read nothing of anyone', () => {
  fc.assert(
    fc.property(sharingArb, personArb, personArb, kindArb, (sharing, leaver, other, kind) => {
      fc.pre(leaver !== other);
      const after = sharingAfterLeaving(sharing, leaver);
      assert.equal(sharingReadable(after, leaver, other, kind), false);
      assert.equal(sharingReadable(after, other, leaver, kind), false);
      assert.deepEqual(sharingWith(after, leaver), []);
      assert.ok(sharingWith(after, other).every((entry) => entry.personId !== leaver));
      assert.equal(cycleMapShared(after, [leaver, other]), false);
    }),
  );
});

test('property: after a session, readable only if both the session and the relationship allow it', () => {
  fc.assert(
    fc.property(sharingArb, fc.boolean(), personArb, personArb, kindArb, (sharing, inSessionAllows, ownerId, viewerId, kind) => {
      fc.pre(ownerId !== viewerId);
      const readable = sessionShareReadable({ sharing, inSessionAllows, ownerId, viewerId, kind });
      assert.equal(readable, inSessionAllows && sharingReadable(sharing, ownerId, viewerId, kind));
    }),
  );
});
