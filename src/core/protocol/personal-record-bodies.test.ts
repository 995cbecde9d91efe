import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERSONAL_RECORD_KINDS } from './between-us-api.ts';
import { PERSONAL_RECORD_BODY_SCHEMAS, checkInRecordBodySchema, soloPracticeRecordBodySchema } from './personal-record-bodies.ts';

test('every kind of record has a body schema', () => {
  assert.deepEqual(Object.keys(PERSONAL_RECORD_BODY_SCHEMAS).sort(), [...PERSONAL_RECORD_KINDS].sort());
});

test('a kept check-in has the live check-in’s fields; its visibility is the record’s sharing, not the body', () => {
  assert.deepEqual(checkInRecordBodySchema.parse({ state: 'activated', intensity: 6, visibility: 'shared' }), {
    state: 'activated',
    intensity: 6,
    tags: [],
    note: '',
    moment: 'any',
  });
  assert.equal(checkInRecordBodySchema.safeParse({ state: 'calm', intensity: 6 }).success, false);
  assert.equal(checkInRecordBodySchema.safeParse({ state: 'mixed', intensity: 11 }).success, false);
  assert.equal(checkInRecordBodySchema.safeParse({ state: 'mixed', intensity: 1, extra: true }).success, false);
});

test('a solo practice names a practice from the catalogue, for a bounded length', () => {
  assert.equal(soloPracticeRecordBodySchema.safeParse({ practiceId: 'grounding', durationMs: 60_000, completed: true }).success, true);
  assert.equal(soloPracticeRecordBodySchema.safeParse({ practiceId: 'juggling', durationMs: 60_000, completed: true }).success, false);
  assert.equal(soloPracticeRecordBodySchema.safeParse({ practiceId: 'grounding', durationMs: 5 * 3_600_000, completed: true }).success, false);
  assert.equal(soloPracticeRecordBodySchema.safeParse({ practiceId: 'grounding', durationMs: 0, completed: true }).success, false);
});
