/** Prints the load bench's figures as tables, one row per target, with the ratio to the echo server. */
import { latencyQuantile } from './latency-histogram.ts';
import type { LoadOptions, TargetName } from './load-options.ts';
import type { PhaseStats } from './worker-protocol.ts';

/** One measured phase of one target. */
export interface PhaseResult {
  readonly stats: PhaseStats;
  readonly seconds: number;
  /** CPU the server processes used, as a percentage of one core (two nodes: summed). */
  readonly serverCpuPercent: number;
  /** The same in ms, over the phase and its drain (so per delivery it errs a little high). */
  readonly serverCpuMs: number;
  readonly generatorCpuPercent: number;
}

/** Everything measured on one target. */
export interface TargetResult {
  readonly name: TargetName;
  readonly planned: number;
  readonly connected: number;
  readonly failedToConnect: number;
  readonly firstFailure: string | null;
  readonly seedSeconds: number | null;
  readonly connectSeconds: number;
  readonly rssPerConnectionBytes: number;
  readonly heapPerConnectionBytes: number;
  readonly rssTotalBytes: number;
  readonly steady: PhaseResult;
  readonly saturate: PhaseResult;
}

const LABELS: Record<TargetName, string> = { echo: 'bare ws echo', 'one-node': 'Attune, 1 node (SQLite)', 'two-nodes': 'Attune, 2 nodes (PG+Redis)' };

function ms(value: number): string {
  return Number.isNaN(value) ? '-' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function perSecond(phase: PhaseResult): number {
  return phase.stats.peerDeliveries / phase.seconds;
}

/** The whole report. */
export function loadReport(options: LoadOptions, results: readonly TargetResult[], skipped: readonly string[]): string {
  const echo = results.find((result) => result.name === 'echo');
  const ratio = (value: number, of: number | undefined) => (of === undefined || of === 0 ? '-' : (value / of).toFixed(2));
  const out: string[] = [];
  out.push(
    `Live load: ${results.map((result) => result.planned).join('/')} people (per target) in sessions of ${options.sessionSize[0]}-${options.sessionSize[1]}; ` +
      `a command every ${options.mix.commandEverySeconds[0]}-${options.mix.commandEverySeconds[1]} s per person; ` +
      `${options.mix.signalBatchesPerSecond} signal batch/s per person of ${options.mix.signalHz[0]}-${options.mix.signalHz[1]} samples/s; ` +
      `${options.workers} generator processes. Client and server share this machine's cores.`,
  );
  out.push('');
  out.push(`Steady phase (${options.steadySeconds} s at the rates above). Latency: send -> each other participant has it, one clock.`);
  out.push(
    table(
      ['target', 'held/planned', 'cmd p50 ms', 'cmd p99 ms', 'ack p99 ms', 'signal p50 ms', 'signal p99 ms', 'delivered/s', 'commands', 'rejected', 'missing', 'server CPU %', 'generator CPU %'],
      results.map((result) => {
        const { stats } = result.steady;
        return [
          LABELS[result.name],
          `${stats.openAtEnd}/${result.planned}`,
          ms(latencyQuantile(stats.commandDelivery, 0.5)),
          ms(latencyQuantile(stats.commandDelivery, 0.99)),
          ms(latencyQuantile(stats.commandAck, 0.99)),
          ms(latencyQuantile(stats.signalDelivery, 0.5)),
          ms(latencyQuantile(stats.signalDelivery, 0.99)),
          perSecond(result.steady).toFixed(0),
          String(stats.commandsSent),
          String(stats.commandsRejected),
          String(stats.signalDeliveriesMissing),
          result.steady.serverCpuPercent.toFixed(0),
          result.steady.generatorCpuPercent.toFixed(0),
        ];
      }),
    ),
  );
  out.push('');
  out.push(`Saturation phase (${options.saturateSeconds} s): each device sends its next signal batch once the last reached all its peers (at most ${options.mix.maxBatchesPerSocketPerSecond}/s per socket).`);
  out.push(
    table(
      ['target', 'delivered/s', 'x echo', 'signal p50 ms', 'signal p99 ms', 'missing', 'server CPU %', 'server CPU µs/delivery', 'generator CPU %'],
      results.map((result) => {
        const { stats } = result.saturate;
        return [
          LABELS[result.name],
          perSecond(result.saturate).toFixed(0),
          // Like for like only: the same number of people, sessions and sockets.
          ratio(perSecond(result.saturate), echo === undefined || echo.planned !== result.planned ? undefined : perSecond(echo.saturate)),
          ms(latencyQuantile(stats.signalDelivery, 0.5)),
          ms(latencyQuantile(stats.signalDelivery, 0.99)),
          String(stats.signalDeliveriesMissing),
          result.saturate.serverCpuPercent.toFixed(0),
          // CPU per delivery holds still when other work shares the machine; rates and latencies do not.
          ((result.saturate.serverCpuMs * 1000) / Math.max(1, result.saturate.stats.peerDeliveries)).toFixed(1),
          result.saturate.generatorCpuPercent.toFixed(0),
        ];
      }),
    ),
  );
  out.push('');
  out.push('Connections and memory (server processes, after a full GC, minus the idle server before any session existed):');
  out.push(
    table(
      ['target', 'connected', 'failed', 'seed s', 'connect s', 'RSS KiB/conn', 'heap KiB/conn', 'RSS total MiB'],
      results.map((result) => [
        LABELS[result.name],
        String(result.connected),
        String(result.failedToConnect),
        result.seedSeconds === null ? '-' : result.seedSeconds.toFixed(1),
        result.connectSeconds.toFixed(1),
        kib(result.rssPerConnectionBytes),
        kib(result.heapPerConnectionBytes),
        (result.rssTotalBytes / 1024 / 1024).toFixed(0),
      ]),
    ),
  );
  const notes: string[] = [];
  for (const result of results) {
    if (result.firstFailure !== null) notes.push(`${LABELS[result.name]}: first connect failure: ${result.firstFailure}`);
    for (const [phaseName, phase] of [['steady', result.steady], ['saturation', result.saturate]] as const) {
      const codes = Object.entries(phase.stats.errorsByCode);
      if (codes.length > 0) notes.push(`${LABELS[result.name]}, ${phaseName}: ${codes.map(([code, count]) => `${code} x${count}`).join(', ')}`);
      if (phase.stats.closedDuringPhase > 0) notes.push(`${LABELS[result.name]}, ${phaseName}: ${phase.stats.closedDuringPhase} sockets closed during the phase`);
      if (phase.stats.ackTimeouts > 0) notes.push(`${LABELS[result.name]}, ${phaseName}: ${phase.stats.ackTimeouts} commands had no acknowledgement within 10 s (their sessions kept waiting)`);
      if (phase.stats.commandsSkipped > 0) notes.push(`${LABELS[result.name]}, ${phaseName}: ${phase.stats.commandsSkipped} command ticks skipped (previous command unanswered)`);
    }
  }
  for (const reason of skipped) notes.push(reason);
  if (notes.length > 0) out.push('', ...notes.map((note) => `note: ${note}`));
  return out.join('\n');
}
