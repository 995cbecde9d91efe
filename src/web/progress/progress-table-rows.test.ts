import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressTimeline } from '../../core/progress/index.ts';
import { durationShort, durationWords, timesWords, weekLong } from './progress-format.ts';
import { progressInputFrom } from './progress-input.ts';
import { cycleTable, markersTable, practiceTable, repairTable, signalsTable, windowTable, workingModelTable } from './progress-table-rows.ts';
import { MONDAY_3_NOV_MS, NOW_MS, fakeProgressView } from './progress.test-support.ts';

const period = { fromMs: MONDAY_3_NOV_MS, toMs: NOW_MS };
const timeline = progressTimeline(progressInputFrom(fakeProgressView(), []), period, 0);

test('lengths of time read plainly in tables and in sentences', () => {
  assert.equal(durationShort(0), '0 min');
  assert.equal(durationShort(20_000), 'under 1 min');
  assert.equal(durationShort(45 * 60_000), '45 min');
  assert.equal(durationShort(125 * 60_000), '2 h 5 min');
  assert.equal(durationShort(3 * 3_600_000), '3 h');
  assert.equal(durationShort(76 * 3_600_000), '3 d 4 h');
  assert.equal(durationWords(90 * 60_000), 'about 1.5 hours');
  assert.equal(durationWords(26 * 3_600_000), 'about a day');
  assert.equal(timesWords(1), 'once');
  assert.equal(timesWords(3), '3 times');
  assert.equal(weekLong('2025-11-17'), 'Week of 17 Nov 2025');
});

test('only weeks with something in them get a row', () => {
  const table = windowTable(timeline);
  assert.deepEqual(table.columns, ['Within your window', 'Above it (revved up)', 'Below it (low or far away)', 'Mixed or unsure']);
  assert.deepEqual(
    table.rows.map((row) => [row.head, ...row.cells]),
    [
      ['3 Nov 2025', '1 h', '3 h', '0 min', '0 min'],
      ['17 Nov 2025', '0 min', '0 min', '3 h', '0 min'],
    ],
  );
});

test('practices, readings, cycle moments and repairs as rows', () => {
  assert.deepEqual(practiceTable(timeline).rows.at(-1)?.cells, ['2', '13 min', '7 min', '8 min']);
  assert.deepEqual(signalsTable(timeline).rows, [{ head: '17 Nov 2025', cells: ['0.42 (1 reading)', '1.5 (1 reading)'] }]);
  assert.deepEqual(cycleTable(timeline).rows, [{ head: '3 Nov 2025', cells: ['2'] }]);
  assert.deepEqual(repairTable(timeline).rows, [{ head: 'Nov 2025', cells: ['2', '1', '3 h'] }]);
});

test('reflections by day, saying plainly when a question was not answered with a number', () => {
  assert.deepEqual(workingModelTable(timeline, 0).rows, [
    { head: '3 Nov 2025', cells: ['4'] },
    { head: '17 Nov 2025', cells: ['6'] },
  ]);
  assert.deepEqual(markersTable(timeline, 0).rows, [
    { head: '3 Nov 2025', cells: ['3', '5'] },
    { head: '17 Nov 2025', cells: ['7', 'not answered'] },
  ]);
});
