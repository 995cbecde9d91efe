/**
 * Worker-thread side of `openSqliteEventStoreInWorker`: a `KyselyEventStore` on its own SQLite
 * connection, answering method calls posted by the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../database.ts';
import { KyselyEventStore } from '../kysely-event-store.ts';
import type { WorkerReply, WorkerRequest } from './sqlite-worker-event-store.ts';

const port = parentPort;
if (port === null) throw new Error('sqlite-event-store-worker must run in a worker thread');

const { dataDir } = workerData as { dataDir: string };
const database = await openDatabase({ dataDir });
const store = new KyselyEventStore(database.db);

port.on('message', (request: WorkerRequest) => {
  void handle(request).then((reply) => {
    port.postMessage(reply);
  });
});
port.postMessage({ id: 0, ok: true, value: 'ready' } satisfies WorkerReply);

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  try {
    switch (request.method) {
      case 'close':
        await database.close();
        return { id: request.id, ok: true, value: null };
      case 'appendForCommand':
        return { id: request.id, ok: true, value: await store.appendForCommand(...request.args) };
      case 'readAfter':
        return { id: request.id, ok: true, value: await store.readAfter(...request.args) };
      case 'lastSeq':
        return { id: request.id, ok: true, value: await store.lastSeq(...request.args) };
      case 'findCommand':
        return { id: request.id, ok: true, value: await store.findCommand(...request.args) };
    }
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { id: request.id, ok: false, error: { name, message } };
  }
}
