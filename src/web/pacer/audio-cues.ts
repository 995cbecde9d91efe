/**
 * Optional soft sound cues for the breath pacer, generated with Web Audio (no sound files): a
 * gentle rising tone as the in-breath begins and a lower, falling one as the out-breath begins.
 * The AudioContext is only created from a user gesture (turning sound on, pressing Start), as
 * browsers require, and every tone is quiet with a soft attack and release.
 */
import type { BreathPart } from '../../core/pacer/index.ts';

/** The shape of one cue tone. */
export interface CueTone {
  readonly fromHz: number;
  readonly toHz: number;
  /** Whole length, attack and release included, in seconds. */
  readonly durationS: number;
  readonly attackS: number;
  readonly releaseS: number;
  /** Loudest point, as a gain (1 is full scale). */
  readonly peakGain: number;
}

/** Never louder than this: a cue should be noticed, not startle. */
export const CUE_MAX_GAIN: number = 0.08;

const INHALE_TONE: CueTone = {
  fromHz: 262,
  toHz: 392,
  durationS: 0.7,
  attackS: 0.12,
  releaseS: 0.4,
  peakGain: 0.06,
};

const EXHALE_TONE: CueTone = {
  fromHz: 247,
  toHz: 165,
  durationS: 0.8,
  attackS: 0.12,
  releaseS: 0.5,
  peakGain: 0.06,
};

/** The tone that marks the start of a part, or null for the holds (they stay quiet). */
export function cueToneFor(part: BreathPart): CueTone | null {
  if (part === 'inhale') return INHALE_TONE;
  if (part === 'exhale') return EXHALE_TONE;
  return null;
}

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContextConstructor(): AudioContextConstructor | undefined {
  const scope = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** Whether this browser can play the generated cues at all. */
export function audioCuesSupported(): boolean {
  return audioContextConstructor() !== undefined;
}

/**
 * Creates (or wakes) the audio context. Call it only from a user gesture: a click or key press.
 * Safe to call more than once.
 */
export function audioCuesUnlock(): void {
  const Constructor = audioContextConstructor();
  if (Constructor === undefined) return;
  try {
    context ??= new Constructor();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  } catch {
    context = null;
  }
}

/** Whether a gesture has already made sound possible on this page. */
export function audioCuesUnlocked(): boolean {
  return context !== null;
}

/** Plays the cue for the start of `part`, if sound is unlocked and the part has one. */
export function audioCuePlay(part: BreathPart): void {
  const tone = cueToneFor(part);
  if (tone === null || context === null || context.state !== 'running') return;
  const start = context.currentTime + 0.02;
  const end = start + tone.durationS;
  const oscillator = context.createOscillator();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(tone.fromHz, start);
  oscillator.frequency.exponentialRampToValueAtTime(tone.toHz, end);
  // A low-pass takes the edge off; the sine itself is already soft.
  const filter = context.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.setValueAtTime(1200, start);
  const gain = context.createGain();
  const peak = Math.min(tone.peakGain, CUE_MAX_GAIN);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(peak, start + tone.attackS);
  gain.gain.setValueAtTime(peak, end - tone.releaseS);
  gain.gain.exponentialRampToValueAtTime(0.0001, end);
  oscillator.connect(filter);
  filter.connect(gain);
  gain.connect(context.destination);
  oscillator.start(start);
  oscillator.stop(end + 0.05);
  oscillator.onended = () => {
    oscillator.disconnect();
    filter.disconnect();
    gain.disconnect();
  };
}
