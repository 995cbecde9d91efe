/**
 * An acknowledged event survives kill -9 of the server process (SQLite, WAL, synchronous=FULL).
 * Power loss cannot be simulated here; synchronous=FULL is what covers it (see database.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from './database.ts';
import { KyselyEventStore } from './kysely-event-store.ts';
import { migrateToLatest } from './migrations/index.ts';

const CHILD = fileURLToPath(new URL('./testing/append-until-killed.ts', import.meta.url));

void test('every event acknowledged before kill -9 is there after reopening, without gaps', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'attune-durability-'));
  try {
    const setup = await openDatabase({ dataDir });
    await migrateToLatest(setup.db);
    await setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, 's1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let lastAcked = 0;
    let buffered = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      child.on('exit', (_code, signal) => {
        resolve(signal);
      });
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`only ${lastAcked} acks in 20 s`));
      }, 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) lastAcked = Number(line.replace('ack ', ''));
        if (lastAcked >= 40) {
          clearTimeout(timer);
          // Kill mid-stream: the child is appending the next event right now.
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    assert.equal(await exited, 'SIGKILL');

    const reopened = await openDatabase({ dataDir });
    try {
      const store = new KyselyEventStore(reopened.db);
      const lastSeq = await store.lastSeq('s1');
      assert.ok(lastSeq >= lastAcked, `acked ${lastAcked}, found ${lastSeq}`);
      const log = await store.readAfter('s1', 0);
      assert.deepEqual(
        log.map((e) => e.seq),
        Array.from({ length: lastSeq }, (_, i) => i + 1),
      );
      assert.equal((await store.findCommand('s1', `c${lastSeq - 1}`))?.lastSeq, lastSeq);
    } finally {
      await reopened.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
