import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avoidedWordsIn } from '../../core/practices/wording-rules.test-support.ts';
import { FAKE_START_MS, fakeReport } from './fake-report.test-support.ts';
import { practicesWords, reportDurationMs, reportSummarySentence } from './report-summary.ts';

test('says the length, the practices and that synchrony could be measured', () => {
  assert.equal(
    reportSummarySentence(fakeReport()),
    'You spent 10 minutes together, did one practice (Breathing together), and there was enough signal to see how your heart rates moved together.',
  );
});

test('says plainly when there was not enough signal for synchrony', () => {
  const sentence = reportSummarySentence(fakeReport({ synchrony: { kind: 'notEnoughSignal', reason: 'Only one person shared a heart rate.' } }));
  assert.match(sentence, /there was not enough signal this time to measure how your heart rates moved together\.$/);
});

test('an overall score without a trend still counts as measured', () => {
  const report = fakeReport();
  const synchrony = report.synchrony.kind === 'scored' ? { ...report.synchrony, points: [] } : report.synchrony;
  assert.match(reportSummarySentence(fakeReport({ synchrony })), /there was enough signal/);
});

test('a session without sensors or practices still gets a kind sentence', () => {
  const sentence = reportSummarySentence(
    fakeReport({ series: [], practices: [], synchrony: { kind: 'notEnoughSignal', reason: 'No heart rates were shared.' } }),
  );
  assert.equal(sentence, 'You spent 10 minutes together without a guided practice, and no body signals were shared, so there are no charts this time.');
});

test('counts repeated practices and lists them in order', () => {
  assert.equal(practicesWords(['Breathing together', 'A steadying hand', 'Breathing together']), 'Breathing together twice and A steadying hand');
  assert.equal(practicesWords(['Moving in time', 'Moving in time', 'Moving in time']), 'Moving in time three times');
  const report = fakeReport();
  const second = { ...report.practices[0]!, runId: 'run-2', title: 'A steadying hand' };
  assert.match(reportSummarySentence(fakeReport({ practices: [...report.practices, second] })), /did two practices \(Breathing together and A steadying hand\)/);
});

test('an open session is measured up to its latest reading and said in the present', () => {
  const report = fakeReport({ endedAtMs: null });
  assert.equal(reportDurationMs(report), 10 * 60_000 - 1000);
  assert.match(reportSummarySentence(report), /^So far you have spent 10 minutes together, have done one practice/);
});

test('someone alone in a session is not told they were together', () => {
  const report = fakeReport({ people: [fakeReport().people[0]!], endedAtMs: FAKE_START_MS + 90_000 });
  assert.match(reportSummarySentence(report), /^You spent 2 minutes in this session/);
});

test('the sentences use none of the words Attune avoids', () => {
  const reports = [
    fakeReport(),
    fakeReport({ series: [], practices: [] }),
    fakeReport({ synchrony: { kind: 'notEnoughSignal', reason: '' } }),
    fakeReport({ endedAtMs: null }),
  ];
  for (const report of reports) assert.deepEqual(avoidedWordsIn(reportSummarySentence(report)), []);
});
