/**
 * Breathing rate and phase from a phone lying on the belly or chest. Source: the accelerometer
 * respiration method of Bates, Ling, Mann & Arvind (2010), "Respiratory rate and flow waveform
 * estimation from tri-axial accelerometer data" (BSN 2010): the breathing movement is a small
 * periodic tilt, so after removing gravity (the per-axis mean, plus the band-pass below) the
 * three axes are projected onto their principal axis (largest-variance direction of the 3×3
 * covariance, by power iteration) and band-passed to 0.05–0.7 Hz (3–42 breaths/min).
 * Why: DeviceMotion samples arrive irregularly (≈ 60 Hz, with gaps), so they are first resampled
 * linearly onto a uniform 10 Hz grid; the rate is the peak of a zero-padded Hann periodogram.
 * Phase: a least-squares sinusoid at that rate over the last two breaths of the unfiltered
 * projection, evaluated at the last sample; 0 = the projection's peak, π/2 later in the cycle = falling through zero. The
 * principal axis is oriented so its largest component is positive (tilting moves the gravity
 * vector across itself, so gravity cannot orient it), so the sign is stable for one phone pose,
 * but which of inhale or exhale is the peak depends on how the phone lies: calibrate it against
 * the pacer or the user before naming the phase.
 */
import { bandpassZeroPhase } from './butterworth.ts';
import { fftReal, fftSizeAtLeast } from './fft.ts';
import { hannPeriodic } from './welch.ts';

/** One accelerometer sample, DeviceMotion `accelerationIncludingGravity` in m/s², stamped in ms on any monotonic clock. */
export interface MotionSample {
  readonly tMs: number;
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Breathing estimate: rate, phase at the last sample in [0, 2π), and the share of band power near the peak (0–1). */
export interface MotionRespiration {
  readonly breathsPerMin: number;
  readonly phaseRad: number;
  readonly peakShare: number;
}

/** The breathing band in Hz. */
export const MOTION_RESPIRATION_BAND_HZ: readonly [number, number] = [0.05, 0.7];
/** The uniform rate samples are resampled to. */
export const MOTION_RESAMPLE_HZ = 10;
/** Shortest usable recording (one cycle at the band's low edge). */
export const MOTION_MIN_DURATION_SEC = 20;
/** Below this share of band power within ±0.05 Hz of the peak there is no clear rhythm. */
export const MOTION_MIN_PEAK_SHARE = 0.5;
/** Below this RMS of the band-passed projection (m/s²) the phone is not moving with breath. */
export const MOTION_MIN_RMS = 0.002;

function resample(samples: readonly MotionSample[], axis: 'x' | 'y' | 'z', grid: Float64Array): Float64Array {
  const out = new Float64Array(grid.length);
  let j = 0;
  for (let i = 0; i < grid.length; i += 1) {
    const t = grid[i] ?? 0;
    while (j < samples.length - 2 && (samples[j + 1]?.tMs ?? Infinity) <= t) j += 1;
    const s0 = samples[j], s1 = samples[j + 1];
    if (!s0 || !s1) continue;
    const span = s1.tMs - s0.tMs;
    const f = span > 0 ? Math.min(1, Math.max(0, (t - s0.tMs) / span)) : 0;
    out[i] = s0[axis] + f * (s1[axis] - s0[axis]);
  }
  return out;
}

/** Breathing rate and phase from accelerometer samples (sorted by tMs); null when too short, too still or without a clear rhythm. */
export function respirationFromMotion(samples: readonly MotionSample[]): MotionRespiration | null {
  const valid = samples.filter((s) => [s.tMs, s.x, s.y, s.z].every(Number.isFinite));
  if (valid.length < 4) return null;
  const t0 = valid[0]?.tMs ?? 0;
  const t1 = valid[valid.length - 1]?.tMs ?? 0;
  const durationSec = (t1 - t0) / 1000;
  if (!(durationSec >= MOTION_MIN_DURATION_SEC)) return null;
  const fs = MOTION_RESAMPLE_HZ;
  const n = Math.floor(durationSec * fs) + 1;
  const grid = Float64Array.from({ length: n }, (_, i) => t0 + (i * 1000) / fs);
  const [lo, hi] = MOTION_RESPIRATION_BAND_HZ;
  // Gravity is the mean; the band-pass removes what is left of it as the pose drifts slowly.
  const axes = (['x', 'y', 'z'] as const).map((axis) => resample(valid, axis, grid));
  const gravity = axes.map((values) => values.reduce((s, v) => s + v, 0) / n);
  const filtered = axes.map((values, a) => bandpassZeroPhase(values.map((v) => v - (gravity[a] ?? 0)), fs, lo, hi));
  // Principal axis of the 3×3 covariance by power iteration, its largest component made positive.
  const cov = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 3; i += 1) {
    for (let j = 0; j < 3; j += 1) {
      let s = 0;
      const fi = filtered[i] ?? new Float64Array(n), fj = filtered[j] ?? new Float64Array(n);
      for (let k = 0; k < n; k += 1) s += (fi[k] ?? 0) * (fj[k] ?? 0);
      cov[3 * i + j] = s / n;
    }
  }
  let v = [1 / Math.sqrt(3), 1 / Math.sqrt(3.1), 1 / Math.sqrt(2.9)];
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const next = [0, 1, 2].map((i) => (cov[3 * i] ?? 0) * (v[0] ?? 0) + (cov[3 * i + 1] ?? 0) * (v[1] ?? 0) + (cov[3 * i + 2] ?? 0) * (v[2] ?? 0));
    const norm = Math.hypot(...next);
    if (!(norm > 0)) return null;
    v = next.map((x) => x / norm);
  }
  const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  if (largest < 0) v = v.map((x) => -x);
  const projected = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    projected[k] = (v[0] ?? 0) * (filtered[0]?.[k] ?? 0) + (v[1] ?? 0) * (filtered[1]?.[k] ?? 0) + (v[2] ?? 0) * (filtered[2]?.[k] ?? 0);
  }
  const rms = Math.sqrt(projected.reduce((s, x) => s + x * x, 0) / n);
  if (!(rms >= MOTION_MIN_RMS)) return null;
  // Rate: Hann periodogram, zero-padded to bins ≤ 0.1 breaths/min.
  const size = fftSizeAtLeast(Math.max(n, (60 * fs) / 0.1));
  const hann = hannPeriodic(n);
  const windowed = projected.map((x, k) => x * (hann[k] ?? 0));
  const spectrum = fftReal(windowed, size);
  const binHz = fs / size;
  const kLo = Math.ceil(lo / binHz);
  const kHi = Math.floor(hi / binHz);
  let peak = kLo;
  let total = 0;
  const power = (k: number): number => (spectrum.re[k] ?? 0) ** 2 + (spectrum.im[k] ?? 0) ** 2;
  for (let k = kLo; k <= kHi; k += 1) {
    total += power(k);
    if (power(k) > power(peak)) peak = k;
  }
  const f0 = peak * binHz;
  let near = 0;
  for (let k = kLo; k <= kHi; k += 1) if (Math.abs(k * binHz - f0) <= 0.05) near += power(k);
  const peakShare = total > 0 ? near / total : 0;
  if (peakShare < MOTION_MIN_PEAK_SHARE) return null;
  // Phase: least-squares fit of c·cos(ωt) + s·sin(ωt) + m over the last two breaths of the
  // unfiltered projection (the zero-phase filter's padding bends the last samples).
  const raw = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    raw[k] = (v[0] ?? 0) * ((axes[0]?.[k] ?? 0) - (gravity[0] ?? 0)) + (v[1] ?? 0) * ((axes[1]?.[k] ?? 0) - (gravity[1] ?? 0)) + (v[2] ?? 0) * ((axes[2]?.[k] ?? 0) - (gravity[2] ?? 0));
  }
  const span = Math.min(n, Math.round((2 * fs) / f0));
  let scc = 0, sss = 0, scs = 0, sc = 0, ss = 0, sy = 0, syc = 0, sys = 0;
  for (let k = n - span; k < n; k += 1) {
    const angle = 2 * Math.PI * f0 * ((k - (n - 1)) / fs);
    const c = Math.cos(angle), s = Math.sin(angle), y = raw[k] ?? 0;
    scc += c * c; sss += s * s; scs += c * s; sc += c; ss += s; sy += y; syc += y * c; sys += y * s;
  }
  // Solve the 3×3 normal equations [scc scs sc; scs sss ss; sc ss span]·[a b m] = [syc sys sy].
  const m = [scc, scs, sc, syc, scs, sss, ss, sys, sc, ss, span, sy];
  for (let col = 0; col < 3; col += 1) {
    const pivot = m[4 * col + col] ?? 0;
    for (let row = 0; row < 3; row += 1) {
      if (row === col || pivot === 0) continue;
      const factor = (m[4 * row + col] ?? 0) / pivot;
      for (let k = 0; k < 4; k += 1) m[4 * row + k] = (m[4 * row + k] ?? 0) - factor * (m[4 * col + k] ?? 0);
    }
  }
  const a = (m[3] ?? 0) / (m[0] ?? 1);
  const b = (m[7] ?? 0) / (m[5] ?? 1);
  // y(0) ∝ cos(−θ) with a·cos + b·sin = R·cos(ωt − θ), θ = atan2(b, a); the phase at t = 0 is −θ.
  const phase = -Math.atan2(b, a);
  return { breathsPerMin: f0 * 60, phaseRad: ((phase % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI), peakShare };
}
