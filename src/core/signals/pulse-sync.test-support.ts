/**
 * Shared synthetic inputs for the pulse and synchrony tests and the bench: a seeded generator
 * (mulberry32) and a synthetic skin-colour trace with a known pulse, drift and noise.
 */
import type { RgbTrace } from './pulse-rgb.ts';

/** Seeded uniform generator (mulberry32) so every run sees the same noise. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A skin patch: base colour, a pulse along the blood-volume signature (de Haan & van Leest
 * 2014, [0.33, 0.77, 0.53]) with a second harmonic, intensity drift and sway shared by all
 * channels (motion and lighting), and independent sensor noise of `noise` (relative units).
 */
export function syntheticRgb(options: { bpm: number; fps: number; seconds: number; noise: number; seed: number; pulseAmplitude?: number }): RgbTrace {
  const { bpm, fps, seconds, noise, seed } = options;
  const amplitude = options.pulseAmplitude ?? 0.01;
  const random = seededRandom(seed);
  const n = Math.round(fps * seconds);
  const base = [180, 120, 95] as const;
  const signature = [0.33, 0.77, 0.53] as const;
  const channels = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
  const f = bpm / 60;
  for (let i = 0; i < n; i += 1) {
    const t = i / fps;
    const pulse = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t + 0.8);
    const intensity = 1 + 0.03 * Math.sin(2 * Math.PI * 0.23 * t) + 0.02 * (t / seconds) + 0.01 * Math.sin(2 * Math.PI * 0.9 * t + 1);
    channels.forEach((channel, c) => {
      channel[i] = (base[c] ?? 0) * intensity * (1 + amplitude * (signature[c] ?? 0) * pulse + noise * gaussian(random));
    });
  }
  return { r: channels[0], g: channels[1], b: channels[2] };
}

