/**
 * Builds session reports on a worker thread. The synchrony trend of an hour-long session takes
 * a couple of seconds of arithmetic, and on the main thread that would stall every live
 * session on this node (late pacer messages, late pauses). Reports of ended sessions cannot
 * change, so they are kept in a small cache keyed by what they were built from.
 */
import { Worker } from 'node:worker_threads';
import type { SessionReportInput } from '../../core/report/build-session-report.ts';
import type { SessionBodySummary } from '../../core/report/session-body-summary.ts';
import type { SessionReport } from '../../core/report/session-report.ts';
import type { Logger } from '../log/logger.ts';

/** Longest a report may take before the request is answered with an error. */
export const REPORT_BUILD_TIMEOUT_MS = 30_000;
/** Reports of ended sessions kept in memory. */
export const REPORT_CACHE_ENTRIES = 64;

type WorkerAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** One worker, started on first use and started again if it dies. */
export class ReportBuilder {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private readonly cache = new Map<string, SessionReport>();

  constructor(private readonly logger: Logger) {}

  /**
   * The report for `input`. `cacheKey` names an input that can no longer change (an ended
   * session with no samples still arriving); null builds afresh.
   */
  async build(input: SessionReportInput, cacheKey: string | null): Promise<SessionReport> {
    if (cacheKey !== null) {
      const cached = this.cache.get(cacheKey);
      if (cached) return cached;
    }
    const report = (await this.onWorker(input, 'report')) as SessionReport;
    if (cacheKey !== null) {
      this.cache.set(cacheKey, report);
      if (this.cache.size > REPORT_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value ?? cacheKey);
    }
    return report;
  }

  /** What an ended session adds to the viewer's progress (their synchrony and coherence). */
  async summarize(input: SessionReportInput): Promise<SessionBodySummary> {
    return (await this.onWorker(input, 'summary')) as SessionBodySummary;
  }

  /** Forgets cached reports of one session (its data changed: someone forgot theirs, or it was deleted). */
  forget(sessionId: string): void {
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${sessionId}:`)) this.cache.delete(key);
  }

  /** Stops the worker; waiting builds fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The server is stopping.'));
    await worker?.terminate();
  }

  private onWorker(input: SessionReportInput, want: 'report' | 'summary'): Promise<unknown> {
    const worker = this.ensureWorker();
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('The report took too long to prepare.'));
      }, REPORT_BUILD_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, input, want });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // Node 20 does not carry tsx's loader hooks into workers, so the worker registers tsx itself.
    const entry = new URL('./report-worker-entry.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(bootstrap, { eval: true, execArgv: [] });
    worker.unref();
    worker.on('message', (answer: WorkerAnswer) => {
      const waiting = this.waiting.get(answer.id);
      if (!waiting) return;
      this.waiting.delete(answer.id);
      clearTimeout(waiting.timer);
      if (answer.ok) waiting.resolve(answer.value);
      else waiting.reject(new Error(answer.message));
    });
    worker.on('error', (error) => {
      this.logger.error('http', 'the report worker failed; starting another on the next request', { error: String(error) });
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('The report worker stopped.'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.waiting.delete(id);
    }
  }
}
