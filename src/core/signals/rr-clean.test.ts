import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { rrClean } from './rr-clean.ts';

/** A seeded resting series (mulberry32 noise on a 0.1 + 0.25 Hz modulation), ~900 ms. */
function restingSeries(count: number, seed = 7): number[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: number[] = [];
  let elapsed = 0;
  for (let k = 0; k < count; k += 1) {
    const t = elapsed / 1000;
    const rr =
      900 +
      35 * Math.sin(2 * Math.PI * 0.1 * t) +
      25 * Math.sin(2 * Math.PI * 0.25 * t) +
      20 * (random() - 0.5);
    out.push(rr);
    elapsed += rr;
  }
  return out;
}

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

test('a clean series comes back unchanged', () => {
  const rr = restingSeries(300);
  assert.deepEqual(rrClean(rr), { rrMs: rr, corrected: 0 });
});

test('implausible intervals (outside 300–2000 ms, or not finite) are dropped and counted', () => {
  const rr = restingSeries(100);
  const dirty = [...rr.slice(0, 40), 120, ...rr.slice(40, 70), 2600, Number.NaN, ...rr.slice(70)];
  const cleaned = rrClean(dirty);
  assert.deepEqual(cleaned.rrMs, rr);
  assert.equal(cleaned.corrected, 3);
});

test('a missed beat (two intervals fused) is split in two', () => {
  const rr = restingSeries(200);
  const fused = rr[100]! + rr[101]!;
  const dirty = [...rr.slice(0, 100), fused, ...rr.slice(102)];
  const cleaned = rrClean(dirty);
  assert.equal(cleaned.corrected, 1);
  assert.equal(cleaned.rrMs.length, rr.length);
  assert.deepEqual(cleaned.rrMs.slice(100, 102), [fused / 2, fused / 2]);
  assert.ok(Math.abs(sum(cleaned.rrMs) - sum(rr)) < 1e-6);
});

test('an extra beat (one interval split by a false detection) is merged back', () => {
  const rr = restingSeries(200);
  const dirty = [...rr.slice(0, 100), rr[100]! * 0.35, rr[100]! * 0.65, ...rr.slice(101)];
  const cleaned = rrClean(dirty);
  assert.equal(cleaned.corrected, 1);
  assert.equal(cleaned.rrMs.length, rr.length);
  assert.ok(Math.abs(cleaned.rrMs[100]! - rr[100]!) < 1e-9);
});

test('an ectopic beat (premature, then a compensatory pause) is put back near its place, time kept', () => {
  const rr = restingSeries(200);
  const dirty = rr.slice();
  dirty[100] = rr[100]! - 280;
  dirty[101] = rr[101]! + 280;
  const cleaned = rrClean(dirty);
  // The short, the long and the return to normal each trip the dRR rules; all three are smoothed.
  assert.ok(cleaned.corrected >= 1 && cleaned.corrected <= 3, String(cleaned.corrected));
  assert.equal(cleaned.rrMs.length, rr.length);
  for (let index = 98; index < 104; index += 1)
    assert.ok(Math.abs(cleaned.rrMs[index]! - rr[index]!) < 40, `rr[${index}]`);
  assert.ok(Math.abs(sum(cleaned.rrMs) - sum(rr)) < 1e-6);
});

test('a lone long interval is flagged and smoothed with its neighbour, time kept', () => {
  const rr = restingSeries(200);
  const dirty = rr.slice();
  dirty[100] = rr[100]! + 450;
  const cleaned = rrClean(dirty);
  assert.equal(cleaned.corrected, 1);
  assert.equal(cleaned.rrMs[100], cleaned.rrMs[101]);
  assert.ok(Math.abs(sum(cleaned.rrMs) - sum(dirty)) < 1e-6);
});

test('short series are only range-checked', () => {
  assert.deepEqual(rrClean([900, 250, 910]), { rrMs: [900, 910], corrected: 1 });
  assert.deepEqual(rrClean([]), { rrMs: [], corrected: 0 });
});

test('invariants: output stays in 300–2000 ms and the count covers every change', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 100, max: 2500, noNaN: true }), { maxLength: 150 }),
      (rr) => {
        const cleaned = rrClean(rr);
        for (const value of cleaned.rrMs) assert.ok(value >= 300 && value <= 2000);
        if (cleaned.corrected === 0) assert.deepEqual(cleaned.rrMs, rr);
      },
    ),
  );
});
