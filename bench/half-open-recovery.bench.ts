/**
 * How long the product's live-session client, with its default timings (heartbeat every 10 s,
 * silence limit 25 s, first reconnect wait 1 s), takes to notice a half-open connection and be
 * live again. Each trial joins a real server through a chaos proxy, waits until live, waits a
 * different share of a heartbeat so the fault lands at a different phase, silences both
 * directions, and presses pause one second later (as a person would, on a screen that has frozen).
 * Prints, per trial and as min / median / max, seconds from the fault to:
 *   noticed  — the client gave the silent connection up,
 *   greeted  — a new connection was greeted: status live again, commands flow,
 *   paused   — the pause pressed during the silence was acknowledged.
 * A second set of trials presses nothing, so only the heartbeat can notice.
 * Never passes or fails on time. Takes about a minute.
 * Run: npx tsx bench/half-open-recovery.bench.ts [trials]
 */
import { OPEN_BOUNDARIES } from '../src/core/boundaries/boundary.ts';
import { ChaosProxy } from '../src/server/testing/chaos-proxy.ts';
import { sessionCreateOverHttp } from '../src/server/testing/live-client.ts';
import { nodeLiveEnvironment } from '../src/server/testing/node-live-environment.ts';
import { testServerStart, type TestServer } from '../src/server/testing/test-server.ts';
import { HEARTBEAT_INTERVAL_MS, LiveSession, type LiveStatus } from '../src/web/net/live-session.ts';

const TRIALS = Number(process.argv[2] ?? 5);
const PAUSE_PRESSED_AFTER_MS = 1000;

interface Trial {
  readonly noticedS: number;
  readonly greetedS: number;
  /** Null when nothing was pressed during the silence. */
  readonly pausedS: number | null;
}

function statusReached(live: LiveSession, wanted: (status: LiveStatus) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => {
      if (!wanted(live.snapshot().status)) return;
      stop();
      resolve(Date.now());
    };
    const stop = live.subscribe(check);
    check();
  });
}

async function trial(server: TestServer, phaseMs: number, pressPause: boolean): Promise<Trial> {
  const session = await sessionCreateOverHttp(server.baseUrl, 'Ari');
  const proxy = await ChaosProxy.start({ upstreams: [{ host: '127.0.0.1', port: Number(new URL(server.baseUrl).port) }] });
  const env = nodeLiveEnvironment({ cookie: session.hostCookie, origin: server.baseUrl });
  const live = new LiveSession(
    {
      sessionId: session.sessionId,
      url: `ws://127.0.0.1:${proxy.port}/api/sessions/${session.sessionId}/live`,
      joinDetails: () => ({ displayName: 'Ari', boundaries: OPEN_BOUNDARIES }),
    },
    env,
  );
  try {
    live.start();
    await statusReached(live, (status) => status === 'live');
    await new Promise((resolve) => setTimeout(resolve, phaseMs));
    proxy.inject({ kind: 'halfOpen', silent: 'both' });
    const faultAt = Date.now();
    const noticed = statusReached(live, (status) => status === 'reconnecting');
    let paused: Promise<number> | null = null;
    if (pressPause) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_PRESSED_AFTER_MS));
      paused = live.send({ type: 'pause', sayItWasMe: false }).then(() => Date.now());
    }
    const noticedAt = await noticed;
    const greetedAt = await statusReached(live, (status) => status === 'syncing-clock' || status === 'live');
    const seconds = (at: number) => (at - faultAt) / 1000;
    return { noticedS: seconds(noticedAt), greetedS: seconds(greetedAt), pausedS: paused === null ? null : seconds(await paused) };
  } finally {
    live.dispose();
    env.dispose();
    await proxy.close();
  }
}

function summary(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return `${(sorted[0] ?? Number.NaN).toFixed(1)} / ${median.toFixed(1)} / ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} s`;
}

function report(title: string, phases: readonly number[], results: readonly Trial[]): void {
  console.log(title);
  for (const [index, result] of results.entries()) {
    const pause = result.pausedS === null ? '' : `, pause applied ${result.pausedS.toFixed(1)}`;
    console.log(`  trial ${index + 1} (phase ${phases[index]} ms): noticed ${result.noticedS.toFixed(1)}, live again ${result.greetedS.toFixed(1)}${pause}`);
  }
  console.log(`  noticed        min / median / max: ${summary(results.map((r) => r.noticedS))}`);
  console.log(`  live again     min / median / max: ${summary(results.map((r) => r.greetedS))}`);
  const paused = results.flatMap((r) => (r.pausedS === null ? [] : [r.pausedS]));
  if (paused.length > 0) console.log(`  pause applied  min / median / max: ${summary(paused)}`);
}

const server = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '100000' });
try {
  // Trials run side by side, each silenced at a different point of its heartbeat cycle.
  const phases = Array.from({ length: TRIALS }, (_, index) => Math.round((index * HEARTBEAT_INTERVAL_MS) / TRIALS));
  const [idle, pressed] = await Promise.all([
    Promise.all(phases.map((phaseMs) => trial(server, phaseMs, false))),
    Promise.all(phases.map((phaseMs) => trial(server, phaseMs, true))),
  ]);
  report('half-open connection, default client timings, nothing pressed (seconds after the fault)', phases, idle);
  report(`half-open connection, default client timings, pause pressed ${PAUSE_PRESSED_AFTER_MS / 1000} s after the fault`, phases, pressed);
} finally {
  await server.stop();
}
