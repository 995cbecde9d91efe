import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { clientTimeMs, serverTimeMs } from './instant.ts';
import {
  clientTimeFromServer,
  clockSyncAddSample,
  clockSyncEmpty,
  clockSyncEstimate,
  clockSyncSelectedCount,
  serverTimeFromClient,
} from './clock-offset.ts';
import type { ClockSyncSample, ClockSyncState } from './clock-offset.ts';

/** One simulated exchange: what really happened on the wire. */
interface Exchange {
  /** True server-minus-client offset. */
  readonly offsetMs: number;
  /** Client clock when the request left. */
  readonly sentAtMs: number;
  readonly outboundMs: number;
  readonly serverHoldMs: number;
  readonly inboundMs: number;
}

/** The four timestamps an exchange produces (server clock = client clock + offset). */
function exchangeSample(exchange: Exchange): ClockSyncSample {
  const { offsetMs, sentAtMs, outboundMs, serverHoldMs, inboundMs } = exchange;
  const serverReceive = sentAtMs + offsetMs + outboundMs;
  const serverSend = serverReceive + serverHoldMs;
  return {
    clientSendMs: clientTimeMs(sentAtMs),
    serverReceiveMs: serverTimeMs(serverReceive),
    serverSendMs: serverTimeMs(serverSend),
    clientReceiveMs: clientTimeMs(serverSend - offsetMs + inboundMs),
  };
}

const offsetArb = fc.integer({ min: -86_400_000, max: 86_400_000 });
const sentAtArb = fc.integer({ min: 0, max: 2_000_000_000_000 });
const delayArb = fc.integer({ min: 0, max: 5_000 });
const holdArb = fc.integer({ min: 0, max: 50 });
const windowArb = fc.integer({ min: 1, max: 40 });
const shareArb = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 1),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

function addAll(state: ClockSyncState, samples: readonly ClockSyncSample[]): ClockSyncState {
  return samples.reduce(clockSyncAddSample, state);
}

describe('clock offset estimation (properties)', () => {
  test('with symmetric delays the estimate is the true offset exactly', () => {
    fc.assert(
      fc.property(
        windowArb,
        shareArb,
        offsetArb,
        fc.array(fc.tuple(sentAtArb, delayArb, holdArb), { minLength: 1, maxLength: 50 }),
        (windowSize, bestShare, offsetMs, exchanges) => {
          const samples = exchanges.map(([sentAtMs, delayMs, serverHoldMs]) =>
            exchangeSample({
              offsetMs,
              sentAtMs,
              outboundMs: delayMs,
              serverHoldMs,
              inboundMs: delayMs,
            }),
          );
          const estimate = clockSyncEstimate(
            addAll(clockSyncEmpty(windowSize, bestShare), samples),
          );
          assert.equal(estimate?.offsetMs, offsetMs);
        },
      ),
    );
  });

  // Proof of the bound: a sample with outbound delay a ≥ 0 and inbound delay b ≥ 0 (server hold
  // excluded) has round trip r = a + b and offset error e = (a − b) / 2, so |e| ≤ r / 2. The
  // estimate's error is the mean of the k selected errors, so |Σ eᵢ / k| ≤ Σ |eᵢ| / k ≤ Σ rᵢ / 2k:
  // half the selected samples' mean round trip (errorBoundMs), itself at most half the largest.
  test('with asymmetric delays the error is at most half the mean round trip of the selected samples', () => {
    fc.assert(
      fc.property(
        windowArb,
        shareArb,
        offsetArb,
        fc.array(fc.tuple(sentAtArb, delayArb, holdArb, delayArb), { minLength: 1, maxLength: 50 }),
        (windowSize, bestShare, offsetMs, exchanges) => {
          const samples = exchanges.map(([sentAtMs, outboundMs, serverHoldMs, inboundMs]) =>
            exchangeSample({ offsetMs, sentAtMs, outboundMs, serverHoldMs, inboundMs }),
          );
          const state = addAll(clockSyncEmpty(windowSize, bestShare), samples);
          const estimate = clockSyncEstimate(state);
          if (estimate === null) throw new Error('no estimate from valid samples');
          const recentRoundTrips = exchanges
            .slice(-state.windowSize)
            .map(([, out, , back]) => out + back)
            .sort((a, b) => a - b);
          const k = clockSyncSelectedCount(recentRoundTrips.length, state.bestShare);
          const selected = recentRoundTrips.slice(0, k);
          const largestSelected = selected[selected.length - 1] ?? Number.NaN;
          const meanSelected = selected.reduce((sum, r) => sum + r, 0) / k;
          const errorMs = Math.abs(estimate.offsetMs - offsetMs);
          assert.ok(
            errorMs <= estimate.errorBoundMs + 1e-6,
            `${errorMs} > ${estimate.errorBoundMs}`,
          );
          assert.ok(Math.abs(estimate.errorBoundMs - meanSelected / 2) <= 1e-6);
          assert.ok(estimate.errorBoundMs <= largestSelected / 2 + 1e-6);
          assert.equal(estimate.roundTripMs, recentRoundTrips[0]);
          assert.equal(estimate.sampleCount, recentRoundTrips.length);
          assert.equal(estimate.selectedCount, k);
        },
      ),
    );
  });

  test('the bound is tight: with every delay on the way out the error equals it', () => {
    fc.assert(
      fc.property(
        windowArb,
        shareArb,
        offsetArb,
        fc.array(fc.tuple(sentAtArb, delayArb, holdArb), { minLength: 1, maxLength: 50 }),
        (windowSize, bestShare, offsetMs, exchanges) => {
          const samples = exchanges.map(([sentAtMs, outboundMs, serverHoldMs]) =>
            exchangeSample({ offsetMs, sentAtMs, outboundMs, serverHoldMs, inboundMs: 0 }),
          );
          const estimate = clockSyncEstimate(
            addAll(clockSyncEmpty(windowSize, bestShare), samples),
          );
          if (estimate === null) throw new Error('no estimate from valid samples');
          assert.ok(Math.abs(estimate.offsetMs - offsetMs - estimate.errorBoundMs) <= 1e-6);
        },
      ),
    );
  });

  test('the window slides: only the last windowSize samples count', () => {
    fc.assert(
      fc.property(
        windowArb,
        shareArb,
        offsetArb,
        fc.array(fc.tuple(sentAtArb, delayArb, holdArb, delayArb), { minLength: 1, maxLength: 80 }),
        (windowSize, bestShare, offsetMs, exchanges) => {
          const samples = exchanges.map(([sentAtMs, outboundMs, serverHoldMs, inboundMs]) =>
            exchangeSample({ offsetMs, sentAtMs, outboundMs, serverHoldMs, inboundMs }),
          );
          const empty = clockSyncEmpty(windowSize, bestShare);
          const all = addAll(empty, samples);
          assert.equal(all.measurements.length, Math.min(windowSize, samples.length));
          assert.deepEqual(
            clockSyncEstimate(all),
            clockSyncEstimate(addAll(empty, samples.slice(-windowSize))),
          );
        },
      ),
    );
  });

  test('the window slides: the fastest sample counts until windowSize newer ones arrive', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        shareArb,
        offsetArb,
        fc.array(fc.tuple(delayArb, delayArb), { minLength: 16, maxLength: 16 }),
        (windowSize, bestShare, offsetMs, delays) => {
          const best = exchangeSample({
            offsetMs: offsetMs + 7,
            sentAtMs: 0,
            outboundMs: 0,
            serverHoldMs: 0,
            inboundMs: 0,
          });
          const later = delays.slice(0, windowSize).map(([out, back], i) =>
            exchangeSample({
              offsetMs,
              sentAtMs: 1000 * (i + 1),
              outboundMs: out + 1,
              serverHoldMs: 1,
              inboundMs: back,
            }),
          );
          let state = clockSyncAddSample(clockSyncEmpty(windowSize, bestShare), best);
          state = addAll(state, later.slice(0, -1));
          assert.equal(clockSyncEstimate(state)?.roundTripMs, 0, 'still in the window');
          state = addAll(state, later.slice(-1));
          const estimate = clockSyncEstimate(state);
          assert.ok(estimate !== null && estimate.roundTripMs > 0, 'best sample has left');
          assert.equal(state.measurements.length, windowSize);
        },
      ),
    );
  });

  test('converting to server time and back is the identity', () => {
    fc.assert(
      fc.property(sentAtArb, offsetArb, (clientMs, offsetMs) => {
        const server = serverTimeFromClient(clientTimeMs(clientMs), offsetMs);
        assert.equal(clientTimeFromServer(server, offsetMs), clientMs);
      }),
    );
  });
});
