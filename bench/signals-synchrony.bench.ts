/**
 * Synchrony: cost per live update, cost of a session report's trend, agreement with the numpy
 * reference fixtures, and speed against numpy/scipy. Prints; never fails on time.
 * - Per update: synchronyScore on two 2-minute 4 Hz heart rates (480 samples each; 30 s windows,
 *   5 s step, ±5 s lag) with the default 99 surrogates — circular shifts (default), with the pacer
 *   band removed, and with phase-randomised surrogates. The live panel updates every 5 s.
 * - Report: synchronyTrend over a 30-minute session (2-minute segments every 30 s).
 * - Agreement: max |Δ| against scripts/signals-reference/{synchrony,rr-clean}-reference.json.
 * - Speed: scripts/signals-reference/signals_timing.py times synchrony_reference.synchrony() on
 *   the same two series inside Python (start-up and imports excluded).
 * Usage: npx tsx bench/signals-synchrony.bench.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { heartRateOnGrid } from '../src/core/signals/heart-rate-grid.ts';
import type { HeartRateGrid, HeartRatePoint } from '../src/core/signals/heart-rate-grid.ts';
import { butterworthBandstop, removePacerBand } from '../src/core/signals/pacer-band-stop.ts';
import { phaseRandomizedSurrogates } from '../src/core/signals/phase-surrogates.ts';
import { rrClean } from '../src/core/signals/rr-clean.ts';
import {
  synchronyAnalysis,
  synchronyScore,
  synchronyTrend,
} from '../src/core/signals/synchrony.ts';
import type { SurrogateMethod } from '../src/core/signals/synchrony.ts';
import { numpyTimings, printRatio, timeCalls } from './signals-reference-timing.ts';

const LIVE_UPDATE_EVERY_MS = 5000;

type Values = (number | null)[];
interface Expected {
  meanPeakR: number;
  peakR: number[];
  null: number[];
  q95: number;
  score: number;
  pValue: number;
  lagSec: number;
}
interface SynchronyReference {
  bandStop: { order: number; lo: number; hi: number; fs: number; sos: number[] }[];
  pacerRemoval: { pacerHz: number; input: Values; output: Values };
  phaseSurrogates: { seed: number; input: Values; surrogates: Values[] };
  heartRateGrid: { points: HeartRatePoint[]; grid: HeartRateGrid; values: Values };
  cases: {
    name: string;
    a: Values;
    b: Values;
    pseudoPartners?: Values[];
    runs: {
      options: { pacerHz?: number; surrogateCount?: number; surrogateMethod?: SurrogateMethod };
      expected: Expected | null;
    }[];
  }[];
}
interface RrCleanReference {
  cases: { name: string; rrMs: number[]; expected: { rrMs: number[]; corrected: number } }[];
}

const readJson = (name: string): unknown =>
  JSON.parse(
    readFileSync(new URL(`../scripts/signals-reference/${name}`, import.meta.url), 'utf8'),
  );
const series = (values: Values): Float64Array => Float64Array.from(values, (v) => v ?? NaN);

/** Largest |a − b| over paired values; NaN/null must pair with NaN/null or it counts as Infinity. */
function maxDiff(actual: ArrayLike<number>, expected: Values | readonly number[]): number {
  let worst = actual.length === expected.length ? 0 : Infinity;
  for (let i = 0; i < Math.min(actual.length, expected.length); i += 1) {
    const a = actual[i] ?? NaN;
    const e = expected[i] ?? null;
    if (e === null || Number.isNaN(e)) worst = Number.isNaN(a) ? worst : Infinity;
    else worst = Math.max(worst, Math.abs(a - e));
  }
  return worst;
}

function benchUpdates(
  a: Float64Array,
  b: Float64Array,
): Record<string, ReturnType<typeof timeCalls>> {
  console.log('synchrony update: two 2-minute 4 Hz heart rates (480 samples), 99 surrogates:');
  const variants = {
    'circular shifts (default)': { sampleRateHz: 4 },
    'circular shifts, pacer band removed': { sampleRateHz: 4, pacerHz: 0.1 },
    'phase-randomised surrogates': {
      sampleRateHz: 4,
      surrogateMethod: 'phase-randomized' as const,
    },
  };
  const timings: Record<string, ReturnType<typeof timeCalls>> = {};
  for (const [label, options] of Object.entries(variants)) {
    const timing = timeCalls(() => synchronyScore(a, b, options), { budgetMs: 2000, maxRuns: 300 });
    timings[label] = timing;
    const share = (100 * timing.medianMs) / LIVE_UPDATE_EVERY_MS;
    console.log(
      `  ${label}: ${timing.medianMs.toFixed(2)} ms per update (${timing.runs} runs; ${share.toFixed(2)} % of a 5 s update interval)`,
    );
  }
  const session = 30 * 60 * 4;
  const longA = Float64Array.from({ length: session }, (_, i) => a[i % a.length] ?? NaN);
  const longB = Float64Array.from({ length: session }, (_, i) => b[(i + 37) % b.length] ?? NaN);
  const trend = timeCalls(() => synchronyTrend(longA, longB, { sampleRateHz: 4 }), {
    budgetMs: 2000,
    warmup: 1,
    minRuns: 2,
  });
  console.log(
    `  report trend, 30-minute session (57 segments of 2 min): ${trend.medianMs.toFixed(0)} ms (${trend.runs} runs)`,
  );
  return timings;
}

function benchAgreement(reference: SynchronyReference): void {
  console.log(
    'agreement with the numpy/scipy reference fixtures (synchrony-reference.json, rr-clean-reference.json):',
  );
  let sos = 0;
  for (const d of reference.bandStop)
    sos = Math.max(sos, maxDiff(butterworthBandstop(d.order, d.lo, d.hi, d.fs), d.sos));
  const removal = maxDiff(
    removePacerBand(series(reference.pacerRemoval.input), 4, reference.pacerRemoval.pacerHz),
    reference.pacerRemoval.output,
  );
  const ps = reference.phaseSurrogates;
  const surrogates = phaseRandomizedSurrogates(series(ps.input), ps.surrogates.length, ps.seed);
  const phase = Math.max(
    ...ps.surrogates.map((s, i) => maxDiff(surrogates[i] ?? new Float64Array(0), s)),
  );
  const grid = maxDiff(
    heartRateOnGrid(reference.heartRateGrid.points, reference.heartRateGrid.grid),
    reference.heartRateGrid.values,
  );
  console.log(
    `  butter band-stop SOS (${reference.bandStop.length} designs): max |Δ| ${sos.toExponential(2)}`,
  );
  console.log(
    `  pacer band removal (sosfiltfilt per finite run): max |Δ| ${removal.toExponential(2)}`,
  );
  console.log(
    `  phase-randomised surrogates (numpy.fft, same phases): max |Δ| ${phase.toExponential(2)}`,
  );
  console.log(
    `  heart rate on a grid (numpy.interp with gaps): max |Δ| ${grid.toExponential(2)} bpm`,
  );
  let windows = 0;
  let nulls = 0;
  let stats = 0;
  let runs = 0;
  let exact = 0;
  for (const c of reference.cases) {
    for (const run of c.runs) {
      const expected = run.expected;
      const actual = synchronyAnalysis(series(c.a), series(c.b), {
        sampleRateHz: 4,
        ...run.options,
        ...(c.pseudoPartners ? { pseudoPartners: c.pseudoPartners.map(series) } : {}),
      });
      runs += 1;
      if (expected === null || actual === null) {
        if (expected === actual) exact += 1;
        continue;
      }
      windows = Math.max(windows, maxDiff(actual.windowPeakR, expected.peakR));
      nulls = Math.max(nulls, maxDiff(actual.nullMeanPeakR, expected.null));
      stats = Math.max(
        stats,
        ...(['meanPeakR', 'q95', 'score'] as const).map((k) => Math.abs(actual[k] - expected[k])),
      );
      if (actual.pValue === expected.pValue && actual.lagSec === expected.lagSec) exact += 1;
    }
  }
  console.log(
    `  synchrony (${runs} runs of ${reference.cases.length} cases): per-window peak r max |Δ| ${windows.toExponential(2)}, ` +
      `null r̄ max |Δ| ${nulls.toExponential(2)}, r̄/q95/score max |Δ| ${stats.toExponential(2)}, p and lag identical in ${exact}/${runs}`,
  );
  const rr = readJson('rr-clean-reference.json') as RrCleanReference;
  const differing: string[] = [];
  for (const c of rr.cases) {
    const out = rrClean(c.rrMs);
    const diff = maxDiff(out.rrMs, c.expected.rrMs);
    if (diff > 1e-9 || out.corrected !== c.expected.corrected)
      differing.push(
        `${c.name} (corrected ${out.corrected} vs ${c.expected.corrected}, max |Δ| ${diff.toFixed(1)} ms)`,
      );
  }
  console.log(
    `  rrClean (${rr.cases.length} RR series with artefacts): identical (|Δ| < 1e-9 ms) in ${rr.cases.length - differing.length}/${rr.cases.length}` +
      (differing.length > 0
        ? `; differs: ${differing.join(', ')} — see rr-clean.reference.test.ts`
        : ''),
  );
}

function main(): void {
  const reference = readJson('synchrony-reference.json') as SynchronyReference;
  const pair = reference.cases.find((c) => c.name === 'delayed-2s');
  if (!pair) throw new Error('fixture delayed-2s missing');
  const a = series(pair.a);
  const b = series(pair.b);
  const ours = benchUpdates(a, b);
  benchAgreement(reference);
  console.log('speed against numpy/scipy (same inputs, timed inside Python after imports):');
  const numpy = numpyTimings({
    ops: ['synchrony', 'synchrony-phase'],
    budgetSec: 2,
    synchrony: { a: pair.a, b: pair.b, sampleRateHz: 4 },
  });
  if (numpy) {
    console.log(`  (python ${numpy.python}, numpy ${numpy.numpy}, scipy ${numpy.scipy})`);
    const check = synchronyScore(a, b, { sampleRateHz: 4 });
    const theirs = numpy.ops.synchrony?.result as { score: number } | undefined;
    printRatio(
      'synchrony update, circular shifts',
      ours['circular shifts (default)']!,
      numpy.ops.synchrony,
    );
    printRatio(
      'synchrony update, phase-randomised',
      ours['phase-randomised surrogates']!,
      numpy.ops['synchrony-phase'],
    );
    console.log(
      `  same answer: score ${check?.score.toFixed(12) ?? 'null'} (ours) vs ${theirs?.score.toFixed(12) ?? 'null'} (numpy)`,
    );
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) main();
