import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avoidedWordsIn } from '../../core/practices/wording-rules.test-support.ts';
import type { ReportSynchrony } from '../../core/report/session-report.ts';
import { SYNCHRONY_TREND_SEGMENT_SEC } from '../../core/signals/synchrony.ts';
import { fakeReport } from './fake-report.test-support.ts';
import {
  SYNCHRONY_EXPLANATION,
  SYNCHRONY_NOT_A_GRADE,
  SYNCHRONY_PACER_NOTE,
  SYNCHRONY_TREND_NOTE,
  SYNCHRONY_TREND_WINDOW_MINUTES,
  synchronyHasScore,
  synchronyLagWords,
  synchronyLevelWords,
  synchronyMissingWords,
  synchronyOverallWords,
} from './synchrony-words.ts';

const scored = fakeReport().synchrony as Extract<ReportSynchrony, { kind: 'scored' }>;

test('the overall score comes with words, and a caution when it could be chance', () => {
  assert.equal(synchronyOverallWords(scored), 'Over the whole session: 0.31, a fair amount of moving together.');
  const maybeChance = { ...scored, overall: { ...scored.overall!, score: 0.05, pValue: 0.3 } };
  assert.equal(synchronyOverallWords(maybeChance), 'Over the whole session: 0.05, about what chance alone would give. This much could also happen by chance.');
  assert.equal(synchronyLevelWords(0.2), 'a little moving together');
  assert.equal(synchronyLevelWords(0.8), 'a lot of moving together');
});

test('says who tended to follow whom, from the viewer\'s side', () => {
  const report = fakeReport();
  assert.equal(synchronyLagWords(report, scored), "Bo's heart rate tended to follow yours by about 2 seconds.");
  assert.equal(synchronyLagWords(report, { ...scored, overall: { ...scored.overall!, lagSec: -3 } }), 'Your heart rate tended to follow Bo\'s by about 3 seconds.');
  assert.equal(synchronyLagWords(report, { ...scored, overall: { ...scored.overall!, lagSec: 0.4 } }), null);
});

test('with too little signal there is no number, and the reason is passed on as a sentence', () => {
  const missing = synchronyMissingWords({ kind: 'notEnoughSignal', reason: 'only one person shared a heart rate' });
  assert.equal(missing, 'There was not enough signal to measure this honestly, so no number is shown. Only one person shared a heart rate.');
  assert.equal(synchronyOverallWords({ kind: 'notEnoughSignal', reason: 'x' }), null);
  assert.equal(synchronyMissingWords(scored), null);
  assert.match(synchronyMissingWords({ ...scored, overall: null }) ?? '', /^Some stretches could be measured/);
  assert.match(synchronyMissingWords({ ...scored, points: [] }) ?? '', /too short a time to show how this changed/);
  assert.match(synchronyMissingWords({ ...scored, points: [], overall: null }) ?? '', /^There was not enough signal/);
  assert.equal(synchronyHasScore({ ...scored, points: [] }), true);
  assert.equal(synchronyHasScore({ ...scored, points: [], overall: null }), false);
});

test('the explanations use none of the words Attune avoids', () => {
  for (const text of [SYNCHRONY_EXPLANATION, SYNCHRONY_PACER_NOTE, SYNCHRONY_NOT_A_GRADE, synchronyOverallWords(scored) ?? '']) {
    assert.deepEqual(avoidedWordsIn(text), [], text);
  }
});

test('the note on what a trend point covers matches the window the report uses', () => {
  assert.equal(SYNCHRONY_TREND_WINDOW_MINUTES * 60, SYNCHRONY_TREND_SEGMENT_SEC);
  assert.match(SYNCHRONY_TREND_NOTE, /two minutes/);
});
