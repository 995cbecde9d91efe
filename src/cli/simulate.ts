/**
 * `attune simulate`: two simulated people join a new session on a running Attune server and
 * stream heart rate and breathing once a second, so a real person can open the invite link and
 * watch (or join) without any sensor. Person A starts the session as a guest and makes an invite;
 * person B joins through A's invite; both send `signals` over the live socket, stamped in server
 * time from each connection's clock offset. Every 30 s it prints both heart and breathing rates
 * and the pair's synchrony over the last 90 s, computed here from the same samples
 * (core/signals/synchrony.ts).
 * The people come from core/physiology/pair-simulation.ts; `--seed` replays the same pair.
 */
import {
  pairSimulationAdvance,
  pairSimulationStart,
  type PairSimulation,
  type SimulatedReading,
} from '../core/physiology/pair-simulation.ts';
import { SIGNAL_BATCH_MAX_SAMPLES, type SignalSample } from '../core/protocol/signals.ts';
import { heartRateFromRr, heartRateOnGrid, synchronyScore } from '../core/signals/index.ts';
import { z } from 'zod';
import { AttuneHttp, LiveSocket, SimulateError } from './live-socket-client.ts';

export const SIMULATE_USAGE = `Usage: attune simulate [--url http://127.0.0.1:8080] [--coupling 0.6] [--minutes 5] [--seed N]

Two simulated people start a session on a running Attune server and share heart rate and
breathing once a second. Open the invite link it prints to watch them, or to join them.

  --url       Where the server is (its PUBLIC_ORIGIN). Default http://127.0.0.1:8080
  --coupling  How closely B's body follows A's, from 0 (not at all) to 1 (closely). Default 0.6
  --minutes   How long to run. Default 5
  --seed      Replays the same two simulated people. Default: a new pair each run

Ctrl-C stops it at any time; the simulated people leave the session as they go.`;

/** What one run does. */
export interface SimulateOptions {
  readonly url: string;
  readonly coupling: number;
  readonly minutes: number;
  readonly seed: number;
}

/** How a run talks to whoever started it. */
export interface SimulateHooks {
  /** One line of output for a person. */
  readonly out: (line: string) => void;
  /** Stops the run early (Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Seconds between status lines (default 30). */
  readonly statusEverySec?: number;
  /** Called once both simulated people are in the session. */
  readonly onReady?: (session: {
    readonly sessionId: string;
    readonly inviteUrl: string;
    readonly participantIds: readonly [string, string];
  }) => void;
}

const MAX_MINUTES = 24 * 60;

/** The parts of the server's answers this command relies on (session-routes.ts). */
const SESSION_CREATED = z.object({
  sessionId: z.string().min(1),
  invite: z.object({ token: z.string().min(1) }),
});
const INVITE_MADE = z.object({ invite: z.object({ url: z.string().min(1) }) });
const INVITE_ACCEPTED = z.object({ sessionId: z.string() });
/** The stretch synchrony is computed over: long enough for the surrogate test (about 75 s at least). */
const SYNCHRONY_WINDOW_SEC = 90;
const SYNCHRONY_SAMPLE_RATE_HZ = 4;
const CLOCK_RESYNC_EVERY_SEC = 30;

function flagValue(
  args: readonly string[],
  index: number,
  name: string,
): { value: string; next: number } {
  const arg = args[index] ?? '';
  const inline = arg.indexOf('=');
  if (inline >= 0) return { value: arg.slice(inline + 1), next: index + 1 };
  const value = args[index + 1];
  if (value === undefined) throw new SimulateError(`${name} needs a value.\n\n${SIMULATE_USAGE}`);
  return { value, next: index + 2 };
}

function numberIn(
  value: string,
  name: string,
  low: number,
  high: number,
  lowInclusive = true,
): number {
  const parsed = Number(value);
  const inRange = lowInclusive ? parsed >= low : parsed > low;
  if (value.trim() === '' || !Number.isFinite(parsed) || !inRange || parsed > high) {
    throw new SimulateError(
      `${name} must be a number ${lowInclusive ? 'from' : 'above'} ${low} ${lowInclusive ? 'to' : 'up to'} ${high}; it was "${value}".`,
    );
  }
  return parsed;
}

/** Reads the command line; null when help was asked for. Throws a SimulateError with what to change. */
export function simulateOptionsParse(
  args: readonly string[],
  defaultSeed: number,
): SimulateOptions | null {
  let url = 'http://127.0.0.1:8080';
  let coupling = 0.6;
  let minutes = 5;
  let seed = defaultSeed;
  for (let index = 0; index < args.length;) {
    const arg = args[index] ?? '';
    const name = arg.split('=')[0] ?? arg;
    if (name === '--help' || name === '-h' || name === 'help') return null;
    if (!['--url', '--coupling', '--minutes', '--seed'].includes(name)) {
      throw new SimulateError(`attune simulate does not know "${arg}".\n\n${SIMULATE_USAGE}`);
    }
    const { value, next } = flagValue(args, index, name);
    index = next;
    if (name === '--url') {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        throw new SimulateError(
          `--url must be an address like http://127.0.0.1:8080; it was "${value}".`,
        );
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        throw new SimulateError(`--url must start with http:// or https://; it was "${value}".`);
      url = parsed.origin;
    } else if (name === '--coupling') coupling = numberIn(value, '--coupling', 0, 1);
    else if (name === '--minutes') minutes = numberIn(value, '--minutes', 0, MAX_MINUTES, false);
    else {
      seed = numberIn(value, '--seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      if (!Number.isInteger(seed))
        throw new SimulateError(`--seed must be a whole number; it was "${value}".`);
    }
  }
  return { url, coupling, minutes, seed };
}

/** m:ss */
function clockText(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The pair's synchrony over the last 90 seconds, from their beats, or null while there is too little. */
export function recentSynchrony(
  a: readonly SimulatedReading[],
  b: readonly SimulatedReading[],
  nowSec: number,
) {
  const fromSec = nowSec - SYNCHRONY_WINDOW_SEC;
  if (fromSec < 0) return null;
  const beats = (readings: readonly SimulatedReading[]) =>
    readings
      .filter((reading) => reading.atSec > fromSec - 5)
      .flatMap((reading) => heartRateFromRr(reading.rrMs, reading.atSec * 1000));
  const grid = {
    startMs: fromSec * 1000,
    sampleRateHz: SYNCHRONY_SAMPLE_RATE_HZ,
    length: SYNCHRONY_WINDOW_SEC * SYNCHRONY_SAMPLE_RATE_HZ,
  };
  return synchronyScore(heartRateOnGrid(beats(a), grid), heartRateOnGrid(beats(b), grid), {
    sampleRateHz: SYNCHRONY_SAMPLE_RATE_HZ,
  });
}

function statusLine(
  elapsedSec: number,
  a: readonly SimulatedReading[],
  b: readonly SimulatedReading[],
): string {
  const person = (label: string, readings: readonly SimulatedReading[]) => {
    const last = readings.at(-1);
    return last
      ? `${label} ${Math.round(last.heartRateBpm)} bpm, ${last.breathingRateBpm.toFixed(1)} breaths/min`
      : `${label} no readings yet`;
  };
  const synchrony = recentSynchrony(a, b, elapsedSec);
  const synchronyText = synchrony
    ? `synchrony ${synchrony.score.toFixed(2)} (mean peak r ${synchrony.meanPeakR.toFixed(2)}, B ${synchrony.lagSec >= 0 ? 'follows' : 'leads'} A by ${Math.abs(synchrony.lagSec).toFixed(1)} s)`
    : `synchrony: not enough signal yet (it needs ${SYNCHRONY_WINDOW_SEC} seconds of both heart rates)`;
  return `${clockText(elapsedSec).padStart(6)}  ${person('A', a)}   ${person('B', b)}   ${synchronyText}`;
}

/** One reading as a wire sample, stamped in server time. */
function sampleOf(reading: SimulatedReading, startLocalMs: number, live: LiveSocket): SignalSample {
  return {
    atMs: Math.max(0, Math.round(live.serverTimeOf(startLocalMs + reading.atSec * 1000))),
    source: 'simulated',
    heartRateBpm: reading.heartRateBpm,
    rrMs: [...reading.rrMs],
    breathingRateBpm: reading.breathingRateBpm,
    breathPhase: reading.breathPhase,
  };
}

function sendReadings(
  live: LiveSocket,
  readings: readonly SimulatedReading[],
  startLocalMs: number,
): void {
  for (let i = 0; i < readings.length; i += SIGNAL_BATCH_MAX_SAMPLES) {
    live.sendSignals(
      readings
        .slice(i, i + SIGNAL_BATCH_MAX_SAMPLES)
        .map((reading) => sampleOf(reading, startLocalMs, live)),
    );
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Runs the simulation against a server until the time is up or `hooks.signal` aborts. */
export async function simulateRun(options: SimulateOptions, hooks: SimulateHooks): Promise<void> {
  const { out, signal } = hooks;
  const stopped = () => signal?.aborted === true;
  const http = new AttuneHttp(options.url);
  out(
    `Two simulated people, coupling ${options.coupling}, seed ${options.seed}, for ${options.minutes} minute${options.minutes === 1 ? '' : 's'}, on ${options.url}.`,
  );

  const created = await http.expect(201, 'Starting a session', SESSION_CREATED, '/api/sessions', {
    method: 'POST',
    body: { displayName: 'Simulated A' },
  });
  const cookieA = created.cookie;
  if (cookieA === undefined)
    throw new SimulateError(
      'The server started a session but sent no sign-in cookie; is this an Attune server?',
    );
  const sessionId = created.body.sessionId;
  const forPerson = await http.expect(
    201,
    'Making an invite link',
    INVITE_MADE,
    `/api/sessions/${sessionId}/invites`,
    { method: 'POST', body: {}, cookie: cookieA },
  );
  const acceptedB = await http.expect(
    200,
    'Simulated B accepting the invite',
    INVITE_ACCEPTED,
    `/api/invites/${created.body.invite.token}/accept`,
    {
      method: 'POST',
      body: { displayName: 'Simulated B' },
    },
  );
  if (acceptedB.cookie === undefined)
    throw new SimulateError('The server admitted simulated B but sent no sign-in cookie.');

  const people: LiveSocket[] = [];
  let failure: ((error: Error) => void) | null = null;
  const failed = new Promise<never>((_resolve, reject) => {
    failure = reject;
  });
  failed.catch(() => undefined);
  try {
    const liveA = await LiveSocket.open(http, sessionId, cookieA);
    people.push(liveA);
    const liveB = await LiveSocket.open(http, sessionId, acceptedB.cookie);
    people.push(liveB);
    const reported = new Set<string>();
    for (const [label, live] of [
      ['A', liveA],
      ['B', liveB],
    ] as const) {
      live.onClose((code, reason) => {
        failure?.(
          new SimulateError(
            `The server closed simulated ${label}'s connection (${code}${reason === '' ? '' : `: ${reason}`}).`,
          ),
        );
      });
      live.onError((message) => {
        if (reported.has(message.code)) return;
        reported.add(message.code);
        out(`The server said about simulated ${label}: ${message.message}`);
      });
    }
    if (!liveA.present) await liveA.join('Simulated A');
    if (!liveB.present) await liveB.join('Simulated B');
    await Promise.all([liveA.clockSync(), liveB.clockSync()]);

    out(
      'Both simulated people are in the session. Open this link in a browser to watch them, or to join:',
    );
    out(`  ${forPerson.body.invite.url}`);
    hooks.onReady?.({
      sessionId,
      inviteUrl: forPerson.body.invite.url,
      participantIds: [liveA.participantId, liveB.participantId],
    });

    const totalSec = options.minutes * 60;
    const statusEverySec = hooks.statusEverySec ?? 30;
    const startLocalMs = Date.now();
    let sim: PairSimulation = pairSimulationStart({
      seed: options.seed,
      coupling: options.coupling,
    });
    const readingsA: SimulatedReading[] = [];
    const readingsB: SimulatedReading[] = [];
    let nextStatusSec = statusEverySec;
    let nextResyncSec = CLOCK_RESYNC_EVERY_SEC;
    let elapsedSec = 0;
    while (!stopped() && elapsedSec < totalSec) {
      const nextTickMs = startLocalMs + (Math.floor(elapsedSec) + 1) * 1000;
      await Promise.race([pause(nextTickMs - Date.now(), signal), failed]);
      if (stopped()) break;
      elapsedSec = Math.min(totalSec, (Date.now() - startLocalMs) / 1000);
      const step = pairSimulationAdvance(sim, elapsedSec);
      sim = step.sim;
      sendReadings(liveA, step.a, startLocalMs);
      sendReadings(liveB, step.b, startLocalMs);
      readingsA.push(...step.a);
      readingsB.push(...step.b);
      if (elapsedSec >= nextStatusSec) {
        out(statusLine(elapsedSec, readingsA, readingsB));
        nextStatusSec += statusEverySec;
      }
      if (elapsedSec >= nextResyncSec) {
        nextResyncSec += CLOCK_RESYNC_EVERY_SEC;
        void Promise.all([liveA.clockSync(4), liveB.clockSync(4)]);
      }
    }
    await Promise.all(people.map((live) => live.leave()));
    out(
      stopped()
        ? 'Stopped. The simulated people have left; the session stays open for anyone still in it.'
        : `Finished after ${clockText(totalSec)}. The simulated people have left; the session stays open for anyone still in it.`,
    );
  } finally {
    failure = null;
    await Promise.all(people.map((live) => live.close()));
  }
}

/** `attune simulate …` from the command line: parses, runs until done or Ctrl-C, returns an exit code. */
export async function simulateCommand(args: readonly string[]): Promise<number> {
  const write = (line: string) => {
    process.stdout.write(`${line}\n`);
  };
  let options: SimulateOptions | null;
  try {
    options = simulateOptionsParse(args, Math.floor(Math.random() * 2 ** 31));
  } catch (error) {
    process.stderr.write(
      `attune simulate: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (options === null) {
    write(SIMULATE_USAGE);
    return 0;
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    // A second Ctrl-C means "now": leave without waiting for goodbyes.
    if (interrupts > 1) process.exit(130);
    write('Stopping…');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    await simulateRun(options, { out: write, signal: controller.signal });
    return 0;
  } catch (error) {
    process.stderr.write(
      `attune simulate: ${error instanceof SimulateError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 1;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
