import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressTimeline } from '../../core/progress/index.ts';
import { progressInputFrom } from './progress-input.ts';
import { cycleSummary, practiceSummary, repairSummary, shareWords, trendSummary, windowSharesWords, windowSummary } from './progress-words.ts';
import { MONDAY_3_NOV_MS, NOW_MS, fakeProgressView } from './progress.test-support.ts';

const period = { fromMs: MONDAY_3_NOV_MS, toMs: NOW_MS };
const timeline = progressTimeline(progressInputFrom(fakeProgressView(), []), period, 0);
const empty = progressTimeline(progressInputFrom(null, []), period, 0);

/** Words that would judge, hurry or count against a goal. */
const JUDGING = /\b(good|bad|better|worse|well done|great|poor|fail|failed|missed|streak|goal|target|should|only)\b/i;

test('shares read as rough words, not percentages', () => {
  assert.equal(shareWords(1), 'nearly all');
  assert.equal(shareWords(0.5), 'about half');
  assert.equal(shareWords(0.25), 'about a quarter');
  assert.equal(shareWords(0.01), 'a very little');
  assert.equal(windowSharesWords({ within: 0.25, above: 0.75, below: 0, mixed: 0 }), 'about a quarter within your window and most above it');
});

test('each picture has one plain sentence that describes without judging', () => {
  const sentences = [
    windowSummary(timeline),
    practiceSummary(timeline),
    trendSummary(timeline.synchrony, 'synchrony'),
    cycleSummary(timeline),
    repairSummary(timeline),
  ];
  assert.equal(sentences[0], 'Your check-ins cover about 7 hours of these weeks. Of that time, a little within your window, a little under half above it and a little under half below it.');
  assert.equal(sentences[1], '3 practices across 2 weeks, 16 minutes in all. The longest was 8 minutes.');
  assert.equal(sentences[2], 'Synchrony readings from one week. In the latest of them, the middle reading was 0.42.');
  assert.equal(sentences[4], '2 repairs began, and 1 reached a next step.');
  for (const sentence of sentences) assert.doesNotMatch(sentence, JUDGING, sentence);
});

test('empty periods are said kindly, with no blame for a quiet time', () => {
  const sentences = [windowSummary(empty), practiceSummary(empty), trendSummary(empty.coherence, 'coherence'), cycleSummary(empty), repairSummary(empty)];
  for (const sentence of sentences) {
    assert.match(sentence, /^No /);
    assert.doesNotMatch(sentence, JUDGING, sentence);
  }
});
