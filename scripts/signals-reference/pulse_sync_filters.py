"""Reference values for src/core/signals/butterworth.ts and hilbert.ts (scipy.signal).

Prints JSON: Butterworth band-pass SOS for several designs, sosfiltfilt outputs on a
deterministic test signal, and scipy.signal.hilbert on even and odd lengths.
Usage: python3 scripts/signals-reference/pulse_sync_filters.py
"""
import json
import numpy as np
import scipy
from scipy import signal

DESIGNS = [(2, 0.7, 4.0, 30.0), (3, 0.7, 4.0, 30.0), (2, 0.05, 0.7, 50.0), (4, 0.1, 0.4, 4.0), (1, 1.0, 2.0, 10.0)]


def test_signal(n, fs):
    t = np.arange(n) / fs
    return (np.sin(2 * np.pi * 1.2 * t) + 0.5 * np.sin(2 * np.pi * 0.1 * t)
            + 0.3 * np.sin(2 * np.pi * 7.0 * t) + 0.01 * np.arange(n))


def hilbert_signal(n):
    k = np.arange(n)
    return np.sin(0.3 * k) + 0.5 * np.cos(0.11 * k + 0.4) + 0.05 * k


out = {"scipy": scipy.__version__, "numpy": np.__version__, "designs": [], "filtfilt": [], "hilbert": []}
for order, lo, hi, fs in DESIGNS:
    sos = signal.butter(order, [lo, hi], btype="band", fs=fs, output="sos")
    out["designs"].append({"order": order, "lo": lo, "hi": hi, "fs": fs, "sos": sos.ravel().tolist()})

for order, lo, hi, fs, n in [(2, 0.7, 4.0, 30.0, 300), (3, 0.7, 4.0, 30.0, 120)]:
    sos = signal.butter(order, [lo, hi], btype="band", fs=fs, output="sos")
    y = signal.sosfiltfilt(sos, test_signal(n, fs))
    idx = list(range(0, n, max(1, n // 12))) + [n - 1]
    out["filtfilt"].append({"order": order, "lo": lo, "hi": hi, "fs": fs, "n": n, "indices": idx,
                            "values": [float(y[i]) for i in idx]})

for n in (16, 21, 100):
    z = signal.hilbert(hilbert_signal(n))
    idx = list(range(0, n, max(1, n // 8))) + [n - 1]
    out["hilbert"].append({"n": n, "indices": idx, "re": [float(z[i].real) for i in idx],
                           "im": [float(z[i].imag) for i in idx]})

print(json.dumps(out, indent=1))
