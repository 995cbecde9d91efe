import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressTimeline } from '../../core/progress/index.ts';
import { progressInputFrom } from './progress-input.ts';
import {
  cycleMomentsChart,
  markersChart,
  periodMonths,
  periodWeeks,
  practiceLengthsChart,
  practiceMinutesChart,
  repairTimesChart,
  trendChart,
  windowChart,
  workingModelChart,
} from './progress-series.ts';
import { MONDAY_3_NOV_MS, NOW_MS, fakeProgressView } from './progress.test-support.ts';

const period = { fromMs: MONDAY_3_NOV_MS, toMs: NOW_MS };
const timeline = progressTimeline(progressInputFrom(fakeProgressView(), []), period, 0);
const weeks = periodWeeks(period, 0);

test('every week of the period has a place on the axis, quiet ones too', () => {
  assert.deepEqual(weeks, ['2025-11-03', '2025-11-10', '2025-11-17']);
  assert.deepEqual(periodMonths(period, 0), ['2025-11']);
  assert.deepEqual(periodMonths({ fromMs: Date.UTC(2025, 9, 27), toMs: Date.UTC(2025, 10, 4) }, 0), ['2025-10', '2025-11']);
});

test('the window chart stacks hours by part of the window, a gap for a week with no check-ins', () => {
  const chart = windowChart(timeline, weeks);
  assert.ok(chart);
  assert.equal(chart.kind, 'stackedBars');
  assert.deepEqual(chart.xLabels, ['3 Nov', '10 Nov', '17 Nov']);
  const byLabel = Object.fromEntries(chart.series.map((series) => [series.label, series.values]));
  // 09:00 settled until the 10:00 check-in, then three hours revved up; the 17th: three hours low.
  assert.deepEqual(byLabel['Within your window'], [1, null, 0]);
  assert.deepEqual(byLabel['Above it (revved up)'], [3, null, 0]);
  assert.deepEqual(byLabel['Below it (low or far away)'], [0, null, 3]);
  assert.equal(byLabel['Mixed or unsure'], undefined, 'a part with no time at all is left off the key');
});

test('practice charts show minutes in all and the typical and longest length, with no target line', () => {
  const minutes = practiceMinutesChart(timeline, weeks);
  assert.deepEqual(minutes?.series.map((series) => series.values), [[3, null, 13]]);
  const lengths = practiceLengthsChart(timeline, weeks);
  assert.deepEqual(lengths?.series.map((series) => [series.label, series.values]), [
    ['Typical length', [3, null, 7]],
    ['Longest', [3, null, 8]],
  ]);
  assert.equal(minutes.series.length, 1);
});

test('trends, cycle moments and repair times by week and month', () => {
  assert.deepEqual(trendChart(timeline.synchrony, weeks, 'Synchrony', 'from 0 to 1', [0, 1])?.series[0]?.values, [null, null, 0.42]);
  assert.deepEqual(cycleMomentsChart(timeline, weeks)?.series[0]?.values, [2, null, null]);
  const repairs = repairTimesChart(timeline, periodMonths(period, 0));
  assert.deepEqual(repairs?.xLabels, ['Nov']);
  assert.equal(repairs.unit, 'hours');
  assert.deepEqual(repairs.series[0]?.values, [3]);
  assert.equal(cycleMomentsChart(timeline, weeks)?.yWhole, true, 'counts tick at whole numbers');
});

test('repair times read in minutes when quick and in days when long', () => {
  const quick = progressTimeline(progressInputFrom({ ...fakeProgressView(), repairs: [{ startedAtMs: MONDAY_3_NOV_MS, completedAtMs: MONDAY_3_NOV_MS + 45 * 60_000 }] }, []), period, 0);
  assert.deepEqual([repairTimesChart(quick, ['2025-11'])?.unit, repairTimesChart(quick, ['2025-11'])?.series[0]?.values], ['minutes', [45]]);
  const slow = progressTimeline(progressInputFrom({ ...fakeProgressView(), repairs: [{ startedAtMs: MONDAY_3_NOV_MS, completedAtMs: MONDAY_3_NOV_MS + 4 * 86_400_000 }] }, []), period, 0);
  assert.deepEqual([repairTimesChart(slow, ['2025-11'])?.unit, repairTimesChart(slow, ['2025-11'])?.series[0]?.values], ['days', [4]]);
});

test('reflections line up on local days; answers only in words add no point', () => {
  const chart = workingModelChart(timeline, 0);
  assert.ok(chart);
  assert.equal(chart.xAxis, 'day');
  assert.equal(chart.series.length, 1, 'the second question was answered only in words');
  assert.deepEqual(chart.series[0]?.values, [4, 6]);
  const markers = markersChart(timeline, 0);
  assert.deepEqual(markers?.series.map((series) => [series.label, series.values]), [
    ['Staying present in conflict', [3, 7]],
    ['Trusting my inner signals', [5, null]],
  ]);
});

test('nothing to draw gives no chart at all, so the section can say so kindly', () => {
  const empty = progressTimeline(progressInputFrom(null, []), period, 0);
  assert.equal(windowChart(empty, weeks), null);
  assert.equal(practiceMinutesChart(empty, weeks), null);
  assert.equal(practiceLengthsChart(empty, weeks), null);
  assert.equal(trendChart(empty.coherence, weeks, 'Coherence', 'ratio'), null);
  assert.equal(cycleMomentsChart(empty, weeks), null);
  assert.equal(repairTimesChart(empty, ['2025-11']), null);
  assert.equal(workingModelChart(empty, 0), null);
  assert.equal(markersChart(empty, 0), null);
});
