import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SignalSample } from '../../core/protocol/signals.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { MemorySignalStore, type StoredSignalRow } from '../store/signal-store.ts';
import { SignalRecorder } from './signal-recorder.ts';

function sample(atMs: number, heartRateBpm: number): SignalSample {
  return { atMs, source: 'strap', heartRateBpm, rrMs: [800], breathingRateBpm: null, breathPhase: null };
}

/** A store that refuses writes until told otherwise. */
class FlakyStore extends MemorySignalStore {
  refusing = true;
  override append(rows: readonly StoredSignalRow[]): Promise<void> {
    return this.refusing ? Promise.reject(new Error('database away')) : super.append(rows);
  }
}

describe('signal recorder', () => {
  test('writes finished seconds, keeps the open one, and writes everything on close', async () => {
    let now = 10_000;
    const store = new MemorySignalStore();
    const recorder = new SignalRecorder(store, SILENT_LOGGER, () => now, { flushIntervalMs: 60_000, maxWaitingRows: 100 });
    recorder.record('s1', 'ana', [sample(8_000, 60), sample(8_500, 62), sample(9_200, 64)]);
    await recorder.flush();
    assert.deepEqual((await store.readSession('s1')).map((row) => row.heartRateBpm), [61], 'the second still running waits');
    now = 10_300;
    recorder.record('s1', 'ana', [sample(10_100, 70)]);
    await recorder.close();
    assert.deepEqual((await store.readSession('s1')).map((row) => row.heartRateBpm), [61, 64, 70]);
  });

  test('rows wait while the database refuses, up to a bound, and nothing is written twice', async () => {
    const store = new FlakyStore();
    const recorder = new SignalRecorder(store, SILENT_LOGGER, () => 1_000_000, { flushIntervalMs: 60_000, maxWaitingRows: 3 });
    recorder.record('s1', 'ana', [1, 2, 3, 4, 5].map((second) => sample(second * 1000, 60 + second)));
    await recorder.flush();
    store.refusing = false;
    await recorder.flush();
    assert.deepEqual((await store.readSession('s1')).map((row) => row.heartRateBpm), [63, 64, 65], 'the newest three were kept');
    await recorder.close();
    assert.equal((await store.readSession('s1')).length, 3);
  });

  test('forgetting a person drops what is waiting for them only', async () => {
    const store = new MemorySignalStore();
    const recorder = new SignalRecorder(store, SILENT_LOGGER, () => 0, { flushIntervalMs: 60_000, maxWaitingRows: 100 });
    recorder.record('s1', 'ana', [sample(1_000, 60)]);
    recorder.record('s1', 'ben', [sample(1_000, 70)]);
    recorder.forget('s1', 'ana');
    await recorder.close();
    assert.deepEqual((await store.readSession('s1')).map((row) => row.participantId), ['ben']);
  });
});
