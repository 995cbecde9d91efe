import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BOUNDARY_KINDS, boundariesExclude, type Boundaries } from '../boundaries/boundary.ts';
import {
  PRACTICE_LIST,
  practiceById,
  practiceDurationCheck,
  practiceFitsCount,
  practiceParametersParse,
  practicesOfferedTo,
} from './catalogue.ts';
import {
  BREATH_HOLD_RANGE_MS,
  BREATH_MOVING_PART_RANGE_MS,
  TURN_LENGTH_RANGE_MS,
  TURNS_EACH_RANGE,
} from './parameters.ts';
import { PRACTICE_IDS } from './practice-definition.ts';
import { isSentence } from './wording-rules.test-support.ts';

const boundariesArbitrary: fc.Arbitrary<Boundaries> = fc.record(
  Object.fromEntries(BOUNDARY_KINDS.map((kind) => [kind, fc.boolean()])) as Record<
    keyof Boundaries,
    fc.Arbitrary<boolean>
  >,
);

const practiceIdArbitrary = fc.constantFrom(...PRACTICE_IDS);

void describe('practicesOfferedTo, for any group', () => {
  void test("never offers a practice anyone's boundaries rule out, or one that does not fit the count", () => {
    fc.assert(
      fc.property(
        fc.array(boundariesArbitrary, { maxLength: 10 }),
        fc.integer({ min: -2, max: 12 }),
        (everyone, count) => {
          for (const definition of practicesOfferedTo(everyone, count)) {
            for (const boundaries of everyone) {
              assert.ok(!boundariesExclude(boundaries, definition.excludedBy), definition.id);
            }
            assert.ok(count >= definition.minParticipants, definition.id);
            assert.ok(count <= definition.maxParticipants, definition.id);
          }
        },
      ),
    );
  });

  void test('offers everything that fits and nobody rules out, in catalogue order', () => {
    fc.assert(
      fc.property(
        fc.array(boundariesArbitrary, { maxLength: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (everyone, count) => {
          const expected = PRACTICE_LIST.filter(
            (definition) =>
              practiceFitsCount(definition, count) &&
              everyone.every((boundaries) => !boundariesExclude(boundaries, definition.excludedBy)),
          );
          assert.deepEqual(practicesOfferedTo(everyone, count), expected);
        },
      ),
    );
  });

  void test('adding a person with boundaries never adds a practice', () => {
    fc.assert(
      fc.property(
        fc.array(boundariesArbitrary, { maxLength: 6 }),
        boundariesArbitrary,
        fc.integer({ min: 1, max: 8 }),
        (everyone, newcomer, count) => {
          const before = new Set(practicesOfferedTo(everyone, count).map((d) => d.id));
          for (const definition of practicesOfferedTo([...everyone, newcomer], count)) {
            assert.ok(before.has(definition.id), definition.id);
          }
        },
      ),
    );
  });
});

void describe('practiceParametersParse, for any input', () => {
  void test('never throws, and either gives settings the schema accepts or a sentence', () => {
    fc.assert(
      fc.property(fc.oneof(practiceIdArbitrary, fc.string()), fc.anything(), (id, raw) => {
        const result = practiceParametersParse(id, raw);
        if (result.ok) {
          const definition = practiceById(id);
          assert.ok(definition);
          // Parsed settings are a fixed point: reading them again changes nothing.
          assert.deepEqual(practiceParametersParse(id, result.parameters), result);
        } else {
          assert.ok(isSentence(result.message), result.message);
        }
      }),
    );
  });

  void test('accepts any breath pattern within the ranges, and keeps it as chosen', () => {
    const moving = fc.double({
      min: BREATH_MOVING_PART_RANGE_MS.min,
      max: BREATH_MOVING_PART_RANGE_MS.max,
      noNaN: true,
    });
    const hold = fc.double({
      min: BREATH_HOLD_RANGE_MS.min,
      max: BREATH_HOLD_RANGE_MS.max,
      noNaN: true,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('paced-breathing' as const, 'breath-sync' as const),
        fc.record({
          inhaleMs: moving,
          holdAfterInhaleMs: hold,
          exhaleMs: moving,
          holdAfterExhaleMs: hold,
        }),
        (id, pattern) => {
          assert.deepEqual(practiceParametersParse(id, { pattern }), {
            ok: true,
            parameters: { pattern: { ...pattern } },
          });
        },
      ),
    );
  });

  void test('rejects any breath part outside its range with a sentence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('inhaleMs', 'holdAfterInhaleMs', 'exhaleMs', 'holdAfterExhaleMs'),
        fc.oneof(
          fc.double({ max: -0.001, noNaN: true }),
          fc.double({ min: BREATH_HOLD_RANGE_MS.max + 0.001, noNaN: true }),
          fc.constant(Number.NaN),
        ),
        (part, value) => {
          const result = practiceParametersParse('paced-breathing', { pattern: { [part]: value } });
          assert.equal(result.ok, false);
          assert.ok(isSentence(result.message));
        },
      ),
    );
  });

  void test('share-and-hold accepts exactly the turn lengths and whole turn counts in range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * TURN_LENGTH_RANGE_MS.max }),
        fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double({ min: 0, max: 6, noNaN: true })),
        (turnLengthMs, turnsEach) => {
          const inRange =
            turnLengthMs >= TURN_LENGTH_RANGE_MS.min &&
            turnLengthMs <= TURN_LENGTH_RANGE_MS.max &&
            Number.isInteger(turnsEach) &&
            turnsEach >= TURNS_EACH_RANGE.min &&
            turnsEach <= TURNS_EACH_RANGE.max;
          const result = practiceParametersParse('share-and-hold', { turnLengthMs, turnsEach });
          assert.equal(result.ok, inRange);
        },
      ),
    );
  });
});

void describe('practiceDurationCheck, for any length', () => {
  void test('accepts exactly the lengths within the practice range, otherwise gives a sentence', () => {
    fc.assert(
      fc.property(
        practiceIdArbitrary,
        fc.oneof(fc.integer({ min: -1000, max: 90 * 60_000 }), fc.double()),
        (id, durationMs) => {
          const definition = practiceById(id);
          assert.ok(definition);
          const inRange =
            durationMs >= definition.minDurationMs && durationMs <= definition.maxDurationMs;
          const result = practiceDurationCheck(definition, durationMs);
          assert.equal(result.ok, inRange);
          if ('message' in result) assert.ok(isSentence(result.message));
        },
      ),
    );
  });
});
