/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture=<file.y4m>`): a plain
 * background and a skin-toned, face-sized oval whose colour pulses like blood volume under
 * skin, at a known rate, with camera-like noise on every pixel.
 *
 * Why these numbers: the pulse changes skin colour by about half a percent, mostly in green
 * (the relative amplitudes follow the skin's pulsatile signature, roughly 0.33 : 0.77 : 0.53 for
 * R : G : B, as in Wang et al. 2017), far less than one 8-bit step per pixel; the per-pixel
 * noise dithers it, so only averaging over the face recovers it, as with a real camera.
 * The loop is a whole number of pulse periods long, so the fake camera's looping adds no jump.
 * Format: YUV4MPEG2, 4:2:0 (I420), BT.601 studio range.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What to draw. */
export interface FakeVideoOptions {
  /** The pulse rate, or null for a face with no pulse at all. */
  readonly pulseBpm: number | null;
  readonly width?: number;
  readonly height?: number;
  readonly fps?: number;
  /** Loop length in pulse periods (rounded to whole frames only when the period allows). */
  readonly periods?: number;
  /** Loop length in seconds when there is no pulse. */
  readonly seconds?: number;
  /** Relative colour change at the top of a beat (0.005 = half a percent). */
  readonly amplitude?: number;
  /** Standard deviation of the per-pixel noise, in 8-bit steps. */
  readonly noise?: number;
  readonly seed?: number;
}

const SKIN_RGB: readonly [number, number, number] = [196, 148, 122];
const BACKGROUND_RGB: readonly [number, number, number] = [92, 104, 118];
const PULSE_SIGNATURE: readonly [number, number, number] = [0.33, 0.77, 0.53];

/** A small deterministic generator (mulberry32) with Gaussian draws. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

function clampByte(value: number): number {
  return Math.min(255, Math.max(0, Math.round(value)));
}

/** BT.601 studio-range Y, U, V of an RGB colour. */
function yuvOf(r: number, g: number, b: number): [number, number, number] {
  const y = 16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255;
  const u = 128 + (-37.797 * r - 74.203 * g + 112 * b) / 255;
  const v = 128 + (112 * r - 93.786 * g - 18.214 * b) / 255;
  return [y, u, v];
}

/** The pulse waveform at time `t` seconds: a beat with a smaller second harmonic, peak ≈ 1. */
function pulseWave(bpm: number, t: number): number {
  const phase = 2 * Math.PI * (bpm / 60) * t;
  return (Math.sin(phase) + 0.3 * Math.sin(2 * phase + 0.8)) / 1.2;
}

/** The whole .y4m file. */
export function fakeVideoY4m(options: FakeVideoOptions): Buffer {
  const width = options.width ?? 160;
  const height = options.height ?? 120;
  const fps = options.fps ?? 30;
  const amplitude = options.amplitude ?? 0.005;
  const noise = options.noise ?? 1.5;
  const random = randomFrom(options.seed ?? 7);
  let frames: number;
  if (options.pulseBpm === null) {
    frames = Math.round((options.seconds ?? 8) * fps);
  } else {
    frames = Math.round(((options.periods ?? 10) * 60 * fps) / options.pulseBpm);
    const periodFrames = (60 * fps) / options.pulseBpm;
    if (Math.abs(frames / periodFrames - Math.round(frames / periodFrames)) > 1e-9) {
      throw new Error(
        `fakeVideoY4m: ${options.periods ?? 10} periods of ${options.pulseBpm} bpm is not a whole number of frames at ${fps} fps`,
      );
    }
  }
  // The face: an upright oval a little larger than the app's guide, so the guide holds only skin.
  const inFace = (x: number, y: number) =>
    ((x + 0.5) / width - 0.5) ** 2 / 0.25 ** 2 + ((y + 0.5) / height - 0.47) ** 2 / 0.42 ** 2 <= 1;
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const chromaSize = chromaWidth * (height / 2);
  const header = Buffer.from(
    `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`,
    'ascii',
  );
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const chunks: Buffer[] = [header];
  for (let frame = 0; frame < frames; frame += 1) {
    const beat = options.pulseBpm === null ? 0 : pulseWave(options.pulseBpm, frame / fps);
    const skin = SKIN_RGB.map(
      (value, channel) => value * (1 + amplitude * (PULSE_SIGNATURE[channel] ?? 0) * beat),
    ) as [number, number, number];
    const skinYuv = yuvOf(...skin);
    const backgroundYuv = yuvOf(...BACKGROUND_RGB);
    const data = Buffer.alloc(lumaSize + 2 * chromaSize);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        const base = inFace(x, y) ? skinYuv[0] : backgroundYuv[0];
        data[y * width + x] = clampByte(base + noise * random());
      }
    }
    for (let y = 0; y < height / 2; y += 1) {
      for (let x = 0; x < chromaWidth; x += 1) {
        const face = inFace(2 * x + 0.5, 2 * y + 0.5);
        const [, u, v] = face ? skinYuv : backgroundYuv;
        data[lumaSize + y * chromaWidth + x] = clampByte(u + noise * random());
        data[lumaSize + chromaSize + y * chromaWidth + x] = clampByte(v + noise * random());
      }
    }
    chunks.push(frameHeader, data);
  }
  return Buffer.concat(chunks);
}

/** Writes a fake video into `dir` as `<name>.y4m` and returns its path. */
export function fakeVideoWrite(dir: string, name: string, options: FakeVideoOptions): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.y4m`);
  writeFileSync(path, fakeVideoY4m(options));
  return path;
}
