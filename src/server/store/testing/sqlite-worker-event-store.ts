/**
 * Test helper: a `KyselyEventStore` on the same SQLite file, but running in a worker thread.
 *
 * Why: better-sqlite3 is synchronous, so when two connections in ONE thread both want the write
 * lock, the second waits (busy_timeout) by blocking the very thread the first needs to commit; it
 * stalls 5 s and fails. Two writers on one SQLite file are only meaningful in two threads or
 * processes, which is what this gives the contract suite. (The server itself opens one database
 * per process; Kysely then serialises its transactions on that single connection.)
 */
import { Worker } from 'node:worker_threads';
import type { AppendResult, CommandRecord, EventStore, StoredEvent } from '../event-store.ts';
import type { EventStoreHandle } from '../event-store.contract.ts';

type Methods = Pick<EventStore, 'appendForCommand' | 'readAfter' | 'lastSeq' | 'findCommand'>;

/** A call posted to the worker. */
export type WorkerRequest =
  | { [M in keyof Methods]: { id: number; method: M; args: Parameters<Methods[M]> } }[keyof Methods]
  | { id: number; method: 'close'; args: [] };

/** The worker's answer to one call (id 0: the worker is ready). */
export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

/** Opens `<dataDir>/attune.sqlite` (already migrated) in a worker thread. */
export async function openSqliteEventStoreInWorker(dataDir: string): Promise<EventStoreHandle> {
  // The test runner's `--import tsx` hooks do not carry over into workers on Node 20, so the worker
  // registers tsx itself before importing the TypeScript entry.
  const entry = new URL('./sqlite-event-store-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData: { dataDir } });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let failure: Error | null = null;

  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, {
      resolve: () => {
        resolve();
      },
      reject,
    });
  });
  worker.on('message', (reply: WorkerReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (waiter === undefined) return;
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  });
  const failAll = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => {
    failAll(new Error(`sqlite worker exited with code ${code}`));
  });

  const call = (method: WorkerRequest['method'], args: readonly unknown[]): Promise<unknown> => {
    if (failure !== null) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  };

  await ready;
  const store: EventStore = {
    appendForCommand: async (...args) => (await call('appendForCommand', args)) as AppendResult,
    readAfter: async (...args) => (await call('readAfter', args)) as StoredEvent[],
    lastSeq: async (...args) => (await call('lastSeq', args)) as number,
    findCommand: async (...args) => (await call('findCommand', args)) as CommandRecord | null,
  };
  return {
    store,
    close: async () => {
      await call('close', []);
      await worker.terminate();
    },
  };
}
