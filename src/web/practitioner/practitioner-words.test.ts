import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastSessionWords, sessionBodyWords, sessionCheckInLines } from './practitioner-words.ts';

test('a session’s body signals read plainly, and their absence never says whose choice it was', () => {
  assert.equal(sessionBodyWords(null), 'No body signals shared from this session.');
  assert.equal(sessionBodyWords({ heartRateBpm: 81.5, breathingRateBpm: 6, minutes: 1 }), 'Heart rate about 82 beats a minute, breathing about 6.0 breaths a minute, over 1 minute.');
  assert.equal(sessionBodyWords({ heartRateBpm: null, breathingRateBpm: 5.5, minutes: 12 }), 'Breathing about 5.5 breaths a minute, over 12 minutes.');
});

test('check-ins and the last session', () => {
  assert.deepEqual(sessionCheckInLines([{ atMs: 0, state: 'activated', intensity: 6, moment: 'before' }]), ['Before a practice: Revved up or on edge, 6 out of 10']);
  assert.equal(lastSessionWords({ lastSessionAtMs: null }), 'No session together yet.');
  assert.match(lastSessionWords({ lastSessionAtMs: Date.UTC(2026, 5, 3) }), /^Last session together: .*2026\.$/);
});
