/**
 * Live sessions under load: many sessions of 2–4 people sending check-ins, practice commands and
 * body-signal batches, against (1) a bare `ws` echo server, (2) one Attune node on SQLite and
 * (3) two Attune nodes on Postgres + Redis, in one run. Prints connections held, command-to-
 * delivery and signal-to-delivery p50/p99, delivered messages per second (steady, and at
 * saturation with the ratio to the echo server) and server memory per connection.
 *
 * Every server and every generator worker is its own process; they share this machine's cores,
 * so the figures are a floor for the server, not a ceiling. Never passes or fails on time.
 * Run: npx tsx bench/live-load.bench.ts [--participants=10000] [--targets=echo,one-node,two-nodes] (see --help)
 * How to read it: bench/README.md.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadOptionsParse, sessionSizes, type LoadOptions, type TargetName } from './load/load-options.ts';
import { loadReport, type PhaseResult, type TargetResult } from './load/load-report.ts';
import { echoTargetStart, oneNodeStart, twoNodesStart, type MeasuredProcess, type RunningTarget } from './load/load-targets.ts';
import type { ProcessUsage } from './load/process-usage.ts';
import { usageOf } from './load/usage-probe.ts';
import { WorkerPool } from './load/worker-pool.ts';
import type { PhaseKind } from './load/worker-protocol.ts';

/** After each phase, deliveries still in flight are waited for this long (timed, not counted as throughput). */
const DRAIN_MS = 2000;

/** A fixed seed, so every run draws the same session sizes. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function usageSum(processes: readonly MeasuredProcess[], collectGarbage: boolean): Promise<ProcessUsage> {
  const all = await Promise.all(processes.map((measured) => usageOf(measured.child, collectGarbage)));
  return all.reduce((sum, usage) => ({
    rssBytes: sum.rssBytes + usage.rssBytes,
    heapUsedBytes: sum.heapUsedBytes + usage.heapUsedBytes,
    externalBytes: sum.externalBytes + usage.externalBytes,
    cpuMs: sum.cpuMs + usage.cpuMs,
  }));
}

async function phaseRun(pool: WorkerPool, processes: readonly MeasuredProcess[], phase: PhaseKind, seconds: number): Promise<PhaseResult> {
  const before = await usageSum(processes, false);
  const started = performance.now();
  const stats = await pool.run(phase, seconds * 1000, DRAIN_MS);
  const wallMs = performance.now() - started;
  const after = await usageSum(processes, false);
  return {
    stats,
    seconds,
    serverCpuPercent: ((after.cpuMs - before.cpuMs) / wallMs) * 100,
    serverCpuMs: after.cpuMs - before.cpuMs,
    generatorCpuPercent: (stats.workerCpuMs / wallMs) * 100,
  };
}

async function targetStart(name: TargetName, options: LoadOptions, sizes: readonly number[]): Promise<RunningTarget | string> {
  switch (name) {
    case 'echo':
      return echoTargetStart(sizes);
    case 'one-node':
      return oneNodeStart(sizes, options.cpuProfileDir);
    case 'two-nodes':
      return twoNodesStart(sizes, options.cpuProfileDir);
  }
}

async function targetMeasure(name: TargetName, options: LoadOptions, sizes: readonly number[]): Promise<TargetResult | string> {
  const target = await targetStart(name, options, sizes);
  if (typeof target === 'string') return `${name} skipped: ${target}`;
  let pool: WorkerPool | null = null;
  try {
    const { processes, plans, seedSeconds } = target;
    await sleep(500);
    const idle = await usageSum(processes, true);
    const planned = sizes.reduce((sum, size) => sum + size, 0);
    console.log(`[${name}] ${plans.length} sessions ready${seedSeconds === null ? '' : ` in ${seedSeconds.toFixed(1)} s`}; connecting ${planned} sockets`);
    pool = new WorkerPool(options.workers);
    const connected = await pool.connect(name === 'echo' ? 'echo' : 'attune', plans, options.mix, options.connectConcurrency);
    console.log(`[${name}] ${connected.open} connected${name === 'echo' ? '' : ' and joined'} in ${connected.seconds.toFixed(1)} s (${connected.failed} failed); steady phase`);
    const held = await usageSum(processes, true);
    const perConnection = (bytes: number) => bytes / Math.max(1, connected.open);
    const steady = await phaseRun(pool, processes, 'steady', options.steadySeconds);
    console.log(`[${name}] saturation phase`);
    const saturate = await phaseRun(pool, processes, 'saturate', options.saturateSeconds);
    return {
      name,
      planned,
      connected: connected.open,
      failedToConnect: connected.failed,
      firstFailure: connected.firstFailure,
      seedSeconds,
      connectSeconds: connected.seconds,
      rssPerConnectionBytes: perConnection(held.rssBytes - idle.rssBytes),
      heapPerConnectionBytes: perConnection(held.heapUsedBytes - idle.heapUsedBytes),
      rssTotalBytes: held.rssBytes,
      steady,
      saturate,
    };
  } finally {
    await pool?.stop();
    await target.stop();
  }
}

const options = loadOptionsParse(process.argv.slice(2));
const results: TargetResult[] = [];
const skipped: string[] = [];
const started = performance.now();
for (const name of options.targets) {
  const participants = name === 'two-nodes' ? options.twoNodesParticipants : options.participants;
  const result = await targetMeasure(name, options, sessionSizes(participants, options.sessionSize, seededRandom(7)));
  if (typeof result === 'string') skipped.push(result);
  else results.push(result);
}
console.log('');
console.log(loadReport(options, results, skipped));
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
