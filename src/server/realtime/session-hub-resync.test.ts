/**
 * The resync tick: the bus is at-most-once, so every few seconds a room with people connected
 * reads what other nodes committed. A lost notice is repaired by it; a node that is alone on its
 * bus (nobody else could have appended) does not read the database for nothing.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { PROTOCOL_VERSION } from '../../core/protocol/messages.ts';
import { MemoryBus, MemoryBusHub } from '../bus/memory-bus.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { MemoryAdmissionStore } from '../store/admission-store.ts';
import type { StoredEvent } from '../store/event-store.ts';
import { MemoryEventLog, MemoryEventStore } from '../store/memory-event-store.ts';
import { MemorySocket } from './memory-socket.ts';
import { DEFAULT_HUB_LIMITS, SessionHub } from './session-hub.ts';

const SESSION = 'session-resync';
const RESYNC_MS = 40;

/** A bus whose publishes never arrive: every notice from this node is lost. */
class LosingBus extends MemoryBus {
  override publish(): Promise<void> {
    return Promise.resolve();
  }
}

/** Counts the database reads the hub makes. */
class CountingStore extends MemoryEventStore {
  reads = 0;
  override readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    this.reads += 1;
    return super.readAfter(sessionId, afterSeq, limit);
  }
}

function hubOn(store: MemoryEventStore, bus: MemoryBus, nodeId: string): SessionHub {
  return new SessionHub({
    store,
    admissions: new MemoryAdmissionStore(),
    bus,
    logger: SILENT_LOGGER,
    now: () => 1_763_700_000_000,
    nodeId,
    limits: { ...DEFAULT_HUB_LIMITS, resyncIntervalMs: RESYNC_MS },
  });
}

async function openOn(hub: SessionHub, who: string) {
  const socket = new MemorySocket();
  const connection = await hub.connect(socket, { identityId: who, kind: 'guest', expiresAtMs: null }, SESSION);
  await hub.receive(connection, JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 }));
  return { socket, connection };
}

function command(commandId: string, body: object): string {
  return JSON.stringify({ type: 'command', commandId, command: body });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('session hub resync', () => {
  test('an event whose notice was lost on the bus reaches the other node on its next resync tick', async () => {
    const log = new MemoryEventLog();
    const busHub = new MemoryBusHub();
    const losing = hubOn(new MemoryEventStore(log), new LosingBus({ hub: busHub }), 'node-losing');
    const hearing = hubOn(new MemoryEventStore(log), new MemoryBus({ hub: busHub }), 'node-hearing');
    try {
      const ana = await openOn(losing, 'ana');
      const ben = await openOn(hearing, 'ben');
      await hearing.receive(ben.connection, command('create-000001', { type: 'createSession' }));
      await hearing.receive(ben.connection, command('join-ben-0001', { type: 'join', displayName: 'Ben', boundaries: OPEN_BOUNDARIES }));
      await losing.receive(ana.connection, command('join-ana-0001', { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES }));
      assert.deepEqual(ana.socket.seqs(), [1, 2, 3]);
      assert.deepEqual(ben.socket.seqs(), [1, 2], 'the notice of seq 3 was lost');
      // Nothing told the other node; its resync tick reads the log and delivers.
      await until(() => ben.socket.seqs().length === 3, 'the resync to deliver the missed event');
      assert.deepEqual(ben.socket.seqs(), [1, 2, 3]);
    } finally {
      await losing.close(1001, 'test over');
      await hearing.close(1001, 'test over');
    }
  });

  test('a node alone on its bus makes no database reads on resync ticks', async () => {
    const store = new CountingStore();
    const hub = hubOn(store, new MemoryBus(), 'node-alone');
    try {
      const ana = await openOn(hub, 'ana');
      await hub.receive(ana.connection, command('create-000002', { type: 'createSession' }));
      await hub.receive(ana.connection, command('join-ana-0002', { type: 'join', displayName: 'Ana', boundaries: OPEN_BOUNDARIES }));
      const readsBefore = store.reads;
      await sleep(RESYNC_MS * 5);
      assert.equal(store.reads, readsBefore, 'no reads while nobody else can append');
      assert.deepEqual(ana.socket.seqs(), [1, 2]);
    } finally {
      await hub.close(1001, 'test over');
    }
  });
});
