/** Messages between the load orchestrator and its generator worker processes. */
import type { LatencyHistogram } from './latency-histogram.ts';
import type { UsageReply, UsageRequest } from './process-usage.ts';

/** What the generator talks to: Attune's live socket, or the bare echo server. */
export type TargetKind = 'attune' | 'echo';

/** One simulated person's socket. */
export interface ParticipantPlan {
  /** ws:// URL of the socket to open. */
  readonly url: string;
  /** Identity cookie (Attune only). */
  readonly cookie: string | null;
  /** Origin header to send (Attune only: its node's public origin). */
  readonly origin: string | null;
}

/** One session: everyone in it is simulated by the same worker, so one clock times delivery. */
export interface SessionPlan {
  readonly id: string;
  readonly participants: readonly ParticipantPlan[];
}

/** How the people behave. */
export interface MixOptions {
  /** Each person sends a command every this many seconds (uniform between the two). */
  readonly commandEverySeconds: readonly [number, number];
  /** Each person's sensor rate in samples per second (each picks a whole number between the two). */
  readonly signalHz: readonly [number, number];
  /** Batches a device sends per second in the steady phase (the web client sends one). */
  readonly signalBatchesPerSecond: number;
  /** In the saturation phase, most batches one socket sends per second (under the server's limit). */
  readonly maxBatchesPerSocketPerSecond: number;
}

/** The two measured phases: realistic rates, then signals as fast as they are delivered. */
export type PhaseKind = 'steady' | 'saturate';

/** Orchestrator to worker. */
export type ToWorker =
  | { readonly kind: 'plan'; readonly target: TargetKind; readonly sessions: readonly SessionPlan[]; readonly mix: MixOptions; readonly connectConcurrency: number }
  | { readonly kind: 'run'; readonly phase: PhaseKind; readonly durationMs: number; readonly drainMs: number }
  | { readonly kind: 'stop' }
  | UsageRequest;

/** What one worker counted in one phase. */
export interface PhaseStats {
  commandDelivery: LatencyHistogram;
  commandAck: LatencyHistogram;
  signalDelivery: LatencyHistogram;
  commandsSent: number;
  commandsRejected: number;
  /** Command ticks skipped because the session's previous command had no answer yet. */
  commandsSkipped: number;
  ackTimeouts: number;
  signalBatchesSent: number;
  /** Deliveries to other participants within the phase's duration (the throughput figure). */
  peerDeliveries: number;
  /** Every frame the worker's sockets received within the phase's duration (acks, own events…). */
  framesReceived: number;
  /** Signal deliveries still missing 5 s after sending (skipped for a slow reader, or lost). */
  signalDeliveriesMissing: number;
  errorsByCode: Record<string, number>;
  openAtEnd: number;
  closedDuringPhase: number;
  workerCpuMs: number;
}

/** Worker to orchestrator. */
export type FromWorker =
  | { readonly kind: 'connected'; readonly open: number; readonly failed: number; readonly firstFailure: string | null; readonly seconds: number }
  | { readonly kind: 'phaseDone'; readonly stats: PhaseStats }
  | UsageReply;
