import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SESSION_INITIAL_STATE } from '../../core/session/state.ts';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import { isPauseKey, pauserMayHaveLeft } from './pause.tsx';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, repeat: false, ...extra });

test('P pauses, but not while typing, with a modifier, or on key repeat', () => {
  assert.equal(isPauseKey(key('p'), { tagName: 'BODY' } as unknown as EventTarget), true);
  assert.equal(isPauseKey(key('P'), null), true);
  assert.equal(isPauseKey(key('p'), { tagName: 'INPUT' } as unknown as EventTarget), false);
  assert.equal(isPauseKey(key('p'), { tagName: 'TEXTAREA' } as unknown as EventTarget), false);
  assert.equal(isPauseKey(key('p'), { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget), false);
  assert.equal(isPauseKey(key('p', { ctrlKey: true }), null), false);
  assert.equal(isPauseKey(key('p', { repeat: true }), null), false);
  assert.equal(isPauseKey(key('o'), null), false);
});

test('a stranded pause is suspected only when someone left after it began and I hold none', () => {
  const paused = { ...SESSION_INITIAL_STATE, pausedSinceMs: 100 as ServerTimeMs, pauseHolds: { 'anonymous-pause-1': { sinceMs: 100 as ServerTimeMs, saidItWasThem: false } } };
  const left = { seq: 9, atMs: 150, event: { type: 'participantLeft', participantId: 'bo', atMs: 150 } };
  const leftBefore = { seq: 8, atMs: 50, event: { type: 'participantLeft', participantId: 'bo', atMs: 50 } };
  assert.equal(pauserMayHaveLeft(paused, [left], 'me'), true);
  assert.equal(pauserMayHaveLeft(paused, [leftBefore], 'me'), false);
  assert.equal(pauserMayHaveLeft({ ...paused, pauseHolds: { me: { sinceMs: 100 as ServerTimeMs, saidItWasThem: false } } }, [left], 'me'), false);
  assert.equal(pauserMayHaveLeft(SESSION_INITIAL_STATE, [left], 'me'), false);
});
