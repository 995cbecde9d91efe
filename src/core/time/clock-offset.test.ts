import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clientTimeMs, serverTimeMs } from './instant.ts';
import {
  CLOCK_SYNC_BEST_SHARE,
  CLOCK_SYNC_WINDOW_SIZE,
  clientTimeFromServer,
  clockSyncAddSample,
  clockSyncEmpty,
  clockSyncEstimate,
  clockSyncSampleMeasure,
  clockSyncSelectedCount,
  serverTimeFromClient,
} from './clock-offset.ts';
import type { ClockSyncSample } from './clock-offset.ts';

/** t0..t3 as plain numbers, for readable fixtures. */
function sample(t0: number, t1: number, t2: number, t3: number): ClockSyncSample {
  return {
    clientSendMs: clientTimeMs(t0),
    serverReceiveMs: serverTimeMs(t1),
    serverSendMs: serverTimeMs(t2),
    clientReceiveMs: clientTimeMs(t3),
  };
}

// Server 500 ms ahead; 50 ms out, 2 ms at the server, 70 ms back.
const ASYMMETRIC = sample(1000, 1550, 1552, 1122);

describe('clockSyncSampleMeasure', () => {
  test('offset is the mean of the two one-way differences; round trip excludes server time', () => {
    assert.deepEqual(clockSyncSampleMeasure(ASYMMETRIC), { offsetMs: 490, roundTripMs: 120 });
  });

  test('a server behind the client gives a negative offset', () => {
    // Server 2000 ms behind; 40 ms each way, 1 ms at the server.
    assert.deepEqual(clockSyncSampleMeasure(sample(10_000, 8040, 8041, 10_081)), {
      offsetMs: -2000,
      roundTripMs: 80,
    });
  });

  test('rejects non-finite timestamps and time running backwards', () => {
    assert.equal(clockSyncSampleMeasure(sample(Number.NaN, 1550, 1552, 1122)), null);
    assert.equal(clockSyncSampleMeasure(sample(1000, Infinity, 1552, 1122)), null);
    assert.equal(
      clockSyncSampleMeasure(sample(1000, 1550, 1700, 1122)),
      null,
      'negative round trip',
    );
    assert.equal(
      clockSyncSampleMeasure(sample(1000, 1550, 1549, 1122)),
      null,
      'server clock stepped back',
    );
    assert.equal(
      clockSyncSampleMeasure(sample(1000, 1550, 1552, 999)),
      null,
      'client clock stepped back',
    );
  });
});

describe('clockSyncSelectedCount', () => {
  test('is the best share of the samples, rounded up, at least one, at most all', () => {
    assert.equal(clockSyncSelectedCount(64, 0.5), 32);
    assert.equal(clockSyncSelectedCount(8, 0.25), 2);
    assert.equal(clockSyncSelectedCount(5, 0.5), 3);
    assert.equal(clockSyncSelectedCount(7, 0), 1);
    assert.equal(clockSyncSelectedCount(1, 0.5), 1);
    assert.equal(clockSyncSelectedCount(7, 1), 7);
  });

  test('is not pushed up a whole sample by floating-point noise', () => {
    // 30 × 0.1 is 3.0000000000000004 in binary floating point.
    assert.equal(clockSyncSelectedCount(30, 0.1), 3);
  });
});

describe('clock sync window', () => {
  test('is empty to start with, with no estimate', () => {
    assert.equal(clockSyncEstimate(clockSyncEmpty()), null);
    assert.equal(clockSyncEmpty().windowSize, CLOCK_SYNC_WINDOW_SIZE);
    assert.equal(clockSyncEmpty().bestShare, CLOCK_SYNC_BEST_SHARE);
  });

  test('clamps the window to at least one sample and the share to 0..1', () => {
    assert.equal(clockSyncEmpty(0).windowSize, 1);
    assert.equal(clockSyncEmpty(8, 2).bestShare, 1);
    assert.equal(clockSyncEmpty(8, -1).bestShare, 0);
    assert.equal(clockSyncEmpty(8, Number.NaN).bestShare, 0);
  });

  test('averages the offsets of the lowest-round-trip share, not the latest or all', () => {
    let state = clockSyncEmpty(8, 0.5);
    state = clockSyncAddSample(state, ASYMMETRIC); // offset 490, rtt 120
    state = clockSyncAddSample(state, sample(2000, 2540, 2541, 2081)); // offset 500, rtt 80
    state = clockSyncAddSample(state, sample(3000, 3600, 3601, 3201)); // offset 500, rtt 200
    state = clockSyncAddSample(state, sample(4000, 4560, 4560, 4100)); // offset 510, rtt 100
    assert.deepEqual(clockSyncEstimate(state), {
      offsetMs: 505,
      roundTripMs: 80,
      errorBoundMs: 45,
      sampleCount: 4,
      selectedCount: 2,
    });
  });

  test('is not moved by a slow, lopsided sample outside the selected share', () => {
    let state = clockSyncEmpty(8, 0.5);
    state = clockSyncAddSample(state, sample(0, 540, 540, 80)); // offset 500, rtt 80
    state = clockSyncAddSample(state, sample(1000, 1530, 1530, 1060)); // offset 500, rtt 60
    // 900 ms out, 50 ms back: offset 925, rtt 950.
    state = clockSyncAddSample(state, sample(2000, 3400, 3400, 2950));
    assert.equal(clockSyncEstimate(state)?.offsetMs, 500);
  });

  test('with a best share of 0 takes the single smallest round trip', () => {
    let state = clockSyncEmpty(8, 0);
    state = clockSyncAddSample(state, ASYMMETRIC); // offset 490, rtt 120
    state = clockSyncAddSample(state, sample(2000, 2540, 2541, 2081)); // offset 500, rtt 80
    state = clockSyncAddSample(state, sample(3000, 3600, 3601, 3201)); // offset 500, rtt 200
    assert.deepEqual(clockSyncEstimate(state), {
      offsetMs: 500,
      roundTripMs: 80,
      errorBoundMs: 40,
      sampleCount: 3,
      selectedCount: 1,
    });
  });

  test('prefers the newer sample on a tie', () => {
    let state = clockSyncEmpty(8, 0);
    state = clockSyncAddSample(state, sample(0, 540, 540, 80)); // offset 500, rtt 80
    state = clockSyncAddSample(state, sample(1000, 1530, 1530, 1080)); // offset 490, rtt 80
    assert.equal(clockSyncEstimate(state)?.offsetMs, 490);
  });

  test('ignores a rejected sample, returning the same state', () => {
    const state = clockSyncAddSample(clockSyncEmpty(), ASYMMETRIC);
    assert.equal(clockSyncAddSample(state, sample(1000, 1550, 1700, 1122)), state);
    assert.equal(clockSyncAddSample(state, sample(1000, Number.NaN, 1552, 1122)), state);
  });

  test('does not change the state it was given', () => {
    const empty = clockSyncEmpty();
    const one = clockSyncAddSample(empty, ASYMMETRIC);
    assert.equal(empty.measurements.length, 0);
    assert.equal(one.measurements.length, 1);
  });

  test('drops the oldest sample once full, even if it was the best', () => {
    let state = clockSyncEmpty(3, 0);
    state = clockSyncAddSample(state, sample(0, 510, 510, 20)); // offset 500, rtt 20
    for (let i = 1; i <= 2; i += 1) state = clockSyncAddSample(state, ASYMMETRIC);
    assert.equal(clockSyncEstimate(state)?.offsetMs, 500);
    assert.equal(clockSyncEstimate(state)?.sampleCount, 3);
    state = clockSyncAddSample(state, ASYMMETRIC);
    assert.deepEqual(clockSyncEstimate(state), {
      offsetMs: 490,
      roundTripMs: 120,
      errorBoundMs: 60,
      sampleCount: 3,
      selectedCount: 1,
    });
  });
});

describe('converting between clocks', () => {
  test('server = client + offset, and back', () => {
    assert.equal(serverTimeFromClient(clientTimeMs(1_000_000), 490), 1_000_490);
    assert.equal(clientTimeFromServer(serverTimeMs(1_000_490), 490), 1_000_000);
    assert.equal(serverTimeFromClient(clientTimeMs(1_000_000), -2000), 998_000);
  });
});
