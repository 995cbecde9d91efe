import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GAP_MS, metricChartData, phaseBands, synchronyChartData } from './chart-series.ts';
import { FAKE_START_MS, fakeReport, fakeSeries } from './fake-report.test-support.ts';

test('puts everyone on one time axis in minutes, one line per person, the viewer called "You"', () => {
  const data = metricChartData(fakeReport(), 'heartRateBpm');
  assert.deepEqual(data.lines.map((line) => line.label), ['You', 'Bo']);
  assert.equal(data.xMinutes[0], 0);
  assert.equal(data.xMinutes.length, 600);
  assert.equal(data.spanMinutes, 10);
  for (const line of data.lines) assert.equal(line.values.length, data.xMinutes.length);
});

test('each person keeps their line style when someone else has no line', () => {
  const data = metricChartData(fakeReport({ series: [fakeSeries('bo')] }), 'heartRateBpm');
  assert.deepEqual(data.lines.map((line) => [line.label, line.styleIndex]), [['Bo', 1]]);
});

test('steps over times where only the other person has a reading, so the line carries on', () => {
  const report = fakeReport({
    series: [fakeSeries('ana', { stepMs: 1000, toMs: 4000 }), fakeSeries('bo', { fromMs: 500, stepMs: 1000, toMs: 4000 })],
  });
  const data = metricChartData(report, 'heartRateBpm');
  assert.deepEqual(data.xMinutes.map((minutes) => Math.round(minutes * 60_000)), [0, 500, 1000, 1500, 2000, 2500, 3000, 3500]);
  const [ana, bo] = data.lines;
  assert.equal(ana!.values[1], undefined);
  assert.equal(bo!.values[0], undefined);
  assert.ok(!ana!.values.includes(null) && !bo!.values.includes(null), 'no gaps where nobody stopped');
});

test('breaks the line where a person has no reading for longer than the gap', () => {
  const series = fakeSeries('ana', { toMs: 5000 });
  const later = fakeSeries('ana', { fromMs: 5000 + GAP_MS + 1000, toMs: 5000 + GAP_MS + 3000 });
  const report = fakeReport({
    series: [{ ...series, atMs: [...series.atMs, ...later.atMs], heartRateBpm: [...series.heartRateBpm, ...later.heartRateBpm], breathingRateBpm: [...series.breathingRateBpm, ...later.breathingRateBpm] }],
  });
  const line = metricChartData(report, 'heartRateBpm').lines[0]!;
  assert.equal(line.values.filter((value) => value === null).length, 1);
  assert.equal(line.values.indexOf(null), 5);
});

test('readings without this metric are skipped, not drawn as gaps; people without it have no line', () => {
  const report = fakeReport({
    series: [
      fakeSeries('ana', { breathing: (offset) => (offset % 4000 === 0 ? 11 : null) }),
      fakeSeries('bo', { breathing: () => null }),
    ],
  });
  const data = metricChartData(report, 'breathingRateBpm');
  assert.deepEqual(data.lines.map((line) => line.label), ['You']);
  assert.ok(!data.lines[0]!.values.includes(null));
  assert.equal(data.xMinutes.length, 150);
});

test('practices become shaded stretches with their pauses; one still running reaches the end', () => {
  const report = fakeReport();
  assert.deepEqual(phaseBands(report), [{ title: 'Breathing together', fromMinutes: 2, toMinutes: 7, pauses: [{ fromMinutes: 4, toMinutes: 4.5 }] }]);
  const running = fakeReport({
    practices: [{ ...report.practices[0]!, endedAtMs: null, pauses: [{ fromMs: FAKE_START_MS + 8 * 60_000, toMs: null }] }],
  });
  assert.deepEqual(phaseBands(running)[0]!.pauses, [{ fromMinutes: 8, toMinutes: 10 }]);
  assert.equal(phaseBands(running)[0]!.toMinutes, 10);
});

test('the synchrony trend keeps unscored stretches as gaps, and is absent without any score', () => {
  const data = synchronyChartData(fakeReport());
  assert.ok(data !== null);
  assert.deepEqual(data.lines[0]?.values, [null, 0.2, 0.45]);
  assert.deepEqual(data.xMinutes, [1, 3, 5]);
  assert.equal(synchronyChartData(fakeReport({ synchrony: { kind: 'notEnoughSignal', reason: 'x' } })), null);
  assert.equal(
    synchronyChartData(fakeReport({ synchrony: { kind: 'scored', participantIds: ['ana', 'bo'], points: [{ atMs: FAKE_START_MS, score: null, meanPeakR: null }], overall: null } })),
    null,
  );
});
