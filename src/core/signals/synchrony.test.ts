import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { butterworthBandstop, pacerBandStopSections, removePacerBand } from './pacer-band-stop.ts';
import { circularShifts, synchronyAnalysis, synchronyScore, synchronyTrend } from './synchrony.ts';
import type { SurrogateMethod, SynchronyOptions } from './synchrony.ts';
import { mulberry32, phaseRandomizedSurrogates } from './phase-surrogates.ts';

// Every expected number below comes from scripts/signals-reference/synchrony_reference.py
// (numpy/scipy, written from the conventions in synchrony.ts's header), via its JSON output.
interface Expected {
  meanPeakR: number;
  peakR: number[];
  peakLagSec: number[];
  shifts: number[];
  null: number[];
  q95: number;
  score: number;
  pValue: number;
  lagSec: number;
}
interface Case {
  name: string;
  a: (number | null)[];
  b: (number | null)[];
  pseudoPartners?: (number | null)[][];
  runs: {
    options: { pacerHz?: number; surrogateCount?: number; surrogateMethod?: SurrogateMethod };
    expected: Expected | null;
  }[];
}
interface Reference {
  bandStop: { order: number; lo: number; hi: number; fs: number; sos: number[] }[];
  pacerSections: { pacerHz: number; sos: number[] }[];
  pacerRemoval: { pacerHz: number; input: (number | null)[]; output: (number | null)[] };
  cases: Case[];
  phaseSurrogates: {
    seed: number;
    input: (number | null)[];
    surrogates: (number | null)[][];
    firstDraws: number[];
  };
}

const reference = JSON.parse(
  readFileSync(
    new URL('../../../scripts/signals-reference/synchrony-reference.json', import.meta.url),
    'utf8',
  ),
) as Reference;
const series = (values: (number | null)[]): Float64Array =>
  Float64Array.from(values, (v) => v ?? NaN);
const caseNamed = (name: string): Case => {
  const found = reference.cases.find((c) => c.name === name);
  assert.ok(found, name);
  return found;
};
const FS = 4;

function close(actual: number, expected: number, tolerance: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} vs ${expected}`);
}

test('band-stop sections equal scipy.signal.butter(..., btype="bandstop", output="sos")', () => {
  for (const design of reference.bandStop) {
    const sos = butterworthBandstop(design.order, design.lo, design.hi, design.fs);
    assert.equal(sos.length, design.sos.length);
    design.sos.forEach((v, i) => {
      close(sos[i] ?? NaN, v, 1e-12, `${design.lo}-${design.hi}@${design.fs}[${i}]`);
    });
  }
  for (const { pacerHz, sos: expected } of reference.pacerSections) {
    const sos = pacerBandStopSections(pacerHz, FS);
    assert.equal(
      sos.length,
      expected.length,
      `pacer ${pacerHz}: harmonic included only below Nyquist`,
    );
    expected.forEach((v, i) => {
      close(sos[i] ?? NaN, v, 1e-12, `pacer ${pacerHz}[${i}]`);
    });
  }
});

test('pacer removal equals scipy.signal.sosfiltfilt run by run, gaps kept', () => {
  const { pacerHz, input, output } = reference.pacerRemoval;
  const y = removePacerBand(series(input), FS, pacerHz);
  output.forEach((v, i) => {
    if (v === null) assert.ok(Number.isNaN(y[i]), `[${i}] should be a gap`);
    else close(y[i] ?? NaN, v, 1e-9, `[${i}]`);
  });
});

test('phase-randomised surrogates equal numpy.fft with the same mulberry32 phases, gaps put back', () => {
  const { seed, input, surrogates, firstDraws } = reference.phaseSurrogates;
  assert.deepEqual([mulberry32(seed)()], firstDraws);
  const actual = phaseRandomizedSurrogates(series(input), surrogates.length, seed);
  surrogates.forEach((expected, s) => {
    expected.forEach((v, i) => {
      if (v === null)
        assert.ok(Number.isNaN(actual[s]?.[i]), `surrogate ${s}[${i}] should be a gap`);
      else close(actual[s]?.[i] ?? NaN, v, 1e-9, `surrogate ${s}[${i}]`);
    });
  });
});

test('band-stop design refuses impossible bands and pacers', () => {
  assert.throws(() => butterworthBandstop(2, 0.2, 0.1, 4), RangeError);
  assert.throws(() => butterworthBandstop(2, 0.1, 2.5, 4), RangeError);
  assert.throws(() => pacerBandStopSections(0, 4), RangeError);
  assert.throws(() => pacerBandStopSections(1.99, 4), RangeError);
});

test('every figure equals the numpy reference: windows, shifts, null, q95, score, p, lag', () => {
  for (const c of reference.cases) {
    const a = series(c.a);
    const b = series(c.b);
    for (const run of c.runs) {
      const label = `${c.name} ${JSON.stringify(run.options)}`;
      const options: SynchronyOptions = {
        sampleRateHz: FS,
        ...run.options,
        ...(c.pseudoPartners ? { pseudoPartners: c.pseudoPartners.map(series) } : {}),
      };
      const actual = synchronyAnalysis(a, b, options);
      const expected = run.expected;
      if (expected === null) {
        assert.equal(actual, null, label);
        continue;
      }
      assert.ok(actual, label);
      if (run.options.surrogateMethod !== 'phase-randomized')
        assert.deepEqual(
          Array.from(circularShifts(a.length, 140, run.options.surrogateCount ?? 99)),
          expected.shifts,
          label,
        );
      assert.deepEqual(Array.from(actual.windowPeakLagSec), expected.peakLagSec, `${label} lags`);
      expected.peakR.forEach((r, i) => {
        close(actual.windowPeakR[i] ?? NaN, r, 1e-9, `${label} window ${i}`);
      });
      assert.equal(actual.nullMeanPeakR.length, expected.null.length, `${label} null size`);
      expected.null.forEach((r, i) => {
        close(actual.nullMeanPeakR[i] ?? NaN, r, 1e-9, `${label} null ${i}`);
      });
      close(actual.meanPeakR, expected.meanPeakR, 1e-9, `${label} r̄`);
      close(actual.q95, expected.q95, 1e-9, `${label} q95`);
      close(actual.score, expected.score, 1e-8, `${label} score`);
      assert.equal(actual.pValue, expected.pValue, `${label} p`);
      assert.equal(actual.lagSec, expected.lagSec, `${label} lag`);
      const score = synchronyScore(a, b, options);
      assert.deepEqual(score, {
        score: actual.score,
        meanPeakR: actual.meanPeakR,
        lagSec: actual.lagSec,
        pValue: actual.pValue,
      });
    }
  }
});

test('independent heart rates score low with a high p-value', () => {
  const c = caseNamed('independent');
  const result = synchronyScore(series(c.a), series(c.b), { sampleRateHz: FS });
  assert.ok(result);
  assert.ok(result.score < 0.1, String(result.score));
  assert.ok(result.pValue > 0.1, String(result.pValue));
});

test('b following a by 2 s scores high, p at its floor, lag +2 s (and −2 s when swapped)', () => {
  const c = caseNamed('delayed-2s');
  const forward = synchronyScore(series(c.a), series(c.b), { sampleRateHz: FS });
  const backward = synchronyScore(series(c.b), series(c.a), { sampleRateHz: FS });
  assert.ok(forward && backward);
  assert.ok(forward.score > 0.8, String(forward.score));
  assert.equal(forward.pValue, 0.01);
  assert.equal(forward.lagSec, 2);
  assert.equal(backward.lagSec, -2);
  close(backward.meanPeakR, forward.meanPeakR, 1e-12, 'swapping keeps r̄');
});

test('a shared pacer that starts partway or changes rate scores high unless pacerHz removes it', () => {
  for (const name of ['pacer-partway', 'pacer-ramp']) {
    const c = caseNamed(name);
    const a = series(c.a);
    const b = series(c.b);
    const unpaced = synchronyScore(a, b, { sampleRateHz: FS });
    const paced = synchronyScore(a, b, { sampleRateHz: FS, pacerHz: 0.1 });
    assert.ok(unpaced && paced, name);
    assert.ok(
      unpaced.score > 0.5 && unpaced.pValue <= 0.05,
      `${name} unpaced ${JSON.stringify(unpaced)}`,
    );
    assert.ok(paced.score < 0.1 && paced.pValue > 0.1, `${name} paced ${JSON.stringify(paced)}`);
  }
});

test('a steady shared pacer alone does not pass the surrogate test even unremoved', () => {
  // The ±5 s lag search realigns every shift of a 10 s rhythm, so the null holds it too.
  const c = caseNamed('pacer-steady');
  const unpaced = synchronyScore(series(c.a), series(c.b), { sampleRateHz: FS });
  assert.ok(unpaced);
  assert.ok(unpaced.meanPeakR > 0.9 && unpaced.score < 0.1, JSON.stringify(unpaced));
});

test('gaps skip their windows, and real coupling still shows through them', () => {
  const c = caseNamed('delayed-with-gaps');
  const result = synchronyAnalysis(series(c.a), series(c.b), { sampleRateHz: FS });
  assert.ok(result);
  assert.ok(result.windowPeakR.length < 18 && result.windowPeakR.length >= 2);
  assert.ok(result.score > 0.5 && result.lagSec === 2, JSON.stringify(result.score));
});

test('phase-randomised surrogates score a single minute the circular shifts cannot', () => {
  const c = caseNamed('one-minute-odd-length');
  const a = series(c.a);
  const b = series(c.b);
  assert.equal(synchronyScore(a, b, { sampleRateHz: FS }), null);
  const result = synchronyScore(a, b, { sampleRateHz: FS, surrogateMethod: 'phase-randomized' });
  assert.ok(result && result.score > 0.5 && result.lagSec === 2, JSON.stringify(result));
});

test('null for too short, flat, gap-ridden or empty input', () => {
  const c = caseNamed('delayed-2s');
  const a = series(c.a);
  const b = series(c.b);
  assert.equal(synchronyScore(a.subarray(0, 159), b.subarray(0, 159), { sampleRateHz: FS }), null);
  // Two windows fit at 160 samples, but 19 surrogates need 298.
  assert.equal(synchronyScore(a.subarray(0, 297), b.subarray(0, 297), { sampleRateHz: FS }), null);
  assert.ok(synchronyScore(a.subarray(0, 298), b.subarray(0, 298), { sampleRateHz: FS }));
  assert.equal(synchronyScore(new Float64Array(480).fill(70), b, { sampleRateHz: FS }), null);
  assert.equal(
    synchronyScore(a, new Float64Array(480).fill(65), { sampleRateHz: FS, pacerHz: 0.1 }),
    null,
  );
  const holey = a.slice();
  for (let i = 100; i < holey.length; i += 100) holey[i] = NaN;
  assert.equal(synchronyScore(holey, b, { sampleRateHz: FS }), null);
  assert.equal(synchronyScore([], [], { sampleRateHz: FS }), null);
});

test('pseudo-partners join the null; enough of them score a short pair the shifts alone cannot', () => {
  const c = caseNamed('delayed-2s');
  const a = series(c.a).subarray(0, 240);
  const b = series(c.b).subarray(0, 240);
  assert.equal(synchronyScore(a, b, { sampleRateHz: FS }), null);
  // Other people's 1-minute stretches: the first and second minute of every gap-free series.
  const partners = reference.cases
    .filter((x) => x.name !== 'delayed-2s' && !x.name.includes('gaps'))
    .flatMap((x) => [series(x.a), series(x.b), ...(x.pseudoPartners ?? []).map(series)])
    .flatMap((x) => [x.subarray(0, 240), x.subarray(240, 480)])
    .slice(0, 19);
  const result = synchronyAnalysis(a, b, { sampleRateHz: FS, pseudoPartners: partners });
  assert.ok(result);
  assert.equal(result.nullMeanPeakR.length, 19);
  assert.equal(result.pValue, 0.05);
});

test('the trend scores 2-minute segments every 30 s, stamped at their ends', () => {
  const c = caseNamed('delayed-2s');
  const a = series(c.a);
  const b = series(c.b);
  const joined = (x: Float64Array): Float64Array => {
    const out = new Float64Array(2 * x.length);
    out.set(x);
    out.set(x, x.length);
    return out;
  };
  const trend = synchronyTrend(joined(a), joined(b), { sampleRateHz: FS });
  assert.deepEqual(
    trend.map((p) => p.atSec),
    [120, 150, 180, 210, 240],
  );
  const first = synchronyScore(a, b, { sampleRateHz: FS });
  assert.equal(trend[0]?.score, first?.score);
  assert.equal(trend[0]?.meanPeakR, first?.meanPeakR);
  for (const point of trend) assert.ok(point.score !== null && point.score > 0.5);
  assert.deepEqual(
    synchronyTrend(a.subarray(0, 400), b.subarray(0, 400), { sampleRateHz: FS }),
    [],
  );
  const flatTail = joined(a);
  flatTail.fill(70, 480);
  const mixed = synchronyTrend(flatTail, joined(b), {
    sampleRateHz: FS,
    segmentSec: 120,
    stepSec: 60,
  });
  assert.deepEqual(
    mixed.map((p) => p.score === null),
    [false, false, true],
  );
});
