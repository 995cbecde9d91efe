import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  PROGRESS_SPAN_MS,
  PROGRESS_T0,
  checkInsArbitrary,
  instantArbitrary,
  offsetArbitrary,
} from './progress-arbitraries.test-support.ts';
import {
  WINDOW_ZONES,
  windowShares,
  windowTimes,
  windowTimesByWeek,
  windowTimesCombine,
} from './window-of-tolerance.ts';

const WHOLE = {
  fromMs: PROGRESS_T0 - 86_400_000,
  toMs: PROGRESS_T0 + PROGRESS_SPAN_MS + 86_400_000,
};

test('shares sum to one whenever there is counted time, and each lies between 0 and 1', () => {
  fc.assert(
    fc.property(checkInsArbitrary, (checkIns) => {
      const times = windowTimes(checkIns, WHOLE);
      const shares = windowShares(times);
      if (times.totalMs === 0) {
        assert.equal(shares, null);
        return;
      }
      assert.ok(shares);
      const sum = WINDOW_ZONES.reduce((total, zone) => total + shares[zone], 0);
      assert.ok(Math.abs(sum - 1) < 1e-12, String(sum));
      for (const zone of WINDOW_ZONES) assert.ok(shares[zone] >= 0 && shares[zone] <= 1);
    }),
  );
});

test('the time in a period equals the time in its two parts, wherever it is split', () => {
  fc.assert(
    fc.property(
      checkInsArbitrary,
      fc.array(instantArbitrary, { minLength: 3, maxLength: 3 }),
      (checkIns, cuts) => {
        const [a, b, c] = [...cuts].sort((x, y) => x - y) as [number, number, number];
        const whole = windowTimes(checkIns, { fromMs: a, toMs: c });
        const parts = windowTimesCombine(
          windowTimes(checkIns, { fromMs: a, toMs: b }),
          windowTimes(checkIns, { fromMs: b, toMs: c }),
        );
        assert.deepEqual(parts, whole);
      },
    ),
  );
});

test('the weeks add up to the whole period, in any time zone', () => {
  fc.assert(
    fc.property(checkInsArbitrary, offsetArbitrary, (checkIns, tzOffsetMin) => {
      const weekly = windowTimesByWeek(checkIns, WHOLE, tzOffsetMin).reduce(
        (total, week) => windowTimesCombine(total, week.times),
        windowTimes([], WHOLE),
      );
      assert.deepEqual(weekly, windowTimes(checkIns, WHOLE));
    }),
  );
});

test('the order check-ins arrive in never matters', () => {
  fc.assert(
    fc.property(
      checkInsArbitrary.chain((checkIns) =>
        fc.tuple(
          fc.constant(checkIns),
          fc.shuffledSubarray(checkIns, { minLength: checkIns.length }),
        ),
      ),
      ([checkIns, shuffled]) => {
        assert.deepEqual(windowTimes(shuffled, WHOLE), windowTimes(checkIns, WHOLE));
      },
    ),
  );
});
