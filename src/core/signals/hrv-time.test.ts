import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hrvTimeDomain } from './hrv-time.ts';
import { rrRest, rrPaced, assertClose } from './hrv.test-support.ts';

// From scripts/signals-reference/hrv_reference.py (numpy 2.4.6): rest.time and paced.time.
const REST = {
  meanNnMs: 898.3951742009572,
  meanHrBpm: 66.78575500293029,
  sdnnMs: 39.59508318926057,
  rmssdMs: 33.50068570028937,
  pnn50Pct: 16.46706586826347,
};
const PACED = {
  meanNnMs: 996.8616312506967,
  meanHrBpm: 60.18889494695662,
  sdnnMs: 56.722469126029665,
  rmssdMs: 35.424106153509726,
  pnn50Pct: 17.582417582417584,
};

test('time-domain HRV matches the numpy reference', () => {
  for (const [series, expected] of [
    [rrRest(), REST],
    [rrPaced(), PACED],
  ] as const) {
    const actual = hrvTimeDomain(series);
    for (const key of Object.keys(expected) as (keyof typeof expected)[])
      assertClose(actual?.[key], expected[key], 1e-9, key);
  }
  assert.equal(rrRest().length, 334);
});

test('a hand-worked case: pNN50 counts over the N intervals, SDNN uses N − 1', () => {
  // RR 800, 900, 840, 1000: ΔRR 100, −60, 160 → all three > 50 → 3/4 = 75 %.
  const result = hrvTimeDomain([800, 900, 840, 1000]);
  assert.equal(result?.meanNnMs, 885);
  assert.equal(result.meanHrBpm, 60000 / 885);
  assert.equal(result.pnn50Pct, 75);
  assertClose(
    result.sdnnMs,
    Math.sqrt((85 ** 2 + 15 ** 2 + 45 ** 2 + 115 ** 2) / 3),
    1e-12,
    'sdnn',
  );
  assertClose(result.rmssdMs, Math.sqrt((100 ** 2 + 60 ** 2 + 160 ** 2) / 3), 1e-12, 'rmssd');
  // Exactly 50 ms is not more than 50.
  assert.equal(hrvTimeDomain([800, 850])?.pnn50Pct, 0);
});

test('not enough signal or invalid input is null', () => {
  assert.equal(hrvTimeDomain([]), null);
  assert.equal(hrvTimeDomain([900]), null);
  assert.equal(hrvTimeDomain([900, 0, 900]), null);
  assert.equal(hrvTimeDomain([900, Number.NaN]), null);
});

test('invariants: a constant series has no variability; shifting all RR leaves SDNN and RMSSD unchanged', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 300, max: 2000, noNaN: true }), { minLength: 2, maxLength: 200 }),
      fc.double({ min: -250, max: 250, noNaN: true }),
      (rr, shift) => {
        const base = hrvTimeDomain(rr)!;
        const shifted = hrvTimeDomain(rr.map((value) => value + shift + 0))!;
        assert.ok(Math.abs(base.sdnnMs - shifted.sdnnMs) <= 1e-6 * Math.max(1, base.sdnnMs));
        assert.ok(Math.abs(base.rmssdMs - shifted.rmssdMs) <= 1e-6 * Math.max(1, base.rmssdMs));
        assert.ok(base.pnn50Pct >= 0 && base.pnn50Pct < 100);
        const constant = hrvTimeDomain(rr.map(() => rr[0]!))!;
        assert.equal(constant.rmssdMs, 0);
        assert.ok(constant.sdnnMs < 1e-9);
      },
    ),
  );
});
