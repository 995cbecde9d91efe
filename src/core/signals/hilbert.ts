/**
 * The analytic signal by the FFT method, as scipy.signal.hilbert: X = DFT(x) over the signal's
 * own length n, multiplied by h (1 at DC and at n/2 for even n, 2 for positive frequencies,
 * 0 for negative), inverse DFT. Source: Marple (1999), "Computing the discrete-time analytic
 * signal via FFT", IEEE Trans. Signal Processing 47(9) — the method scipy implements. Why:
 * phase-locking needs instantaneous phase. fft.ts handles only powers of two, and zero-padding
 * would change the result, so other lengths go through Bluestein's chirp-z algorithm (a length-n
 * DFT as a power-of-two convolution, Bluestein 1970) to stay equal to scipy for any n.
 */
import { fft, fftInverse, fftSizeAtLeast, fftSizeIsValid } from './fft.ts';
import type { ComplexArray } from './fft.ts';

/** Forward DFT of any length (power of two directly, otherwise Bluestein), like numpy.fft.fft. */
export function dftAnyLength(re: ArrayLike<number>, im: ArrayLike<number> | null = null): ComplexArray {
  const n = re.length;
  if (fftSizeIsValid(n)) return fft(re, im);
  if (n === 0) return { re: new Float64Array(0), im: new Float64Array(0) };
  if (n === 1) return { re: Float64Array.of(re[0] ?? 0), im: Float64Array.of(im?.[0] ?? 0) };
  const size = fftSizeAtLeast(2 * n - 1);
  // Chirp w_k = exp(iπk²/n); k² is reduced mod 2n so the angle stays exact for long inputs.
  const chirpRe = new Float64Array(n);
  const chirpIm = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    chirpRe[k] = Math.cos(angle);
    chirpIm[k] = Math.sin(angle);
  }
  const aRe = new Float64Array(size);
  const aIm = new Float64Array(size);
  for (let k = 0; k < n; k += 1) {
    // a_k = x_k · conj(w_k)
    const xr = re[k] ?? 0, xi = im?.[k] ?? 0, wr = chirpRe[k] ?? 0, wi = chirpIm[k] ?? 0;
    aRe[k] = xr * wr + xi * wi;
    aIm[k] = xi * wr - xr * wi;
  }
  const bRe = new Float64Array(size);
  const bIm = new Float64Array(size);
  for (let k = 0; k < n; k += 1) {
    bRe[k] = chirpRe[k] ?? 0;
    bIm[k] = chirpIm[k] ?? 0;
    if (k > 0) {
      bRe[size - k] = chirpRe[k] ?? 0;
      bIm[size - k] = chirpIm[k] ?? 0;
    }
  }
  const fa = fft(aRe, aIm);
  const fb = fft(bRe, bIm);
  const productRe = new Float64Array(size);
  const productIm = new Float64Array(size);
  for (let k = 0; k < size; k += 1) {
    const ar = fa.re[k] ?? 0, ai = fa.im[k] ?? 0, br = fb.re[k] ?? 0, bi = fb.im[k] ?? 0;
    productRe[k] = ar * br - ai * bi;
    productIm[k] = ar * bi + ai * br;
  }
  const conv = fftInverse({ re: productRe, im: productIm });
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    // X_k = conj(w_k) · conv_k
    const cr = conv.re[k] ?? 0, ci = conv.im[k] ?? 0, wr = chirpRe[k] ?? 0, wi = chirpIm[k] ?? 0;
    outRe[k] = cr * wr + ci * wi;
    outIm[k] = ci * wr - cr * wi;
  }
  return { re: outRe, im: outIm };
}

/** Inverse DFT of any length (divided by n), like numpy.fft.ifft. */
export function dftInverseAnyLength(spectrum: ComplexArray): ComplexArray {
  const n = spectrum.re.length;
  if (fftSizeIsValid(n)) return fftInverse(spectrum);
  // ifft(X) = conj(fft(conj(X))) / n
  const negatedIm = spectrum.im.map((v) => -v);
  const forward = dftAnyLength(spectrum.re, negatedIm);
  return { re: forward.re.map((v) => v / n), im: forward.im.map((v) => -v / n) };
}

/** The analytic signal x + i·H{x} over the input's own length, equal to scipy.signal.hilbert(x). */
export function analyticSignal(x: ArrayLike<number>): ComplexArray {
  const n = x.length;
  const spectrum = dftAnyLength(x);
  const half = Math.floor(n / 2);
  for (let k = 1; k < n; k += 1) {
    let weight: number;
    if (n % 2 === 0) weight = k < half ? 2 : k === half ? 1 : 0;
    else weight = k <= half ? 2 : 0;
    spectrum.re[k] = (spectrum.re[k] ?? 0) * weight;
    spectrum.im[k] = (spectrum.im[k] ?? 0) * weight;
  }
  return dftInverseAnyLength(spectrum);
}

/** Instantaneous phase in radians, (−π, π], of the analytic signal of x. */
export function instantaneousPhase(x: ArrayLike<number>): Float64Array {
  const analytic = analyticSignal(x);
  return analytic.re.map((re, index) => Math.atan2(analytic.im[index] ?? 0, re));
}
