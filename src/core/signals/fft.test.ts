import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fft, fftInverse, fftReal, fftSizeAtLeast } from './fft.ts';

// Reference values from numpy 1.26: numpy.fft.fft([1, 2, 3, 4, 0, -1, 0.5, 2]).
const NUMPY_FFT_RE = [11.5, 1.7071067811865475, -2.5, 0.2928932188134524, -2.5, 0.2928932188134524, -2.5, 1.7071067811865475];
const NUMPY_FFT_IM = [0, -6.035533905932738, 5, -1.0355339059327378, 0, 1.0355339059327378, -5, 6.035533905932738];

test('the forward transform matches numpy.fft.fft', () => {
  const out = fft([1, 2, 3, 4, 0, -1, 0.5, 2]);
  for (let index = 0; index < 8; index += 1) {
    assert.ok(Math.abs((out.re[index] ?? NaN) - (NUMPY_FFT_RE[index] ?? 0)) < 1e-12, `re[${index}]`);
    assert.ok(Math.abs((out.im[index] ?? NaN) - (NUMPY_FFT_IM[index] ?? 0)) < 1e-12, `im[${index}]`);
  }
});

test('the inverse undoes the forward transform, divided by n like numpy.fft.ifft', () => {
  const signal = [0.3, -1, 2.5, 4, 0, 0, 1, -2];
  const back = fftInverse(fft(signal));
  signal.forEach((value, index) => {
    assert.ok(Math.abs((back.re[index] ?? NaN) - value) < 1e-12);
    assert.ok(Math.abs(back.im[index] ?? NaN) < 1e-12);
  });
});

test('real signals are zero-padded to a power of two; other lengths are refused', () => {
  assert.equal(fftSizeAtLeast(5), 8);
  assert.equal(fftSizeAtLeast(1), 2);
  assert.equal(fftReal([1, 1, 1]).re.length, 4);
  assert.throws(() => fft([1, 2, 3]), /power-of-two/);
});
