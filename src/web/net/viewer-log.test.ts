import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireEvent } from '../../core/protocol/messages.ts';
import { sessionIsPaused, sessionPresentParticipants } from '../../core/session/queries.ts';
import {
  storedLiveSessionDecode,
  storedLiveSessionEncode,
  VIEWER_LOG_EMPTY,
  viewerLogApply,
} from './viewer-log.ts';

const boundaries = { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false };

function wire(seq: number, event: WireEvent['event']): WireEvent {
  return { seq, atMs: 1000 + seq, event };
}

const LOG: WireEvent[] = [
  wire(1, { type: 'sessionCreated', sessionId: 's1', hostId: 'ana', maxParticipants: 8, atMs: 1001 }),
  wire(2, { type: 'participantJoined', participantId: 'ana', displayName: 'Ana', kind: 'guest', boundaries, atMs: 1002 }),
  wire(3, { type: 'participantJoined', participantId: 'bo', displayName: 'Bo', kind: 'guest', boundaries, atMs: 1003 }),
  wire(4, { type: 'hidden' }),
  wire(5, { type: 'sessionPaused', participantId: null, saidItWasThem: false, atMs: 1005 }),
];

test('the viewer log folds its events, skipping hidden placeholders', () => {
  const applied = viewerLogApply(VIEWER_LOG_EMPTY, LOG);
  assert.equal(applied.ok, true);
  assert.equal(applied.log.lastSeq, 5);
  assert.equal(applied.log.entries.length, 5);
  assert.deepEqual(sessionPresentParticipants(applied.log.state).map((p) => p.displayName), ['Ana', 'Bo']);
  assert.equal(sessionIsPaused(applied.log.state), true);
  assert.deepEqual(applied.log.state.latestCheckIns, {});
});

test('anonymous pauses fold and release like named ones', () => {
  const paused = viewerLogApply(VIEWER_LOG_EMPTY, LOG).log;
  const resumed = viewerLogApply(paused, [
    wire(6, { type: 'sessionResumed', participantId: null, saidItWasThem: false, resumesSession: true, pausedForMs: 500, atMs: 1500 }),
  ]).log;
  assert.equal(sessionIsPaused(resumed.state), false);
  assert.deepEqual(resumed.state.pauseHolds, {});
});

test('events already held are skipped, so nothing is applied twice', () => {
  const first = viewerLogApply(VIEWER_LOG_EMPTY, LOG.slice(0, 3)).log;
  const again = viewerLogApply(first, LOG.slice(1, 5));
  assert.equal(again.ok, true);
  assert.deepEqual(again.added.map((entry) => entry.seq), [4, 5]);
  assert.equal(sessionPresentParticipants(again.log.state).length, 2);
  const noop = viewerLogApply(again.log, LOG);
  assert.equal(noop.log, again.log);
});

test('a gap stops at the last contiguous event and is reported', () => {
  const applied = viewerLogApply(VIEWER_LOG_EMPTY, [LOG[0]!, LOG[1]!, LOG[3]!]);
  assert.equal(applied.ok, false);
  assert.equal(applied.log.lastSeq, 2);
  assert.equal(applied.expectedSeq, 3);
  assert.equal(applied.gotSeq, 4);
});

test('unknown event types are kept in the log but change nothing', () => {
  const applied = viewerLogApply(VIEWER_LOG_EMPTY, [LOG[0]!, wire(2, { type: 'somethingNewer', x: 1 })]);
  assert.equal(applied.ok, true);
  assert.equal(applied.log.lastSeq, 2);
  assert.equal(applied.log.state.status, 'open');
});

test('the stored copy reads back to the same log and state; damage reads as nothing', () => {
  const log = viewerLogApply(VIEWER_LOG_EMPTY, LOG).log;
  const restored = storedLiveSessionDecode(storedLiveSessionEncode('bo', log));
  assert.equal(restored.me, 'bo');
  assert.equal(restored.log.lastSeq, 5);
  assert.deepEqual(restored.log.state, log.state);
  assert.equal(storedLiveSessionDecode('{not json').log.lastSeq, 0);
  assert.equal(storedLiveSessionDecode(JSON.stringify({ version: 2, me: 'x', entries: [] })).me, null);
  assert.equal(storedLiveSessionDecode(JSON.stringify({ version: 1, me: 'x', entries: [{ seq: 'a' }] })).log.lastSeq, 0);
  assert.equal(storedLiveSessionDecode(null).log.lastSeq, 0);
});
