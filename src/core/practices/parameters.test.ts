import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_BREATH_PATTERN,
  breathSyncParametersSchema,
  breathingTouchParametersSchema,
  groundingParametersSchema,
  mirroringParametersSchema,
  movementParametersSchema,
  pacedBreathingParametersSchema,
  shareAndHoldParametersSchema,
  shareAndHoldTotalMs,
  touchParametersSchema,
} from './parameters.ts';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

void describe('default settings', () => {
  void test('breathing defaults to 4 seconds in, 6 out, no holds', () => {
    assert.deepEqual(DEFAULT_BREATH_PATTERN, {
      inhaleMs: 4000,
      holdAfterInhaleMs: 0,
      exhaleMs: 6000,
      holdAfterExhaleMs: 0,
    });
    assert.deepEqual(pacedBreathingParametersSchema.parse({}), { pattern: DEFAULT_BREATH_PATTERN });
    assert.deepEqual(breathSyncParametersSchema.parse({}), { pattern: DEFAULT_BREATH_PATTERN });
  });

  void test('each parse gives a fresh pattern, never a shared one', () => {
    const first = pacedBreathingParametersSchema.parse({});
    const second = pacedBreathingParametersSchema.parse({});
    assert.notEqual(first.pattern, second.pattern);
    assert.notEqual(first.pattern, DEFAULT_BREATH_PATTERN);
  });

  void test('grounding is gentle unless chosen otherwise', () => {
    assert.deepEqual(groundingParametersSchema.parse({}), { pace: 'gentle' });
    assert.deepEqual(groundingParametersSchema.parse({ pace: 'brisk' }), { pace: 'brisk' });
  });

  void test('mirroring eases from 14 to 6 breaths a minute over two minutes', () => {
    assert.deepEqual(mirroringParametersSchema.parse({}), {
      startBreathsPerMin: 14,
      targetBreathsPerMin: 6,
      rampDurationMs: 120_000,
      inhaleShare: 0.4,
      followSensedBreath: false,
    });
  });

  void test('movement defaults its beat to the way of moving', () => {
    assert.deepEqual(movementParametersSchema.parse({}), { mode: 'sway', beatsPerMin: 12 });
    assert.deepEqual(movementParametersSchema.parse({ mode: 'walk' }), {
      mode: 'walk',
      beatsPerMin: 90,
    });
    assert.deepEqual(movementParametersSchema.parse({ mode: 'walk', beatsPerMin: 60 }), {
      mode: 'walk',
      beatsPerMin: 60,
    });
  });

  void test('touch rests on a shoulder, breathing touch on the upper back, by default', () => {
    assert.deepEqual(touchParametersSchema.parse({}), { placement: 'shoulder' });
    assert.deepEqual(breathingTouchParametersSchema.parse({}), {
      startBreathsPerMin: 12,
      inhaleShare: 0.4,
      placement: 'upper-back',
      followSensedBreath: false,
    });
  });

  void test('share-and-hold gives one turn each of a minute and a half', () => {
    assert.deepEqual(shareAndHoldParametersSchema.parse({}), {
      turnLengthMs: 90_000,
      turnsEach: 1,
    });
  });
});

void describe('ranges', () => {
  void test('a breath may hold, but in and out each last at least a second', () => {
    const withHolds = {
      inhaleMs: 4000,
      holdAfterInhaleMs: 7000,
      exhaleMs: 8000,
      holdAfterExhaleMs: 2000,
    };
    assert.deepEqual(pacedBreathingParametersSchema.parse({ pattern: withHolds }), {
      pattern: withHolds,
    });
    assert.equal(
      messageOf(pacedBreathingParametersSchema.safeParse({ pattern: { inhaleMs: 999 } })),
      'Choose an in-breath between 1 second and 20 seconds.',
    );
    assert.equal(
      messageOf(breathSyncParametersSchema.safeParse({ pattern: { holdAfterExhaleMs: 20_001 } })),
      'Choose a pause after breathing out between 0 seconds and 20 seconds.',
    );
  });

  void test('mirroring keeps its rates, ramp and in-breath share within range', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startBreathsPerMin: 3 }, 'Choose a starting pace between 4 and 30 breaths a minute.'],
      [
        { targetBreathsPerMin: 21 },
        'Choose a pace to ease towards between 4 and 20 breaths a minute.',
      ],
      [
        { rampDurationMs: 29_999 },
        'Choose a time to ease down over between 30 seconds and 10 minutes.',
      ],
      [{ inhaleShare: 0.29 }, 'Choose an in-breath that takes between 30% and 60% of each breath.'],
    ];
    for (const [raw, message] of cases) {
      assert.equal(messageOf(mirroringParametersSchema.safeParse(raw)), message);
    }
    assert.equal(
      mirroringParametersSchema.safeParse({
        startBreathsPerMin: 30,
        targetBreathsPerMin: 4,
        rampDurationMs: 600_000,
        inhaleShare: 0.6,
      }).success,
      true,
    );
  });

  void test('movement keeps its beat between 6 and 120 a minute', () => {
    assert.equal(movementParametersSchema.safeParse({ beatsPerMin: 6 }).success, true);
    assert.equal(movementParametersSchema.safeParse({ beatsPerMin: 120 }).success, true);
    assert.equal(
      messageOf(movementParametersSchema.safeParse({ mode: 'sway', beatsPerMin: 5 })),
      'Choose a beat between 6 and 120 beats a minute.',
    );
    assert.equal(
      messageOf(movementParametersSchema.safeParse({ mode: 'dance' })),
      'Choose to sway or to walk.',
    );
  });

  void test('share-and-hold takes whole turns, 1 to 4 each', () => {
    assert.equal(
      messageOf(shareAndHoldParametersSchema.safeParse({ turnsEach: 5 })),
      'Choose a whole number of turns each, from 1 to 4.',
    );
    assert.equal(
      messageOf(shareAndHoldParametersSchema.safeParse({ turnsEach: 1.5 })),
      'Choose a whole number of turns each, from 1 to 4.',
    );
  });
});

void describe('shareAndHoldTotalMs', () => {
  void test('adds up every turn of every person', () => {
    assert.equal(shareAndHoldTotalMs({ turnLengthMs: 90_000, turnsEach: 1 }, 2), 180_000);
    assert.equal(shareAndHoldTotalMs({ turnLengthMs: 60_000, turnsEach: 2 }, 3), 360_000);
  });
});
