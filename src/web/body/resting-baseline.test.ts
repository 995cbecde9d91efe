import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  RESTING_BASELINE_KEY,
  restingBaselineLoad,
  restingBaselineSave,
} from './resting-baseline.ts';
import { sessionSeed, sensorSimulationFor } from './sensor-simulation.ts';
import { SESSION_INITIAL_STATE } from '../../core/session/state.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
}

test('the resting heart rate is kept on the device and read back; nonsense is ignored', () => {
  const storage = memoryStorage();
  assert.equal(restingBaselineLoad(storage), null);
  restingBaselineSave(storage, 61.26, 5);
  assert.equal(restingBaselineLoad(storage), 61.3);
  restingBaselineSave(storage, 900, 6);
  assert.equal(restingBaselineLoad(storage), 61.3, 'an impossible rate is not kept');
  storage.setItem(RESTING_BASELINE_KEY, '{not json');
  assert.equal(restingBaselineLoad(storage), null);
  assert.equal(restingBaselineLoad(null), null, 'no storage: learned afresh');
  restingBaselineSave(null, 60, 1);
});

test('both devices of a session simulate the same pair: one seed, one start, a side each', () => {
  assert.equal(sessionSeed('abc'), sessionSeed('abc'));
  assert.notEqual(sessionSeed('abc'), sessionSeed('abd'));
  assert.ok(
    Number.isInteger(sessionSeed('x')) && sessionSeed('x') >= 0 && sessionSeed('x') < 2 ** 32,
  );
  const state = { ...SESSION_INITIAL_STATE, status: 'open' as const, hostId: 'h' };
  const log = [
    {
      seq: 1,
      atMs: 1234,
      event: {
        type: 'sessionCreated' as const,
        sessionId: 's',
        hostId: 'h',
        maxParticipants: 8,
        atMs: 1234 as never,
      },
    },
  ];
  assert.deepEqual(sensorSimulationFor('s', state, log, 'h'), {
    seed: sessionSeed('s'),
    startAtServerMs: 1234,
    role: 'a',
  });
  assert.equal(sensorSimulationFor('s', state, log, 'g').role, 'b');
});
