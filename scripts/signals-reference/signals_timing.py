#!/usr/bin/env python3
"""Times the numpy/scipy references of the signal core's hot paths, Python's start-up excluded.

The benches (bench/signals-*.bench.ts) send the exact inputs they time on stdin, as JSON:
  {"ops": ["pulse-pos", "hrv-5min", "synchrony", "synchrony-phase"], "budgetSec": 2,
   "pulse": {"r": [...], "g": [...], "b": [...], "fps": 30},
   "hrv": {"rrMs": [...]}, "synchrony": {"a": [...], "b": [...], "sampleRateHz": 4}}
and get back, on stdout, for each operation asked: the median milliseconds of one call measured
with time.perf_counter around each call after the imports and one warm-up call (repeated until
budgetSec or 200 calls, at least 3), and the result so the bench can also print the agreement.

The computations are the repository's numpy/scipy references:
- pulse-pos: POS (Wang et al. 2017, Algorithm 1) vectorised with numpy, then the Hann periodogram
  peak and template SNR, with the conventions stated in src/core/signals/pulse-rgb.ts;
- hrv-5min: time domain + frequency domain + coherence from hrv_reference.py (scipy CubicSpline,
  welch, periodogram);
- synchrony / synchrony-phase: synchrony() from synchrony_reference.py with 99 circular shifts or
  99 phase-randomised surrogates.
Usage: <json> | python3 scripts/signals-reference/signals_timing.py
"""
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import scipy
from numpy.lib.stride_tricks import sliding_window_view

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hrv_reference  # noqa: E402
import synchrony_reference  # noqa: E402

PULSE_BAND = (0.7, 4.0)
PULSE_WINDOW_SEC = 1.6
BIN_BPM = 0.25


def pos_signal(r, g, b, fps):
    """POS: temporal normalisation per 1.6 s window, projection [0,1,-1] and [-2,1,1], alpha tuning, overlap-add."""
    n = len(r)
    length = math.ceil(PULSE_WINDOW_SEC * fps)
    windows = sliding_window_view(np.vstack([r, g, b]), length, axis=1)  # (3, m, l)
    means = windows.mean(axis=2, keepdims=True)
    ok = np.all(means[:, :, 0] > 0, axis=0)
    normalised = windows / np.where(means > 0, means, 1.0)
    s1 = normalised[1] - normalised[2]
    s2 = -2 * normalised[0] + normalised[1] + normalised[2]
    sd2 = s2.std(axis=1)
    alpha = np.divide(s1.std(axis=1), sd2, out=np.zeros_like(sd2), where=sd2 > 0)
    h = s1 + alpha[:, None] * s2
    h = (h - h.mean(axis=1, keepdims=True)) * ok[:, None]
    out = np.zeros(n)
    for i in range(length):  # overlap-add, one column of every window at a time
        out[i:i + h.shape[0]] += h[:, i]
    return out


def pulse_estimate(pulse, fps):
    length = len(pulse)
    size = 2 ** math.ceil(math.log2(max(length, math.ceil(60 * fps / BIN_BPM), 2)))
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(length) / length)  # periodic Hann
    power = np.abs(np.fft.rfft((pulse - pulse.mean()) * window, size)) ** 2
    bin_hz = fps / size
    lo, hi = math.ceil(PULSE_BAND[0] / bin_hz), min(math.floor(PULSE_BAND[1] / bin_hz), size // 2)
    band = power[lo:hi + 1]
    f = np.arange(lo, hi + 1) * bin_hz
    f0 = (lo + int(np.argmax(band))) * bin_hz
    tolerance = max(0.1, 2 / (length / fps))
    peak = (np.abs(f - f0) <= tolerance) | (np.abs(f - 2 * f0) <= tolerance)
    return {'bpm': f0 * 60, 'snrDb': float(10 * np.log10(band[peak].sum() / band[~peak].sum()))}


def hrv_all(rr):
    return {'time': hrv_reference.time_domain(rr), 'frequency': hrv_reference.frequency_domain(rr),
            'coherence': hrv_reference.coherence(rr)}


def synchrony_summary(a, b, method):
    result = synchrony_reference.synchrony(a, b, method=method)
    return None if result is None else {k: result[k] for k in ('score', 'meanPeakR', 'lagSec', 'pValue', 'q95')}


def timed(call, budget_sec):
    result = call()  # warm-up, and the result reported
    samples = []
    started = time.perf_counter()
    while len(samples) < 3 or (time.perf_counter() - started < budget_sec and len(samples) < 200):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000)
    return {'medianMs': statistics.median(samples), 'runs': len(samples), 'result': result}


def main():
    request = json.load(sys.stdin)
    budget = float(request.get('budgetSec', 2))
    ops = {}
    for op in request['ops']:
        if op == 'pulse-pos':
            p = request['pulse']
            r, g, b = (np.asarray(p[c], dtype=float) for c in 'rgb')
            ops[op] = timed(lambda: pulse_estimate(pos_signal(r, g, b, p['fps']), p['fps']), budget)
        elif op == 'hrv-5min':
            rr = [float(v) for v in request['hrv']['rrMs']]
            ops[op] = timed(lambda: hrv_all(rr), budget)
        elif op in ('synchrony', 'synchrony-phase'):
            s = request['synchrony']
            a, b = np.asarray(s['a'], dtype=float), np.asarray(s['b'], dtype=float)
            method = 'phase-randomized' if op == 'synchrony-phase' else 'circular-shift'
            ops[op] = timed(lambda: synchrony_summary(a, b, method), budget)
        else:
            raise SystemExit(f'unknown operation {op}')
    json.dump({'numpy': np.__version__, 'scipy': scipy.__version__, 'python': sys.version.split()[0], 'ops': ops},
              sys.stdout, default=float)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
