import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repairPeopleOf } from './repair-people.ts';

const relationship = {
  relationshipId: 'rel-1',
  kind: 'partner' as const,
  createdAtMs: 0,
  members: [
    { personId: 'ana', displayName: 'Ana', isMe: true, joinedAtMs: 0 },
    { personId: 'bo', displayName: 'Bo', isMe: false, joinedAtMs: 0 },
    { personId: 'cy', displayName: 'Cy', isMe: false, joinedAtMs: 0 },
  ],
};

test('the reader is "You", others by name, and someone who left by a plain stand-in', () => {
  const people = repairPeopleOf(relationship);
  assert.ok(people);
  assert.equal(people.meId, 'ana');
  assert.equal(people.nameOf('ana'), 'You');
  assert.equal(people.nameOf('bo'), 'Bo');
  assert.equal(people.nameOf('gone'), 'Someone who has left');
  assert.equal(people.namesOf(['bo']), 'Bo');
  assert.equal(people.namesOf(['bo', 'cy']), 'Bo and Cy');
});

test('someone not in the relationship has no people to read', () => {
  assert.equal(repairPeopleOf({ ...relationship, members: relationship.members.map((member) => ({ ...member, isMe: false })) }), null);
});
