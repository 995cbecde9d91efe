import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { serverTimeMs } from '../time/instant.ts';
import { MS_PER_MINUTE } from './phase.ts';
import { tempoBeatAt, tempoBeatPositionAt, tempoScheduleIsValid } from './tempo.ts';
import type { TempoSchedule } from './tempo.ts';

const rateArb = fc.double({ min: 1, max: 240, noNaN: true });
const tempoArb: fc.Arbitrary<TempoSchedule> = fc
  .record(
    {
      startAtMs: fc.integer({ min: 0, max: 2_000_000_000_000 }).map(serverTimeMs),
      beatsPerMin: rateArb,
      ramp: fc.record({ toBeatsPerMin: rateArb, durationMs: fc.integer({ min: 0, max: 600_000 }) }),
    },
    { requiredKeys: ['startAtMs', 'beatsPerMin'] },
  )
  .filter(tempoScheduleIsValid);

describe('tempo (properties)', () => {
  test('1 ms moves the beat position forward by between the slowest and fastest rate', () => {
    fc.assert(
      fc.property(tempoArb, fc.integer({ min: -10_000, max: 3_600_000 }), (schedule, elapsedMs) => {
        const at = serverTimeMs(schedule.startAtMs + elapsedMs);
        const next = serverTimeMs(at + 1);
        const step = tempoBeatPositionAt(schedule, next) - tempoBeatPositionAt(schedule, at);
        const rates = [schedule.beatsPerMin, schedule.ramp?.toBeatsPerMin ?? schedule.beatsPerMin];
        assert.ok(step <= Math.max(...rates) / MS_PER_MINUTE + 1e-9, `${step}`);
        assert.ok(step >= Math.min(...rates) / MS_PER_MINUTE - 1e-9, `${step}`);
      }),
    );
  });

  test('beat index, progress and side agree with the position', () => {
    fc.assert(
      fc.property(tempoArb, fc.integer({ min: 0, max: 3_600_000 }), (schedule, elapsedMs) => {
        const at = serverTimeMs(schedule.startAtMs + elapsedMs);
        const position = tempoBeatPositionAt(schedule, at);
        const beat = tempoBeatAt(schedule, at);
        if (beat.kind !== 'moving') throw new Error('expected moving');
        assert.equal(beat.beatIndex, Math.floor(position));
        assert.equal(beat.beatProgress, position - beat.beatIndex);
        assert.equal(beat.side, Math.floor(position) % 2 === 0 ? 'left' : 'right');
        assert.ok(beat.msLeftInBeat > 0);
      }),
    );
  });
});
