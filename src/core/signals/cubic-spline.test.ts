import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cubicSplineEvaluate, naturalCubicSpline } from './cubic-spline.ts';

// From scripts/signals-reference/hrv_reference.py: scipy.interpolate.CubicSpline(x, y, bc_type='natural')(at), scipy 1.17.1.
const X = [0.0, 0.8, 1.7, 3.1, 4.0, 5.5];
const Y = [900.0, 950.0, 870.0, 1010.0, 940.0, 905.0];
const AT = [-0.5, 0.0, 0.3, 1.0, 2.2, 3.1, 3.9, 5.5, 6.0];
const SCIPY = [
  853.1498594842632, 900.0, 931.9501188979311, 935.5625966222192, 905.71409832091, 1010.0,
  950.0402511605055, 905.0, 909.1033613546507,
];

test('the natural spline matches scipy CubicSpline(bc_type="natural"), extrapolation included', () => {
  const values = cubicSplineEvaluate(naturalCubicSpline(X, Y), AT);
  SCIPY.forEach((expected, index) => {
    assert.ok(
      Math.abs(values[index]! - expected) <= 1e-9 * Math.abs(expected),
      `at ${AT[index]}: ${values[index]} vs ${expected}`,
    );
  });
});

test('unsorted evaluation points give the same values as sorted ones', () => {
  const spline = naturalCubicSpline(X, Y);
  const reversed = cubicSplineEvaluate(spline, AT.slice().reverse());
  const forward = cubicSplineEvaluate(spline, AT);
  AT.forEach((_, index) => {
    assert.equal(reversed[AT.length - 1 - index], forward[index]);
  });
});

test('two knots give the straight line; bad knots are refused', () => {
  assert.deepEqual(
    [...cubicSplineEvaluate(naturalCubicSpline([0, 2], [1, 5]), [0, 1, 2, 3])],
    [1, 3, 5, 7],
  );
  assert.throws(() => naturalCubicSpline([0], [1]), RangeError);
  assert.throws(() => naturalCubicSpline([0, 0], [1, 2]), RangeError);
  assert.throws(() => naturalCubicSpline([0, 1], [1]), RangeError);
});

test('invariants: the spline passes through its knots and reproduces straight lines', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }),
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      (gaps, intercept, slope) => {
        const x: number[] = [0];
        for (const gap of gaps) x.push(x[x.length - 1]! + gap);
        const y = x.map((value, index) => intercept + slope * value + (index % 3) * 7);
        const through = cubicSplineEvaluate(naturalCubicSpline(x, y), x);
        x.forEach((_, index) => {
          assert.ok(Math.abs(through[index]! - y[index]!) < 1e-8);
        });
        const line = x.map((value) => intercept + slope * value);
        const mid = x.slice(1).map((value, index) => (value + x[index]!) / 2);
        const between = cubicSplineEvaluate(naturalCubicSpline(x, line), mid);
        mid.forEach((value, index) => {
          assert.ok(Math.abs(between[index]! - (intercept + slope * value)) < 1e-8);
        });
      },
    ),
  );
});
