import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pacerBreathPositionAt, pacerPhaseAt } from '../../core/pacer/index.ts';
import type { PacerSchedule } from '../../core/pacer/index.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import { runMsLeft, runPaused, runResumed, runStarted, scheduleShifted } from './schedule-shift.ts';

const pattern = { inhaleMs: 4000, holdAfterInhaleMs: 0, exhaleMs: 6000, holdAfterExhaleMs: 0 };
const make = (startAtMs: PacerSchedule['startAtMs']): PacerSchedule => ({ startAtMs, pattern });

test('a new run starts after the lead-in and ends after the chosen length', () => {
  const run = runStarted(make, 1_000, 3_000, 60_000);
  assert.equal(run.schedule.startAtMs, 4_000);
  assert.equal(run.endsAtMs, 64_000);
  assert.equal(run.pausedAtMs, null);
});

test('resuming continues the breath exactly where the pause left it', () => {
  const run = runStarted(make, 0, 3_000, 60_000);
  const pausedAt = 9_500; // part-way through the first exhale
  const paused = runPaused(run, pausedAt);
  const resumed = runResumed(paused, pausedAt + 42_000);
  const before = pacerBreathPositionAt(run.schedule, serverTimeMs(pausedAt));
  const after = pacerBreathPositionAt(resumed.schedule, serverTimeMs(pausedAt + 42_000));
  assert.ok(Math.abs(before - after) < 1e-9);
  const phaseBefore = pacerPhaseAt(run.schedule, serverTimeMs(pausedAt));
  const phaseAfter = pacerPhaseAt(resumed.schedule, serverTimeMs(pausedAt + 42_000));
  assert.deepEqual(phaseAfter, phaseBefore);
  assert.equal(resumed.endsAtMs, run.endsAtMs + 42_000);
});

test('pausing during the lead-in keeps the rest of the countdown', () => {
  const run = runStarted(make, 0, 3_000, 60_000);
  const resumed = runResumed(runPaused(run, 1_000), 11_000);
  const phase = pacerPhaseAt(resumed.schedule, serverTimeMs(11_000));
  assert.deepEqual(phase, { kind: 'waiting', msUntilStart: 2_000 });
});

test('time left freezes while paused and is never negative', () => {
  const run = runStarted(make, 0, 0, 60_000);
  const paused = runPaused(run, 20_000);
  assert.equal(runMsLeft(paused, 20_000), 40_000);
  assert.equal(runMsLeft(paused, 99_000), 40_000);
  assert.equal(runMsLeft(run, 90_000), 0);
});

test('pausing twice keeps the first instant; resuming a running run changes nothing', () => {
  const run = runStarted(make, 0, 0, 60_000);
  const paused = runPaused(runPaused(run, 5_000), 8_000);
  assert.equal(paused.pausedAtMs, 5_000);
  assert.equal(runResumed(run, 10_000), run);
});

test('a shift of zero, a negative or a non-finite shift leaves the schedule alone', () => {
  const schedule = make(serverTimeMs(100));
  assert.equal(scheduleShifted(schedule, 0), schedule);
  assert.equal(scheduleShifted(schedule, -5), schedule);
  assert.equal(scheduleShifted(schedule, Number.NaN), schedule);
  assert.equal(scheduleShifted(schedule, 50).startAtMs, 150);
});
