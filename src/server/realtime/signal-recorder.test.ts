import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SignalSample } from '../../core/protocol/signals.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { MemorySignalStore, type StoredSignalRow } from '../store/signal-store.ts';
import { SIGNAL_WRITE_SLICE_ROWS, SignalRecorder } from './signal-recorder.ts';

function sample(atMs: number, heartRateBpm: number): SignalSample {
  return { atMs, source: 'strap', heartRateBpm, rrMs: [800], breathingRateBpm: null, breathPhase: null };
}

/** A store that lets a test act between the slices of one write, and can refuse one slice. */
class SliceWatchingStore extends MemorySignalStore {
  slices: (readonly StoredSignalRow[])[] = [];
  beforeSlice: (index: number) => void = () => undefined;
  refuseSlice = -1;
  override append(rows: readonly StoredSignalRow[]): Promise<void> {
    const index = this.slices.length;
    this.slices.push(rows);
    this.beforeSlice(index);
    return index === this.refuseSlice ? Promise.reject(new Error('disk full')) : super.append(rows);
  }
}

/** One row per second for `seconds` seconds, for `people` people. */
function recordSeconds(recorder: SignalRecorder, people: readonly string[], seconds: number): void {
  for (const person of people) recorder.record('s1', person, Array.from({ length: seconds }, (_, second) => sample(second * 1000, 60)));
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

  test('a large flush is written in slices, and a person forgotten between slices is not written afterwards', async () => {
    const store = new SliceWatchingStore();
    const recorder = new SignalRecorder(store, SILENT_LOGGER, () => 10_000_000, { flushIntervalMs: 60_000, maxWaitingRows: 10_000 });
    const seconds = SIGNAL_WRITE_SLICE_ROWS;
    recordSeconds(recorder, ['ana', 'ben', 'cai'], seconds);
    store.beforeSlice = (index) => {
      // While the first slice is being written (the recorder is flushing by then).
      if (index === 1) recorder.forget('s1', 'ben');
    };
    await recorder.flush();
    assert.ok(store.slices.every((slice) => slice.length <= SIGNAL_WRITE_SLICE_ROWS), `slices of ${store.slices.map((slice) => slice.length).join(', ')}`);
    const stored = await store.readSession('s1');
    assert.ok(store.slices.length > 1);
    for (const sharing of ['ana', 'cai']) assert.equal(stored.filter((row) => row.participantId === sharing).length, seconds, `every row of ${sharing}, still sharing`);
    // The first two slices were on their way before the forget; nothing of ben's after them.
    const benBefore = store.slices.slice(0, 2).flat().filter((row) => row.participantId === 'ben').length;
    const benAfter = store.slices.slice(2).flat().filter((row) => row.participantId === 'ben').length;
    assert.ok(benBefore < seconds, 'the test forgets ben part way through his rows');
    assert.equal(benAfter, 0);
    assert.equal(stored.filter((row) => row.participantId === 'ben').length, benBefore);
    await recorder.close();
  });

  test('a slice refused keeps it and the rest waiting, and what was written is not written twice', async () => {
    const store = new SliceWatchingStore();
    const recorder = new SignalRecorder(store, SILENT_LOGGER, () => 10_000_000, { flushIntervalMs: 60_000, maxWaitingRows: 10_000 });
    recordSeconds(recorder, ['ana', 'ben', 'cai'], SIGNAL_WRITE_SLICE_ROWS);
    store.refuseSlice = 1;
    await recorder.flush();
    assert.equal((await store.readSession('s1')).length, SIGNAL_WRITE_SLICE_ROWS, 'the first slice went in');
    await recorder.flush();
    const stored = await store.readSession('s1');
    assert.equal(stored.length, 3 * SIGNAL_WRITE_SLICE_ROWS, 'every row, once');
    assert.equal(new Set(stored.map((row) => `${row.participantId}@${String(row.atMs)}`)).size, stored.length);
    await recorder.close();
  });
});
