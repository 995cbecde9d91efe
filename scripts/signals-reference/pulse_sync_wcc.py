"""Reference values for src/core/signals/cross-correlation.ts, written from the definition.

Boker et al. (2002) windowed cross-correlation with rMEA's MEAccf conventions: window i spans
[i*step, i*step + w + L); lag k >= 0 pairs a[0:w] with b[k:k+w] of that span, lag k < 0 pairs
a[|k|:|k|+w] with b[0:w]; Pearson r (numpy.corrcoef); peak = first maximum over lags -L..L.
Prints JSON for deterministic signals (no random numbers, so TypeScript regenerates them).
Usage: python3 scripts/signals-reference/pulse_sync_wcc.py
"""
import json
import math
import numpy as np


def signals(n, fs, delay_sec):
    t = np.arange(n) / fs
    def base(tt):
        return np.sin(2 * np.pi * 0.1 * tt) + 0.6 * np.sin(2 * np.pi * 0.23 * tt + 1.0) + 0.3 * np.sin(2 * np.pi * 0.037 * tt * tt / 60)
    a = base(t) + 0.2 * np.sin(2 * np.pi * 1.3 * t)
    b = base(t - delay_sec) + 0.25 * np.cos(2 * np.pi * 0.9 * t + 0.5)
    return a, b


def wcc(a, b, w, step, lag):
    n = min(len(a), len(b))
    n_win = max(0, math.ceil((n - w - lag + 1) / step))
    peaks, lags = [], []
    for i in range(n_win):
        s = i * step
        row = []
        for k in range(-lag, lag + 1):
            if k >= 0:
                x, y = a[s:s + w], b[s + k:s + k + w]
            else:
                x, y = a[s - k:s - k + w], b[s:s + w]
            row.append(np.corrcoef(x, y)[0, 1])
        j = int(np.argmax(row))
        peaks.append(float(row[j]))
        lags.append(float((j - lag)))
    return peaks, lags


out = []
for n, fs, delay, win_sec, step_sec, lag_sec in [(480, 4.0, 2.0, 30.0, 5.0, 5.0), (600, 4.0, -1.25, 20.0, 7.5, 3.0), (300, 10.0, 0.0, 8.0, 2.0, 1.0)]:
    a, b = signals(n, fs, delay)
    peaks, lags = wcc(a, b, round(win_sec * fs), round(step_sec * fs), round(lag_sec * fs))
    out.append({"n": n, "fs": fs, "delaySec": delay, "windowSec": win_sec, "stepSec": step_sec, "maxLagSec": lag_sec,
                "peakR": peaks, "peakLagSec": [l / fs for l in lags], "meanPeakR": float(np.mean(peaks))})
print(json.dumps(out))
