/**
 * Butterworth band-stop design and removal of a breathing pacer's band from a series with gaps.
 * Source: the same analog-prototype route as butterworth.ts, with scipy.signal's band-stop
 * transform (`lp2bs_zpk`: each prototype pole p becomes b/2p ± sqrt((b/2p)² − ω0²), 2N zeros at
 * ±jω0), the bilinear transform at scipy's internal fs = 2 with pre-warped edges, and
 * `zpk2sos`'s 'nearest' pairing, so the sections equal
 * `scipy.signal.butter(N, [lo, hi], btype='bandstop', fs=fs, output='sos')`; filtering is
 * butterworth.ts's sosFiltFilt (scipy.signal.sosfiltfilt, default padding).
 * Why: when two people breathe with one pacer their heart rates rise and fall with it and
 * correlate without any interaction between them (respiratory sinus arrhythmia), so synchrony is
 * measured on what is left once the pacer band — and its first harmonic, which holds and uneven
 * inhale/exhale ratios put there — is taken out. The half-width ±0.03 Hz is the one
 * respiration-rr.ts uses for a paced breath.
 */
import { sosFiltFilt, sosFiltFiltDefaultPad } from './butterworth.ts';
import type { SosMatrix } from './butterworth.ts';

/** Half-width of the band removed around the pacer and its harmonic, in Hz. */
export const PACER_BAND_HALF_WIDTH_HZ = 0.03;
/** Butterworth order per band edge (zero-phase filtering doubles it). */
export const PACER_BAND_STOP_ORDER = 2;

interface Complex {
  readonly re: number;
  readonly im: number;
}

const cx = (re: number, im = 0): Complex => ({ re, im });
const add = (a: Complex, b: Complex): Complex => cx(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex): Complex => cx(a.re - b.re, a.im - b.im);
const mul = (a: Complex, b: Complex): Complex =>
  cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const div = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return cx((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const modulus = (a: Complex): number => Math.hypot(a.re, a.im);
/** Principal square root, as numpy's. */
const csqrt = (a: Complex): Complex => {
  const r = modulus(a);
  const im = Math.sqrt(Math.max(0, (r - a.re) / 2));
  return cx(Math.sqrt((r + a.re) / 2), a.im < 0 ? -im : im);
};

/**
 * Butterworth band-stop as second-order sections, equal to
 * scipy.signal.butter(order, [lowHz, highHz], btype='bandstop', fs=sampleRateHz, output='sos').
 * Every pole of a narrow band-stop is complex; designs that would put a pole on the real axis
 * (odd orders with a stop band wider than about twice its centre) are refused rather than
 * paired differently from scipy.
 */
export function butterworthBandstop(
  order: number,
  lowHz: number,
  highHz: number,
  sampleRateHz: number,
): SosMatrix {
  if (!Number.isInteger(order) || order < 1)
    throw new RangeError('order must be a positive integer');
  const nyquist = sampleRateHz / 2;
  if (!(lowHz > 0 && lowHz < highHz && highHz < nyquist))
    throw new RangeError(`band must satisfy 0 < low < high < ${nyquist} Hz`);
  const fs = 2;
  const w1 = 2 * fs * Math.tan((Math.PI * (lowHz / nyquist)) / fs);
  const w2 = 2 * fs * Math.tan((Math.PI * (highHz / nyquist)) / fs);
  const halfBandwidth = cx((w2 - w1) / 2);
  const woSquared = cx(w1 * w2);
  const zeroAnalog = cx(0, Math.sqrt(w1 * w2));
  // Prototype poles −exp(iπm/2N), m = −N+1, −N+3, …, N−1; their product (of −p) is 1.
  const poles: Complex[] = [];
  for (let m = -order + 1; m < order; m += 2) {
    const angle = (Math.PI * m) / (2 * order);
    const p = cx(-Math.cos(angle), -Math.sin(angle));
    const inverted = div(halfBandwidth, p);
    const root = csqrt(sub(mul(inverted, inverted), woSquared));
    poles.push(add(inverted, root), sub(inverted, root));
  }
  // Bilinear transform z = (2fs + s)/(2fs − s); gain = Π(2fs − zeros) / Π(2fs − poles), real.
  const fs2 = cx(2 * fs);
  let gain = cx(1);
  for (let index = 0; index < order; index += 1) {
    gain = mul(gain, mul(sub(fs2, zeroAnalog), sub(fs2, cx(0, -zeroAnalog.im))));
  }
  for (const p of poles) gain = div(gain, sub(fs2, p));
  const zero = div(add(fs2, zeroAnalog), sub(fs2, zeroAnalog));
  const digitalPoles = poles.map((p) => div(add(fs2, p), sub(fs2, p)));
  const upper = digitalPoles.filter((p) => p.im > 100 * Number.EPSILON * modulus(p));
  if (upper.length !== order) throw new RangeError('this band-stop design has real poles');
  // zpk2sos 'nearest': the pole closest to the unit circle is paired first and placed last; all
  // zeros are the same conjugate pair, so each section gets it. The gain goes into section 0.
  upper.sort((a, b) => Math.abs(1 - modulus(b)) - Math.abs(1 - modulus(a)));
  const sos = new Float64Array(6 * order);
  upper.forEach((p, section) => {
    const scale = section === 0 ? gain.re : 1;
    sos.set([scale, -2 * zero.re * scale, (zero.re ** 2 + zero.im ** 2) * scale], 6 * section);
    sos.set([1, -2 * p.re, p.re * p.re + p.im * p.im], 6 * section + 3);
  });
  return sos;
}

/** The stop bands used for a pacer: [lo, hi] around it and around 2·pacer when that fits below Nyquist. */
export function pacerStopBands(pacerHz: number, sampleRateHz: number): [number, number][] {
  const nyquist = sampleRateHz / 2;
  const half = PACER_BAND_HALF_WIDTH_HZ;
  if (!(Number.isFinite(pacerHz) && pacerHz > 0 && pacerHz + half < nyquist))
    throw new RangeError(`pacerHz must be in (0, ${nyquist - half}) Hz`);
  // Below 0.06 Hz the lower edge is kept at half the pacer so the band stays above 0 Hz.
  const bands: [number, number][] = [[Math.max(pacerHz - half, pacerHz / 2), pacerHz + half]];
  if (2 * pacerHz + half < nyquist) bands.push([2 * pacerHz - half, 2 * pacerHz + half]);
  return bands;
}

/** The band-stop sections for a pacer: the fundamental's sections followed by the harmonic's. */
export function pacerBandStopSections(pacerHz: number, sampleRateHz: number): SosMatrix {
  const designs = pacerStopBands(pacerHz, sampleRateHz).map(([lo, hi]) =>
    butterworthBandstop(PACER_BAND_STOP_ORDER, lo, hi, sampleRateHz),
  );
  const sos = new Float64Array(designs.reduce((total, d) => total + d.length, 0));
  let offset = 0;
  for (const design of designs) {
    sos.set(design, offset);
    offset += design.length;
  }
  return sos;
}

/**
 * Removes the pacer band (and its harmonic) with zero phase. NaN marks a gap: each finite run is
 * filtered on its own, and a run too short for the filter's edge padding becomes NaN too, since
 * it cannot be cleaned (such runs are far shorter than one synchrony window anyway).
 */
export function removePacerBand(
  series: ArrayLike<number>,
  sampleRateHz: number,
  pacerHz: number,
): Float64Array {
  const sos = pacerBandStopSections(pacerHz, sampleRateHz);
  const pad = sosFiltFiltDefaultPad(sos);
  const values = Float64Array.from(series);
  const out = new Float64Array(values.length).fill(NaN);
  let start = 0;
  while (start < values.length) {
    while (start < values.length && !Number.isFinite(values[start])) start += 1;
    let end = start;
    while (end < values.length && Number.isFinite(values[end])) end += 1;
    if (end - start > pad) out.set(sosFiltFilt(sos, values.subarray(start, end), pad), start);
    start = end;
  }
  return out;
}
