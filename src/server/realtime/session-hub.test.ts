import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { PROTOCOL_VERSION } from '../../core/protocol/messages.ts';
import { sessionCommandArbitrary } from '../../core/testing/session-arbitraries.ts';
import { MemoryBus, MemoryBusHub } from '../bus/memory-bus.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { MemoryAdmissionStore } from '../store/admission-store.ts';
import { MemoryEventLog, MemoryEventStore } from '../store/memory-event-store.ts';
import type { Connection } from './connection.ts';
import { MemorySocket } from './memory-socket.ts';
import { SessionHub } from './session-hub.ts';

const SESSION = 'session-one';
let commandCounter = 0;
const nextId = () => `cmd-${String(++commandCounter).padStart(8, '0')}`;

function makeHub(options: { log?: MemoryEventLog; busHub?: MemoryBusHub; nodeId?: string; now?: () => number } = {}) {
  const store = new MemoryEventStore(options.log);
  const hub = new SessionHub({
    store,
    admissions: new MemoryAdmissionStore(),
    bus: new MemoryBus(options.busHub ? { hub: options.busHub } : {}),
    logger: SILENT_LOGGER,
    now: options.now ?? (() => 1_763_700_000_000),
    nodeId: options.nodeId ?? 'node-a',
  });
  return { hub, store };
}

async function open(hub: SessionHub, who: string, lastSeq = 0): Promise<{ socket: MemorySocket; connection: Connection }> {
  const socket = new MemorySocket();
  const connection = await hub.connect(socket, { identityId: who, kind: 'guest', expiresAtMs: null }, SESSION);
  await hub.receive(connection, JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq }));
  return { socket, connection };
}

async function command(hub: SessionHub, connection: Connection, body: object, commandId = nextId()) {
  await hub.receive(connection, JSON.stringify({ type: 'command', commandId, command: body }));
  const socket = connection.socket;
  assert.ok(socket instanceof MemorySocket);
  const ack = socket.received('ack').find((message) => message.commandId === commandId);
  assert.ok(ack, `no acknowledgement for ${JSON.stringify(body)}`);
  return ack.outcome;
}

async function sessionWithTwo(hub: SessionHub) {
  const ana = await open(hub, 'ana');
  const ben = await open(hub, 'ben');
  assert.deepEqual(await command(hub, ana.connection, { type: 'createSession' }), { ok: true, firstSeq: 1, lastSeq: 1 });
  await command(hub, ana.connection, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
  await command(hub, ben.connection, { type: 'join', displayName: 'Ben', boundaries: OPEN_BOUNDARIES });
  return { ana, ben };
}

describe('session hub', () => {
  test('greets, then sends every committed event to everyone in order, acknowledging after commit', async () => {
    const { hub, store } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    assert.equal(ana.socket.sent[0]?.type, 'welcome');
    assert.deepEqual(ana.socket.seqs(), [1, 2, 3]);
    assert.deepEqual(ben.socket.seqs(), [1, 2, 3]);
    assert.equal(await store.lastSeq(SESSION), 3);
  });

  test('[SV1] a repeated command id gets the first outcome and adds nothing', async () => {
    const { hub, store } = makeHub();
    const { ana } = await sessionWithTwo(hub);
    const first = await command(hub, ana.connection, { type: 'pause' }, 'pause-once-000');
    const again = await command(hub, ana.connection, { type: 'pause' }, 'pause-once-000');
    assert.deepEqual(again, first);
    assert.equal(await store.lastSeq(SESSION), 4);
    const rejected = await command(hub, ana.connection, { type: 'startPractice' }, 'start-nothing-0');
    assert.equal(rejected.ok, false);
    await command(hub, ana.connection, { type: 'proposePractice', practiceId: 'breath-sync' });
    assert.deepEqual(await command(hub, ana.connection, { type: 'startPractice' }, 'start-nothing-0'), rejected);
  });

  test('[SV1] property: whatever commands arrive and however often they repeat, the log holds each id’s events once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ who: fc.constantFrom('ana', 'ben'), command: sessionCommandArbitrary, repeatOf: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 25 }),
        async (steps) => {
          const sharedLog = new MemoryEventLog();
          const { hub, store } = makeHub({ log: sharedLog });
          const { ana, ben } = await sessionWithTwo(hub);
          // Cal only watches (and never leaves), so everything committed must reach cal, in order.
          const cal = await open(hub, 'cal');
          await command(hub, cal.connection, { type: 'join', displayName: 'Cal', boundaries: OPEN_BOUNDARIES });
          const sent: { id: string; who: 'ana' | 'ben'; command: object }[] = [];
          const outcomes = new Map<string, unknown>();
          for (const step of steps) {
            const earlier = step.repeatOf === undefined || sent.length === 0 ? undefined : sent[step.repeatOf % sent.length];
            const item = earlier ?? { id: nextId(), who: step.who, command: step.command };
            const before = await store.lastSeq(SESSION);
            const outcome = await command(hub, (item.who === 'ana' ? ana : ben).connection, item.command, item.id);
            if (earlier) {
              assert.deepEqual(outcome, outcomes.get(item.id), 'a retry got a different outcome');
              assert.equal(await store.lastSeq(SESSION), before, 'a retry added events');
            } else {
              outcomes.set(item.id, outcome);
              sent.push(item);
            }
          }
          const log = await store.readAfter(SESSION, 0);
          assert.deepEqual(log.map((event) => event.seq), log.map((_, index) => index + 1));
          const byCommand = new Map<string, number[]>();
          for (const event of log) if (event.commandId) byCommand.set(event.commandId, [...(byCommand.get(event.commandId) ?? []), event.seq]);
          for (const [id, seqs] of byCommand) {
            const outcome = outcomes.get(id) as { ok: boolean; firstSeq: number; lastSeq: number } | undefined;
            if (!outcome) continue;
            assert.deepEqual(seqs, Array.from({ length: outcome.lastSeq - outcome.firstSeq + 1 }, (_, index) => outcome.firstSeq + index));
          }
          assert.deepEqual(cal.socket.seqs(), log.map((event) => event.seq));
          // What the database holds folds, after a JSON round trip, to the state the live room built.
          const reloaded = makeHub({ log: sharedLog }).hub;
          assert.deepEqual(await reloaded.sessionState(SESSION), await hub.sessionState(SESSION));
        },
      ),
      { numRuns: 60 },
    );
  });

  test('[SV2] a device that reconnects with its last seq receives exactly what it missed, in order', async () => {
    const { hub } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    const benHad = Math.max(...ben.socket.seqs());
    ben.socket.close(1006, 'gone');
    hub.disconnect(ben.connection);
    await command(hub, ana.connection, { type: 'checkIn', state: 'activated', intensity: 5, visibility: 'shared' });
    await command(hub, ana.connection, { type: 'pause' });
    await command(hub, ana.connection, { type: 'resume' });
    const back = await open(hub, 'ben', benHad);
    assert.deepEqual(back.socket.seqs(), [4, 5, 6]);
    assert.equal(back.socket.received('caughtUp')[0]?.lastSeq, 6);
    await command(hub, ana.connection, { type: 'pause' });
    assert.deepEqual(back.socket.seqs(), [4, 5, 6, 7]);
  });

  test('[V1] a private check-in reaches its owner whole and others only as a hidden placeholder', async () => {
    const { hub } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    await command(hub, ana.connection, { type: 'checkIn', state: 'shutdown', intensity: 8, note: 'heavy day' });
    const forAna = ana.socket.received('events').at(-1)?.events[0];
    const forBen = ben.socket.received('events').at(-1)?.events[0];
    assert.equal(forAna?.event.type, 'checkedIn');
    assert.deepEqual(forBen, { seq: 4, atMs: forAna.atMs, event: { type: 'hidden' } });
    assert.ok(!JSON.stringify(ben.socket.sent).includes('heavy day'));
  });

  test('[V2] others are not told who paused unless the pauser says so', async () => {
    const { hub } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    await command(hub, ben.connection, { type: 'pause' });
    const seenByAna = ana.socket.received('events').at(-1)?.events[0]?.event;
    assert.equal(seenByAna?.type, 'sessionPaused');
    assert.equal(seenByAna.participantId, null);
    assert.equal(ben.socket.received('events').at(-1)?.events[0]?.event.participantId, 'ben');
  });

  test('malformed, unknown and oversized frames get clear codes; the sender and peers carry on', async () => {
    const { hub } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    const benBefore = ben.socket.sent.length;
    await hub.receive(ana.connection, '{not json');
    await hub.receive(ana.connection, JSON.stringify({ type: 'command', commandId: 'x', command: { type: 'fly' } }));
    await hub.receive(ana.connection, 'x'.repeat(20_000));
    await hub.receive(ana.connection, '{"type":"command","commandId":"valid-id-1","command":{"type":"pause","__proto__":{"polluted":true}}}');
    const errors = ana.socket.received('error').map((message) => message.code);
    assert.deepEqual(errors, ['malformed_frame', 'invalid_message', 'frame_too_large', 'invalid_message']);
    assert.equal(ana.socket.isOpen(), true);
    assert.equal(ben.socket.sent.length, benBefore, 'peers received nothing from bad frames');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    await command(hub, ana.connection, { type: 'pause' });
    assert.equal((await command(hub, ana.connection, { type: 'resume' })).ok, true);
  });

  test('a burst beyond the per-connection rate is refused politely, without closing', async () => {
    const { hub } = makeHub();
    const { ana } = await sessionWithTwo(hub);
    for (let index = 0; index < 80; index += 1) {
      await hub.receive(ana.connection, JSON.stringify({ type: 'ping', pingId: index, clientSentAtMs: 1 }));
    }
    assert.ok(ana.socket.received('error').some((message) => message.code === 'rate_limited'));
    assert.ok(ana.socket.received('pong').length < 80);
    assert.equal(ana.socket.isOpen(), true);
  });

  test('an expired visit cannot act, but a pause still goes through before the socket closes', async () => {
    const { hub, store } = makeHub();
    await sessionWithTwo(hub);
    const expiredSocket = async () => {
      const socket = new MemorySocket();
      const connection = await hub.connect(socket, { identityId: 'ana', kind: 'guest', expiresAtMs: 1 }, SESSION);
      await hub.receive(connection, JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
      return { socket, connection };
    };
    const first = await expiredSocket();
    const before = await store.lastSeq(SESSION);
    await hub.receive(first.connection, JSON.stringify({ type: 'command', commandId: 'late-checkin-1', command: { type: 'checkIn', state: 'regulated', intensity: 2 } }));
    assert.equal(first.socket.closed?.code, 4401);
    assert.equal(await store.lastSeq(SESSION), before, 'nothing was recorded');
    const second = await expiredSocket();
    await hub.receive(second.connection, JSON.stringify({ type: 'command', commandId: 'late-pause-01', command: { type: 'pause' } }));
    assert.equal(await store.lastSeq(SESSION), before + 1, 'the pause was recorded');
    assert.equal(second.socket.received('ack')[0]?.outcome.ok, true);
    assert.equal(second.socket.closed?.code, 4401);
  });

  test('someone admitted but not yet joined receives nothing; someone who left stops receiving', async () => {
    const { hub } = makeHub();
    const { ana, ben } = await sessionWithTwo(hub);
    await command(hub, ana.connection, { type: 'checkIn', state: 'regulated', intensity: 2, visibility: 'shared', note: 'before cal' });
    const cal = await open(hub, 'cal');
    const welcome = cal.socket.received('welcome')[0];
    assert.equal(welcome?.present, false);
    assert.deepEqual(cal.socket.seqs(), [], 'no events before joining');
    await command(hub, ben.connection, { type: 'leave' });
    const benSeen = ben.socket.seqs().length;
    await command(hub, ana.connection, { type: 'checkIn', state: 'regulated', intensity: 1, visibility: 'shared', note: 'after ben left' });
    assert.equal(ben.socket.seqs().length, benSeen, 'nothing reaches someone who left');
    assert.ok(!JSON.stringify(ben.socket.sent).includes('after ben left'));
    await command(hub, cal.connection, { type: 'join', displayName: 'Cal', boundaries: OPEN_BOUNDARIES });
    assert.deepEqual(cal.socket.seqs(), [1, 2, 3, 4, 5, 6, 7], 'joining brings the whole log');
  });

  test('a second hello is refused rather than replaying events', async () => {
    const { hub } = makeHub();
    const { ana } = await sessionWithTwo(hub);
    const before = ana.socket.seqs();
    await hub.receive(ana.connection, JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
    assert.deepEqual(ana.socket.seqs(), before);
    assert.equal(ana.socket.received('error').at(-1)?.code, 'invalid_message');
  });

  test('a failed first load is forgotten, so the next attempt works', async () => {
    const store = new MemoryEventStore();
    let failNext = true;
    const flaky = Object.assign(Object.create(store) as MemoryEventStore, {
      readAfter: (sessionId: string, afterSeq: number, limit?: number) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('database blip'));
        }
        return store.readAfter(sessionId, afterSeq, limit);
      },
    });
    const hub = new SessionHub({ store: flaky, admissions: new MemoryAdmissionStore(), bus: new MemoryBus(), logger: SILENT_LOGGER, now: () => 1_763_700_000_000, nodeId: 'a' });
    await assert.rejects(hub.connect(new MemorySocket(), { identityId: 'ana', kind: 'guest', expiresAtMs: null }, SESSION), /database blip/);
    assert.equal(hub.connectionCount(), 0);
    const socket = new MemorySocket();
    await hub.connect(socket, { identityId: 'ana', kind: 'guest', expiresAtMs: null }, SESSION);
    assert.equal(socket.received('welcome').length, 1);
    await hub.close(1001, 'test over');
  });

  test('answers clock-sync pings with the server’s receive and send times', async () => {
    let clock = 5_000;
    const { hub } = makeHub({ now: () => (clock += 3) });
    const socket = new MemorySocket();
    const connection = await hub.connect(socket, { identityId: 'ana', kind: 'guest', expiresAtMs: null }, SESSION);
    await hub.receive(connection, JSON.stringify({ type: 'ping', pingId: 7, clientSentAtMs: 42 }));
    const pong = socket.received('pong')[0];
    assert.equal(pong?.pingId, 7);
    assert.equal(pong.clientSentAtMs, 42);
    assert.ok(pong.serverSentAtMs > pong.serverReceivedAtMs);
  });

  test('concurrent commands on two nodes, unawaited, still give one gap-free order everyone sees', async () => {
    const log = new MemoryEventLog();
    const busHub = new MemoryBusHub();
    const nodeA = makeHub({ log, busHub, nodeId: 'a' }).hub;
    const nodeB = makeHub({ log, busHub, nodeId: 'b' }).hub;
    const ana = await open(nodeA, 'ana');
    const ben = await open(nodeB, 'ben');
    await command(nodeA, ana.connection, { type: 'createSession' });
    await command(nodeA, ana.connection, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    await command(nodeB, ben.connection, { type: 'join', displayName: 'Ben', boundaries: OPEN_BOUNDARIES });
    const checkIn = (note: string) => ({ type: 'checkIn', state: 'regulated', intensity: 2, visibility: 'shared', note });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? nodeA.receive(ana.connection, JSON.stringify({ type: 'command', commandId: `race-a-${index}-xx`, command: checkIn(`a${index}`) }))
          : nodeB.receive(ben.connection, JSON.stringify({ type: 'command', commandId: `race-b-${index}-xx`, command: checkIn(`b${index}`) })),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const expected = Array.from({ length: 23 }, (_, index) => index + 1);
    assert.deepEqual(ana.socket.seqs(), expected);
    assert.deepEqual(ben.socket.seqs(), expected);
    assert.ok([...ana.socket.received('ack'), ...ben.socket.received('ack')].every((ack) => ack.outcome.ok));
  });

  test('two nodes sharing a store and a bus deliver one order of events to everyone', async () => {
    const log = new MemoryEventLog();
    const busHub = new MemoryBusHub();
    const nodeA = makeHub({ log, busHub, nodeId: 'a' }).hub;
    const nodeB = makeHub({ log, busHub, nodeId: 'b' }).hub;
    const ana = await open(nodeA, 'ana');
    const ben = await open(nodeB, 'ben');
    await command(nodeA, ana.connection, { type: 'createSession' });
    await command(nodeA, ana.connection, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    await command(nodeB, ben.connection, { type: 'join', displayName: 'Ben', boundaries: OPEN_BOUNDARIES });
    await command(nodeB, ben.connection, { type: 'pause' });
    await command(nodeA, ana.connection, { type: 'pause' });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(ana.socket.seqs(), [1, 2, 3, 4, 5]);
    assert.deepEqual(ben.socket.seqs(), [1, 2, 3, 4, 5]);
  });
});
