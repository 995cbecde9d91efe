"""Reference values for src/core/signals/phase-locking.ts (scipy sosfiltfilt + hilbert).

PLV = |mean exp(i(phi_a - phi_b))| after a Butterworth order-2 band-pass (sosfiltfilt) and
scipy.signal.hilbert, leaving out min(round(fs / lo), n // 4) samples at each end.
Usage: python3 scripts/signals-reference/pulse_sync_plv.py
"""
import json
import numpy as np
from scipy import signal


def pair(n, fs):
    t = np.arange(n) / fs
    a = np.sin(2 * np.pi * 0.2 * t) + 0.4 * np.sin(2 * np.pi * 0.013 * t * t) + 0.3 * np.cos(2 * np.pi * 1.1 * t)
    b = np.sin(2 * np.pi * 0.2 * t - 0.7 + 0.3 * np.sin(2 * np.pi * 0.01 * t)) + 0.5 * np.sin(2 * np.pi * 0.31 * t + 0.2)
    return a, b


out = []
for n, fs, lo, hi in [(400, 4.0, 0.1, 0.4), (257, 4.0, 0.15, 0.3), (600, 10.0, 0.1, 0.5)]:
    a, b = pair(n, fs)
    sos = signal.butter(2, [lo, hi], btype="band", fs=fs, output="sos")
    pa = np.angle(signal.hilbert(signal.sosfiltfilt(sos, a)))
    pb = np.angle(signal.hilbert(signal.sosfiltfilt(sos, b)))
    edge = min(round(fs / lo), n // 4)
    z = np.exp(1j * (pa - pb))[edge:n - edge]
    m = z.mean()
    out.append({"n": n, "fs": fs, "lo": lo, "hi": hi, "plv": float(abs(m)), "meanPhaseDiffRad": float(np.angle(m))})
print(json.dumps(out))
