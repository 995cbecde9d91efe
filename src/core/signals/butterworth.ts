/**
 * Butterworth band-pass design and zero-phase filtering, as second-order sections.
 * Source: the textbook analog-prototype route that scipy.signal.butter follows — Butterworth
 * poles on the left half of the unit circle, low-pass→band-pass transform, bilinear transform
 * with pre-warping — then scipy's `zpk2sos` 'nearest' pairing, so the sections equal
 * `scipy.signal.butter(N, [lo, hi], btype='band', fs=fs, output='sos')`. Zero-phase filtering
 * follows `scipy.signal.sosfiltfilt` (odd extension of 3·(2·sections+1) samples, initial state
 * from `sosfilt_zi` scaled by the first sample). Why in-house: STACK.md warns that a popular JS
 * "Butterworth band-pass" is not one, and second-order sections stay stable at the low
 * normalised cut-offs (0.05 Hz at 30 Hz) that a single transfer function would not survive.
 */

/** Second-order sections, row-major: [b0, b1, b2, a0, a1, a2] per section, a0 = 1. */
export type SosMatrix = Float64Array;

interface Complex {
  re: number;
  im: number;
}

const cx = (re: number, im = 0): Complex => ({ re, im });
const add = (a: Complex, b: Complex): Complex => cx(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex): Complex => cx(a.re - b.re, a.im - b.im);
const mul = (a: Complex, b: Complex): Complex => cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const div = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return cx((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const abs = (a: Complex): number => Math.hypot(a.re, a.im);
const csqrt = (a: Complex): Complex => {
  // Principal square root, as numpy's.
  const r = abs(a);
  const re = Math.sqrt((r + a.re) / 2);
  const im = Math.sqrt(Math.max(0, (r - a.re) / 2));
  return cx(re, a.im < 0 ? -im : im);
};

/** numpy's isreal after scipy's _cplxreal tolerance (100·eps·|z|). */
function isRealish(z: Complex): boolean {
  return Math.abs(z.im) <= 100 * Number.EPSILON * abs(z);
}

/** One of each conjugate pair (positive imaginary part) then the reals, like scipy's _cplxreal. */
function oneOfEachPair(values: readonly Complex[]): Complex[] {
  const reals = values.filter(isRealish).map((z) => cx(z.re)).sort((a, b) => a.re - b.re);
  const upper = values.filter((z) => !isRealish(z) && z.im > 0).sort((a, b) => a.re - b.re || a.im - b.im);
  return [...upper, ...reals];
}

function nearestIndex(from: readonly Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  let best = -1;
  let bestDistance = Infinity;
  from.forEach((z, index) => {
    const real = isRealish(z);
    if ((which === 'real' && !real) || (which === 'complex' && real)) return;
    const distance = abs(sub(z, to));
    if (distance < bestDistance) {
      bestDistance = distance;
      best = index;
    }
  });
  return best;
}

/** Coefficients of (x − r1)(x − r2) for a conjugate or real pair of roots. */
function quadratic(r1: Complex, r2: Complex): [number, number, number] {
  const sum = add(r1, r2);
  const product = mul(r1, r2);
  return [1, -sum.re, product.re];
}

/** Butterworth band-pass as second-order sections, equal to scipy.signal.butter(order, [lowHz, highHz], btype='band', fs=sampleRateHz, output='sos'). */
export function butterworthBandpass(order: number, lowHz: number, highHz: number, sampleRateHz: number): SosMatrix {
  if (!Number.isInteger(order) || order < 1) throw new RangeError('order must be a positive integer');
  const nyquist = sampleRateHz / 2;
  if (!(lowHz > 0 && lowHz < highHz && highHz < nyquist)) {
    throw new RangeError(`band must satisfy 0 < low < high < ${nyquist} Hz`);
  }
  // Pre-warped edges for the bilinear transform at an internal fs of 2 (scipy's convention).
  const fs = 2;
  const w1 = 2 * fs * Math.tan((Math.PI * (lowHz / nyquist)) / fs);
  const w2 = 2 * fs * Math.tan((Math.PI * (highHz / nyquist)) / fs);
  const bw = w2 - w1;
  const wo = Math.sqrt(w1 * w2);
  // Analog Butterworth low-pass prototype poles: −exp(iπm/2N), m = −N+1, −N+3, …, N−1.
  const prototype: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    prototype.push(cx(-Math.cos(angle), -Math.sin(angle)));
  }
  // Low-pass → band-pass: each pole p becomes p·bw/2 ± sqrt((p·bw/2)² − wo²); N zeros at s = 0.
  const woSquared = cx(wo * wo);
  const lowPassScaled = prototype.map((p) => mul(p, cx(bw / 2)));
  const analogPoles = [
    ...lowPassScaled.map((p) => add(p, csqrt(sub(mul(p, p), woSquared)))),
    ...lowPassScaled.map((p) => sub(p, csqrt(sub(mul(p, p), woSquared)))),
  ];
  const analogGain = bw ** order;
  // Bilinear transform: z = (2fs + s)/(2fs − s); the N zeros at s = 0 go to z = 1, N more at z = −1.
  const fs2 = cx(2 * fs);
  const digitalPoles = analogPoles.map((p) => div(add(fs2, p), sub(fs2, p)));
  let gainRatio = cx(1);
  for (let index = 0; index < order; index += 1) gainRatio = mul(gainRatio, fs2);
  for (const p of analogPoles) gainRatio = div(gainRatio, sub(fs2, p));
  const gain = analogGain * gainRatio.re;
  const zeros: Complex[] = [];
  for (let index = 0; index < order; index += 1) zeros.push(cx(1));
  for (let index = 0; index < order; index += 1) zeros.push(cx(-1));
  return pairIntoSections(zeros, digitalPoles, gain);
}

/** scipy.signal.zpk2sos with pairing='nearest', for equal numbers of zeros and poles (even). */
function pairIntoSections(allZeros: readonly Complex[], allPoles: readonly Complex[], gain: number): SosMatrix {
  const sectionCount = allPoles.length / 2;
  let zeros = oneOfEachPair(allZeros);
  let poles = oneOfEachPair(allPoles);
  const sections: number[][] = [];
  const take = (list: Complex[], index: number): [Complex, Complex[]] => [
    list[index] ?? cx(NaN),
    list.filter((_, i) => i !== index),
  ];
  for (let section = 0; section < sectionCount; section += 1) {
    // The pole nearest the unit circle goes first.
    let worst = 0;
    poles.forEach((p, index) => {
      if (Math.abs(1 - abs(p)) < Math.abs(1 - abs(poles[worst] ?? cx(NaN)))) worst = index;
    });
    let p1: Complex;
    [p1, poles] = take(poles, worst);
    const realPolesLeft = poles.filter(isRealish).length;
    let zeroPair: [Complex, Complex];
    let polePair: [Complex, Complex];
    if (isRealish(p1) && realPolesLeft === 0) {
      // Last remaining real pole: a first-order section (never happens for band-pass designs).
      let z1: Complex;
      [z1, zeros] = take(zeros, nearestIndex(zeros, p1, 'real'));
      sections.push([0, 1, -z1.re, 0, 1, -p1.re]);
      continue;
    } else if (
      poles.length + 1 === zeros.length &&
      !isRealish(p1) &&
      realPolesLeft === 1 &&
      zeros.filter(isRealish).length === 1
    ) {
      let z1: Complex;
      [z1, zeros] = take(zeros, nearestIndex(zeros, p1, 'complex'));
      zeroPair = [z1, cx(z1.re, -z1.im)];
      polePair = [p1, cx(p1.re, -p1.im)];
    } else {
      let p2: Complex;
      if (isRealish(p1)) {
        let realIndex = -1;
        poles.forEach((p, index) => {
          if (!isRealish(p)) return;
          if (realIndex < 0 || Math.abs(abs(p) - 1) < Math.abs(abs(poles[realIndex] ?? cx(NaN)) - 1)) realIndex = index;
        });
        [p2, poles] = take(poles, realIndex);
      } else {
        p2 = cx(p1.re, -p1.im);
      }
      polePair = [p1, p2];
      let z1: Complex;
      [z1, zeros] = take(zeros, nearestIndex(zeros, p1, 'any'));
      if (!isRealish(z1)) {
        zeroPair = [z1, cx(z1.re, -z1.im)];
      } else {
        let z2: Complex;
        [z2, zeros] = take(zeros, nearestIndex(zeros, p1, 'real'));
        zeroPair = [z1, z2];
      }
    }
    sections.push([...quadratic(zeroPair[0], zeroPair[1]), ...quadratic(polePair[0], polePair[1])]);
  }
  // scipy fills the sections from the last row up, then puts the gain into the first row.
  sections.reverse();
  const first = sections[0];
  if (first) for (let index = 0; index < 3; index += 1) first[index] = (first[index] ?? 0) * gain;
  return Float64Array.from(sections.flat());
}

/** Number of sections in an SOS matrix. */
export function sosSectionCount(sos: SosMatrix): number {
  return sos.length / 6;
}

/** Causal filtering through the sections (direct form II transposed), like scipy.signal.sosfilt; `state` (2 per section) is updated in place when given. */
export function sosFilter(sos: SosMatrix, x: ArrayLike<number>, state?: Float64Array): Float64Array {
  const sections = sosSectionCount(sos);
  const z = state ?? new Float64Array(2 * sections);
  const y = new Float64Array(x.length);
  for (let n = 0; n < x.length; n += 1) {
    let value = x[n] ?? 0;
    for (let s = 0; s < sections; s += 1) {
      const o = 6 * s;
      const b0 = sos[o] ?? 0, b1 = sos[o + 1] ?? 0, b2 = sos[o + 2] ?? 0;
      const a1 = sos[o + 4] ?? 0, a2 = sos[o + 5] ?? 0;
      const z0 = z[2 * s] ?? 0, z1 = z[2 * s + 1] ?? 0;
      const out = b0 * value + z0;
      z[2 * s] = b1 * value - a1 * out + z1;
      z[2 * s + 1] = b2 * value - a2 * out;
      value = out;
    }
    y[n] = value;
  }
  return y;
}

/** Steady-state initial conditions for a unit step, like scipy.signal.sosfilt_zi. */
export function sosFilterInitialState(sos: SosMatrix): Float64Array {
  const sections = sosSectionCount(sos);
  const zi = new Float64Array(2 * sections);
  let scale = 1;
  for (let s = 0; s < sections; s += 1) {
    const o = 6 * s;
    const b0 = sos[o] ?? 0, b1 = sos[o + 1] ?? 0, b2 = sos[o + 2] ?? 0;
    const a0 = sos[o + 3] ?? 1, a1 = (sos[o + 4] ?? 0) / a0, a2 = (sos[o + 5] ?? 0) / a0;
    // lfilter_zi for a biquad: solve (I − companion(a)ᵀ)·zi = b[1:] − a[1:]·b0.
    const c0 = b1 / a0 - a1 * (b0 / a0);
    const c1 = b2 / a0 - a2 * (b0 / a0);
    const z0 = (c0 + c1) / (1 + a1 + a2);
    zi[2 * s] = scale * z0;
    zi[2 * s + 1] = scale * (c1 - a2 * z0);
    scale *= (b0 + b1 + b2) / (a0 + (sos[o + 4] ?? 0) + (sos[o + 5] ?? 0));
  }
  return zi;
}

/** The default edge padding of scipy.signal.sosfiltfilt: 3·(2·sections + 1) samples. */
export function sosFiltFiltDefaultPad(sos: SosMatrix): number {
  return 3 * (2 * sosSectionCount(sos) + 1);
}

/** Zero-phase forward–backward filtering with odd-extension padding, like scipy.signal.sosfiltfilt(sos, x, padlen=padLength); needs x.length > padLength. */
export function sosFiltFilt(sos: SosMatrix, x: ArrayLike<number>, padLength: number = sosFiltFiltDefaultPad(sos)): Float64Array {
  const n = x.length;
  if (n <= padLength) throw new RangeError(`sosFiltFilt needs more than ${padLength} samples, got ${n}`);
  const edge = padLength;
  const extended = new Float64Array(n + 2 * edge);
  const first = x[0] ?? 0;
  const last = x[n - 1] ?? 0;
  for (let i = 0; i < edge; i += 1) extended[i] = 2 * first - (x[edge - i] ?? 0);
  for (let i = 0; i < n; i += 1) extended[edge + i] = x[i] ?? 0;
  for (let i = 0; i < edge; i += 1) extended[edge + n + i] = 2 * last - (x[n - 2 - i] ?? 0);
  const zi = sosFilterInitialState(sos);
  const forward = sosFilter(sos, extended, zi.map((v) => v * (extended[0] ?? 0)));
  forward.reverse();
  const backward = sosFilter(sos, forward, zi.map((v) => v * (forward[0] ?? 0)));
  backward.reverse();
  return backward.slice(edge, edge + n);
}

/** Band-pass a signal with zero phase: Butterworth of `order` (default 2, so order 4 overall) through sosFiltFilt. */
export function bandpassZeroPhase(
  x: ArrayLike<number>,
  sampleRateHz: number,
  lowHz: number,
  highHz: number,
  order = 2,
): Float64Array {
  const sos = butterworthBandpass(order, lowHz, highHz, sampleRateHz);
  return sosFiltFilt(sos, x, Math.min(sosFiltFiltDefaultPad(sos), x.length - 1));
}
