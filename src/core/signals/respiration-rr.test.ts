import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { respirationRateFromRr } from './respiration-rr.ts';
import { rrRest, rrPaced, assertClose } from './hrv.test-support.ts';

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
