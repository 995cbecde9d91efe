/**
 * The signal texts built by hand around already-serialised samples read back exactly as the
 * objects they stand for, and a node tells its own bus notices from others' without parsing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SignalSample } from '../../core/protocol/signals.ts';
import { signalsMessageText, signalsNoticeIsFrom, signalsNoticeParse, signalsNoticeText } from './signal-relay.ts';

const samples: SignalSample[] = [
  { atMs: 1_700_000_000_000, source: 'strap', heartRateBpm: 64.5, rrMs: [930, 925], breathingRateBpm: null, breathPhase: 0.25 },
  { atMs: 1_700_000_000_500, source: 'simulated', heartRateBpm: null, rrMs: [], breathingRateBpm: 6, breathPhase: null },
];
const awkwardId = 'node "a"\\\u2028é';

test('the viewers’ message is the JSON of the message object', () => {
  const text = signalsMessageText(awkwardId, JSON.stringify(samples));
  assert.equal(text, JSON.stringify({ type: 'signals', participantId: awkwardId, samples }));
});

test('a notice is the JSON of the notice, with or without forget', () => {
  const notice = { nodeId: awkwardId, participantId: 'p1', samples };
  assert.equal(signalsNoticeText(notice), JSON.stringify(notice));
  assert.equal(signalsNoticeText(notice, JSON.stringify(samples)), JSON.stringify(notice));
  const forget = { nodeId: 'n1', participantId: '', samples: [], forget: true as const };
  assert.deepEqual(signalsNoticeParse(signalsNoticeText(forget)), forget);
});

test('a node recognises its own notices, and only its own', () => {
  const text = signalsNoticeText({ nodeId: 'node-a', participantId: 'p1', samples });
  assert.equal(signalsNoticeIsFrom(text, 'node-a'), true);
  assert.equal(signalsNoticeIsFrom(text, 'node-ab'), false);
  assert.equal(signalsNoticeIsFrom(text, 'node-'), false);
  assert.equal(signalsNoticeIsFrom(signalsNoticeText({ nodeId: awkwardId, participantId: 'p', samples: [] }), awkwardId), true);
});
