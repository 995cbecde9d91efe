#!/usr/bin/env python3
"""Reference values for src/core/signals/{pacer-band-stop,synchrony,heart-rate-grid}.ts.

Written from the conventions stated in those files' headers, not from their code:
- band-stop: scipy.signal.butter(2, [lo, hi], btype='bandstop', fs=4, output='sos') around the
  pacer (lo = max(p - 0.03, p / 2), hi = p + 0.03) and around 2p when 2p + 0.03 < fs / 2, the
  sections stacked, then scipy.signal.sosfiltfilt (default padding) on each finite run longer
  than the padding; shorter runs become NaN.
- windowed cross-correlation: Boker et al. (2002) with rMEA's windowing (as pulse_sync_wcc.py),
  here vectorised with numpy (every lag of a window at once); a window is skipped when either
  series has a NaN in [i*step, i*step + w + L).
- the null: circular shifts np.roll(b, -s) for evenly spaced s in [w + L, n - w - L], or FT
  surrogates of b (Theiler et al. 1992: numpy.fft.fft, phases from a Python mulberry32 with the
  same seed and drawing order, numpy.fft.ifft; gaps bridged with numpy.interp for the spectrum and
  put back), then pseudo-pairs (a, partner); q95 = np.percentile(null, 95); p = (1 + #(null >= r)) / (1 + N);
  score = max(0, (r - q95) / (1 - q95)); lag = np.median of the valid windows' peak lags.
- heart rate on a grid: np.interp between readings, NaN across gaps > maxGapMs and outside them.

The inputs are drawn here with numpy's seeded generator and written into the JSON (rounded to
3 decimals, and the references computed from the rounded values) so the TypeScript tests read
exactly the same numbers.
Usage: python3 scripts/signals-reference/synchrony_reference.py > scripts/signals-reference/synchrony-reference.json
"""
import json
import math
import sys

import numpy as np
import scipy
from numpy.lib.stride_tricks import sliding_window_view
from scipy import signal

FS = 4.0
HALF_WIDTH = 0.03
WINDOW, STEP, LAG = 120, 20, 20  # 30 s, 5 s, 5 s at 4 Hz
MIN_NULL = 19


def pacer_sos(pacer, fs=FS):
    bands = [(max(pacer - HALF_WIDTH, pacer / 2), pacer + HALF_WIDTH)]
    if 2 * pacer + HALF_WIDTH < fs / 2:
        bands.append((2 * pacer - HALF_WIDTH, 2 * pacer + HALF_WIDTH))
    return np.vstack([signal.butter(2, list(band), btype='bandstop', fs=fs, output='sos') for band in bands])


def remove_pacer(x, pacer):
    sos = pacer_sos(pacer)
    pad = 3 * (2 * len(sos) + 1)  # sosfiltfilt's default padlen
    out = np.full(len(x), np.nan)
    finite = np.isfinite(x)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], finite.astype(int), [0]])))
    for start, end in zip(edges[::2], edges[1::2]):
        if end - start > pad:
            out[start:end] = signal.sosfiltfilt(sos, x[start:end])
    return out


def window_peaks(a, b):
    """Per valid window: peak r and its lag in seconds (positive = b follows a)."""
    n = min(len(a), len(b))
    count = max(0, math.ceil((n - WINDOW - LAG + 1) / STEP))
    peaks, lags = [], []
    for i in range(count):
        s = i * STEP
        span_a, span_b = a[s:s + WINDOW + LAG], b[s:s + WINDOW + LAG]
        if np.isnan(span_a).any() or np.isnan(span_b).any():
            continue
        # Rows are lags -L..L: a's segment and b's segment for each.
        xs = np.vstack([sliding_window_view(span_a, WINDOW)[LAG:0:-1], np.repeat(span_a[None, :WINDOW], LAG + 1, 0)])
        ys = np.vstack([np.repeat(span_b[None, :WINDOW], LAG, 0), sliding_window_view(span_b, WINDOW)[:LAG + 1]])
        xs = xs - xs.mean(axis=1, keepdims=True)
        ys = ys - ys.mean(axis=1, keepdims=True)
        with np.errstate(invalid='ignore', divide='ignore'):
            r = (xs * ys).sum(axis=1) / np.sqrt((xs * xs).sum(axis=1) * (ys * ys).sum(axis=1))
        if np.isnan(r).all():
            continue
        j = int(np.nanargmax(r))
        peaks.append(float(min(1.0, max(-1.0, r[j]))))
        lags.append((j - LAG) / FS)
    return peaks, lags


def mean_peak(a, b):
    peaks, _ = window_peaks(a, b)
    return float(np.mean(peaks)) if len(peaks) >= 2 else None


def shifts(n, count):
    s0 = WINDOW + LAG
    span = n - 2 * s0
    if span < 0 or count < 1:
        return []
    k = min(count, span + 1)
    if k == 1:
        return [s0 + span // 2]
    return [s0 + (2 * j * span + (k - 1)) // (2 * (k - 1)) for j in range(k)]


PHASE_SEED = 0x5EED2002


def mulberry32(seed):
    """mulberry32 with 32-bit wrap-around, as JavaScript's Math.imul and >>> compute it."""
    state = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def draw():
        nonlocal state
        state = (state + 0x6D2B79F5) & 0xFFFFFFFF
        t = imul(state ^ (state >> 15), state | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return draw


def phase_surrogates(b, count):
    n = len(b)
    gaps = np.isnan(b)
    idx = np.arange(n)
    bridged = np.interp(idx, idx[~gaps], b[~gaps]) if gaps.any() else b
    amplitude = np.abs(np.fft.fft(bridged))
    spectrum0 = np.fft.fft(bridged)
    draw = mulberry32(PHASE_SEED)
    out = []
    for _ in range(count):
        spec = np.zeros(n, dtype=complex)
        spec[0] = spectrum0[0].real
        if n % 2 == 0:
            spec[n // 2] = spectrum0[n // 2].real
        for k in range(1, (n + 1) // 2):
            spec[k] = amplitude[k] * np.exp(1j * 2 * np.pi * draw())
            spec[n - k] = np.conj(spec[k])
        x = np.fft.ifft(spec).real
        x[gaps] = np.nan
        out.append(x)
    return out


def flat(x):
    finite = x[~np.isnan(x)]
    return len(finite) < 2 or finite.max() == finite.min()


def synchrony(a, b, pacer=None, surrogates=99, partners=(), method='circular-shift'):
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    if n < WINDOW + LAG + STEP or flat(a) or flat(b):
        return None
    partners = [p[:n] for p in partners if len(p) >= WINDOW + LAG + STEP and not flat(p[:n])]
    if pacer is not None:
        a, b = remove_pacer(a, pacer), remove_pacer(b, pacer)
        partners = [remove_pacer(p, pacer) for p in partners]
    peaks, lags = window_peaks(a, b)
    if len(peaks) < 2:
        return None
    r = float(np.mean(peaks))
    if method == 'phase-randomized':
        shift_list = []
        null = [mean_peak(a, x) for x in phase_surrogates(b, surrogates)]
    else:
        shift_list = shifts(n, surrogates)
        null = [mean_peak(a, np.roll(b, -s)) for s in shift_list]
    null += [mean_peak(a, p) for p in partners]
    null = [v for v in null if v is not None]
    if len(null) < MIN_NULL:
        return None
    q95 = float(np.percentile(null, 95))
    return {
        'meanPeakR': r, 'peakR': peaks, 'peakLagSec': lags, 'shifts': shift_list, 'null': null, 'q95': q95,
        'score': min(1.0, max(0.0, (r - q95) / (1 - q95))) if q95 < 1 else 0.0,
        'pValue': (1 + sum(v >= r for v in null)) / (1 + len(null)),
        'lagSec': float(np.median(lags)),
    }


def heart_rate_like(rng, n, level, sd=1.5, rho=0.95):
    """An AR(1) wander around a resting level, smooth like a 4 Hz heart-rate trace."""
    e = rng.normal(0.0, sd * math.sqrt(1 - rho * rho), n)
    x = np.empty(n)
    x[0] = rng.normal(0.0, sd)
    for i in range(1, n):
        x[i] = rho * x[i - 1] + e[i]
    return level + x


def cases():
    rng = np.random.default_rng(20261121)
    n = 480
    t = np.arange(n) / FS
    out = []

    a, b = heart_rate_like(rng, n, 72), heart_rate_like(rng, n, 64)
    out.append(('independent', a, b, [{}, {'surrogateMethod': 'phase-randomized'}]))

    a = heart_rate_like(rng, n + 8, 72)
    b = 64 + (a[:n] - 72) + heart_rate_like(rng, n, 0, sd=0.6)
    out.append(('delayed-2s', a[8:], b, [{}, {'surrogateMethod': 'phase-randomized'}]))  # b[i] follows a[i - 8]: b lags a by 2 s

    gate = ((t >= 30) & (t < 90)).astype(float)
    common = 6 * np.sin(2 * np.pi * 0.1 * t)
    a = heart_rate_like(rng, n, 72) + gate * common
    b = heart_rate_like(rng, n, 64) + gate * 6 * np.sin(2 * np.pi * 0.1 * (t - 1.0))
    out.append(('pacer-partway', a, b, [{}, {'pacerHz': 0.1}, {'pacerHz': 0.1, 'surrogateMethod': 'phase-randomized'}]))

    a = heart_rate_like(rng, n, 72) + common
    b = heart_rate_like(rng, n, 64) + 6 * np.sin(2 * np.pi * 0.1 * (t - 1.0))
    out.append(('pacer-steady', a, b, [{}, {'pacerHz': 0.1}]))

    phase = 2 * np.pi * np.cumsum(0.115 - 0.03 * t / t[-1]) / FS
    a = heart_rate_like(rng, n, 72) + 6 * np.sin(phase)
    b = heart_rate_like(rng, n, 64) + 6 * np.sin(phase - 0.6)
    out.append(('pacer-ramp', a, b, [{}, {'pacerHz': 0.1}]))

    a = heart_rate_like(rng, n + 8, 72)
    b = 64 + (a[:n] - 72) + heart_rate_like(rng, n, 0, sd=0.6)
    a = a[8:].copy()
    a[200:230] = np.nan
    b[330:338] = np.nan
    out.append(('delayed-with-gaps', a, b, [{}, {'pacerHz': 0.2}, {'surrogateCount': 30, 'surrogateMethod': 'phase-randomized'}]))

    a, b = heart_rate_like(rng, n, 70), heart_rate_like(rng, n, 66)
    partners = [round3(heart_rate_like(rng, n, 60 + 5 * k)) for k in range(4)]
    out.append(('pseudo-partners', a, b, [{'surrogateCount': 20}], partners))

    m = 320
    a = heart_rate_like(rng, m + 8, 72)
    b = 64 + (a[:m] - 72) + heart_rate_like(rng, m, 0, sd=0.6)
    out.append(('short-80s', a[8:], b, [{}, {'surrogateMethod': 'phase-randomized'}]))
    a = heart_rate_like(rng, 241 + 8, 72)
    b = 64 + (a[:241] - 72) + heart_rate_like(rng, 241, 0, sd=0.6)
    out.append(('one-minute-odd-length', a[8:], b, [{}, {'surrogateCount': 40, 'surrogateMethod': 'phase-randomized'}]))
    return out


def encode(x):
    return [None if math.isnan(v) else v for v in x.tolist()]


def round3(x):
    return np.round(np.asarray(x, dtype=float), 3)


def grid_case():
    rng = np.random.default_rng(7)
    times = np.cumsum(rng.uniform(600, 1200, 40))
    times[25:] += 7000  # a 7 s gap between readings 24 and 25
    bpm = round3(70 + 5 * np.sin(times / 4000))
    times = np.round(times)
    start, length, max_gap = float(times[0] - 1100), 140, 5000.0
    at = start + np.arange(length) * 250.0
    values = np.interp(at, times, bpm)
    gap_right = np.searchsorted(times, at, side='left')
    outside = (at < times[0]) | (at > times[-1])
    inside = np.clip(gap_right, 1, len(times) - 1)
    too_far = (times[inside] - times[inside - 1] > max_gap) & ~np.isin(at, times)
    values[outside | too_far] = np.nan
    return {'points': [{'atMs': float(tm), 'bpm': float(b)} for tm, b in zip(times, bpm)],
            'grid': {'startMs': start, 'sampleRateHz': 4.0, 'length': length, 'maxGapMs': max_gap},
            'values': encode(values)}


def main():
    result = {'generator': f'scripts/signals-reference/synchrony_reference.py (numpy {np.__version__}, scipy {scipy.__version__})'}
    result['bandStop'] = [
        {'order': 2, 'lo': lo, 'hi': hi, 'fs': fs, 'sos': signal.butter(2, [lo, hi], btype='bandstop', fs=fs, output='sos').ravel().tolist()}
        for lo, hi, fs in [(0.07, 0.13, 4.0), (0.17, 0.23, 4.0), (0.025, 0.08, 4.0), (0.3, 0.36, 4.0), (1.0, 2.0, 10.0)]
    ]
    result['pacerSections'] = [{'pacerHz': p, 'sos': pacer_sos(p).ravel().tolist()} for p in (0.1, 0.05, 0.25, 1.0)]
    x = round3(70 + 4 * np.sin(2 * np.pi * 0.1 * np.arange(300) / FS) + 2 * np.sin(2 * np.pi * 0.02 * np.arange(300) / FS)
               + np.sin(2 * np.pi * 0.33 * np.arange(300) / FS))
    x[120:126] = np.nan
    result['pacerRemoval'] = {'pacerHz': 0.1, 'input': encode(x), 'output': encode(remove_pacer(x, 0.1))}
    result['cases'] = []
    for name, a, b, runs, *rest in cases():
        a, b = round3(a), round3(b)
        partners = rest[0] if rest else []
        case = {'name': name, 'a': encode(a), 'b': encode(b), 'runs': [
            {'options': options, 'expected': synchrony(a, b, options.get('pacerHz'), options.get('surrogateCount', 99), partners,
                                                      options.get('surrogateMethod', 'circular-shift'))}
            for options in runs]}
        if partners:
            case['pseudoPartners'] = [encode(p) for p in partners]
        result['cases'].append(case)
    x = round3(heart_rate_like(np.random.default_rng(3), 37, 70))
    x[5:8] = np.nan
    result['phaseSurrogates'] = {'seed': PHASE_SEED, 'input': encode(x), 'surrogates': [encode(v) for v in phase_surrogates(x, 3)],
                                 'firstDraws': [mulberry32(PHASE_SEED)() for _ in range(1)]}
    result['heartRateGrid'] = grid_case()
    json.dump(result, sys.stdout, separators=(',', ':'))
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
