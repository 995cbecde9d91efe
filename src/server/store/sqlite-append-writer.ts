/**
 * The main thread's side of the SQLite writer thread. better-sqlite3 is synchronous, so a
 * commit on the server's own connection blocks its event loop for the whole fsync (milliseconds,
 * tens of them on a busy disk): every socket on the node waits. The writer thread holds a second
 * connection to the same file and commits there; the main thread keeps reading on its own (WAL
 * lets it, and sees each batch once the thread has answered, as the answer comes after COMMIT).
 */
import { Worker } from 'node:worker_threads';
import type { AppendInput } from './event-store.ts';
import type { StoredSignalRow } from './signal-store.ts';
import { appendFailureError, type BatchOutcome } from './sqlite-appender.ts';
import type { AppendThreadReply, AppendThreadRequest } from './sqlite-append-thread.ts';

interface Waiter {
  readonly resolve: (outcomes: readonly BatchOutcome[]) => void;
  readonly reject: (error: Error) => void;
}

/** How long a closing writer thread may take to end by itself. */
const WRITER_CLOSE_BUDGET_MS = 2000;

/** A running writer thread on the SQLite file at `path` (already migrated). */
export class SqliteAppendWriter {
  private readonly worker: Worker;
  private readonly waiters = new Map<number, Waiter>();
  private nextId = 1;
  private failure: Error | null = null;
  /** Settles when the thread has opened its connection. */
  readonly ready: Promise<void>;

  constructor(path: string) {
    // Node 20 does not carry tsx's hooks into workers; the thread registers tsx itself first
    // (tsx is a runtime dependency: the server runs from TypeScript sources).
    const entry = new URL('./sqlite-append-thread.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    this.worker = new Worker(bootstrap, { eval: true, execArgv: [], workerData: { path } });
    // Held only while a batch is in flight (see `write`): an idle writer never keeps the process up.
    this.ready = new Promise((resolve, reject) => {
      this.waiters.set(0, { resolve: () => { resolve(); }, reject });
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (reply: AppendThreadReply) => {
      const waiter = this.waiters.get(reply.id);
      this.waiters.delete(reply.id);
      if (this.waiters.size === 0) this.worker.unref();
      if (waiter === undefined) return;
      if ('failure' in reply) waiter.reject(appendFailureError(reply.failure));
      else waiter.resolve(reply.outcomes);
    });
    const failAll = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiters.values()) waiter.reject(error);
      this.waiters.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => {
      failAll(new Error(`the SQLite writer thread stopped (exit code ${String(code)})`));
    });
  }

  /** Appends `inputs` in one transaction on the thread; resolves after its commit. */
  async write(inputs: readonly AppendInput[]): Promise<readonly BatchOutcome[]> {
    return this.request((id) => ({ id, inputs }));
  }

  /** Inserts stored body-signal rows in one transaction on the thread; resolves after its commit. */
  async writeSignals(signalRows: readonly StoredSignalRow[]): Promise<void> {
    await this.request((id) => ({ id, signalRows }));
  }

  private async request(make: (id: number) => AppendThreadRequest): Promise<readonly BatchOutcome[]> {
    await this.ready;
    if (this.failure !== null) throw this.failure;
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      this.waiters.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(make(id));
    });
  }

  /** Closes the thread's connection and ends it. */
  async close(): Promise<void> {
    if (this.failure !== null) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.ref();
    // A server stopped right after it started may close before the thread has loaded; a 'close'
    // posted then can go unheard, so wait for the thread to be ready first.
    const loaded = await this.ready.then(() => true, () => false);
    if (!loaded) return;
    this.worker.postMessage('close');
    // The thread closes its connection and ends; should it not, it is ended (every batch it was
    // given has been answered by now, so nothing acknowledged is at stake).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => { timer = setTimeout(() => { resolve('late'); }, WRITER_CLOSE_BUDGET_MS); });
    if ((await Promise.race([exited, late])) === 'late') await this.worker.terminate();
    clearTimeout(timer);
  }
}
