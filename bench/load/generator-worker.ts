/**
 * A generator worker process: holds the sockets of its share of sessions, makes them talk like
 * people (check-ins and practice commands, body-signal batches) and times every delivery to the
 * other people of the session on one clock (`performance.now()` of this process).
 *
 * Started by bench/live-load.bench.ts with an IPC channel; never run by hand. It reads only what
 * it must of each frame (its type and the first sample's time) so it stays cheap next to the
 * server it measures.
 */
import { WebSocket, type RawData } from 'ws';
import { latencyHistogramEmpty, latencyRecord } from './latency-histogram.ts';
import { processUsageNow, type UsageRequest } from './process-usage.ts';
import { JOIN_COMMAND_JSON, sessionScript, type ScriptStep } from './session-script.ts';
import type { FromWorker, MixOptions, ParticipantPlan, PhaseKind, PhaseStats, SessionPlan, TargetKind, ToWorker } from './worker-protocol.ts';

/** A signal batch not delivered to everyone after this long counts as missing. */
const SIGNAL_MISSING_AFTER_MS = 5000;
/** A command with no acknowledgement after this long is reported as late. */
const ACK_TIMEOUT_MS = 10_000;

const ATTUNE_PROTOCOL_VERSION = 1;

function send(message: FromWorker): void {
  process.send?.(message);
}

function statsEmpty(): PhaseStats {
  return {
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
}

interface SentSignal {
  readonly sentAt: number;
  remaining: number;
  readonly onAllDelivered: (() => void) | null;
}

interface PendingAck {
  readonly sentAt: number;
  readonly resolve: (ok: boolean) => void;
  readonly timer: ReturnType<typeof setTimeout>;
}

interface CurrentCommand {
  readonly generation: number;
  readonly sentAt: number;
  readonly sender: Participant;
}

let target: TargetKind = 'attune';
let mix: MixOptions;
let stats = statsEmpty();
/** Deliveries count towards throughput only until the phase's duration is over. */
let counting = false;
let running: PhaseKind | null = null;
let commandSerial = 0;
const pendingAcks = new Map<string, PendingAck>();

function commandIdNew(): string {
  commandSerial += 1;
  return `load-${process.pid.toString(36)}-${commandSerial.toString(36).padStart(6, '0')}`;
}

class Participant {
  socket: WebSocket | null = null;
  lastGenerationSeen = 0;
  /** Commands this device sent that have no answer yet; a closed socket answers them with false. */
  private readonly unanswered = new Set<string>();
  readonly signalHz: number;
  signalTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly session: SessionLoad,
    readonly index: number,
    readonly plan: ParticipantPlan,
  ) {
    const [low, high] = mix.signalHz;
    this.signalHz = low + Math.floor(Math.random() * (high - low + 1));
  }

  isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      if (this.plan.cookie !== null) headers.cookie = this.plan.cookie;
      const socket = new WebSocket(this.plan.url, { headers, perMessageDeflate: false, ...(this.plan.origin === null ? {} : { origin: this.plan.origin }) });
      this.socket = socket;
      socket.on('message', (data: RawData) => {
        this.onFrame(data);
      });
      socket.once('open', () => {
        resolve();
      });
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused with HTTP ${String(response.statusCode)}`));
      });
      socket.on('close', () => {
        if (running !== null) stats.closedDuringPhase += 1;
        for (const commandId of this.unanswered) {
          const pending = pendingAcks.get(commandId);
          pendingAcks.delete(commandId);
          if (pending === undefined) continue;
          clearTimeout(pending.timer);
          pending.resolve(false);
        }
        this.unanswered.clear();
      });
    });
  }

  sendText(text: string): void {
    if (this.isOpen()) this.socket?.send(text);
  }

  /** Sends a command and resolves with whether it was accepted (echo: at once, it has no answer). */
  command(commandJson: string): Promise<boolean> {
    const commandId = commandIdNew();
    const sentAt = performance.now();
    this.sendText(`{"type":"command","commandId":"${commandId}","command":${commandJson}}`);
    if (target === 'echo') return Promise.resolve(true);
    return new Promise((resolve) => {
      // Counted as late, but still awaited: the session sends nothing else until it is answered,
      // so its deliveries, however late, are timed against the right command.
      const timer = setTimeout(() => {
        stats.ackTimeouts += 1;
      }, ACK_TIMEOUT_MS);
      pendingAcks.set(commandId, { sentAt, resolve, timer });
      this.unanswered.add(commandId);
    });
  }

  /** One batch of this person's latest samples, stamped now; `onAllDelivered` once every peer has it. */
  sendSignals(samplesInBatch: number, onAllDelivered: (() => void) | null): void {
    if (!this.isOpen()) return;
    const session = this.session;
    // The first sample's time names the batch in this session, so it must be unique there.
    let firstAtMs = Date.now() - Math.round(((samplesInBatch - 1) * 1000) / samplesInBatch);
    while (session.signalsSent.has(firstAtMs)) firstAtMs += 1;
    const spacingMs = Math.round(1000 / samplesInBatch);
    let samples = '';
    for (let index = 0; index < samplesInBatch; index += 1) {
      const heartRate = 62 + ((firstAtMs / 1000 + index) % 10);
      samples += `${index === 0 ? '' : ','}{"atMs":${firstAtMs + index * spacingMs},"source":"simulated","heartRateBpm":${heartRate.toFixed(1)},"rrMs":[${(60_000 / heartRate).toFixed(0)}],"breathingRateBpm":6.5,"breathPhase":${((index * 0.23) % 1).toFixed(2)}}`;
    }
    const peers = session.participants.length - 1;
    session.signalsSent.set(firstAtMs, { sentAt: performance.now(), remaining: peers, onAllDelivered });
    stats.signalBatchesSent += 1;
    this.sendText(`{"type":"signals","samples":[${samples}]}`);
  }

  private onFrame(data: RawData): void {
    const now = performance.now();
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    if (counting) stats.framesReceived += 1;
    if (text.startsWith('{"type":"signals"')) {
      this.onSignals(text, now);
      return;
    }
    // Attune sends the events a command made; the echo server relays the command itself.
    if (text.startsWith('{"type":"events"') || text.startsWith('{"type":"command"')) {
      this.onCommandDelivered(now);
      return;
    }
    if (text.startsWith('{"type":"ack"')) {
      this.onAck(text, now);
      return;
    }
    if (text.startsWith('{"type":"error"')) {
      const { code } = JSON.parse(text) as { code: string };
      stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
    }
  }

  private onSignals(text: string, now: number): void {
    const match = /"atMs":(\d+)/.exec(text);
    if (match === null) return;
    const sent = this.session.signalsSent.get(Number(match[1]));
    if (sent === undefined) return;
    latencyRecord(stats.signalDelivery, now - sent.sentAt);
    if (counting) stats.peerDeliveries += 1;
    sent.remaining -= 1;
    if (sent.remaining <= 0) {
      this.session.signalsSent.delete(Number(match[1]));
      sent.onAllDelivered?.();
    }
  }

  private onCommandDelivered(now: number): void {
    const current = this.session.current;
    if (current === null || current.sender === this || this.lastGenerationSeen >= current.generation) return;
    this.lastGenerationSeen = current.generation;
    latencyRecord(stats.commandDelivery, now - current.sentAt);
    if (counting) stats.peerDeliveries += 1;
  }

  private onAck(text: string, now: number): void {
    const ack = JSON.parse(text) as { commandId: string; outcome: { ok: boolean; code?: string } };
    const pending = pendingAcks.get(ack.commandId);
    if (pending === undefined) return;
    pendingAcks.delete(ack.commandId);
    this.unanswered.delete(ack.commandId);
    clearTimeout(pending.timer);
    if (running !== null) latencyRecord(stats.commandAck, now - pending.sentAt);
    if (!ack.outcome.ok) {
      stats.commandsRejected += 1;
      const code = `rejected:${ack.outcome.code ?? '?'}`;
      stats.errorsByCode[code] = (stats.errorsByCode[code] ?? 0) + 1;
    }
    pending.resolve(ack.outcome.ok);
  }
}

class SessionLoad {
  readonly participants: Participant[];
  readonly script: readonly ScriptStep[];
  readonly signalsSent = new Map<number, SentSignal>();
  current: CurrentCommand | null = null;
  private step = 0;
  private generation = 0;
  private waitingForAnswer = false;
  private commandTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly plan: SessionPlan) {
    this.participants = plan.participants.map((participant, index) => new Participant(this, index, participant));
    this.script = sessionScript(this.participants.length);
  }

  /** Starts the command rhythm: one person's every 10–30 s, so the session's every (10–30 s)/size. */
  startCommands(): void {
    const [low, high] = mix.commandEverySeconds;
    const delayMs = ((low + Math.random() * (high - low)) * 1000) / this.participants.length;
    this.commandTimer = setTimeout(() => {
      this.nextCommand();
      this.startCommands();
    }, delayMs);
  }

  stopCommands(): void {
    if (this.commandTimer !== null) clearTimeout(this.commandTimer);
    this.commandTimer = null;
  }

  private nextCommand(): void {
    if (this.waitingForAnswer) {
      stats.commandsSkipped += 1;
      return;
    }
    const step = this.script[this.step % this.script.length];
    this.step += 1;
    const sender = step === undefined ? undefined : this.participants[step.senderIndex];
    if (step === undefined || sender?.isOpen() !== true) return;
    this.generation += 1;
    this.current = { generation: this.generation, sentAt: performance.now(), sender };
    this.waitingForAnswer = true;
    stats.commandsSent += 1;
    void sender.command(step.commandJson).then(() => {
      this.waitingForAnswer = false;
    });
  }

  /** Forgets batches that will not arrive now, counting the deliveries they still lacked. */
  sweepSignals(now: number): void {
    for (const [key, sent] of this.signalsSent) {
      if (now - sent.sentAt < SIGNAL_MISSING_AFTER_MS) continue;
      stats.signalDeliveriesMissing += sent.remaining;
      this.signalsSent.delete(key);
      sent.onAllDelivered?.();
    }
  }
}

let sessions: SessionLoad[] = [];
let phaseTimers: (() => void)[] = [];

async function connectAll(concurrency: number): Promise<void> {
  const started = performance.now();
  const everyone = sessions.flatMap((session) => session.participants);
  let next = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  const connectOne = async (participant: Participant) => {
    await participant.connect();
    if (target === 'attune') {
      participant.sendText(`{"type":"hello","protocolVersion":${ATTUNE_PROTOCOL_VERSION},"lastSeq":0}`);
      const joined = await participant.command(JOIN_COMMAND_JSON(`Load ${participant.index + 1}`));
      if (!joined) throw new Error('join was not accepted');
    }
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const participant = everyone[next];
        next += 1;
        if (participant === undefined) return;
        try {
          await connectOne(participant);
        } catch (error) {
          failed += 1;
          firstFailure ??= String(error);
        }
      }
    }),
  );
  const open = everyone.filter((participant) => participant.isOpen()).length;
  send({ kind: 'connected', open, failed, firstFailure, seconds: (performance.now() - started) / 1000 });
}

/** Realistic rates: commands every 10–30 s per person, one batch of 1–4 samples a second. */
function steadyStart(): void {
  const batchEveryMs = 1000 / mix.signalBatchesPerSecond;
  for (const session of sessions) {
    session.startCommands();
    for (const participant of session.participants) {
      const samplesInBatch = Math.max(1, Math.round(participant.signalHz / mix.signalBatchesPerSecond));
      // Spread the first batches over a whole interval, as devices joined at different moments.
      const start = setTimeout(() => {
        participant.signalTimer = setInterval(() => {
          participant.sendSignals(samplesInBatch, null);
        }, batchEveryMs);
      }, Math.random() * batchEveryMs);
      phaseTimers.push(() => {
        clearTimeout(start);
        if (participant.signalTimer !== null) clearInterval(participant.signalTimer);
        participant.signalTimer = null;
      });
    }
    phaseTimers.push(() => {
      session.stopCommands();
    });
  }
}

/**
 * Saturation: each device sends its next batch once its previous one reached every peer (or
 * was given up on), never faster than the per-socket cap, so the server's rate limit is not hit.
 */
function saturateStart(): void {
  const minGapMs = 1000 / mix.maxBatchesPerSocketPerSecond;
  let stopped = false;
  const loop = (participant: Participant) => {
    const sentAt = performance.now();
    participant.sendSignals(1, () => {
      if (stopped) return;
      const wait = Math.max(0, minGapMs - (performance.now() - sentAt));
      setTimeout(() => {
        if (!stopped) loop(participant);
      }, wait);
    });
  };
  for (const session of sessions) for (const participant of session.participants) if (participant.isOpen()) loop(participant);
  phaseTimers.push(() => {
    stopped = true;
  });
}

async function runPhase(phase: PhaseKind, durationMs: number, drainMs: number): Promise<void> {
  stats = statsEmpty();
  const cpuAtStart = process.cpuUsage();
  running = phase;
  counting = true;
  const sweeper = setInterval(() => {
    const now = performance.now();
    for (const session of sessions) session.sweepSignals(now);
  }, 1000);
  if (phase === 'steady') steadyStart();
  else saturateStart();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  counting = false;
  for (const stop of phaseTimers) stop();
  phaseTimers = [];
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  clearInterval(sweeper);
  const now = performance.now() + SIGNAL_MISSING_AFTER_MS;
  for (const session of sessions) session.sweepSignals(now);
  for (const session of sessions) session.current = null;
  running = null;
  const cpu = process.cpuUsage(cpuAtStart);
  stats.workerCpuMs = (cpu.user + cpu.system) / 1000;
  stats.openAtEnd = sessions.reduce((sum, session) => sum + session.participants.filter((participant) => participant.isOpen()).length, 0);
  send({ kind: 'phaseDone', stats });
}

function onMessage(message: ToWorker): void {
  switch (message.kind) {
    case 'plan':
      target = message.target;
      mix = message.mix;
      sessions = message.sessions.map((plan) => new SessionLoad(plan));
      void connectAll(message.connectConcurrency);
      return;
    case 'run':
      void runPhase(message.phase, message.durationMs, message.drainMs);
      return;
    case 'usage': {
      const request: UsageRequest = message;
      send({ kind: 'usage', requestId: request.requestId, usage: processUsageNow(request.collectGarbage) });
      return;
    }
    case 'stop':
      for (const session of sessions) for (const participant of session.participants) participant.socket?.terminate();
      setTimeout(() => process.exit(0), 100);
      return;
  }
}

process.on('message', (message: ToWorker) => {
  onMessage(message);
});
process.on('disconnect', () => process.exit(0));
