/**
 * Cost of one 5-minute HRV (time + frequency domain + coherence; target ≤ 2 ms), agreement
 * with the numpy/scipy reference in scripts/signals-reference/hrv-reference.json (made by
 * hrv_reference.py from the same closed-form RR series), and the speed ratio against that
 * reference: scripts/signals-reference/signals_timing.py times hrv_reference.py's functions on
 * the same RR series inside Python (start-up and imports excluded). Prints; never fails on time.
 * Usage: npx tsx bench/signals-hrv.bench.ts
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { hrvCoherence } from '../src/core/signals/hrv-coherence.ts';
import { hrvFrequencyDomain } from '../src/core/signals/hrv-frequency.ts';
import { hrvTimeDomain } from '../src/core/signals/hrv-time.ts';
import { rrRest } from '../src/core/signals/hrv.test-support.ts';
import { numpyTimings, printRatio } from './signals-reference-timing.ts';

const TARGET_MS = 2;

interface Reference {
  rest: {
    time: Record<string, number>;
    frequency: Record<string, number>;
    coherence: Record<string, number>;
  };
}

const reference = JSON.parse(
  readFileSync(new URL('../scripts/signals-reference/hrv-reference.json', import.meta.url), 'utf8'),
) as Reference;
const rr = Float64Array.from(rrRest());

function hrvOnce(): [
  ReturnType<typeof hrvTimeDomain>,
  ReturnType<typeof hrvFrequencyDomain>,
  ReturnType<typeof hrvCoherence>,
] {
  return [hrvTimeDomain(rr), hrvFrequencyDomain(rr), hrvCoherence(rr)];
}

for (let warm = 0; warm < 200; warm += 1) hrvOnce();
const runs = 1000;
const timings: number[] = [];
for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  hrvOnce();
  timings.push(performance.now() - start);
}
timings.sort((a, b) => a - b);
const median = timings[runs >> 1]!;
const p95 = timings[Math.floor(runs * 0.95)]!;

const [time, frequency, coherence] = hrvOnce();
let maxRelative = 0;
let worst = '';
const compare = (group: string, actual: object | null, expected: Record<string, number>): void => {
  for (const [key, want] of Object.entries(expected)) {
    if (key === 'resampledLength') continue;
    const got = (actual as Record<string, number | null> | null)?.[key];
    const relative =
      typeof got === 'number'
        ? Math.abs(got - want) / Math.max(Math.abs(want), 1e-300)
        : Number.POSITIVE_INFINITY;
    if (relative >= maxRelative) {
      maxRelative = relative;
      worst = `${group}.${key}`;
    }
  }
};
compare('time', time, reference.rest.time);
compare('frequency', frequency, reference.rest.frequency);
compare('coherence', coherence, reference.rest.coherence);

console.log(`5-minute HRV (${rr.length} beats; time + frequency + coherence), ${runs} runs:`);
console.log(
  `  median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (target ≤ ${TARGET_MS} ms: ${median <= TARGET_MS ? 'met' : 'NOT met'})`,
);
console.log(
  `  agreement with numpy/scipy: max relative error ${maxRelative.toExponential(2)} (${worst})`,
);

const numpy = numpyTimings({ ops: ['hrv-5min'], budgetSec: 2, hrv: { rrMs: Array.from(rr) } });
if (numpy) {
  console.log(`speed against numpy/scipy (python ${numpy.python}, numpy ${numpy.numpy}, scipy ${numpy.scipy}; same RR series):`);
  printRatio('5-minute HRV, time + frequency + coherence', { medianMs: median, runs }, numpy.ops['hrv-5min']);
}
