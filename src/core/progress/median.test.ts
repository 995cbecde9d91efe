import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { medianOf } from './median.ts';

test('the middle value, or the mean of the two middle values, and null for none', () => {
  assert.equal(medianOf([]), null);
  assert.equal(medianOf([7]), 7);
  assert.equal(medianOf([3, 1, 2]), 2);
  assert.equal(medianOf([4, 1, 3, 2]), 2.5);
});

test('as many values lie at or below the median as at or above it', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
      const median = medianOf(values) ?? Number.NaN;
      assert.ok(values.filter((value) => value <= median).length >= values.length / 2);
      assert.ok(values.filter((value) => value >= median).length >= values.length / 2);
    }),
  );
});
