#!/usr/bin/env python3
"""Reference values for the signal core's HRV functions (src/core/signals), from numpy/scipy.

Independent of the TypeScript: the spline is scipy.interpolate.CubicSpline(bc_type='natural'),
the spectra scipy.signal.welch / scipy.signal.periodogram with window='hann' (scipy's
get_window makes it periodic, i.e. sym=False), the detrend scipy.signal.detrend('linear').
The conventions are those of issue 4 and are restated in each function below.

The RR series are closed-form (no random numbers) so the TypeScript rebuilds them exactly:
`rr_rest()` and `rr_paced()` have line-for-line twins (`rrRest`, `rrPaced`) in the tests
src/core/signals/{hrv-time,hrv-frequency,hrv-coherence,respiration-rr}.test.ts and in
bench/signals-hrv.bench.ts. Their values are pasted into those tests; the bench reads the JSON.

Usage:  python3 scripts/signals-reference/hrv_reference.py  > scripts/signals-reference/hrv-reference.json
Tested with numpy 2.4.6 and scipy 1.17.1.
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy.interpolate import CubicSpline
from scipy.signal import detrend, periodogram, welch

FS = 4.0


def rr_rest(duration_s=300.0):
    """A 5-minute resting series: LF 0.1 Hz, HF (breathing) 0.25 Hz, slow 0.02 Hz drift, a deterministic wobble."""
    out, elapsed_ms, k = [], 0.0, 0
    while elapsed_ms < duration_s * 1000.0:
        t = elapsed_ms / 1000.0
        rr = (900.0 + 45.0 * math.sin(2 * math.pi * 0.1 * t) + 30.0 * math.sin(2 * math.pi * 0.25 * t + 0.7)
              + 12.0 * math.sin(2 * math.pi * 0.02 * t) + 8.0 * math.sin(1.7 * k + 0.3) * math.sin(0.31 * k))
        out.append(rr)
        elapsed_ms += rr
        k += 1
    return out


def rr_paced(duration_s=90.0):
    """Breathing paced at 6/min (0.1 Hz): strong RSA at 0.1 Hz plus a small deterministic wobble."""
    out, elapsed_ms, k = [], 0.0, 0
    while elapsed_ms < duration_s * 1000.0:
        t = elapsed_ms / 1000.0
        rr = 1000.0 + 80.0 * math.sin(2 * math.pi * 0.1 * t) + 5.0 * math.sin(2.3 * k)
        out.append(rr)
        elapsed_ms += rr
        k += 1
    return out


def time_domain(rr):
    """SDNN with N-1; RMSSD over successive differences; pNN50 = count(|dRR|>50)/N in %."""
    rr = np.asarray(rr)
    d = np.diff(rr)
    mean_nn = rr.mean()
    return {
        'meanNnMs': mean_nn,
        'meanHrBpm': 60000.0 / mean_nn,
        'sdnnMs': rr.std(ddof=1),
        'rmssdMs': math.sqrt(np.mean(d ** 2)),
        'pnn50Pct': 100.0 * np.count_nonzero(np.abs(d) > 50) / len(rr),
    }


def spline_of(rr):
    """Each RR stamped at the end of its interval (time 0 = start of the first); natural cubic spline."""
    times = np.cumsum(np.asarray(rr)) / 1000.0
    return times, CubicSpline(times, rr, bc_type='natural')


def band(f, p, lo, hi):
    df = f[1] - f[0]
    return float(np.sum(p[(f >= lo) & (f < hi)]) * df)


def frequency_domain(rr):
    """4 Hz from the first beat to the last, mean removed, Welch (periodic Hann, 512, 256 overlap, no detrend, density)."""
    times, spline = spline_of(rr)
    count = int(math.floor((times[-1] - times[0]) * FS + 1e-9)) + 1
    even = spline(times[0] + np.arange(count) / FS)
    even = even - even.mean()
    f, p = welch(even, fs=FS, window='hann', nperseg=512, noverlap=256, detrend=False,
                 scaling='density', return_onesided=True, average='mean')
    hf_mask = (f >= 0.15) & (f < 0.4)
    lf, hf = band(f, p, 0.04, 0.15), band(f, p, 0.15, 0.4)
    return {
        'vlfMs2': band(f, p, 0.0033, 0.04), 'lfMs2': lf, 'hfMs2': hf, 'lfHfRatio': lf / hf,
        'hfPeakHz': float(f[hf_mask][np.argmax(p[hf_mask])]),
        'resampledLength': count,
    }


def recent_spectrum(rr):
    """The last 64 s: 256 samples ending at the last beat, linear detrend, periodic Hann, nfft 2048, density."""
    times, spline = spline_of(rr)
    at = times[-1] - (255 - np.arange(256)) / FS
    assert times[0] <= at[0], 'series shorter than 64 s'
    return periodogram(detrend(spline(at), type='linear'), fs=FS, window='hann', nfft=2048,
                       detrend=False, return_onesided=True, scaling='density')


def coherence(rr):
    """Peak in 0.04 <= f < 0.26; peak power = bins with |f - peak| <= 0.015; total 0.0033 <= f < 0.4."""
    f, p = recent_spectrum(rr)
    df = f[1] - f[0]
    search = (f >= 0.04) & (f < 0.26)
    peak_hz = float(f[search][np.argmax(p[search])])
    peak = float(np.sum(p[np.abs(f - peak_hz) <= 0.015 + 1e-12]) * df)
    total = band(f, p, 0.0033, 0.4)
    return {'peakHz': peak_hz, 'ratio': peak / (total - peak), 'normalized': peak / total}


def respiration(rr, pacer_hz=None):
    """Largest bin in 0.15 <= f < 0.4 (or |f - pacer| <= 0.03), as breaths/min (clarity checks are the TS's)."""
    f, p = recent_spectrum(rr)
    mask = (f >= 0.15) & (f < 0.4) if pacer_hz is None else (np.abs(f - pacer_hz) <= 0.03 + 1e-12)
    return float(f[mask][np.argmax(p[mask])] * 60.0)


def spline_case():
    x = [0.0, 0.8, 1.7, 3.1, 4.0, 5.5]
    y = [900.0, 950.0, 870.0, 1010.0, 940.0, 905.0]
    at = [-0.5, 0.0, 0.3, 1.0, 2.2, 3.1, 3.9, 5.5, 6.0]
    return {'x': x, 'y': y, 'at': at, 'values': CubicSpline(x, y, bc_type='natural')(at).tolist()}


def spectra_case():
    """welch and periodogram on a closed-form signal x[n] = sin(0.37 n) + 0.003 n + 0.2 cos(1.3 n)."""
    n = np.arange(1200)
    x = np.sin(0.37 * n) + 0.003 * n + 0.2 * np.cos(1.3 * n)
    bins = [0, 1, 2, 3, 29, 30, 31, 105, 106, 256]
    _, pw = welch(x, fs=FS, window='hann', nperseg=512, noverlap=256, detrend=False, scaling='density')
    _, pp = periodogram(detrend(x[:256], type='linear'), fs=FS, window='hann', nfft=2048, detrend=False,
                        scaling='density')
    pbins = [0, 1, 2, 120, 121, 423, 424, 1024]
    return {'welchBins': bins, 'welch': pw[bins].tolist(), 'periodogramBins': pbins, 'periodogram': pp[pbins].tolist()}


def main():
    rest, paced = rr_rest(), rr_paced()
    result = {
        'generator': f'scripts/signals-reference/hrv_reference.py (numpy {np.__version__}, scipy {scipy.__version__})',
        'spline': spline_case(),
        'spectra': spectra_case(),
        'rest': {
            'beats': len(rest), 'sumMs': float(np.sum(rest)),
            'time': time_domain(rest), 'frequency': frequency_domain(rest),
            'coherence': coherence(rest), 'respirationBpm': respiration(rest),
        },
        'paced': {
            'beats': len(paced), 'sumMs': float(np.sum(paced)),
            'time': time_domain(paced), 'coherence': coherence(paced),
            'respirationBpmAtPacer': respiration(paced, 0.1),
        },
    }
    json.dump(result, sys.stdout, indent=2, default=float)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
