import assert from 'node:assert/strict';
import { test } from 'node:test';
import { presenceIntervals, presentAt } from './presence.ts';

const joined = (participantId: string, atMs: number) => ({ atMs, event: { type: 'participantJoined', participantId } });
const left = (participantId: string, atMs: number) => ({ atMs, event: { type: 'participantLeft', participantId } });

test('presence is every stretch between joining and leaving, closed by the end of the session', () => {
  const log = [joined('ana', 10), joined('ben', 20), left('ben', 30), joined('ben', 50), { atMs: 90, event: { type: 'sessionEnded' } }];
  assert.deepEqual(presenceIntervals(log, 'ben'), [{ fromMs: 20, toMs: 30 }, { fromMs: 50, toMs: 90 }]);
  assert.deepEqual(presenceIntervals(log, 'ana'), [{ fromMs: 10, toMs: 90 }]);
  assert.deepEqual(presenceIntervals(log, 'cy'), [], 'someone who never joined was never there');
  const ben = presenceIntervals(log, 'ben');
  assert.deepEqual([19, 20, 30, 40, 50, 91].map((atMs) => presentAt(ben, atMs)), [false, true, true, false, true, false]);
  assert.deepEqual(presenceIntervals([joined('ana', 5)], 'ana'), [{ fromMs: 5, toMs: null }], 'still there');
});
