/**
 * Breathing rate from respiratory sinus arrhythmia: the spectral peak of the RR series.
 * Source: the HF band as the respiratory band (Task Force 1996) and RSA-derived respiration as in
 * Schäfer & Kratky (2008), "Estimation of breathing rate from respiratory sinus arrhythmia",
 * Ann. Biomed. Eng. 36:476–485. The spectrum is hrv-coherence.ts's (last 64 s, 4 Hz natural
 * spline, linear detrend, periodic Hann, 2048-point zero-pad). The peak is looked for in
 * 0.15 ≤ f < 0.4 Hz, or within ±0.03 Hz (inclusive) of the pacer during a paced practice.
 * "Clear peak" is this module's own heuristic, not a published rule: the peak bin must be a
 * strict local maximum of the spectrum (not a slope running into the search edge) and at least
 * RESPIRATION_PEAK_TO_MEDIAN times the median density over 0.0033–0.4 Hz (for white noise a
 * spurious peak passes about one time in ten; real RSA is usually far above it), and at least
 * RESPIRATION_MIN_SHARE_OF_MAX of the largest density there (−20 dB), so a harmonic or leakage of
 * a strong slow wave is not taken for breathing.
 */
import { rrRecentSpectrum } from './hrv-coherence.ts';

/** Unpaced search band: lo ≤ f < hi. */
export const RESPIRATION_BAND_HZ = [0.15, 0.4] as const;
/** Half-width of the search window around a pacer, inclusive. */
export const RESPIRATION_PACER_HALF_WIDTH_HZ = 0.03;
/** How far above the spectrum's median density the peak must stand. */
export const RESPIRATION_PEAK_TO_MEDIAN = 6;
/** The peak must reach this share of the spectrum's largest density in 0.0033–0.4 Hz. */
export const RESPIRATION_MIN_SHARE_OF_MAX = 0.01;
const MEDIAN_BAND_HZ = [0.0033, 0.4] as const;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Breaths per minute from the last 64 s of NN intervals (ms), optionally near a pacer (Hz);
 * `null` when the beats do not cover 64 s or there is no clear peak in the band.
 */
export function respirationRateFromRr(rrMs: ArrayLike<number>, pacerHz?: number): number | null {
  const spectrum = rrRecentSpectrum(rrMs);
  if (spectrum === null) return null;
  const { psd, binHz } = spectrum;
  const inBand =
    pacerHz === undefined
      ? (f: number) => f >= RESPIRATION_BAND_HZ[0] && f < RESPIRATION_BAND_HZ[1]
      : (f: number) => Math.abs(f - pacerHz) <= RESPIRATION_PACER_HALF_WIDTH_HZ + 1e-12;
  let peak = -1;
  let largest = 0;
  const reference: number[] = [];
  for (let bin = 0; bin < psd.length; bin += 1) {
    const f = bin * binHz;
    if (f >= MEDIAN_BAND_HZ[0] && f < MEDIAN_BAND_HZ[1]) {
      reference.push(psd[bin] ?? 0);
      largest = Math.max(largest, psd[bin] ?? 0);
    }
    if (inBand(f) && (peak < 0 || (psd[bin] ?? 0) > (psd[peak] ?? 0))) peak = bin;
  }
  if (peak <= 0 || peak >= psd.length - 1 || reference.length === 0) return null;
  const height = psd[peak] ?? 0;
  const isLocalMaximum = height > (psd[peak - 1] ?? 0) && height > (psd[peak + 1] ?? 0);
  const standsOut =
    height >= RESPIRATION_PEAK_TO_MEDIAN * median(reference) &&
    height >= RESPIRATION_MIN_SHARE_OF_MAX * largest;
  if (!isLocalMaximum || !standsOut || !(height > 0)) return null;
  return peak * binHz * 60;
}
