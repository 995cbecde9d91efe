/** Asks a child process started with an IPC channel for its memory and CPU (see process-usage.ts). */
import type { ChildProcess } from 'node:child_process';
import type { ProcessUsage, UsageReply, UsageRequest } from './process-usage.ts';

let requestSerial = 0;

function isUsageReply(message: unknown): message is UsageReply {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'usage';
}

/** The child's figures now; with `collectGarbage`, after a full GC if it runs with --expose-gc. */
export function usageOf(child: ChildProcess, collectGarbage: boolean): Promise<ProcessUsage> {
  requestSerial += 1;
  const requestId = requestSerial;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('no usage answer within 30 s'));
    }, 30_000);
    const onMessage = (message: unknown) => {
      if (!isUsageReply(message) || message.requestId !== requestId) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.usage);
    };
    child.on('message', onMessage);
    const request: UsageRequest = { kind: 'usage', requestId, collectGarbage };
    child.send(request);
  });
}
