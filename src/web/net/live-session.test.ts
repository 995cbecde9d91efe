import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import type { ServerMessage, WireEvent } from '../../core/protocol/messages.ts';
import { CLOCK_SYNC_BURST_SIZE } from '../../core/time/index.ts';
import { LiveSession, type LiveEnvironment, type LiveSocketHandlers } from './live-session.ts';

const boundaries = { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false };

/** A fake world: timers that run only when time is advanced, sockets the test plays server for. */
function fakeWorld() {
  let nowMs = 1_000_000;
  let nextTimer = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const sockets: FakeSocket[] = [];
  const storage = new Map<string, string>();
  const online: (() => void)[] = [];
  let ids = 0;

  class FakeSocket {
    readonly sent: Record<string, unknown>[] = [];
    closed = false;
    constructor(
      readonly url: string,
      readonly handlers: LiveSocketHandlers,
    ) {}
    send(text: string) {
      this.sent.push(JSON.parse(text) as Record<string, unknown>);
    }
    close() {
      this.closed = true;
    }
    /** Plays the server: open, greet. */
    greet(present = false, participantId = 'me-1') {
      this.handlers.open();
      this.deliver({ type: 'welcome', protocolVersion: 1, sessionId: 's1', participantId, present, serverTimeMs: nowMs + 5000 });
    }
    deliver(message: ServerMessage) {
      this.handlers.message(JSON.stringify(message));
    }
    drop(code = 1006) {
      this.closed = true;
      this.handlers.close(code, '');
    }
    commands() {
      return this.sent.filter((message) => message.type === 'command') as { commandId: string; command: SessionCommand }[];
    }
  }

  const env: LiveEnvironment = {
    openSocket: (url, handlers) => {
      const socket = new FakeSocket(url, handlers);
      sockets.push(socket);
      return socket;
    },
    now: () => nowMs,
    setTimeout: (run, delayMs) => {
      const id = nextTimer;
      nextTimer += 1;
      timers.set(id, { at: nowMs + delayMs, run });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    randomId: () => {
      ids += 1;
      return `command-${String(ids).padStart(4, '0')}`;
    },
    random: () => 0,
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => {
        storage.set(key, value);
      },
      removeItem: (key) => {
        storage.delete(key);
      },
    },
    onOnline: (callback) => {
      online.push(callback);
      return () => undefined;
    },
    onOffline: () => () => undefined,
    onVisible: () => () => undefined,
  };

  return {
    env,
    sockets,
    storage,
    goOnline: () => {
      for (const callback of online) callback();
    },
    advance(ms: number) {
      const until = nowMs + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        nowMs = Math.max(nowMs, due[1].at);
        due[1].run();
      }
      nowMs = until;
    },
    last: () => sockets[sockets.length - 1]!,
  };
}

const created: WireEvent = { seq: 1, atMs: 1, event: { type: 'sessionCreated', sessionId: 's1', hostId: 'host', maxParticipants: 8, atMs: 1 } };
const hostJoined: WireEvent = {
  seq: 2,
  atMs: 2,
  event: { type: 'participantJoined', participantId: 'host', displayName: 'Host', kind: 'guest', boundaries, atMs: 2 },
};
const meJoined: WireEvent = {
  seq: 3,
  atMs: 3,
  event: { type: 'participantJoined', participantId: 'me-1', displayName: 'Me', kind: 'guest', boundaries, atMs: 3 },
};

test('says hello with its last seq, joins when not present, and goes live after the clock burst', () => {
  const world = fakeWorld();
  const live = new LiveSession(
    { sessionId: 's1', url: 'ws://x/api/sessions/s1/live', inviteToken: 'tok', joinDetails: () => ({ displayName: 'Me', boundaries }) },
    world.env,
  );
  live.start();
  assert.equal(live.snapshot().status, 'connecting');
  assert.equal(world.last().url, 'ws://x/api/sessions/s1/live?invite=tok');
  world.last().greet();
  assert.deepEqual(world.last().sent[0], { type: 'hello', protocolVersion: 1, lastSeq: 0 });
  const join = world.last().commands()[0];
  assert.equal(join?.command.type, 'join');
  assert.equal(live.snapshot().status, 'syncing-clock');
  assert.equal(live.snapshot().joining, true);

  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  world.last().deliver({ type: 'ack', commandId: join.commandId, outcome: { ok: true, firstSeq: 3, lastSeq: 3 } });
  assert.equal(live.snapshot().joining, false);
  assert.equal(live.snapshot().state.participants['me-1']?.present, true);

  // The ping that follows the join (is anyone there?), then the burst: 32 pings 100 ms apart,
  // each answered with the server 5 s ahead.
  for (let index = 0; index < CLOCK_SYNC_BURST_SIZE + 1; index += 1) {
    const ping = world.last().sent.filter((message) => message.type === 'ping')[index];
    if (!ping) world.advance(100);
    const sentPing = world.last().sent.filter((message) => message.type === 'ping')[index] as unknown as { pingId: number; clientSentAtMs: number };
    const serverAt = sentPing.clientSentAtMs + 5000 + 10;
    world.last().deliver({ type: 'pong', pingId: sentPing.pingId, clientSentAtMs: sentPing.clientSentAtMs, serverReceivedAtMs: serverAt, serverSentAtMs: serverAt });
  }
  assert.equal(world.last().sent.filter((message) => message.type === 'ping').length, CLOCK_SYNC_BURST_SIZE + 1);
  assert.equal(live.snapshot().status, 'live');
  assert.equal(live.clock.isSynced(), true);
  assert.ok(Math.abs(live.clock.at(0) - 5000) < 20, `offset ${live.clock.at(0)}`);
  live.dispose();
});

test('after a drop, unacknowledged commands are sent again with the same id, and each outcome resolves once', async () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  live.start();
  world.last().greet();
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  const pause = live.send({ type: 'pause', sayItWasMe: false });
  const ready = live.send({ type: 'setReady', ready: true });
  const [pauseCommand, readyCommand] = world.last().commands();
  world.last().deliver({ type: 'ack', commandId: readyCommand!.commandId, outcome: { ok: true, firstSeq: null, lastSeq: null } });
  assert.deepEqual(await ready, { ok: true, firstSeq: null, lastSeq: null });

  world.last().drop();
  assert.equal(live.snapshot().status, 'reconnecting');
  // Sent while offline: waits in the outbox.
  const resume = live.send({ type: 'resume' });
  world.advance(999);
  assert.equal(world.sockets.length, 1, 'waits the first backoff step');
  world.advance(1);
  assert.equal(world.sockets.length, 2);
  world.last().greet(true);
  assert.deepEqual(world.last().sent[0], { type: 'hello', protocolVersion: 1, lastSeq: 3 });
  const resent = world.last().commands();
  assert.deepEqual(resent.map((c) => c.command.type), ['pause', 'resume']);
  assert.equal(resent[0]?.commandId, pauseCommand?.commandId, 'the same id, so the server applies it once');
  assert.equal(resent.some((c) => c.commandId === readyCommand?.commandId), false, 'acknowledged commands are not sent again');
  assert.equal(resent.some((c) => c.command.type === 'join'), false, 'already present: no join');

  world.last().deliver({ type: 'ack', commandId: pauseCommand!.commandId, outcome: { ok: true, firstSeq: 4, lastSeq: 4 } });
  world.last().deliver({ type: 'ack', commandId: pauseCommand!.commandId, outcome: { ok: true, firstSeq: 4, lastSeq: 4 } });
  world.last().deliver({ type: 'ack', commandId: resent[1]!.commandId, outcome: { ok: false, code: 'not_your_pause', message: 'Only the person who paused can resume.' } });
  assert.deepEqual(await pause, { ok: true, firstSeq: 4, lastSeq: 4 });
  assert.equal((await resume).ok, false);
  assert.equal(live.snapshot().pendingCommands, 0);
  live.dispose();
});

test('reconnect waits grow 1, 2, 4, 8, 10, 10 s, and going online tries at once', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  live.start();
  const waits: number[] = [];
  for (let index = 0; index < 6; index += 1) {
    const count = world.sockets.length;
    world.last().drop();
    let waited = 0;
    while (world.sockets.length === count) {
      world.advance(500);
      waited += 500;
    }
    waits.push(waited);
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 8000, 10_000, 10_000]);
  assert.equal(live.snapshot().failedAttempts, 6);
  world.last().drop();
  const count = world.sockets.length;
  world.goOnline();
  assert.equal(world.sockets.length, count + 1);
  live.dispose();
});

test('a reload resumes from the stored log and its last seq', () => {
  const world = fakeWorld();
  const first = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  first.start();
  world.last().greet();
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  first.dispose();

  const second = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  assert.equal(second.snapshot().state.participants['me-1']?.present, true);
  assert.equal(second.snapshot().me, 'me-1');
  second.start();
  world.last().greet(true);
  assert.deepEqual(world.last().sent[0], { type: 'hello', protocolVersion: 1, lastSeq: 3 });
  // A repeated event from an overlapping catch-up changes nothing.
  world.last().deliver({ type: 'events', events: [meJoined] });
  assert.equal(second.snapshot().log.length, 3);
  second.dispose();
});

test('a gap in the events renews the connection from the last seq held', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  live.start();
  world.last().greet();
  world.last().deliver({ type: 'events', events: [created, meJoined] });
  assert.equal(world.sockets[0]?.closed, true);
  assert.equal(live.snapshot().log.length, 1);
  world.advance(1000);
  world.last().greet();
  assert.deepEqual(world.last().sent[0], { type: 'hello', protocolVersion: 1, lastSeq: 1 });
  live.dispose();
});

test('the session ending stops reconnecting', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  live.start();
  world.last().greet();
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined, { seq: 4, atMs: 4, event: { type: 'sessionEnded', atMs: 4 } }] });
  assert.equal(live.snapshot().status, 'ended');
  world.advance(60_000);
  assert.equal(world.sockets.length, 1);
  live.dispose();
});

test('a refused join is shown as the sentence the server sent', async () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live', joinDetails: () => ({ displayName: 'Me', boundaries }) }, world.env);
  live.start();
  world.last().greet();
  const join = world.last().commands()[0]!;
  world.last().deliver({ type: 'ack', commandId: join.commandId, outcome: { ok: false, code: 'session_full', message: 'This session is full.' } });
  await Promise.resolve();
  await Promise.resolve();
  assert.equal(live.snapshot().problem, 'This session is full.');
  live.dispose();
});

test('the greeting decides whether to join: present means no join, absent means join even with an old log', () => {
  const world = fakeWorld();
  const details = () => ({ displayName: 'Me', boundaries });
  const first = new LiveSession({ sessionId: 's1', url: 'ws://x/live', joinDetails: details }, world.env);
  first.start();
  world.last().greet(true);
  assert.equal(world.last().commands().length, 0);
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  first.dispose();
  const second = new LiveSession({ sessionId: 's1', url: 'ws://x/live', joinDetails: details }, world.env);
  second.start();
  world.last().greet(false);
  assert.deepEqual(world.last().commands().map((c) => c.command.type), ['join']);
  second.dispose();
});

test('leaving turns automatic joining off', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live', joinDetails: () => ({ displayName: 'Me', boundaries }) }, world.env);
  live.start();
  world.last().greet(true);
  void live.send({ type: 'leave' });
  world.last().drop();
  world.advance(1000);
  world.last().greet(false);
  assert.deepEqual(world.last().commands().map((c) => c.command.type), ['leave']);
  live.dispose();
});

test('a handshake that never gets its greeting is given up after the silence limit, and tried again', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live', timings: { silenceLimitMs: 2000 } }, world.env);
  live.start();
  world.last().handlers.open();
  world.advance(1999);
  assert.equal(world.last().closed, false, 'still waiting for the greeting');
  world.advance(1);
  assert.equal(world.sockets[0]?.closed, true, 'the silent attempt is let go');
  assert.equal(live.snapshot().status, 'reconnecting');
  assert.equal(live.snapshot().failedAttempts, 1);
  world.advance(1000);
  assert.equal(world.sockets.length, 2, 'and a new one is opened after the first backoff step');
  world.last().greet(true);
  world.advance(5000);
  assert.equal(world.last().closed, false, 'a greeted connection is not timed out by the greeting watch');
  live.dispose();
});

test('a rate-limited command keeps waiting and goes again with the same id, never settled as refused', async () => {
  const world = fakeWorld();
  const live = new LiveSession(
    { sessionId: 's1', url: 'ws://x/live', timings: { heartbeatIntervalMs: 1000, commandResendAfterMs: 1000 } },
    world.env,
  );
  live.start();
  world.last().greet(true);
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  let settled = false;
  const pause = live.send({ type: 'pause', sayItWasMe: false }).then((outcome) => {
    settled = true;
    return outcome;
  });
  const [first] = world.last().commands();
  world.last().deliver({ type: 'error', code: 'rate_limited', message: 'Too many at once.', commandId: first!.commandId });
  await Promise.resolve();
  assert.equal(settled, false);
  assert.equal(live.snapshot().pendingCommands, 1);
  world.advance(1000);
  const again = world.last().commands();
  assert.equal(again.length, 2);
  assert.equal(again[1]?.commandId, first?.commandId);
  world.last().deliver({ type: 'ack', commandId: first!.commandId, outcome: { ok: true, firstSeq: 4, lastSeq: 4 } });
  assert.deepEqual(await pause, { ok: true, firstSeq: 4, lastSeq: 4 });
  live.dispose();
});

test('shorter timings notice silence sooner and reconnect on their own schedule', () => {
  const world = fakeWorld();
  const live = new LiveSession(
    { sessionId: 's1', url: 'ws://x/live', timings: { heartbeatIntervalMs: 100, silenceLimitMs: 300, reconnectFirstDelayMs: 50, reconnectMaxDelayMs: 200 } },
    world.env,
  );
  live.start();
  world.last().greet(true);
  world.advance(300);
  assert.equal(world.last().closed, false, 'silence of exactly the limit is still allowed');
  world.advance(100);
  assert.equal(world.last().closed, true);
  world.advance(49);
  assert.equal(world.sockets.length, 1);
  world.advance(1);
  assert.equal(world.sockets.length, 2);
  live.dispose();
});

test('a command on a connection that died quietly renews it after the resend time, not the silence limit', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live', timings: { commandResendAfterMs: 2000 } }, world.env);
  live.start();
  world.last().greet(true);
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  void live.send({ type: 'pause', sayItWasMe: false });
  const pings = world.last().sent.filter((message) => message.type === 'ping');
  assert.ok(pings.length >= 1, 'a ping follows the command');
  world.advance(1999);
  assert.equal(world.last().closed, false);
  world.advance(1);
  assert.equal(world.sockets[0]?.closed, true, 'nothing came back at all: the connection is renewed');
  assert.equal(live.snapshot().pausing, true, 'the pause still waits, to go out on the next connection');

  world.advance(1000);
  world.last().greet(true);
  const [resent] = world.last().commands();
  assert.equal(resent?.command.type, 'pause');
  world.last().deliver({ type: 'pong', pingId: 99, clientSentAtMs: 0, serverReceivedAtMs: 0, serverSentAtMs: 0 });
  world.advance(2000);
  assert.equal(world.last().closed, false, 'an answer of any kind shows the connection is alive');
  live.dispose();
});

test('a command sent while an earlier, since-answered watch is pending gets a watch of its own', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live', timings: { commandResendAfterMs: 2000 } }, world.env);
  live.start();
  world.last().greet(true);
  world.last().deliver({ type: 'events', events: [created, hostJoined, meJoined] });
  void live.send({ type: 'setReady', ready: true });
  world.advance(500);
  world.last().deliver({ type: 'pong', pingId: 99, clientSentAtMs: 0, serverReceivedAtMs: 0, serverSentAtMs: 0 });
  world.advance(500);
  // The connection dies quietly now; the pause goes out 1 s into the first watch.
  void live.send({ type: 'pause', sayItWasMe: false });
  world.advance(1999);
  assert.equal(world.last().closed, false);
  world.advance(1);
  assert.equal(world.sockets[0]?.closed, true, 'renewed 2 s after the pause, not at the next heartbeat');
  live.dispose();
});

test('a server that asks devices to reconnect (1012, 1001) gets them back within two first waits, spread', () => {
  for (const [code, random, expectedWaitMs] of [[1012, 0, 0], [1012, 0.5, 1000], [1001, 0.9, 1800]] as const) {
    const world = fakeWorld();
    world.env = { ...world.env, random: () => random };
    const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
    live.start();
    world.last().greet(true);
    const count = world.sockets.length;
    world.last().drop(code);
    world.advance(Math.max(0, expectedWaitMs - 1));
    assert.equal(world.sockets.length, expectedWaitMs === 0 ? count + 1 : count, `${code}: not before ${expectedWaitMs} ms`);
    world.advance(1);
    assert.equal(world.sockets.length, count + 1, `${code}: back after ${expectedWaitMs} ms`);
    assert.equal(live.snapshot().failedAttempts, 0, 'a restart is not a failure');
    live.dispose();
  }
});

test('a drop without a greeting is a failure and waits on the ordinary schedule, whatever its code', () => {
  const world = fakeWorld();
  const live = new LiveSession({ sessionId: 's1', url: 'ws://x/live' }, world.env);
  live.start();
  const count = world.sockets.length;
  world.last().drop(1012);
  world.advance(999);
  assert.equal(world.sockets.length, count);
  world.advance(1);
  assert.equal(world.sockets.length, count + 1);
  live.dispose();
});
