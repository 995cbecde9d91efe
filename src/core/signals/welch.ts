/**
 * Periodic Hann window, linear detrending, a zero-padded periodogram and Welch's averaged
 * periodogram, all with scipy.signal's conventions (Welch 1967, "The use of fast Fourier
 * transform for the estimation of power spectra"; scipy.signal.welch / periodogram with
 * window='hann', which get_window makes periodic, detrend=False or 'linear', scaling='density',
 * one-sided: every bin but DC and — for even lengths — Nyquist is doubled). In-house so the
 * signal core's HRV spectra match the published scipy reference to rounding, over fft.ts.
 */
import { fftReal, fftSizeIsValid } from './fft.ts';

/** A one-sided power spectral density: `psd[k]` at `k · binHz`. */
export interface PowerSpectrum {
  readonly psd: Float64Array;
  readonly binHz: number;
}

/** The periodic Hann window w[n] = 0.5 − 0.5·cos(2πn/N), like scipy.signal.get_window('hann', N). */
export function hannPeriodic(length: number): Float64Array {
  const window = new Float64Array(length);
  for (let index = 0; index < length; index += 1)
    window[index] = 0.5 - 0.5 * Math.cos((2 * Math.PI * index) / length);
  return window;
}

/** Removes the least-squares line over the sample index, like scipy.signal.detrend(type='linear'). */
export function detrendLinear(signal: ArrayLike<number>): Float64Array {
  const n = signal.length;
  const out = Float64Array.from(signal);
  if (n < 2) return out.fill(0);
  const meanIndex = (n - 1) / 2;
  let mean = 0;
  for (let index = 0; index < n; index += 1) mean += out[index] ?? 0;
  mean /= n;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < n; index += 1) {
    const di = index - meanIndex;
    covariance += di * ((out[index] ?? 0) - mean);
    variance += di * di;
  }
  const slope = covariance / variance;
  for (let index = 0; index < n; index += 1)
    out[index] = (out[index] ?? 0) - mean - slope * (index - meanIndex);
  return out;
}

/** Adds one windowed segment's one-sided density into `accumulator` (length nfft/2 + 1). */
function addSegmentDensity(
  signal: ArrayLike<number>,
  start: number,
  window: Float64Array,
  nfft: number,
  scale: number,
  accumulator: Float64Array,
): void {
  const segment = new Float64Array(window.length);
  for (let index = 0; index < window.length; index += 1)
    segment[index] = (signal[start + index] ?? 0) * (window[index] ?? 0);
  const spectrum = fftReal(segment, nfft);
  const half = nfft / 2;
  for (let bin = 0; bin <= half; bin += 1) {
    const re = spectrum.re[bin] ?? 0;
    const im = spectrum.im[bin] ?? 0;
    const onesided = bin === 0 || bin === half ? 1 : 2;
    accumulator[bin] = (accumulator[bin] ?? 0) + onesided * scale * (re * re + im * im);
  }
}

/** A Hann-windowed, zero-padded one-sided periodogram (density), like scipy.signal.periodogram(window='hann', nfft, detrend=False). */
export function periodogramHann(
  signal: ArrayLike<number>,
  sampleRateHz: number,
  nfft: number,
): PowerSpectrum {
  if (!fftSizeIsValid(nfft) || nfft < signal.length)
    throw new RangeError('periodogramHann: nfft must be a power of two ≥ the signal length');
  const window = hannPeriodic(signal.length);
  let windowEnergy = 0;
  for (const value of window) windowEnergy += value * value;
  const psd = new Float64Array(nfft / 2 + 1);
  addSegmentDensity(signal, 0, window, nfft, 1 / (sampleRateHz * windowEnergy), psd);
  return { psd, binHz: sampleRateHz / nfft };
}

/**
 * Welch's PSD with a periodic Hann window, `segmentLength` (a power of two) and `overlap` samples,
 * no detrending, mean over segments; trailing samples that do not fill a segment are dropped, as
 * in scipy. `null` when the signal is shorter than one segment.
 */
export function welchHann(
  signal: ArrayLike<number>,
  sampleRateHz: number,
  segmentLength: number,
  overlap: number,
): PowerSpectrum | null {
  if (!fftSizeIsValid(segmentLength))
    throw new RangeError('welchHann: segmentLength must be a power of two');
  const step = segmentLength - overlap;
  if (step <= 0) throw new RangeError('welchHann: overlap must be smaller than the segment');
  if (signal.length < segmentLength) return null;
  const segments = Math.floor((signal.length - segmentLength) / step) + 1;
  const window = hannPeriodic(segmentLength);
  let windowEnergy = 0;
  for (const value of window) windowEnergy += value * value;
  const psd = new Float64Array(segmentLength / 2 + 1);
  const scale = 1 / (sampleRateHz * windowEnergy * segments);
  for (let segment = 0; segment < segments; segment += 1) {
    addSegmentDensity(signal, segment * step, window, segmentLength, scale, psd);
  }
  return { psd, binHz: sampleRateHz / segmentLength };
}

/** Σ PSD·Δf over the bins with lo ≤ f < hi. */
export function bandPower(spectrum: PowerSpectrum, loHz: number, hiHz: number): number {
  let sum = 0;
  for (let bin = 0; bin < spectrum.psd.length; bin += 1) {
    const f = bin * spectrum.binHz;
    if (f >= loHz && f < hiHz) sum += spectrum.psd[bin] ?? 0;
  }
  return sum * spectrum.binHz;
}

/** The bin with the most power among lo ≤ f < hi, or −1 when the band holds no bin. */
export function peakBin(spectrum: PowerSpectrum, loHz: number, hiHz: number): number {
  let best = -1;
  for (let bin = 0; bin < spectrum.psd.length; bin += 1) {
    const f = bin * spectrum.binHz;
    if (f >= loHz && f < hiHz && (best < 0 || (spectrum.psd[bin] ?? 0) > (spectrum.psd[best] ?? 0)))
      best = bin;
  }
  return best;
}
