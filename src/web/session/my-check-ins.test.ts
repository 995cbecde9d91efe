import assert from 'node:assert/strict';
import { test } from 'node:test';
import { myCheckInAround } from './my-check-ins.ts';

const checkIn = (seq: number, participantId: string, runId: string | null, moment: string, intensity: number) => ({
  seq,
  atMs: seq,
  event: { type: 'checkedIn', checkInId: `c${seq}`, participantId, state: 'activated', intensity, tags: [], note: '', visibility: 'private', moment, runId, atMs: seq },
});

test('finds my latest before and after check-ins for one practice, ignoring others and hidden ones', () => {
  const log = [
    checkIn(1, 'me', 'r1', 'before', 7),
    { seq: 2, atMs: 2, event: { type: 'hidden' } },
    checkIn(3, 'bo', 'r1', 'before', 3),
    checkIn(4, 'me', 'r1', 'before', 6),
    checkIn(5, 'me', 'r1', 'after', 4),
    checkIn(6, 'me', null, 'any', 2),
  ];
  assert.equal(myCheckInAround(log, 'me', 'r1', 'before')?.intensity, 6);
  assert.equal(myCheckInAround(log, 'me', 'r1', 'after')?.intensity, 4);
  assert.equal(myCheckInAround(log, 'me', 'r2', 'before'), undefined);
  assert.equal(myCheckInAround(log, 'bo', 'r1', 'after'), undefined);
});
