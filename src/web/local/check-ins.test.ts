import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LOCAL_CHECK_INS_KEY,
  LOCAL_CHECK_INS_MAX,
  checkInAdd,
  checkInBeforeThisVisit,
  checkInsClear,
  checkInsLoad,
  checkInsRecent,
  visitCheckInsForget,
} from './check-ins.ts';
import type { CheckInAnswers } from './check-ins.ts';

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
    removeItem: (key: string) => {
      data.delete(key);
    },
  };
}

const answers: CheckInAnswers = { state: 'activated', intensity: 6, tags: ['tight chest'], note: 'long day' };

beforeEach(() => {
  visitCheckInsForget();
});

test('a check-in is stored on this device and read back', () => {
  const storage = fakeStorage();
  const { checkIn, stored } = checkInAdd(storage, answers, { nowMs: 1_000, moment: 'before', practiceId: 'grounding' });
  assert.equal(stored, true);
  assert.deepEqual(checkInsLoad(storage), [checkIn]);
  assert.equal(checkIn.state, 'activated');
  assert.equal(checkIn.moment, 'before');
  assert.equal(checkIn.practiceId, 'grounding');
  assert.equal(checkIn.at, 1_000);
});

test('recent check-ins come newest first', () => {
  const storage = fakeStorage();
  for (let index = 0; index < 7; index += 1) {
    checkInAdd(storage, { ...answers, intensity: index }, { nowMs: index });
  }
  assert.deepEqual(checkInsRecent(storage, 3).map((checkIn) => checkIn.intensity), [6, 5, 4]);
  assert.deepEqual(checkInsRecent(storage, 0), []);
});

test('answers are cleaned: tags trimmed and deduplicated, intensity kept within 0–10', () => {
  const storage = fakeStorage();
  const { checkIn } = checkInAdd(
    storage,
    { state: 'mixed', intensity: 14.2, tags: [' warm ', 'Warm', '', 'x'.repeat(60)], note: '' },
    { nowMs: 5 },
  );
  assert.equal(checkIn.intensity, 10);
  assert.deepEqual(checkIn.tags, ['warm', 'x'.repeat(40)]);
  assert.equal(checkInsLoad(storage).length, 1);
});

test('only the newest check-ins are kept', () => {
  const storage = fakeStorage();
  for (let index = 0; index < LOCAL_CHECK_INS_MAX + 5; index += 1) checkInAdd(storage, answers, { nowMs: index });
  const all = checkInsLoad(storage);
  assert.equal(all.length, LOCAL_CHECK_INS_MAX);
  assert.equal(all[0]?.at, 5);
});

test('unreadable or tampered storage never breaks the app', () => {
  assert.deepEqual(checkInsLoad(fakeStorage({ [LOCAL_CHECK_INS_KEY]: '{not json' })), []);
  assert.deepEqual(checkInsLoad(fakeStorage({ [LOCAL_CHECK_INS_KEY]: '{"a":1}' })), []);
  const mixed = JSON.stringify([{ nonsense: true }, { id: 'a', at: 1, state: 'regulated', intensity: 2, tags: [], note: '', moment: 'any' }]);
  assert.equal(checkInsLoad(fakeStorage({ [LOCAL_CHECK_INS_KEY]: mixed })).length, 1);
  assert.deepEqual(checkInsLoad(null), []);
});

test('blocked storage still returns the check-in for this visit', () => {
  const full = {
    getItem: () => null,
    setItem: () => {
      throw new Error('QuotaExceededError');
    },
    removeItem: () => undefined,
  };
  const result = checkInAdd(full, answers, { nowMs: 10 });
  assert.equal(result.stored, false);
  assert.equal(checkInAdd(null, answers, { nowMs: 11 }).stored, false);
  assert.equal(checkInBeforeThisVisit(12)?.at, 11);
});

test('clearing removes every check-in from this device', () => {
  const storage = fakeStorage();
  checkInAdd(storage, answers, { nowMs: 1 });
  checkInsClear(storage);
  assert.equal(storage.data.has(LOCAL_CHECK_INS_KEY), false);
  assert.deepEqual(checkInsLoad(storage), []);
  assert.equal(checkInBeforeThisVisit(2), undefined);
});

test('the before check-in for comparison is the latest recent one that was not an after', () => {
  const storage = fakeStorage();
  assert.equal(checkInBeforeThisVisit(0), undefined);
  checkInAdd(storage, answers, { nowMs: 1_000, moment: 'any' });
  const before = checkInAdd(storage, { ...answers, intensity: 8 }, { nowMs: 2_000, moment: 'before' }).checkIn;
  checkInAdd(storage, { ...answers, intensity: 3 }, { nowMs: 3_000, moment: 'after' });
  assert.equal(checkInBeforeThisVisit(4_000)?.id, before.id);
  assert.equal(checkInBeforeThisVisit(2_000 + 2 * 60 * 60 * 1000), undefined);
});
