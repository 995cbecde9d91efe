import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationWords, minuteTick, offsetClock } from './report-time.ts';

test('durations are said in whole minutes and hours', () => {
  assert.equal(durationWords(20_000), 'less than a minute');
  assert.equal(durationWords(60_000), '1 minute');
  assert.equal(durationWords(24 * 60_000 + 10_000), '24 minutes');
  assert.equal(durationWords(60 * 60_000), '1 hour');
  assert.equal(durationWords(125 * 60_000), '2 hours 5 minutes');
  assert.equal(durationWords(-5), 'less than a minute');
});

test('moments into the session read like a clock', () => {
  assert.equal(offsetClock(0), '0:00');
  assert.equal(offsetClock(245_000), '4:05');
  assert.equal(offsetClock(3_750_000), '1:02:30');
});

test('axis ticks say minutes on whole minutes and m:ss between', () => {
  assert.equal(minuteTick(5), '5 min');
  assert.equal(minuteTick(4.5), '4:30');
  assert.equal(minuteTick(0), '0 min');
  // Floating-point noise from the axis does not show.
  assert.equal(minuteTick(2.0000000001), '2 min');
});
