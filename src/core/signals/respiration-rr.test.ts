import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { respirationRateFromRr } from './respiration-rr.ts';

// Twins of rr_rest() / rr_paced() in scripts/signals-reference/hrv_reference.py (closed form, no randomness).
function rrRest(durationS = 300): number[] {
  const out: number[] = [];
  let elapsedMs = 0;
  for (let k = 0; elapsedMs < durationS * 1000; k += 1) {
    const t = elapsedMs / 1000;
    const rr =
      900 +
      45 * Math.sin(2 * Math.PI * 0.1 * t) +
      30 * Math.sin(2 * Math.PI * 0.25 * t + 0.7) +
      12 * Math.sin(2 * Math.PI * 0.02 * t) +
      8 * Math.sin(1.7 * k + 0.3) * Math.sin(0.31 * k);
    out.push(rr);
    elapsedMs += rr;
  }
  return out;
}
function rrPaced(durationS = 90): number[] {
  const out: number[] = [];
  let elapsedMs = 0;
  for (let k = 0; elapsedMs < durationS * 1000; k += 1) {
    const t = elapsedMs / 1000;
    const rr = 1000 + 80 * Math.sin(2 * Math.PI * 0.1 * t) + 5 * Math.sin(2.3 * k);
    out.push(rr);
    elapsedMs += rr;
  }
  return out;
}

function assertClose(
  actual: number | null | undefined,
  expected: number,
  relative = 1e-6,
  label = '',
): void {
  assert.ok(
    typeof actual === 'number' &&
      Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-12),
    `${label}: ${String(actual)} vs ${expected}`,
  );
}

// From scripts/signals-reference/hrv_reference.py (scipy 1.17.1): respiration() — the largest
// periodogram bin of the last 64 s in 0.15–0.4 Hz (rest), or within ±0.03 Hz of a 0.1 Hz pacer (paced).
const REST_BPM = 15.0;
const PACED_BPM = 5.9765625;

test('breathing rate matches the scipy reference, unpaced and at a pacer', () => {
  assertClose(respirationRateFromRr(rrRest()), REST_BPM, 1e-9, 'rest');
  assertClose(respirationRateFromRr(rrPaced(), 0.1), PACED_BPM, 1e-9, 'paced');
});

test('the pacer window finds slow breathing the unpaced band cannot', () => {
  const unpaced = respirationRateFromRr(rrPaced());
  assert.ok(unpaced === null || unpaced >= 9, String(unpaced));
});

test('no clear peak or not enough data is null', () => {
  assert.equal(respirationRateFromRr(rrRest(50)), null);
  assert.equal(respirationRateFromRr(new Array<number>(90).fill(1000)), null);
  // Only a slow 0.1 Hz wave and no breathing component: the HF band only holds its slope.
  assert.equal(respirationRateFromRr(rrPaced().map((rr, k) => rr - 5 * Math.sin(2.3 * k))), null);
});

test('invariants: any answer lies in the searched band', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 700, max: 1100, noNaN: true }), { minLength: 90, maxLength: 130 }),
      fc.option(fc.double({ min: 0.08, max: 0.3, noNaN: true })),
      (rr, pacer) => {
        const bpm = respirationRateFromRr(rr, pacer ?? undefined);
        if (bpm === null) return;
        if (pacer === null) assert.ok(bpm >= 9 && bpm < 24);
        else assert.ok(Math.abs(bpm / 60 - pacer) <= 0.03 + 1e-9);
      },
    ),
    { numRuns: 50 },
  );
});
