import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROOM_OPENS_BEFORE_MS, consultationRoomAt } from './room.ts';

const START = Date.parse('2026-03-31T07:00:00Z');
const END = START + 50 * 60_000;

describe('consultation room', () => {
  test('[RM1] early until a little before the start, then open until the end, then ended', () => {
    const booked = { startMs: START, endMs: END, status: 'booked' as const };
    assert.deepEqual(consultationRoomAt(booked, START - ROOM_OPENS_BEFORE_MS - 1), { kind: 'early', opensAtMs: START - ROOM_OPENS_BEFORE_MS });
    assert.deepEqual(consultationRoomAt(booked, START - ROOM_OPENS_BEFORE_MS), { kind: 'open', closesAtMs: END });
    assert.deepEqual(consultationRoomAt(booked, END - 1), { kind: 'open', closesAtMs: END });
    assert.deepEqual(consultationRoomAt(booked, END), { kind: 'ended' });
  });

  test('[RM2] a cancelled consultation has no room', () => {
    assert.deepEqual(consultationRoomAt({ startMs: START, endMs: END, status: 'cancelled' }, START), { kind: 'cancelled' });
  });
});
