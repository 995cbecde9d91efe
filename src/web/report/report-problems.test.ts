import assert from 'node:assert/strict';
import { test } from 'node:test';
import { avoidedWordsIn } from '../../core/practices/wording-rules.test-support.ts';
import { ApiError } from '../api/http.ts';
import { reportProblem } from './report-problems.ts';

test('each failure has its own plain sentence, and only passing trouble offers a retry', () => {
  const cases = [
    [401, false, /device you took part from/],
    [403, false, /Only the people who were in this session/],
    [404, false, /may have been deleted/],
    [0, true, /could not be reached/],
    [500, true, /our side/],
  ] as const;
  for (const [status, canRetry, words] of cases) {
    const problem = reportProblem(new ApiError(status, 'x', 'Something went wrong on our side.'));
    assert.equal(problem.canRetry, canRetry, String(status));
    assert.match(problem.message, words);
    // Other failures pass the server's own sentence on; these words are the report's.
    if (status !== 500) assert.deepEqual(avoidedWordsIn(`${problem.title} ${problem.message}`), []);
  }
  assert.equal(reportProblem(new Error('boom')).canRetry, true);
});
