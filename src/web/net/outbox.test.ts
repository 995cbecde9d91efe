import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  OUTBOX_EMPTY,
  outboxAcknowledge,
  outboxAdd,
  outboxHasType,
  outboxMarkSent,
  outboxOverdue,
  outboxToResend,
} from './outbox.ts';

test('commands wait in order until acknowledged, and a repeated id is not added twice', () => {
  let outbox = outboxAdd(OUTBOX_EMPTY, 'cmd-aaaaaaaa', { type: 'pause', sayItWasMe: false });
  outbox = outboxAdd(outbox, 'cmd-bbbbbbbb', { type: 'setReady', ready: true });
  outbox = outboxAdd(outbox, 'cmd-aaaaaaaa', { type: 'pause', sayItWasMe: false });
  assert.deepEqual(outboxToResend(outbox).map((entry) => entry.commandId), ['cmd-aaaaaaaa', 'cmd-bbbbbbbb']);
  const acked = outboxAcknowledge(outbox, 'cmd-aaaaaaaa');
  assert.equal(acked.found, true);
  assert.deepEqual(acked.outbox.map((entry) => entry.commandId), ['cmd-bbbbbbbb']);
  assert.equal(outboxAcknowledge(acked.outbox, 'cmd-aaaaaaaa').found, false);
});

test('only commands sent long enough ago count as overdue', () => {
  let outbox = outboxAdd(OUTBOX_EMPTY, 'cmd-aaaaaaaa', { type: 'resume' });
  outbox = outboxAdd(outbox, 'cmd-bbbbbbbb', { type: 'leave' });
  assert.equal(outboxOverdue(outbox, 10_000, 5000).length, 0, 'never sent is not overdue');
  outbox = outboxMarkSent(outbox, ['cmd-aaaaaaaa'], 1000);
  outbox = outboxMarkSent(outbox, ['cmd-bbbbbbbb'], 8000);
  assert.deepEqual(outboxOverdue(outbox, 10_000, 5000).map((entry) => entry.commandId), ['cmd-aaaaaaaa']);
  assert.equal(outboxHasType(outbox, 'leave'), true);
  assert.equal(outboxHasType(outbox, 'join'), false);
});
