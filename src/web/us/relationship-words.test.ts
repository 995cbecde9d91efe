import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import {
  RELATIONSHIP_KINDS_OFFERED,
  namesJoined,
  relationshipInviteLifetimeWords,
  relationshipTitle,
} from './relationship-words.ts';

const relationship = (others: string[]): RelationshipView => ({
  relationshipId: 'rel-1',
  kind: 'friend',
  createdAtMs: 0,
  members: [
    { personId: 'me', displayName: 'Ana', isMe: true, joinedAtMs: 0 },
    ...others.map((name) => ({
      personId: name.toLowerCase(),
      displayName: name,
      isMe: false,
      joinedAtMs: 1,
    })),
  ],
});

test('names are joined as an English list', () => {
  assert.equal(namesJoined([]), '');
  assert.equal(namesJoined(['Bo']), 'Bo');
  assert.equal(namesJoined(['Bo', 'Cy']), 'Bo and Cy');
  assert.equal(namesJoined(['Bo', 'Cy', 'Di']), 'Bo, Cy and Di');
});

test('a relationship is named from the reader’s side', () => {
  assert.equal(relationshipTitle(relationship(['Bo'])), 'You and Bo');
  assert.equal(relationshipTitle(relationship(['Bo', 'Cy'])), 'You, Bo and Cy');
  assert.equal(relationshipTitle(relationship([])), 'Waiting for your friend');
});

test('practitioner links are not offered until accounts exist', () => {
  assert.deepEqual(RELATIONSHIP_KINDS_OFFERED, ['partner', 'friend', 'family']);
});

test('an invite link says plainly how long it works', () => {
  const now = Date.UTC(2026, 2, 1, 9, 0);
  assert.match(
    relationshipInviteLifetimeWords(now + 24 * 3_600_000, now),
    /^This link works once, for about 24 hours \(until .+\), and only for joining you here\.$/,
  );
  assert.match(relationshipInviteLifetimeWords(now + 30 * 60_000, now), /about 30 minutes/);
  assert.match(relationshipInviteLifetimeWords(now - 1, now), /stopped working/);
});
