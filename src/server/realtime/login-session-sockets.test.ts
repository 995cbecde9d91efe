import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLOSE_CODES } from '../../core/protocol/messages.ts';
import { loginSessionChannel, loginSessionsEndedText } from '../auth/login-session-notices.ts';
import { MemoryBus, MemoryBusHub } from '../bus/memory-bus.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { LoginSessionSockets, SIGNED_OUT_REASON } from './login-session-sockets.ts';
import { MemorySocket } from './memory-socket.ts';

const T0 = 1_763_700_000_000;

/** Two nodes on one broker, with a hand-driven clock and timers. */
function twoNodes() {
  const broker = new MemoryBusHub();
  let nowMs = T0;
  const timers = new Set<{ at: number; callback: () => void }>();
  const fakeTimers = {
    now: () => nowMs,
    setTimeout: (callback: () => void, ms: number) => {
      const timer = { at: nowMs + ms, callback };
      timers.add(timer);
      return timer as unknown as ReturnType<typeof setTimeout>;
    },
    clearTimeout: (timer: ReturnType<typeof setTimeout>) => {
      timers.delete(timer as unknown as { at: number; callback: () => void });
    },
  };
  const node = () => new LoginSessionSockets({ bus: new MemoryBus({ hub: broker }), logger: SILENT_LOGGER, ...fakeTimers });
  const publisher = new MemoryBus({ hub: broker });
  return {
    a: node(),
    b: node(),
    broker,
    publish: (identityId: string, ids: 'all' | string[]) => publisher.publish(loginSessionChannel(identityId), loginSessionsEndedText(ids)),
    advance: (ms: number) => {
      nowMs += ms;
      for (const timer of [...timers].sort((x, y) => x.at - y.at)) {
        if (timer.at <= nowMs) {
          timers.delete(timer);
          timer.callback();
        }
      }
    },
    pendingTimers: () => timers.size,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('a sign-out published on one node closes that login session\'s sockets on every node, and only those', async () => {
  const nodes = twoNodes();
  const onA = new MemorySocket();
  const onB = new MemorySocket();
  const otherSession = new MemorySocket();
  await nodes.a.track(onA, { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 + 60_000 });
  await nodes.b.track(onB, { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 + 60_000 });
  await nodes.b.track(otherSession, { identityId: 'p1', loginSessionId: 's2', endsAtMs: T0 + 60_000 });

  await nodes.publish('p1', ['s1']);
  await settle();

  assert.deepEqual(onA.closed, { code: CLOSE_CODES.unauthorized, reason: SIGNED_OUT_REASON });
  assert.deepEqual(onB.closed, { code: CLOSE_CODES.unauthorized, reason: SIGNED_OUT_REASON });
  assert.equal(otherSession.closed, null);
  assert.equal(nodes.a.size() + nodes.b.size(), 1);
});

test('"sign out everywhere" closes every socket of the person and none of anyone else', async () => {
  const nodes = twoNodes();
  const mine = [new MemorySocket(), new MemorySocket()];
  const theirs = new MemorySocket();
  await nodes.a.track(mine[0] ?? new MemorySocket(), { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 + 60_000 });
  await nodes.b.track(mine[1] ?? new MemorySocket(), { identityId: 'p1', loginSessionId: 's2', endsAtMs: T0 + 60_000 });
  await nodes.b.track(theirs, { identityId: 'p2', loginSessionId: 's3', endsAtMs: T0 + 60_000 });

  await nodes.publish('p1', 'all');
  await settle();

  assert.ok(mine.every((socket) => socket.closed?.code === CLOSE_CODES.unauthorized));
  assert.equal(theirs.closed, null);
});

test('a socket closes when its login session runs out of time, even with no notice', async () => {
  const nodes = twoNodes();
  const socket = new MemorySocket();
  await nodes.a.track(socket, { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 + 5_000 });
  nodes.advance(4_999);
  assert.ok(socket.isOpen());
  nodes.advance(1);
  assert.equal(socket.closed?.code, CLOSE_CODES.unauthorized);
});

test('a session already over when the socket opens is closed at once', async () => {
  const nodes = twoNodes();
  const socket = new MemorySocket();
  await nodes.a.track(socket, { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 - 1 });
  assert.equal(socket.closed?.code, CLOSE_CODES.unauthorized);
});

test('untracking on close drops the timer and, with the last socket, the bus subscription', async () => {
  const nodes = twoNodes();
  const socket = new MemorySocket();
  const untrack = await nodes.a.track(socket, { identityId: 'p1', loginSessionId: 's1', endsAtMs: T0 + 5_000 });
  assert.equal(nodes.pendingTimers(), 1);
  untrack();
  await settle();
  assert.equal(nodes.pendingTimers(), 0);
  assert.equal(nodes.a.size(), 0);
  assert.equal(nodes.broker.channelCount, 0);
  await nodes.publish('p1', 'all');
  await settle();
  assert.equal(socket.closed, null);
});
