import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DraftSaver, type DraftStatus, type SaverTimers } from './draft-autosave.ts';

/** Timers that run only when the test says time has passed. */
function manualTimers() {
  let pending: { run: () => void; atMs: number; id: number }[] = [];
  let nowMs = 0;
  let nextId = 1;
  const timers: SaverTimers = {
    set: (run, delayMs) => {
      const id = nextId++;
      pending.push({ run, atMs: nowMs + delayMs, id });
      return id;
    },
    clear: (handle) => {
      pending = pending.filter((timer) => timer.id !== handle);
    },
  };
  const advance = (ms: number) => {
    nowMs += ms;
    const due = pending.filter((timer) => timer.atMs <= nowMs);
    pending = pending.filter((timer) => timer.atMs > nowMs);
    for (const timer of due) timer.run();
  };
  return { timers, advance, pendingCount: () => pending.length };
}

/** A save the test settles by hand. */
function manualSave() {
  const calls: { value: string; settle: (problem: string | null) => void }[] = [];
  const save = (value: string) =>
    new Promise<string | null>((resolve) => {
      calls.push({ value, settle: resolve });
    });
  return { save, calls };
}

const flushMicrotasks = () => new Promise((resolve) => setImmediate(resolve));

test('saves once after a pause in typing, with the latest words', async () => {
  const clock = manualTimers();
  const { save, calls } = manualSave();
  const statuses: DraftStatus['kind'][] = [];
  const saver = new DraftSaver({
    save,
    onStatus: (s) => statuses.push(s.kind),
    delayMs: 1000,
    timers: clock.timers,
  });
  saver.change('a');
  clock.advance(500);
  saver.change('ab');
  clock.advance(999);
  assert.equal(calls.length, 0, 'nothing is sent while the person keeps typing');
  clock.advance(1);
  assert.deepEqual(
    calls.map((call) => call.value),
    ['ab'],
  );
  calls[0]!.settle(null);
  await flushMicrotasks();
  assert.equal(statuses.at(-1), 'saved');
  assert.equal(saver.busy, false);
});

test('never two saves at once: a change during a save is sent after it', async () => {
  const clock = manualTimers();
  const { save, calls } = manualSave();
  const saver = new DraftSaver({
    save,
    onStatus: () => undefined,
    delayMs: 1000,
    timers: clock.timers,
  });
  saver.change('one');
  clock.advance(1000);
  saver.change('two');
  clock.advance(1000);
  assert.equal(calls.length, 1, 'the second waits for the first');
  calls[0]!.settle(null);
  await flushMicrotasks();
  assert.deepEqual(
    calls.map((call) => call.value),
    ['one', 'two'],
  );
});

test('flush sends what is waiting at once and says whether it all got saved', async () => {
  const clock = manualTimers();
  const saved: string[] = [];
  const saver = new DraftSaver({
    save: (value: string) => {
      saved.push(value);
      return Promise.resolve(null);
    },
    onStatus: () => undefined,
    delayMs: 1000,
    timers: clock.timers,
  });
  saver.change('ready');
  assert.equal(await saver.flush(), true);
  assert.deepEqual(saved, ['ready']);
  assert.equal(clock.pendingCount(), 0, 'the waiting timer is stopped');
});

test('a failed save keeps the words and reports the sentence; flush tries once more, then gives up', async () => {
  const clock = manualTimers();
  const statuses: DraftStatus[] = [];
  let tries = 0;
  const saver = new DraftSaver({
    save: () => {
      tries += 1;
      return Promise.resolve('Attune could not be reached.');
    },
    onStatus: (status) => statuses.push(status),
    delayMs: 1000,
    timers: clock.timers,
  });
  saver.change('words');
  clock.advance(1000);
  await flushMicrotasks();
  assert.deepEqual(statuses.at(-1), { kind: 'failed', message: 'Attune could not be reached.' });
  assert.equal(saver.busy, true, 'the words are still waiting');
  assert.equal(await saver.flush(), false);
  assert.equal(tries, 2);
});

test('cancel forgets what was waiting', async () => {
  const clock = manualTimers();
  const { save, calls } = manualSave();
  const saver = new DraftSaver({
    save,
    onStatus: () => undefined,
    delayMs: 1000,
    timers: clock.timers,
  });
  saver.change('never');
  saver.cancel();
  clock.advance(5000);
  assert.equal(calls.length, 0);
  assert.equal(await saver.flush(), true);
});
