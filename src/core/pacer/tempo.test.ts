import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { serverTimeMs } from '../time/instant.ts';
import { tempoBeatAt, tempoBeatPositionAt, tempoScheduleIsValid } from './tempo.ts';
import type { TempoBeat, TempoSchedule } from './tempo.ts';

const START = 1_700_000_000_000;
const sway: TempoSchedule = { startAtMs: serverTimeMs(START), beatsPerMin: 60 };
const quickening: TempoSchedule = {
  startAtMs: serverTimeMs(START),
  beatsPerMin: 60,
  ramp: { toBeatsPerMin: 120, durationMs: 10_000 },
};

function beatAt(schedule: TempoSchedule, elapsedMs: number): TempoBeat {
  return tempoBeatAt(schedule, serverTimeMs(START + elapsedMs));
}

describe('tempoBeatAt at a steady 60 beats/min', () => {
  test('waits before the start', () => {
    assert.deepEqual(beatAt(sway, -250), { kind: 'waiting', msUntilStart: 250 });
  });

  test('the first beat goes left', () => {
    assert.deepEqual(beatAt(sway, 0), {
      kind: 'moving',
      beatIndex: 0,
      beatProgress: 0,
      side: 'left',
      msLeftInBeat: 1000,
      beatsPerMin: 60,
    });
  });

  test('the second beat goes right, half way through at 1500 ms', () => {
    assert.deepEqual(beatAt(sway, 1500), {
      kind: 'moving',
      beatIndex: 1,
      beatProgress: 0.5,
      side: 'right',
      msLeftInBeat: 500,
      beatsPerMin: 60,
    });
  });

  test('sides keep alternating hours later', () => {
    const beat = beatAt(sway, 2 * 60 * 60 * 1000 + 1000);
    assert.equal(beat.kind === 'moving' ? beat.side : 'none', 'right');
    assert.equal(beat.kind === 'moving' ? beat.beatIndex : -1, 7201);
  });
});

describe('tempoBeatAt with a ramp (60 → 120 over 10 s)', () => {
  test('has taken (60 + 120) / 2 × 10 s = 15 beats when the ramp ends', () => {
    assert.equal(tempoBeatPositionAt(quickening, serverTimeMs(START + 10_000)), 15);
  });

  test('runs at the new tempo after the ramp', () => {
    const beat = beatAt(quickening, 10_250);
    assert.equal(beat.kind, 'moving');
    assert.equal(beat.beatIndex, 15);
    assert.equal(beat.side, 'right');
    assert.equal(beat.beatsPerMin, 120);
    assert.ok(Math.abs(beat.beatProgress - 0.5) < 1e-12);
    assert.ok(Math.abs(beat.msLeftInBeat - 250) < 1e-9);
  });

  test('msLeftInBeat lands on the next beat while the tempo changes', () => {
    const beat = beatAt(quickening, 4321);
    if (beat.kind !== 'moving') throw new Error('expected moving');
    const next = beatAt(quickening, 4321 + beat.msLeftInBeat + 0.01);
    const same = beatAt(quickening, 4321 + beat.msLeftInBeat - 0.01);
    assert.equal(next.kind === 'moving' ? next.beatIndex : -1, beat.beatIndex + 1);
    assert.equal(same.kind === 'moving' ? same.beatIndex : -1, beat.beatIndex);
  });
});

describe('tempoScheduleIsValid', () => {
  test('accepts 1–240 beats/min and rejects the rest', () => {
    assert.equal(tempoScheduleIsValid(sway), true);
    assert.equal(tempoScheduleIsValid(quickening), true);
    assert.equal(tempoScheduleIsValid({ ...sway, beatsPerMin: 0 }), false);
    assert.equal(tempoScheduleIsValid({ ...sway, beatsPerMin: 241 }), false);
    assert.equal(
      tempoScheduleIsValid({ ...sway, ramp: { toBeatsPerMin: 0.5, durationMs: 1 } }),
      false,
    );
    assert.equal(
      tempoScheduleIsValid({ ...sway, ramp: { toBeatsPerMin: 90, durationMs: -1 } }),
      false,
    );
    assert.equal(tempoScheduleIsValid({ ...sway, startAtMs: serverTimeMs(Infinity) }), false);
  });
});
