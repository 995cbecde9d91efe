/**
 * The generator processes: sessions are dealt out whole (everyone of a session in one worker),
 * every worker gets the same phase at the same moment, and their counts are added up.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { latencyHistogramEmpty, latencyMerge } from './latency-histogram.ts';
import type { ProcessUsage } from './process-usage.ts';
import { usageOf } from './usage-probe.ts';
import type { FromWorker, MixOptions, PhaseKind, PhaseStats, SessionPlan, TargetKind, ToWorker } from './worker-protocol.ts';

/** How connecting went, over all workers. */
export interface ConnectResult {
  readonly open: number;
  readonly failed: number;
  readonly firstFailure: string | null;
  readonly seconds: number;
}

function nextMessage<K extends FromWorker['kind']>(child: ChildProcess, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker) => {
      if (message.kind !== kind) return;
      cleanup();
      resolve(message as Extract<FromWorker, { kind: K }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`a generator worker exited with ${String(code)}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Adds up phase counts. */
export function phaseStatsMerge(all: readonly PhaseStats[]): PhaseStats {
  const total: PhaseStats = {
    commandDelivery: latencyHistogramEmpty(),
    commandAck: latencyHistogramEmpty(),
    signalDelivery: latencyHistogramEmpty(),
    commandsSent: 0,
    commandsRejected: 0,
    commandsSkipped: 0,
    ackTimeouts: 0,
    signalBatchesSent: 0,
    peerDeliveries: 0,
    framesReceived: 0,
    signalDeliveriesMissing: 0,
    errorsByCode: {},
    openAtEnd: 0,
    closedDuringPhase: 0,
    workerCpuMs: 0,
  };
  for (const stats of all) {
    latencyMerge(total.commandDelivery, stats.commandDelivery);
    latencyMerge(total.commandAck, stats.commandAck);
    latencyMerge(total.signalDelivery, stats.signalDelivery);
    total.commandsSent += stats.commandsSent;
    total.commandsRejected += stats.commandsRejected;
    total.commandsSkipped += stats.commandsSkipped;
    total.ackTimeouts += stats.ackTimeouts;
    total.signalBatchesSent += stats.signalBatchesSent;
    total.peerDeliveries += stats.peerDeliveries;
    total.framesReceived += stats.framesReceived;
    total.signalDeliveriesMissing += stats.signalDeliveriesMissing;
    for (const [code, count] of Object.entries(stats.errorsByCode)) total.errorsByCode[code] = (total.errorsByCode[code] ?? 0) + count;
    total.openAtEnd += stats.openAtEnd;
    total.closedDuringPhase += stats.closedDuringPhase;
    total.workerCpuMs += stats.workerCpuMs;
  }
  return total;
}

/** A set of generator workers for one target. */
export class WorkerPool {
  private readonly workers: ChildProcess[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => fork('bench/load/generator-worker.ts', [], { execArgv: ['--expose-gc', '--import', 'tsx'] }));
  }

  private sendTo(worker: ChildProcess, message: ToWorker): void {
    worker.send(message);
  }

  /** Deals the sessions out and opens every socket (Attune: hello and join too). */
  async connect(target: TargetKind, sessions: readonly SessionPlan[], mix: MixOptions, connectConcurrency: number): Promise<ConnectResult> {
    const shares: SessionPlan[][] = this.workers.map(() => []);
    sessions.forEach((session, index) => shares[index % shares.length]?.push(session));
    const replies = await Promise.all(
      this.workers.map((worker, index) => {
        const reply = nextMessage(worker, 'connected');
        this.sendTo(worker, { kind: 'plan', target, sessions: shares[index] ?? [], mix, connectConcurrency });
        return reply;
      }),
    );
    return {
      open: replies.reduce((sum, reply) => sum + reply.open, 0),
      failed: replies.reduce((sum, reply) => sum + reply.failed, 0),
      firstFailure: replies.find((reply) => reply.firstFailure !== null)?.firstFailure ?? null,
      seconds: Math.max(...replies.map((reply) => reply.seconds)),
    };
  }

  /** Runs one phase on every worker at once; resolves with the summed counts. */
  async run(phase: PhaseKind, durationMs: number, drainMs: number): Promise<PhaseStats> {
    const replies = await Promise.all(
      this.workers.map((worker) => {
        const reply = nextMessage(worker, 'phaseDone');
        this.sendTo(worker, { kind: 'run', phase, durationMs, drainMs });
        return reply;
      }),
    );
    return phaseStatsMerge(replies.map((reply) => reply.stats));
  }

  /** The workers' memory and CPU, summed. */
  async usage(): Promise<ProcessUsage> {
    const all = await Promise.all(this.workers.map((worker) => usageOf(worker, false)));
    return all.reduce((sum, usage) => ({
      rssBytes: sum.rssBytes + usage.rssBytes,
      heapUsedBytes: sum.heapUsedBytes + usage.heapUsedBytes,
      externalBytes: sum.externalBytes + usage.externalBytes,
      cpuMs: sum.cpuMs + usage.cpuMs,
    }));
  }

  /** Drops every socket and ends the workers. */
  async stop(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.exitCode !== null) return;
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        this.sendTo(worker, { kind: 'stop' });
        await exited;
      }),
    );
  }
}
