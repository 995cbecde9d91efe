import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JsonValue, StoredEvent } from '../store/event-store.ts';
import { recordProgressOf, sessionProgressOf } from './progress-inputs.ts';
import type { PersonalRecord } from '../store/personal-record-store.ts';

const T0 = 1_763_700_000_000;

function log(...bodies: object[]): StoredEvent[] {
  return bodies.map((body, index) => ({
    sessionId: 's',
    seq: index + 1,
    atMs: T0,
    actorId: 'x',
    commandId: null,
    type: (body as { type: string }).type,
    body: body as JsonValue,
  }));
}

test('a session gives only this person’s check-ins, and the practices they took part in with their real length', () => {
  const events = log(
    { type: 'checkedIn', participantId: 'ana', state: 'activated', intensity: 7, atMs: T0 + 1 },
    { type: 'checkedIn', participantId: 'ben', state: 'shutdown', intensity: 2, atMs: T0 + 2 },
    { type: 'practiceProposed', runId: 'r1', practiceId: 'breath-sync', atMs: T0 + 3 },
    { type: 'practiceStarted', runId: 'r1', participantIds: ['ana', 'ben'], startsAtMs: T0 + 10_000, atMs: T0 + 4 },
    { type: 'practiceEnded', runId: 'r1', outcome: 'stopped', reason: 'stopped', atMs: T0 + 70_000 },
    { type: 'practiceProposed', runId: 'r2', practiceId: 'paced-breathing', atMs: T0 + 80_000 },
    { type: 'practiceStarted', runId: 'r2', participantIds: ['ben'], startsAtMs: T0 + 90_000, atMs: T0 + 80_001 },
    { type: 'practiceEnded', runId: 'r2', outcome: 'completed', reason: 'completed', atMs: T0 + 150_000 },
    { type: 'practiceProposed', runId: 'r3', practiceId: 'grounding', atMs: T0 + 160_000 },
    { type: 'practiceStarted', runId: 'r3', participantIds: ['ana'], startsAtMs: T0 + 170_000, atMs: T0 + 160_001 },
  );
  assert.deepEqual(sessionProgressOf(events, 'ana'), {
    checkIns: [{ atMs: T0 + 1, state: 'activated', intensity: 7 }],
    practices: [{ atMs: T0 + 10_000, practiceId: 'breath-sync', durationMs: 60_000, completed: false, together: true }],
  });
  assert.deepEqual(sessionProgressOf(events, 'eve'), { checkIns: [], practices: [] });
});

test('check-ins and solo practices kept as records count too; other kinds do not', () => {
  const record = (kind: PersonalRecord['kind'], body: JsonValue): PersonalRecord => ({
    id: kind, ownerId: 'ana', ownerName: 'Ana', kind, atMs: T0, updatedAtMs: T0, body, sharedWith: null, sharedAtMs: null,
  });
  assert.deepEqual(
    recordProgressOf([
      record('checkIn', { state: 'regulated', intensity: 3, tags: [], note: '', moment: 'any' }),
      record('soloPractice', { practiceId: 'grounding', durationMs: 120_000, completed: true }),
      record('workingModel', { questionId: 'worthOfCare', value: 5, words: '', atMs: T0 }),
    ]),
    {
      checkIns: [{ atMs: T0, state: 'regulated', intensity: 3 }],
      practices: [{ atMs: T0, practiceId: 'grounding', durationMs: 120_000, completed: true, together: false }],
    },
  );
});
