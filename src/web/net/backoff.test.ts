import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reconnectDelayMs, RECONNECT_MAX_DELAY_MS } from './backoff.ts';

test('reconnecting waits 1 s, 2 s, 4 s, 8 s, then 10 s at most', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 50, 5000].map((attempt) => reconnectDelayMs(attempt)), [1000, 2000, 4000, 8000, 10_000, 10_000, 10_000, 10_000]);
});

test('jitter adds at most a tenth and never passes the cap', () => {
  assert.equal(reconnectDelayMs(0, 0.999), 1100);
  assert.equal(reconnectDelayMs(2, 0.5), 4200);
  assert.equal(reconnectDelayMs(9, 0.999), RECONNECT_MAX_DELAY_MS);
  assert.equal(reconnectDelayMs(-3, -1), 1000);
  assert.equal(reconnectDelayMs(Number.NaN), 1000);
});

test('a shorter schedule doubles from its own first wait up to its own cap', () => {
  const schedule = { firstDelayMs: 50, maxDelayMs: 300 };
  assert.deepEqual([0, 1, 2, 3, 9].map((attempt) => reconnectDelayMs(attempt, 0, schedule)), [50, 100, 200, 300, 300]);
  assert.equal(reconnectDelayMs(0, 0.999, schedule), 55);
});
