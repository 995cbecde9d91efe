import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FAKE_START_MS, fakeReport, fakeSeries } from './fake-report.test-support.ts';
import { metricTable, synchronyTable, tableStretchMs } from './report-table-rows.ts';

test('short sessions get half-minute rows, long ones longer rows', () => {
  assert.equal(tableStretchMs(8 * 60_000), 30_000);
  assert.equal(tableStretchMs(30 * 60_000), 60_000);
  assert.equal(tableStretchMs(90 * 60_000), 120_000);
  assert.equal(tableStretchMs(200 * 60_000), 300_000);
});

test('each row averages each person over its stretch and names the practice going on', () => {
  const report = fakeReport({ series: [fakeSeries('ana', { heartRate: (offset) => (offset % 2000 === 0 ? 60 : 70) }), fakeSeries('bo', { heartRate: () => 64 })] });
  const table = metricTable(report, 'heartRateBpm');
  assert.deepEqual(table.columns, ['You', 'Bo']);
  assert.equal(table.rows.length, 20);
  assert.deepEqual(table.rows[0], { fromMs: 0, toMs: 30_000, practice: null, values: [65, 64] });
  assert.equal(table.rows[4]!.practice, 'Breathing together');
  assert.equal(table.rows[8]!.practice, 'Breathing together (paused for a while)');
  assert.equal(table.rows[14]!.practice, null);
});

test('a stretch without readings says so rather than guessing', () => {
  const report = fakeReport({ series: [fakeSeries('ana', { toMs: 60_000 })] });
  const table = metricTable(report, 'heartRateBpm');
  assert.deepEqual(table.rows[5]!.values, [null]);
});

test('the synchrony table has a row per point, over the two minutes it looks back on, unscored ones kept', () => {
  const table = synchronyTable(fakeReport());
  assert.deepEqual(table?.rows.map((row) => [row.fromMs, row.toMs, row.practice, row.values[0]]), [
    [0, 60_000, null, null],
    [60_000, 180_000, 'Breathing together', 0.2],
    [180_000, 300_000, 'Breathing together (paused for a while)', 0.45],
  ]);
  assert.equal(synchronyTable(fakeReport({ synchrony: { kind: 'notEnoughSignal', reason: 'x' } })), null);
  assert.ok(FAKE_START_MS > 0);
});
