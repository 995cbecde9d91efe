import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricChartData, phaseBands } from './chart-series.ts';
import { fakeReport, fakeSeries } from './fake-report.test-support.ts';
import { metricChartSummary, phasesSentence, synchronyChartSummary } from './metric-words.ts';

test('the chart text gives each person range and average in plain units', () => {
  const report = fakeReport({
    series: [fakeSeries('ana', { heartRate: (offset) => (offset < 300_000 ? 60 : 80) }), fakeSeries('bo', { heartRate: () => 66 })],
  });
  assert.equal(
    metricChartSummary('heartRateBpm', metricChartData(report, 'heartRateBpm')),
    'You: between 60 and 80 beats a minute, 70 on average. Bo: about 66 beats a minute.',
  );
  assert.equal(metricChartSummary('breathingRateBpm', metricChartData(report, 'breathingRateBpm')), 'You: about 12.0 breaths a minute. Bo: about 12.0 breaths a minute.');
});

test('says so when nobody shared a metric', () => {
  assert.equal(metricChartSummary('breathingRateBpm', metricChartData(fakeReport({ series: [] }), 'breathingRateBpm')), 'No breathing rate was shared in this session.');
});

test('names the shaded practices, when they ran and how often they paused', () => {
  assert.equal(phasesSentence(phaseBands(fakeReport())), 'Shaded: Breathing together from 2:00 to 7:00, paused once.');
  assert.equal(phasesSentence([]), null);
});

test('the synchrony text gives the range and the stretches left blank', () => {
  assert.equal(synchronyChartSummary(fakeReport()), 'The score moved between 0.20 and 0.45. One stretch had too little signal to score and is left blank.');
  assert.equal(synchronyChartSummary(fakeReport({ synchrony: { kind: 'notEnoughSignal', reason: 'x' } })), null);
});
