/**
 * Cost and agreement of the camera-pulse and synchrony signal code. Prints; never fails on time.
 * - Per camera frame: POS (and CHROM) over a sliding 10 s window at 30 fps, both as the cost of one
 *   estimate (if recomputed every frame) and amortised per frame when recomputed once a second.
 *   Target ≤ 1 ms per frame. The per-frame mean-colour extraction in the worker is not included.
 * - Per synchrony update: windowed cross-correlation of two 4 Hz heart-rate series over 2 min
 *   (30 s windows, 5 s step, ±5 s lag) and a breathing PLV over 2 min at 10 Hz.
 * - Agreement: reruns scripts/signals-reference/pulse_sync_*.py (numpy/scipy) when python3 is
 *   there and prints the largest differences; and bpm error of POS/CHROM on synthetic traces.
 * - Speed against numpy: scripts/signals-reference/signals_timing.py runs a vectorised numpy POS
 *   (same conventions) on the same 10 s trace inside Python (start-up and imports excluded);
 *   its bpm and SNR are compared with ours too. Synchrony's own bench: signals-synchrony.bench.ts.
 * Usage: npx tsx bench/signals-pulse-sync.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { butterworthBandpass, sosFiltFilt } from '../src/core/signals/butterworth.ts';
import { windowedCrossCorrelation } from '../src/core/signals/cross-correlation.ts';
import { analyticSignal } from '../src/core/signals/hilbert.ts';
import { phaseLockingValue } from '../src/core/signals/phase-locking.ts';
import { pulseFromRgb } from '../src/core/signals/pulse-rgb.ts';
import type { RgbTrace } from '../src/core/signals/pulse-rgb.ts';
import { seededRandom, syntheticRgb } from '../src/core/signals/pulse-sync.test-support.ts';
import { numpyTimings, printRatio, timeCalls } from './signals-reference-timing.ts';

const FRAME_TARGET_MS = 1;

/** Median milliseconds per call over `runs` calls after `warmup` calls. */
function timeMs(run: () => void, runs: number, warmup = 20): number {
  for (let i = 0; i < warmup; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? NaN;
}

function slice(trace: RgbTrace, from: number, to: number): RgbTrace {
  const cut = (x: ArrayLike<number>): Float64Array => Float64Array.prototype.slice.call(Float64Array.from(x), from, to);
  return { r: cut(trace.r), g: cut(trace.g), b: cut(trace.b) };
}

function benchFrames(): void {
  const fps = 30;
  const window = 10 * fps;
  const trace = syntheticRgb({ bpm: 72, fps, seconds: 40, noise: 0.002, seed: 11 });
  console.log('camera pulse, sliding 10 s window at 30 fps (300 frames):');
  for (const method of ['pos', 'chrom'] as const) {
    let offset = 0;
    const perEstimate = timeMs(() => {
      const windowTrace = slice(trace, offset, offset + window);
      pulseFromRgb(windowTrace, fps, method);
      offset = (offset + 1) % (trace.r.length - window);
    }, 300);
    const verdict = perEstimate / fps <= FRAME_TARGET_MS ? 'within' : 'OVER';
    console.log(
      `  ${method.padEnd(5)} ${perEstimate.toFixed(3)} ms per estimate (if run every frame); ` +
        `${(perEstimate / fps).toFixed(4)} ms per frame amortised at one estimate per second — ${verdict} the ${FRAME_TARGET_MS} ms target`,
    );
  }
}

function benchSynchrony(): void {
  const random = seededRandom(5);
  const hrA = Float64Array.from({ length: 480 }, (_, i) => 70 + 5 * Math.sin(i / 12) + random());
  const hrB = Float64Array.from({ length: 480 }, (_, i) => 65 + 4 * Math.sin((i - 8) / 12) + random());
  const wcc = timeMs(() => windowedCrossCorrelation(hrA, hrB, { sampleRateHz: 4, windowSec: 30, stepSec: 5, maxLagSec: 5 }), 100);
  const breathA = Float64Array.from({ length: 1200 }, (_, i) => Math.sin((2 * Math.PI * 0.2 * i) / 10) + 0.3 * (random() - 0.5));
  const breathB = Float64Array.from({ length: 1200 }, (_, i) => Math.sin((2 * Math.PI * 0.2 * i) / 10 - 0.6) + 0.3 * (random() - 0.5));
  const plv = timeMs(() => phaseLockingValue(breathA, breathB, { sampleRateHz: 10, bandHz: [0.1, 0.5] }), 100);
  console.log('synchrony update (2 min):');
  console.log(`  windowed cross-correlation, 4 Hz, 30 s windows, 5 s step, ±5 s lag: ${wcc.toFixed(3)} ms`);
  console.log(`  phase-locking value, 10 Hz, 0.1–0.5 Hz band: ${plv.toFixed(3)} ms`);
}

function runReference(script: string): unknown {
  const result = spawnSync('python3', [`scripts/signals-reference/${script}`], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  return JSON.parse(result.stdout) as unknown;
}

interface FiltersReference {
  designs: { order: number; lo: number; hi: number; fs: number; sos: number[] }[];
  filtfilt: { order: number; lo: number; hi: number; fs: number; n: number; indices: number[]; values: number[] }[];
  hilbert: { n: number; indices: number[]; re: number[]; im: number[] }[];
}

function benchAgreement(): void {
  console.log('agreement with the numpy/scipy reference scripts:');
  const filters = runReference('pulse_sync_filters.py') as FiltersReference | null;
  if (!filters) {
    console.log('  python3 with numpy/scipy not available: skipped');
  } else {
    let sosDiff = 0;
    for (const d of filters.designs) {
      const sos = butterworthBandpass(d.order, d.lo, d.hi, d.fs);
      d.sos.forEach((v, i) => (sosDiff = Math.max(sosDiff, Math.abs((sos[i] ?? NaN) - v))));
    }
    let filtDiff = 0;
    for (const c of filters.filtfilt) {
      const x = Float64Array.from({ length: c.n }, (_, k) => {
        const t = k / c.fs;
        return Math.sin(2 * Math.PI * 1.2 * t) + 0.5 * Math.sin(2 * Math.PI * 0.1 * t) + 0.3 * Math.sin(2 * Math.PI * 7 * t) + 0.01 * k;
      });
      const y = sosFiltFilt(butterworthBandpass(c.order, c.lo, c.hi, c.fs), x);
      c.indices.forEach((k, i) => (filtDiff = Math.max(filtDiff, Math.abs((y[k] ?? NaN) - (c.values[i] ?? NaN)))));
    }
    let hilbertDiff = 0;
    for (const c of filters.hilbert) {
      const z = analyticSignal(Float64Array.from({ length: c.n }, (_, k) => Math.sin(0.3 * k) + 0.5 * Math.cos(0.11 * k + 0.4) + 0.05 * k));
      c.indices.forEach((k, i) => {
        hilbertDiff = Math.max(hilbertDiff, Math.abs((z.re[k] ?? NaN) - (c.re[i] ?? NaN)), Math.abs((z.im[k] ?? NaN) - (c.im[i] ?? NaN)));
      });
    }
    console.log(`  butter SOS coefficients (${filters.designs.length} designs): max |Δ| ${sosDiff.toExponential(2)}`);
    console.log(`  sosfiltfilt outputs, edges included: max |Δ| ${filtDiff.toExponential(2)}`);
    console.log(`  hilbert (n = 16, 21, 100): max |Δ| ${hilbertDiff.toExponential(2)}`);
  }
  let posWorst = 0;
  let chromWorst = 0;
  let cases = 0;
  for (let bpm = 60; bpm <= 150; bpm += 7) {
    for (const fps of [30, 15]) {
      const trace = syntheticRgb({ bpm, fps, seconds: 20, noise: 0.002, seed: bpm + fps });
      posWorst = Math.max(posWorst, Math.abs((pulseFromRgb(trace, fps, 'pos')?.bpm ?? Infinity) - bpm));
      chromWorst = Math.max(chromWorst, Math.abs((pulseFromRgb(trace, fps, 'chrom')?.bpm ?? Infinity) - bpm));
      cases += 1;
    }
  }
  console.log(`  synthetic pulse 60–145 bpm, 20 s, 15 and 30 fps (${cases} traces): worst |Δbpm| POS ${posWorst.toFixed(2)}, CHROM ${chromWorst.toFixed(2)}`);
}

function benchAgainstNumpy(): void {
  const fps = 30;
  const trace = slice(syntheticRgb({ bpm: 72, fps, seconds: 40, noise: 0.002, seed: 11 }), 0, 10 * fps);
  const ours = timeCalls(() => pulseFromRgb(trace, fps, 'pos'));
  const estimate = pulseFromRgb(trace, fps, 'pos');
  const numpy = numpyTimings({
    ops: ['pulse-pos'],
    budgetSec: 2,
    pulse: { r: Array.from(trace.r), g: Array.from(trace.g), b: Array.from(trace.b), fps },
  });
  if (!numpy) return;
  console.log(`speed against numpy (python ${numpy.python}, numpy ${numpy.numpy}; same 10 s trace at 30 fps):`);
  printRatio('POS pulse estimate', ours, numpy.ops['pulse-pos']);
  const theirs = numpy.ops['pulse-pos']?.result as { bpm: number; snrDb: number } | undefined;
  if (estimate && theirs) {
    console.log(
      `  same answer: ${estimate.bpm.toFixed(4)} bpm / ${estimate.snrDb.toFixed(6)} dB (ours) vs ` +
        `${theirs.bpm.toFixed(4)} bpm / ${theirs.snrDb.toFixed(6)} dB (numpy); |Δ SNR| ${Math.abs(estimate.snrDb - theirs.snrDb).toExponential(2)} dB`,
    );
  }
}

function main(): void {
  benchFrames();
  benchSynchrony();
  benchAgreement();
  benchAgainstNumpy();
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) main();
