import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { SignalSample } from '../protocol/signals.ts';
import { SIGNAL_STORE_BUCKET_MS, SignalDownsampler } from './signal-downsampler.ts';

function sample(atMs: number, extra: Partial<SignalSample> = {}): SignalSample {
  return { atMs, source: 'strap', heartRateBpm: null, rrMs: [], breathingRateBpm: null, breathPhase: null, ...extra };
}

describe('signal downsampler', () => {
  test('four samples in one second become one row with their mean rate and every RR', () => {
    const down = new SignalDownsampler();
    down.add('ana', sample(10_000, { heartRateBpm: 60, rrMs: [1000] }));
    down.add('ana', sample(10_250, { heartRateBpm: 62, breathingRateBpm: 6 }));
    down.add('ana', sample(10_500, { heartRateBpm: 64, rrMs: [950, 940] }));
    down.add('ana', sample(10_750, { heartRateBpm: 66, breathPhase: 0.25 }));
    assert.deepEqual(down.take(10_999), [], 'the second is still open');
    assert.deepEqual(down.take(11_000), [
      { participantId: 'ana', atMs: 10_750, source: 'strap', heartRateBpm: 63, breathingRateBpm: 6, breathPhase: 0.25, rrMs: [1000, 950, 940] },
    ]);
    assert.equal(down.isEmpty(), true);
  });

  test('a sample for the next second closes the row; people are kept apart', () => {
    const down = new SignalDownsampler();
    down.add('ana', sample(1_000, { heartRateBpm: 70 }));
    down.add('ben', sample(1_100, { heartRateBpm: 80 }));
    down.add('ana', sample(2_000, { heartRateBpm: 72 }));
    assert.deepEqual(down.take(0).map((row) => [row.participantId, row.heartRateBpm]), [['ana', 70]]);
    assert.deepEqual(down.take(5_000).map((row) => [row.participantId, row.heartRateBpm]), [['ana', 72], ['ben', 80]]);
  });

  test('forgetting a person drops what was not stored yet', () => {
    const down = new SignalDownsampler();
    down.add('ana', sample(1_000, { heartRateBpm: 70 }));
    down.add('ana', sample(2_000, { heartRateBpm: 70 }));
    down.add('ben', sample(2_000, { heartRateBpm: 80 }));
    down.forget('ana');
    assert.deepEqual(down.take(10_000).map((row) => row.participantId), ['ben']);
  });

  test('in-order streams keep every RR interval and store at most one row per person per second', () => {
    const people = fc.constantFrom('ana', 'ben', 'cy');
    const step = fc.record({
      who: people,
      gapMs: fc.integer({ min: 0, max: 1500 }),
      rr: fc.array(fc.integer({ min: 300, max: 2000 }), { maxLength: 4 }),
      bpm: fc.option(fc.integer({ min: 40, max: 180 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const down = new SignalDownsampler();
        const clock = new Map<string, number>();
        let rrIn = 0;
        for (const { who, gapMs, rr, bpm } of steps) {
          const atMs = (clock.get(who) ?? 0) + gapMs;
          clock.set(who, atMs);
          rrIn += rr.length;
          down.add(who, sample(atMs, { rrMs: rr, heartRateBpm: bpm }));
        }
        const rows = down.take(Number.MAX_SAFE_INTEGER);
        assert.equal(rows.reduce((sum, row) => sum + row.rrMs.length, 0), rrIn);
        const seen = new Set(rows.map((row) => `${row.participantId}:${Math.floor(row.atMs / SIGNAL_STORE_BUCKET_MS)}`));
        assert.equal(seen.size, rows.length);
        for (const row of rows) {
          if (row.heartRateBpm !== null) assert.ok(row.heartRateBpm >= 40 && row.heartRateBpm <= 180);
        }
      }),
    );
  });
});
