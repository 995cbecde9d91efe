import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { gaussian, seededRandom } from './pulse-sync.test-support.ts';
import { geometryOf, meanPeakR, meanPeakStatistic } from './mean-peak-correlation.ts';
import { synchronyAnalysis, synchronyScore } from './synchrony.ts';

const FS = 4;
const N = 300; // the shortest 4 Hz series with 19 surrogates at the default windows, so runs stay fast

/** Two heart-rate-like AR(1) series; b follows a by `delay` samples with weight `coupling`. */
const pair = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    rho: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    coupling: fc.double({ min: 0, max: 1, noNaN: true }),
    delay: fc.integer({ min: -16, max: 16 }),
  })
  .map(({ seed, rho, coupling, delay }) => {
    const random = seededRandom(seed);
    const ar = (): Float64Array => {
      const x = new Float64Array(N + 40);
      for (let i = 1; i < x.length; i += 1) x[i] = rho * (x[i - 1] ?? 0) + gaussian(random);
      return x;
    };
    const common = ar();
    const own = ar();
    const a = Float64Array.from({ length: N }, (_, i) => 70 + (common[i + 20] ?? 0));
    const b = Float64Array.from(
      { length: N },
      (_, i) => 64 + coupling * (common[i + 20 - delay] ?? 0) + (1 - coupling) * (own[i] ?? 0),
    );
    return { a, b, label: JSON.stringify({ seed, rho, coupling, delay }) };
  });

const OPTIONS = { sampleRateHz: FS, surrogateCount: 19 } as const;

test('score in [0, 1], p in (0, 1] on the 1/(N+1) lattice, lag within ±5 s, r̄ in [−1, 1]', () => {
  fc.assert(
    fc.property(
      pair,
      fc.option(fc.constantFrom(0.1, 0.2, 0.25), { nil: undefined }),
      fc.constantFrom('circular-shift' as const, 'phase-randomized' as const),
      ({ a, b, label }, pacerHz, surrogateMethod) => {
        const result = synchronyAnalysis(a, b, { ...OPTIONS, pacerHz, surrogateMethod });
        assert.ok(result, label);
        assert.ok(result.score >= 0 && result.score <= 1, `${label} score ${result.score}`);
        assert.ok(result.pValue > 0 && result.pValue <= 1, `${label} p ${result.pValue}`);
        const lattice = result.pValue * (1 + result.nullMeanPeakR.length);
        assert.ok(Math.abs(lattice - Math.round(lattice)) < 1e-9, `${label} p on the lattice`);
        assert.ok(Math.abs(result.lagSec) <= 5, label);
        assert.ok(result.meanPeakR >= -1 && result.meanPeakR <= 1, label);
        // The score is positive exactly when r̄ clears the null's 95th percentile.
        assert.equal(result.score > 0, result.meanPeakR > result.q95, label);
      },
    ),
    { numRuns: 60 },
  );
});

test('swapping a and b keeps r̄ and flips the lag; both verdicts stay valid', () => {
  fc.assert(
    fc.property(pair, ({ a, b, label }) => {
      const forward = synchronyScore(a, b, OPTIONS);
      const backward = synchronyScore(b, a, OPTIONS);
      assert.ok(forward && backward, label);
      // The lag table of (b, a) mirrors that of (a, b); only exact ties could pick another peak.
      assert.ok(Math.abs(forward.meanPeakR - backward.meanPeakR) < 1e-9, label);
      assert.ok(
        forward.lagSec === -backward.lagSec || Math.abs(forward.lagSec + backward.lagSec) <= 0.5,
        label,
      );
      // The score and p are NOT asserted to agree: the null shifts a instead of b, and on 75 s
      // of smooth data the 19 shifts are so alike that the two nulls can differ a lot (found
      // here: seed 544120434, rho 0.984, no coupling gave score 0 / p 1 one way and 0.35 / 0.05
      // the other). That is a limit of circular-shift surrogates on short series, not a bug.
      for (const result of [forward, backward])
        assert.ok(result.score >= 0 && result.score <= 1, label);
    }),
    { numRuns: 60 },
  );
});

test('a heart rate in other units or at another resting level gives the same answer', () => {
  fc.assert(
    fc.property(
      pair,
      fc.double({ min: 0.2, max: 5, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      ({ a, b, label }, scale, offset) => {
        const original = synchronyScore(a, b, OPTIONS);
        const moved = synchronyScore(
          a.map((v) => scale * v + offset),
          b,
          OPTIONS,
        );
        assert.ok(original && moved, label);
        assert.ok(Math.abs(original.meanPeakR - moved.meanPeakR) < 1e-9, label);
        assert.ok(Math.abs(original.score - moved.score) < 1e-6, label);
        assert.equal(original.lagSec, moved.lagSec, label);
        assert.equal(original.pValue, moved.pValue, label);
      },
    ),
    { numRuns: 40 },
  );
});

test('never throws on arbitrary input: a score or null, and the same input gives the same answer', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.double({ min: 40, max: 180, noNaN: true }), fc.constant(Number.NaN)), {
        maxLength: 340,
      }),
      fc.array(fc.double({ min: 40, max: 180 }), { maxLength: 340 }),
      (xs, ys) => {
        const first = synchronyScore(xs, ys, OPTIONS);
        assert.deepEqual(synchronyScore(xs, ys, OPTIONS), first);
        if (first)
          assert.ok(first.score >= 0 && first.score <= 1 && first.pValue > 0 && first.pValue <= 1);
      },
    ),
    { numRuns: 60 },
  );
});

test("the fast surrogate kernel equals windowedCrossCorrelation's mean peak r, gaps included", () => {
  fc.assert(
    fc.property(
      pair,
      fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: N - 1 }),
          length: fc.integer({ min: 1, max: 30 }),
        }),
        { maxLength: 3 },
      ),
      fc.constantFrom(
        { windowSec: 30, stepSec: 5, maxLagSec: 5 },
        { windowSec: 10, stepSec: 2.5, maxLagSec: 3 },
        { windowSec: 20, stepSec: 7, maxLagSec: 0 },
      ),
      ({ a, b, label }, gaps, windows) => {
        const holey = b.slice();
        for (const gap of gaps) holey.fill(NaN, gap.at, gap.at + gap.length);
        const geometry = geometryOf({ sampleRateHz: FS, ...windows });
        const fast = meanPeakR(a, holey, geometry);
        const reference = meanPeakStatistic(a, holey, geometry).meanPeakR;
        if (Number.isNaN(reference)) assert.ok(Number.isNaN(fast), label);
        else assert.ok(Math.abs(fast - reference) < 1e-10, `${label}: ${fast} vs ${reference}`);
      },
    ),
    { numRuns: 150 },
  );
});
