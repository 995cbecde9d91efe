/**
 * Phase-randomised surrogates: a series with the same amplitude spectrum (so the same
 * autocorrelation) and new, random Fourier phases. Source: Theiler, Eubank, Longtin, Galdrikian
 * & Farmer (1992), "Testing for nonlinearity in time series: the method of surrogate data",
 * Physica D 58 — the FT surrogate. Why here: to test whether two heart rates move together more
 * than chance, each surrogate of b must be as smooth as b but unrelated to a; circular shifts of
 * a short, smooth series are few and nearly alike, so their spread underestimates chance (see
 * synchrony.ts), while FT surrogates are independent draws.
 * The DFT is of the series' own length n (any n) through Bluestein's chirp-z algorithm (Bluestein
 * 1970) over fft.js, as numpy.fft.fft does for lengths that are not powers of two; fft.js is
 * used directly (not through fft.ts) so the per-length buffers are made once and reused. Randomness
 * comes from a seeded mulberry32 generator: the core draws no randomness of its own, and the
 * same input always gets the same surrogates.
 */
import FFT from 'fft.js';
import { fftSizeAtLeast } from './fft.ts';
import type { ComplexArray } from './fft.ts';

/** The seed of the surrogates' phases: fixed, so results are reproducible. */
export const PHASE_SURROGATE_SEED = 0x5eed_2002;

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What Bluestein's algorithm needs for one length n, computed once and kept. */
interface BluesteinPlan {
  readonly n: number;
  readonly transform: FFT;
  /** Chirp w_m = exp(−iπm²/n), m = 0…n−1. */
  readonly chirpRe: Float64Array;
  readonly chirpIm: Float64Array;
  /** FFT of conj(w) placed at ±m (circularly), interleaved re/im. */
  readonly kernelSpectrum: number[];
  readonly input: number[];
  readonly spectrum: number[];
  readonly output: number[];
}

const plans = new Map<number, BluesteinPlan>();

function planFor(n: number): BluesteinPlan {
  const cached = plans.get(n);
  if (cached) return cached;
  const size = fftSizeAtLeast(2 * n - 1);
  const transform = new FFT(size);
  const chirpRe = new Float64Array(n);
  const chirpIm = new Float64Array(n);
  const kernel = new Array<number>(2 * size).fill(0);
  for (let m = 0; m < n; m += 1) {
    // m² mod 2n keeps the angle small, so w stays accurate for long series.
    const angle = (Math.PI * ((m * m) % (2 * n))) / n;
    chirpRe[m] = Math.cos(angle);
    chirpIm[m] = -Math.sin(angle);
    for (const at of m === 0 ? [0] : [m, size - m]) {
      kernel[2 * at] = Math.cos(angle);
      kernel[2 * at + 1] = Math.sin(angle);
    }
  }
  const kernelSpectrum = transform.createComplexArray() as number[];
  transform.transform(kernelSpectrum, kernel);
  const plan: BluesteinPlan = {
    n,
    transform,
    chirpRe,
    chirpIm,
    kernelSpectrum,
    input: new Array<number>(2 * size).fill(0),
    spectrum: transform.createComplexArray() as number[],
    output: transform.createComplexArray() as number[],
  };
  plans.set(n, plan);
  return plan;
}

/** Forward DFT of any length, like numpy.fft.fft: X_k = Σ x_j·exp(−2πi·jk/n). */
export function dftAnyLength(
  re: ArrayLike<number>,
  im: ArrayLike<number> | null = null,
): ComplexArray {
  const n = re.length;
  if (n === 0) return { re: new Float64Array(0), im: new Float64Array(0) };
  const plan = planFor(n);
  const { chirpRe, chirpIm, input, spectrum, output, kernelSpectrum } = plan;
  // jk = (j² + k² − (k − j)²)/2, so X_k = w_k · Σ_j (x_j·w_j)·conj(w_(k−j)): a convolution.
  input.fill(0);
  for (let j = 0; j < n; j += 1) {
    const xr = re[j] ?? 0;
    const xi = im?.[j] ?? 0;
    const wr = chirpRe[j] ?? 0;
    const wi = chirpIm[j] ?? 0;
    input[2 * j] = xr * wr - xi * wi;
    input[2 * j + 1] = xr * wi + xi * wr;
  }
  plan.transform.transform(spectrum, input);
  for (let k = 0; k < spectrum.length; k += 2) {
    const ar = spectrum[k] ?? 0,
      ai = spectrum[k + 1] ?? 0;
    const br = kernelSpectrum[k] ?? 0,
      bi = kernelSpectrum[k + 1] ?? 0;
    input[k] = ar * br - ai * bi;
    input[k + 1] = ar * bi + ai * br;
  }
  plan.transform.inverseTransform(output, input);
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    const cr = output[2 * k] ?? 0,
      ci = output[2 * k + 1] ?? 0;
    const wr = chirpRe[k] ?? 0,
      wi = chirpIm[k] ?? 0;
    outRe[k] = cr * wr - ci * wi;
    outIm[k] = cr * wi + ci * wr;
  }
  return { re: outRe, im: outIm };
}

/** Inverse DFT of any length (divided by n), like numpy.fft.ifft, via conj(DFT(conj(X)))/n. */
export function inverseDftAnyLength(spectrum: ComplexArray): ComplexArray {
  const n = spectrum.re.length;
  const forward = dftAnyLength(
    spectrum.re,
    spectrum.im.map((v) => -v),
  );
  return { re: forward.re.map((v) => v / n), im: forward.im.map((v) => -v / n) };
}

/** NaN gaps bridged linearly (held flat before the first and after the last finite value), so the spectrum can be taken. */
function bridgeGaps(series: Float64Array): Float64Array {
  const out = Float64Array.from(series);
  let last = -1;
  for (let i = 0; i <= out.length; i += 1) {
    if (i < out.length && Number.isNaN(out[i])) continue;
    const left = last >= 0 ? (out[last] ?? 0) : (out[i] ?? 0);
    const right = i < out.length ? (out[i] ?? 0) : left;
    for (let j = last + 1; j < i; j += 1)
      out[j] = left + ((right - left) * (j - last)) / (i - last);
    last = i;
  }
  return out;
}

/**
 * `count` FT surrogates of `series` (Theiler et al. 1992): same amplitude at every frequency,
 * phases uniform in [0, 2π) drawn from mulberry32(seed) — for each surrogate, bins 1…⌈n/2⌉−1 in
 * order — the mean and (for even n) the Nyquist bin kept. Gaps (NaN) are bridged linearly for
 * the spectrum and put back at the same places in every surrogate.
 */
export function phaseRandomizedSurrogates(
  series: Float64Array,
  count: number,
  seed: number = PHASE_SURROGATE_SEED,
): Float64Array[] {
  const n = series.length;
  if (n < 3 || count < 1) return [];
  const spectrum = dftAnyLength(bridgeGaps(series));
  const amplitude = spectrum.re.map((re, k) => Math.hypot(re, spectrum.im[k] ?? 0));
  const random = mulberry32(seed);
  const positive = Math.ceil(n / 2) - 1; // bins with a distinct mirror image
  const surrogates: Float64Array[] = [];
  for (let s = 0; s < count; s += 1) {
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    re[0] = spectrum.re[0] ?? 0;
    if (n % 2 === 0) re[n / 2] = spectrum.re[n / 2] ?? 0;
    for (let k = 1; k <= positive; k += 1) {
      const phase = 2 * Math.PI * random();
      const magnitude = amplitude[k] ?? 0;
      re[k] = magnitude * Math.cos(phase);
      im[k] = magnitude * Math.sin(phase);
      re[n - k] = re[k] ?? 0;
      im[n - k] = -(im[k] ?? 0);
    }
    const surrogate = inverseDftAnyLength({ re, im }).re;
    for (let i = 0; i < n; i += 1) if (Number.isNaN(series[i])) surrogate[i] = NaN;
    surrogates.push(surrogate);
  }
  return surrogates;
}
