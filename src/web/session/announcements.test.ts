import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionFold } from '../../core/session/state.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import { logAnnouncements, sessionAnnouncements } from './announcements.ts';

const at = (ms: number) => ms as ServerTimeMs;
const boundaries = { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false };
const base: SessionEvent[] = [
  { type: 'sessionCreated', sessionId: 's', hostId: 'a', maxParticipants: 8, atMs: at(1) },
  { type: 'participantJoined', participantId: 'a', displayName: 'Ana', kind: 'guest', boundaries, atMs: at(2) },
];

test('joining, pausing anonymously and a practice starting are announced briefly', () => {
  const before = sessionFold(base);
  const joined = sessionFold([{ type: 'participantJoined', participantId: 'b', displayName: 'Bo', kind: 'guest', boundaries, atMs: at(3) }], before);
  assert.deepEqual(sessionAnnouncements(before, joined, 'a'), ['Bo joined.']);
  const paused = sessionFold([{ type: 'sessionPaused', participantId: null, saidItWasThem: false, atMs: at(4) }], joined);
  assert.deepEqual(sessionAnnouncements(joined, paused, 'a'), ['The session is paused.']);
  const named = sessionFold([{ type: 'sessionPaused', participantId: 'b', saidItWasThem: true, atMs: at(4) }], joined);
  assert.deepEqual(sessionAnnouncements(joined, named, 'a'), ['Bo paused the session.']);
  const proposed = sessionFold(
    [{ type: 'practiceProposed', runId: 'r1', practiceId: 'breath-sync', parameters: {}, durationMs: 60_000, roles: {}, proposedBy: 'b', atMs: at(5) }],
    joined,
  );
  assert.deepEqual(sessionAnnouncements(joined, proposed, 'a'), ['Bo suggested Breathing together.']);
  const started = sessionFold(
    [{ type: 'practiceStarted', runId: 'r1', participantIds: ['a', 'b'], roles: {}, startsAtMs: at(10), durationMs: 60_000, pacer: null, tempo: null, turnSharers: [], turnLengthMs: 0, atMs: at(6) }],
    proposed,
  );
  assert.deepEqual(sessionAnnouncements(proposed, started, 'a'), ['Breathing together is starting.']);
  const finished = sessionFold([{ type: 'practiceEnded', runId: 'r1', outcome: 'completed', reason: 'completed', atMs: at(70) }], started);
  assert.deepEqual(sessionAnnouncements(started, finished, 'a'), ['The practice has finished.']);
  assert.deepEqual(sessionAnnouncements(finished, finished, 'a'), []);
});

test('a shared body notice is said kindly, to the others and to the person who shared it', () => {
  const state = sessionFold([...base, { type: 'participantJoined', participantId: 'b', displayName: 'Sam', kind: 'guest', boundaries, atMs: at(3) }]);
  const shared = [{ seq: 4, atMs: 50, event: { type: 'bodyNoticeShared' as const, participantId: 'b', notice: 'flooding' as const, atMs: at(50) } }];
  assert.deepEqual(logAnnouncements(shared, state, 'a'), ["Sam's body is asking for a slower moment."]);
  assert.deepEqual(logAnnouncements(shared, state, 'b'), ['You let the others know your body is asking for a slower moment.']);
  const other = [{ seq: 5, atMs: 51, event: { type: 'sessionResumed' as const, participantId: null, saidItWasThem: false, resumesSession: true, pausedForMs: 1, atMs: at(51) } }];
  assert.deepEqual(logAnnouncements(other, state, 'a'), []);
  for (const sentence of logAnnouncements(shared, state, 'a')) {
    assert.doesNotMatch(sentence, /flood|alarm|danger|panic|warning|heart rate/i, 'no clinical or alarming words');
  }
});
