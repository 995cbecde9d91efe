/**
 * Shared by the signal benches: times TypeScript calls, and asks
 * scripts/signals-reference/signals_timing.py to time the numpy/scipy reference on the very same
 * inputs (sent on stdin) with Python's start-up and imports excluded, so the benches can print
 * ours-vs-numpy per operation. Not a bench itself (the runner only runs *.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** Median and count of timed calls. */
export interface Timing {
  readonly medianMs: number;
  readonly runs: number;
}

/** Median milliseconds per call: `warmup` calls, then calls until `budgetMs` or `maxRuns` (at least `minRuns`). */
export function timeCalls(
  call: () => unknown,
  { budgetMs = 2000, maxRuns = 1000, warmup = 5, minRuns = 5 } = {},
): Timing {
  for (let i = 0; i < warmup; i += 1) call();
  const samples: number[] = [];
  const started = performance.now();
  while (
    samples.length < minRuns ||
    (performance.now() - started < budgetMs && samples.length < maxRuns)
  ) {
    const t0 = performance.now();
    call();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[samples.length >> 1] ?? NaN, runs: samples.length };
}

/** One operation as the Python script timed it. */
export interface NumpyTiming extends Timing {
  readonly result: unknown;
}

/** The Python script's answer. */
export interface NumpyTimings {
  readonly numpy: string;
  readonly scipy: string;
  readonly python: string;
  readonly ops: Record<string, NumpyTiming | undefined>;
}

/** Runs the numpy/scipy timing script on `request` ({ ops, budgetSec, …inputs }); null when python3 or its packages are missing. */
export function numpyTimings(request: Record<string, unknown>): NumpyTimings | null {
  const result = spawnSync('python3', ['scripts/signals-reference/signals_timing.py'], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.log(
      `  (numpy/scipy timing unavailable: ${(result.stderr || String(result.error)).trim().split('\n').pop() ?? ''})`,
    );
    return null;
  }
  return JSON.parse(result.stdout) as NumpyTimings;
}

/** Prints one "ours vs numpy" line. */
export function printRatio(label: string, ours: Timing, numpy: NumpyTiming | undefined): void {
  if (!numpy) {
    console.log(`  ${label}: ours ${ours.medianMs.toFixed(3)} ms; numpy/scipy not measured`);
    return;
  }
  const ratio = numpy.medianMs / ours.medianMs;
  console.log(
    `  ${label}: ours ${ours.medianMs.toFixed(3)} ms (${ours.runs} runs), numpy/scipy ${numpy.medianMs.toFixed(3)} ms ` +
      `(${numpy.runs} runs) — ours is ${ratio >= 1 ? `${ratio.toFixed(1)}× faster` : `${(1 / ratio).toFixed(1)}× slower`}`,
  );
}
