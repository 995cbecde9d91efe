/**
 * Phase-locking value between two signals. Source: Lachaux, Rodriguez, Martinerie & Varela
 * (1999), "Measuring phase synchrony in brain signals", Human Brain Mapping 8(4): band-pass
 * both signals, take the instantaneous phase of the analytic signal (Hilbert transform), and
 * PLV = |mean over time of exp(i·(φa − φb))|. Why: it measures how steadily two rhythms (two
 * people's breathing, heart rate to a pacer) keep the same phase relation, independent of their
 * amplitudes. Filter: Butterworth order 2 per edge (order 4 overall), zero-phase (sosfiltfilt),
 * so filtering itself shifts neither phase. The first and last period of the band's low edge
 * (at most a quarter of the signal each) are left out of the mean, where the filter's padding
 * and the Hilbert transform's circular wrap distort phase.
 */
import { bandpassZeroPhase, butterworthBandpass, sosFiltFiltDefaultPad } from './butterworth.ts';
import { analyticSignal } from './hilbert.ts';

/** Options for phaseLockingValue: sample rate and the band [lo, hi] in Hz. */
export interface PhaseLockingOptions {
  readonly sampleRateHz: number;
  readonly bandHz: readonly [number, number];
}

/** PLV in [0, 1] and the circular mean of φa − φb in (−π, π] (positive: a leads, b follows); NaN for both when there is too little signal. */
export interface PhaseLocking {
  readonly plv: number;
  readonly meanPhaseDiffRad: number;
}

/** Samples dropped at each end before averaging the phase difference. */
export function phaseLockingEdgeSamples(length: number, sampleRateHz: number, lowHz: number): number {
  return Math.min(Math.round(sampleRateHz / lowHz), Math.floor(length / 4));
}

/** Phase-locking value of a and b within a band (Lachaux et al. 1999): band-pass, Hilbert phase, |mean e^{i(φa−φb)}|. */
export function phaseLockingValue(a: ArrayLike<number>, b: ArrayLike<number>, options: PhaseLockingOptions): PhaseLocking {
  const n = Math.min(a.length, b.length);
  const [lowHz, highHz] = options.bandHz;
  const pad = sosFiltFiltDefaultPad(butterworthBandpass(2, lowHz, highHz, options.sampleRateHz));
  if (n <= pad || n < 8) return { plv: NaN, meanPhaseDiffRad: NaN };
  const za = analyticSignal(bandpassZeroPhase(Array.prototype.slice.call(a, 0, n) as number[], options.sampleRateHz, lowHz, highHz));
  const zb = analyticSignal(bandpassZeroPhase(Array.prototype.slice.call(b, 0, n) as number[], options.sampleRateHz, lowHz, highHz));
  const edge = phaseLockingEdgeSamples(n, options.sampleRateHz, lowHz);
  let sumRe = 0;
  let sumIm = 0;
  let count = 0;
  for (let i = edge; i < n - edge; i += 1) {
    const ar = za.re[i] ?? 0, ai = za.im[i] ?? 0, br = zb.re[i] ?? 0, bi = zb.im[i] ?? 0;
    // a · conj(b), normalised: e^{i(φa − φb)}
    const re = ar * br + ai * bi;
    const im = ai * br - ar * bi;
    const magnitude = Math.hypot(re, im);
    if (magnitude === 0) continue;
    sumRe += re / magnitude;
    sumIm += im / magnitude;
    count += 1;
  }
  if (count === 0) return { plv: NaN, meanPhaseDiffRad: NaN };
  return { plv: Math.hypot(sumRe, sumIm) / count, meanPhaseDiffRad: Math.atan2(sumIm, sumRe) };
}
