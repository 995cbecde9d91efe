/**
 * What the hub does once a session's stored data changed under it (someone deleted their
 * account, a session was deleted, someone forgot their samples):
 * - frames still queued on a socket of a dropped room are not handled: nothing decided or
 *   recorded from the stale room reaches the store;
 * - every node, whether or not it holds the session's room, is told, so it forgets what it
 *   derived from the session (cached reports).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { PROTOCOL_VERSION } from '../../core/protocol/messages.ts';
import { MemoryBus, MemoryBusHub } from '../bus/memory-bus.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { MemoryAdmissionStore } from '../store/admission-store.ts';
import { MemoryEventLog, MemoryEventStore } from '../store/memory-event-store.ts';
import { MemorySignalStore } from '../store/signal-store.ts';
import type { Connection } from './connection.ts';
import { MemorySocket } from './memory-socket.ts';
import { SessionHub } from './session-hub.ts';
import { SignalRecorder } from './signal-recorder.ts';

const SESSION = 'session-after-delete';
const NOW_MS = 1_763_700_000_000;
let serial = 0;
const commandId = () => `cmd-after-${String(++serial).padStart(6, '0')}`;

function makeNode(log: MemoryEventLog, busHub: MemoryBusHub, nodeId: string) {
  const signals = new MemorySignalStore();
  const recorder = new SignalRecorder(signals, SILENT_LOGGER, () => NOW_MS, { flushIntervalMs: 60_000, maxWaitingRows: 1000 });
  const changed: string[] = [];
  const hub = new SessionHub({
    store: new MemoryEventStore(log),
    admissions: new MemoryAdmissionStore(),
    bus: new MemoryBus({ hub: busHub }),
    logger: SILENT_LOGGER,
    now: () => NOW_MS,
    nodeId,
    recorder,
    onSessionChanged: (sessionId) => {
      changed.push(sessionId);
    },
  });
  return { hub, recorder, signals, changed };
}

async function open(hub: SessionHub, who: string): Promise<{ socket: MemorySocket; connection: Connection }> {
  const socket = new MemorySocket();
  const connection = await hub.connect(socket, { identityId: who, kind: 'guest', expiresAtMs: null }, SESSION);
  await hub.receive(connection, JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
  return { socket, connection };
}

async function accepted(hub: SessionHub, { socket, connection }: { socket: MemorySocket; connection: Connection }, command: object): Promise<void> {
  const id = commandId();
  await hub.receive(connection, JSON.stringify({ type: 'command', commandId: id, command }));
  const ack = socket.received('ack').find((message) => message.commandId === id);
  assert.ok(ack?.outcome.ok, JSON.stringify(ack));
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

void describe('session hub after a session changed under it', () => {
  void test('frames queued on a dropped room write nothing: no event, no sample', async () => {
    const log = new MemoryEventLog();
    const node = makeNode(log, new MemoryBusHub(), 'a');
    const ana = await open(node.hub, 'ana');
    await accepted(node.hub, ana, { type: 'createSession' });
    await accepted(node.hub, ana, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    const lastSeq = (await node.hub.readLog(SESSION)).length;

    await node.hub.sessionRewritten(SESSION);
    // Frames that were already queued when the room was dropped, on a socket whose close is still
    // on its way (a real socket may not show it closed yet).
    ana.socket.closed = null;
    await node.hub.receive(ana.connection, JSON.stringify({ type: 'signals', samples: [{ atMs: NOW_MS - 500, source: 'simulated', heartRateBpm: 70 }] }));
    await node.hub.receive(ana.connection, JSON.stringify({ type: 'command', commandId: commandId(), command: { type: 'leave' } }));
    await node.hub.receive(ana.connection, JSON.stringify({ type: 'command', commandId: commandId(), command: { type: 'join', displayName: 'Ana again', boundaries: OPEN_BOUNDARIES } }));

    await node.recorder.flush(true);
    assert.deepEqual(await node.signals.readSession(SESSION), [], 'no sample recorded from a dropped room');
    assert.equal((await node.hub.readLog(SESSION)).length, lastSeq, 'no command decided from a dropped room');
    assert.deepEqual(ana.socket.received('ack').length, 2, 'only the commands before the drop were acknowledged');
    await node.hub.close(1001, 'bye');
  });

  void test('frames queued on a socket closed for a deleted account are not handled', async () => {
    const log = new MemoryEventLog();
    const node = makeNode(log, new MemoryBusHub(), 'a');
    const ana = await open(node.hub, 'ana');
    const ben = await open(node.hub, 'ben');
    await accepted(node.hub, ana, { type: 'createSession' });
    await accepted(node.hub, ana, { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES });
    await accepted(node.hub, ben, { type: 'join', displayName: 'Ben', boundaries: OPEN_BOUNDARIES });
    const lastSeq = (await node.hub.readLog(SESSION)).length;

    node.hub.closeConnectionsOf('ben', 4001, 'This account was deleted.');
    assert.ok(ben.socket.closed, "ben's socket is closed");
    assert.equal(ana.socket.closed, null, "ana's socket stays open");
    await node.hub.handle(ben.connection, { type: 'signals', samples: [{ atMs: NOW_MS - 500, source: 'simulated', heartRateBpm: 70, rrMs: [], breathingRateBpm: null, breathPhase: null }] });
    await node.hub.handle(ben.connection, { type: 'command', commandId: commandId(), command: { type: 'checkIn', state: 'regulated', intensity: 2, tags: [], note: 'Ben was here', visibility: 'shared', moment: 'any' } });
    await node.recorder.flush(true);
    assert.deepEqual(await node.signals.readSession(SESSION), []);
    assert.equal((await node.hub.readLog(SESSION)).length, lastSeq);
    await node.hub.close(1001, 'bye');
  });

  void test('every node is told when a session is rewritten, deleted, or someone forgets their samples: with its room or without', async () => {
    const log = new MemoryEventLog();
    const busHub = new MemoryBusHub();
    const nodeA = makeNode(log, busHub, 'a');
    const nodeB = makeNode(log, busHub, 'b');
    const nodeC = makeNode(log, busHub, 'c');
    const ana = await open(nodeA.hub, 'ana');
    await accepted(nodeA.hub, ana, { type: 'createSession' });
    // Node B holds the room (it served a report); node C built one earlier and has let the room go.
    await nodeB.hub.sessionState(SESSION);
    await settle();

    await nodeA.hub.sessionRewritten(SESSION);
    await settle();
    assert.deepEqual([nodeA.changed, nodeB.changed, nodeC.changed], [[SESSION], [SESSION], [SESSION]], 'rewritten');

    await nodeA.hub.signalsForgotten(SESSION, 'ana');
    await settle();
    assert.deepEqual([nodeA.changed.length, nodeB.changed.length, nodeC.changed.length], [2, 2, 2], 'samples forgotten');

    await nodeA.hub.sessionDeleted(SESSION);
    await settle();
    assert.deepEqual([nodeA.changed.length, nodeB.changed.length, nodeC.changed.length], [3, 3, 3], 'deleted');

    for (const node of [nodeA, nodeB, nodeC]) await node.hub.close(1001, 'bye');
    assert.equal(busHub.channelCount, 0, 'no subscription is left behind');
  });
});
