/**
 * The discrete Fourier transform for the signal core, over fft.js (radix-4). fft.js has the
 * same conventions as numpy.fft: `fft` is unscaled and `fftInverse` divides by n. This wrapper
 * gives it types and handles any length by zero-padding only where the caller asks for it.
 */
import FFT from 'fft.js';

/** A complex sequence as two parallel arrays. */
export interface ComplexArray {
  readonly re: Float64Array;
  readonly im: Float64Array;
}

const transforms = new Map<number, FFT>();

function transformOfSize(size: number): FFT {
  let transform = transforms.get(size);
  if (!transform) {
    transform = new FFT(size);
    transforms.set(size, transform);
  }
  return transform;
}

/** The smallest power of two ≥ n (and ≥ 2, which fft.js needs). */
export function fftSizeAtLeast(n: number): number {
  let size = 2;
  while (size < n) size *= 2;
  return size;
}

/** Whether fft.js can transform this length directly. */
export function fftSizeIsValid(n: number): boolean {
  return n >= 2 && (n & (n - 1)) === 0;
}

function interleave(re: ArrayLike<number>, im: ArrayLike<number> | null, size: number): number[] {
  const data = new Array<number>(2 * size).fill(0);
  for (let index = 0; index < Math.min(size, re.length); index += 1) {
    data[2 * index] = re[index] ?? 0;
    data[2 * index + 1] = im?.[index] ?? 0;
  }
  return data;
}

function split(data: readonly number[], size: number): ComplexArray {
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let index = 0; index < size; index += 1) {
    re[index] = data[2 * index] ?? 0;
    im[index] = data[2 * index + 1] ?? 0;
  }
  return { re, im };
}

/** Forward DFT of `re + i·im` (length a power of two), like numpy.fft.fft. */
export function fft(re: ArrayLike<number>, im: ArrayLike<number> | null = null): ComplexArray {
  const size = re.length;
  if (!fftSizeIsValid(size)) throw new RangeError(`fft needs a power-of-two length, got ${size}`);
  const transform = transformOfSize(size);
  const out = transform.createComplexArray() as number[];
  transform.transform(out, interleave(re, im, size));
  return split(out, size);
}

/** Inverse DFT (divided by n), like numpy.fft.ifft. */
export function fftInverse(spectrum: ComplexArray): ComplexArray {
  const size = spectrum.re.length;
  if (!fftSizeIsValid(size)) throw new RangeError(`fftInverse needs a power-of-two length, got ${size}`);
  const transform = transformOfSize(size);
  const out = transform.createComplexArray() as number[];
  transform.inverseTransform(out, interleave(spectrum.re, spectrum.im, size));
  return split(out, size);
}

/** Forward DFT of a real signal zero-padded to `size` (a power of two), like numpy.fft.fft(x, n=size). */
export function fftReal(signal: ArrayLike<number>, size: number = fftSizeAtLeast(signal.length)): ComplexArray {
  const padded = new Float64Array(size);
  for (let index = 0; index < Math.min(size, signal.length); index += 1) padded[index] = signal[index] ?? 0;
  return fft(padded);
}
