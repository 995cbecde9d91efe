import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  pacerBreathPositionAt,
  pacerBreathsPerMinAt,
  type PacerSchedule,
} from '../../core/pacer/index.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import {
  breathFollowStep,
  breathGap,
  patternPositionOfSensedPhase,
  type SensedBreath,
} from './breath-follower.ts';

const shared: PacerSchedule = {
  startAtMs: serverTimeMs(10_000),
  pattern: { inhaleMs: 4000, holdAfterInhaleMs: 0, exhaleMs: 6000, holdAfterExhaleMs: 0 },
};

const position = (schedule: PacerSchedule, atMs: number) =>
  pacerBreathPositionAt(schedule, serverTimeMs(atMs));

test('a sensed half-way point is the turn to the out-breath on any pattern', () => {
  assert.equal(patternPositionOfSensedPhase(0, shared.pattern), 0);
  assert.equal(patternPositionOfSensedPhase(0.5, shared.pattern), 0.4);
  assert.ok(Math.abs(patternPositionOfSensedPhase(0.75, shared.pattern) - 0.7) < 1e-12);
  assert.ok(Math.abs(breathGap(0.95, 0.05) - 0.1) < 1e-12, 'the gap goes the short way round');
  assert.ok(Math.abs(breathGap(0.05, 0.95) + 0.1) < 1e-12);
});

test('before the first breath the shared lead-in is kept', () => {
  const sensed: SensedBreath = { atMs: 5000, phase: 0.2, breathsPerMin: 12 };
  assert.equal(breathFollowStep({ shown: shared, shared, sensed, nowMs: 5000 }), shared);
});

test('following never jumps, and locks on to the sensed breath within a few seconds', () => {
  // The person breathes at 9 a minute; their breath is a third of a breath away from the guide.
  const breathsPerMin = 9;
  // Readings arrive once a second, so each is up to a second old when used.
  const sensedAt = (nowMs: number): SensedBreath => {
    const readAt = Math.floor(nowMs / 1000) * 1000;
    const breaths = ((readAt - 20_000) * breathsPerMin) / 60_000 + 0.3;
    return { atMs: readAt, phase: breaths - Math.floor(breaths), breathsPerMin };
  };
  let shown = shared;
  let previous = position(shown, 20_000);
  for (let nowMs = 20_000; nowMs <= 40_000; nowMs += 250) {
    const before = position(shown, nowMs);
    shown = breathFollowStep({ shown, shared, sensed: sensedAt(nowMs), nowMs });
    const after = position(shown, nowMs);
    assert.ok(Math.abs(after - before) < 1e-9, `no jump at ${nowMs}: ${before} → ${after}`);
    assert.ok(after >= previous - 1e-9, 'the breath never runs backwards');
    previous = after;
  }
  const nowMs = 40_000;
  const expected = patternPositionOfSensedPhase(sensedAt(nowMs).phase, shared.pattern);
  const gap = Math.abs(breathGap(position(shown, nowMs) % 1, expected));
  assert.ok(gap < 0.03, `locked on (gap ${gap.toFixed(3)} breaths)`);
  const rate = pacerBreathsPerMinAt(shown, serverTimeMs(nowMs));
  assert.ok(
    Math.abs(rate - breathsPerMin) < 0.5,
    `at the sensed pace (${rate.toFixed(2)} a minute)`,
  );
});

test('when the reading stops it eases back to the shared schedule and then hands over', () => {
  const sensed: SensedBreath = { atMs: 20_000, phase: 0.9, breathsPerMin: 10 };
  let shown = breathFollowStep({ shown: shared, shared, sensed, nowMs: 20_000 });
  for (let nowMs = 20_250; nowMs < 22_000; nowMs += 250)
    shown = breathFollowStep({
      shown,
      shared,
      sensed: { ...sensed, atMs: nowMs - (nowMs % 1000) },
      nowMs,
    });
  assert.notEqual(shown, shared);
  let handedOverAt: number | null = null;
  for (let nowMs = 22_000; nowMs <= 60_000; nowMs += 250) {
    const before = position(shown, nowMs);
    const next = breathFollowStep({ shown, shared, sensed: null, nowMs });
    const after = position(next, nowMs);
    if (next === shared) {
      handedOverAt = nowMs;
      const gap = Math.abs(breathGap(before % 1, after % 1));
      assert.ok(gap < 0.011, `handed over with a tiny gap (${gap})`);
      break;
    }
    assert.ok(Math.abs(after - before) < 1e-9, 'no jump while easing back');
    shown = next;
  }
  assert.notEqual(handedOverAt, null, 'back on the shared schedule within 40 s');
});

test('an unusable reading is treated as no reading', () => {
  const shown = breathFollowStep({
    shown: shared,
    shared,
    sensed: { atMs: 20_000, phase: Number.NaN, breathsPerMin: 12 },
    nowMs: 20_000,
  });
  assert.equal(shown, shared);
});
