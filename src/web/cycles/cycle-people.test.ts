import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ELI_SIDE, NOOR_SIDE } from '../../core/cycles/index.ts';
import type { RelationshipMemberView } from '../../core/protocol/between-us-api.ts';
import type { ReceivedCycleMap } from './cycle-api.ts';
import { OTHER_PERSON_FALLBACK_NAME, cyclePeopleRevealed, theirName } from './cycle-people.ts';

const members: RelationshipMemberView[] = [
  { personId: 'noor', displayName: 'Noor', isMe: true, joinedAtMs: 0 },
  { personId: 'eli', displayName: 'Eli', isMe: false, joinedAtMs: 1 },
];

const revealed: ReceivedCycleMap = {
  status: 'revealed',
  mapId: 'map-1',
  mine: { personId: 'noor', side: NOOR_SIDE, done: true, readyToLook: true },
  theirs: { personId: 'eli', side: ELI_SIDE, done: true, readyToLook: true },
  canChooseToLook: true,
  name: null,
  plan: null,
};

test('once open, both people come with their names and sides, me first', () => {
  const people = cyclePeopleRevealed(revealed, members);
  assert.ok(people);
  assert.equal(people.me.name, 'Noor');
  assert.equal(people.you.name, 'Eli');
  assert.equal(people.you.side, ELI_SIDE);
});

test('before the reveal there is nobody to describe', () => {
  assert.equal(
    cyclePeopleRevealed(
      { ...revealed, status: 'drafting', theirs: { ...revealed.theirs, side: null } },
      members,
    ),
    null,
  );
});

test('someone who has left keeps a neutral name', () => {
  assert.equal(theirName(revealed, members.slice(0, 1)), OTHER_PERSON_FALLBACK_NAME);
});
