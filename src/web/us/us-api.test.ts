import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { FakeBetweenUs, fakeFetchInstall } from './fake-between-us.test-support.ts';
import {
  identityFetch,
  inviteAccept,
  invitePreviewFetch,
  relationshipFetch,
  relationshipInviteNew,
  relationshipLeave,
  relationshipSessionStart,
  relationshipStart,
  relationshipsList,
} from './us-api.ts';

let fake: FakeBetweenUs;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeBetweenUs();
  uninstall = fakeFetchInstall(fake);
});
afterEach(() => {
  uninstall();
});

test('a device with no identity is told apart from a failure', async () => {
  assert.equal(await identityFetch(), null);
  fake.actAs('ana', 'Ana');
  assert.deepEqual(await identityFetch(), { id: 'ana', displayName: 'Ana', kind: 'guest' });
});

test('start, invite, preview, accept: both end up in one relationship, each seeing themselves as "me"', async () => {
  fake.actAs('ana', 'Ana');
  const started = await relationshipStart('partner', null);
  assert.deepEqual(
    fake.requests.at(-1)?.body,
    { kind: 'partner' },
    'no name is sent when the device already has one',
  );
  assert.equal(started.relationship.members.length, 1);

  fake.actAs(null);
  const preview = await invitePreviewFetch(started.invite.token);
  assert.deepEqual(preview, {
    relationshipId: started.relationship.relationshipId,
    kind: 'partner',
    invitedBy: 'Ana',
    expiresAtMs: started.invite.expiresAtMs,
  });
  const accepted = await inviteAccept(started.invite.token, 'Bo');
  assert.deepEqual(
    accepted.members.map((m) => [m.displayName, m.isMe]),
    [
      ['Ana', false],
      ['Bo', true],
    ],
  );

  fake.actAs('ana');
  const [mine] = await relationshipsList();
  assert.deepEqual(
    mine?.members.map((m) => [m.displayName, m.isMe]),
    [
      ['Ana', true],
      ['Bo', false],
    ],
  );
  const again = await relationshipInviteNew(started.relationship.relationshipId);
  assert.notEqual(again.token, started.invite.token);
});

test('leaving takes me out, and the relationship is no longer mine to read', async () => {
  fake.actAs('ana', 'Ana');
  const { relationship } = await relationshipStart('friend', null);
  await relationshipLeave(relationship.relationshipId);
  assert.equal(fake.requests.at(-1)?.method, 'DELETE');
  assert.deepEqual(await relationshipsList(), []);
  await assert.rejects(
    relationshipFetch(relationship.relationshipId),
    (error) => error instanceof ApiError && error.status === 404,
  );
});

test('practising together now opens a session for the relationship', async () => {
  fake.actAs('ana', 'Ana');
  const { relationship } = await relationshipStart('family', null);
  const sessionId = await relationshipSessionStart(relationship.relationshipId);
  assert.deepEqual(fake.sessions, [{ sessionId, relationshipId: relationship.relationshipId }]);
});

test('an expired invite is refused with the server’s sentence', async () => {
  fake.actAs('ana', 'Ana');
  const { invite } = await relationshipStart('friend', null);
  fake.nowMs = invite.expiresAtMs + 1;
  await assert.rejects(
    invitePreviewFetch(invite.token),
    (error) => error instanceof ApiError && error.code === 'invite_invalid',
  );
});
