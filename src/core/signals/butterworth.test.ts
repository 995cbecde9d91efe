import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandpassZeroPhase, butterworthBandpass, sosFiltFilt, sosFilter, sosFilterInitialState } from './butterworth.ts';

// Reference values produced by scripts/signals-reference/pulse_sync_filters.py (scipy 1.17.1, numpy 2.4.6):
// scipy.signal.butter(N, [lo, hi], btype='band', fs=fs, output='sos').ravel().
const SCIPY_DESIGNS = [{"order": 2, "lo": 0.7, "hi": 4.0, "fs": 30.0, "sos": [0.07909371811698926, 0.15818743623397852, 0.07909371811698926, 1.0, -1.0578730338698503, 0.453318933266392, 1.0, -2.0, 1.0, 1.0, -1.8104676460327398, 0.8352161615670907]}, {"order": 3, "lo": 0.7, "hi": 4.0, "fs": 30.0, "sos": [0.023033552196294126, 0.04606710439258825, 0.023033552196294126, 1.0, -1.3774469840172525, 0.4705642812122516, 1.0, 0.0, -1.0, 1.0, -1.0980118950671502, 0.5789751164600165, 1.0, -2.0, 1.0, 1.0, -1.8699353828611232, 0.8923205348852282]}, {"order": 2, "lo": 0.05, "hi": 0.7, "fs": 50.0, "sos": [0.0015761053065453104, 0.0031522106130906207, 0.0015761053065453104, 1.0, -1.8922131953360504, 0.8986715407418209, 1.0, -2.0, 1.0, 1.0, -1.9913156919062804, 0.9913603821833838]}, {"order": 4, "lo": 0.1, "hi": 0.4, "fs": 4.0, "sos": [0.001782609991925404, 0.003565219983850808, 0.001782609991925404, 1.0, -1.3837376849231695, 0.5450316541521658, 1.0, 2.0, 1.0, 1.0, -1.7093596638014648, 0.7504404194955641, 1.0, -2.0, 1.0, 1.0, -1.4417529515240448, 0.7600416079028112, 1.0, -2.0, 1.0, 1.0, -1.9010403228977193, 0.9262159457423808]}, {"order": 1, "lo": 1.0, "hi": 2.0, "fs": 10.0, "sos": [0.24523727525278563, 0.0, -0.24523727525278563, 1.0, -0.9329380346705198, 0.5095254494944288]}] as const;

// The same script: scipy.signal.sosfiltfilt(sos, x) at the listed indices (default padding).
const SCIPY_FILTFILT = [{"order": 2, "lo": 0.7, "hi": 4.0, "fs": 30.0, "n": 300, "indices": [0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 299], "values": [0.0782122556763375, -0.01661177728365104, -0.00776886515595443, 4.0000116041438716e-05, 0.008701923162739544, 0.008660410352994474, -1.177259623119653e-09, -0.008661611726564988, -0.008679804507555788, -0.00033124516466620513, 0.011051196341228975, -0.016587080854912784, -0.2535102901442021]}, {"order": 3, "lo": 0.7, "hi": 4.0, "fs": 30.0, "n": 120, "indices": [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 119], "values": [0.11359249963685636, 0.6153290815144686, -0.9847540841103197, 0.9392741781875623, -0.5692147842076559, -0.0060149161969814124, 0.5559576915182246, -0.9318806897534274, 1.0469055425330156, -0.5922032703444375, -0.306491866535616, 0.514876922321114, -0.011638081587659]}] as const;

/** The script's deterministic test signal. */
function testSignal(n: number, fs: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => {
    const t = k / fs;
    return Math.sin(2 * Math.PI * 1.2 * t) + 0.5 * Math.sin(2 * Math.PI * 0.1 * t) + 0.3 * Math.sin(2 * Math.PI * 7 * t) + 0.01 * k;
  });
}

test('band-pass sections equal scipy.signal.butter(..., output="sos")', () => {
  for (const design of SCIPY_DESIGNS) {
    const sos = butterworthBandpass(design.order, design.lo, design.hi, design.fs);
    assert.equal(sos.length, design.sos.length, `section count for ${JSON.stringify(design)}`);
    design.sos.forEach((expected, index) => {
      const actual = sos[index] ?? NaN;
      assert.ok(Math.abs(actual - expected) < 1e-12 * Math.max(1, Math.abs(expected)), `${design.order} ${design.lo}-${design.hi}@${design.fs} [${index}]: ${actual} vs ${expected}`);
    });
  }
});

test('zero-phase filtering equals scipy.signal.sosfiltfilt, edges included', () => {
  for (const case_ of SCIPY_FILTFILT) {
    const sos = butterworthBandpass(case_.order, case_.lo, case_.hi, case_.fs);
    const y = sosFiltFilt(sos, testSignal(case_.n, case_.fs));
    case_.indices.forEach((sample, index) => {
      const expected = case_.values[index] ?? NaN;
      assert.ok(Math.abs((y[sample] ?? NaN) - expected) < 1e-9, `n=${case_.n} [${sample}]: ${y[sample]} vs ${expected}`);
    });
  }
});

test('the filter passes the centre of the band and rejects far outside it', () => {
  const fs = 30;
  const n = 900;
  const tone = (hz: number): Float64Array => Float64Array.from({ length: n }, (_, k) => Math.sin((2 * Math.PI * hz * k) / fs));
  const rms = (x: Float64Array): number => Math.sqrt(x.slice(200, 700).reduce((s, v) => s + v * v, 0) / 500);
  assert.ok(Math.abs(rms(bandpassZeroPhase(tone(1.67), fs, 0.7, 4)) - Math.SQRT1_2) < 0.02);
  assert.ok(rms(bandpassZeroPhase(tone(0.1), fs, 0.7, 4)) < 0.01);
  assert.ok(rms(bandpassZeroPhase(tone(12), fs, 0.7, 4)) < 0.01);
});

test('the initial state makes a constant input start in steady state', () => {
  const sos = butterworthBandpass(2, 0.7, 4, 30);
  const zi = sosFilterInitialState(sos).map((v) => v * 5);
  const y = sosFilter(sos, new Float64Array(50).fill(5), zi);
  for (const value of y) assert.ok(Math.abs(value) < 1e-12);
});

test('impossible bands and short inputs are refused', () => {
  assert.throws(() => butterworthBandpass(2, 4, 0.7, 30), RangeError);
  assert.throws(() => butterworthBandpass(2, 0.7, 16, 30), RangeError);
  assert.throws(() => sosFiltFilt(butterworthBandpass(2, 0.7, 4, 30), new Float64Array(15)), RangeError);
});
