/**
 * How a process under measurement tells the orchestrator its memory and CPU over the IPC channel
 * it was started with. Heap figures are taken after a full GC when the process runs with
 * `--expose-gc`, so "memory per connection" measures what is held, not garbage not yet collected.
 */

/** One process's figures at one moment. */
export interface ProcessUsage {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Memory outside the JS heap that V8 tracks: socket buffers and the like. */
  readonly externalBytes: number;
  /** User + system CPU time since the process started, in ms. */
  readonly cpuMs: number;
}

/** The request the orchestrator sends. */
export interface UsageRequest {
  readonly kind: 'usage';
  readonly requestId: number;
  readonly collectGarbage: boolean;
}

/** The answer. */
export interface UsageReply {
  readonly kind: 'usage';
  readonly requestId: number;
  readonly usage: ProcessUsage;
}

/** This process's figures now. */
export function processUsageNow(collectGarbage: boolean): ProcessUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collectGarbage && gc !== undefined) gc();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, externalBytes: memory.external + memory.arrayBuffers, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function isUsageRequest(message: unknown): message is UsageRequest {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'usage';
}

/** Answers usage requests on this process's IPC channel, if it has one. */
export function processUsageAnswer(): void {
  if (process.send === undefined) return;
  process.on('message', (message: unknown) => {
    if (!isUsageRequest(message)) return;
    const reply: UsageReply = { kind: 'usage', requestId: message.requestId, usage: processUsageNow(message.collectGarbage) };
    process.send?.(reply);
  });
}
