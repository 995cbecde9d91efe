import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ReportSignalRow } from './session-report.ts';
import { sessionCoherenceMedian } from './session-body-summary.ts';

/** One row a second for `seconds`, RR intervals from `rrAt(t)` laid end to end. */
function rowsOf(personId: string, seconds: number, rrAt: (elapsedMs: number) => number): ReportSignalRow[] {
  const rows: ReportSignalRow[] = [];
  let elapsed = 0;
  for (let second = 1; second <= seconds; second += 1) {
    const rrMs: number[] = [];
    while (elapsed < second * 1000) {
      const rr = rrAt(elapsed);
      rrMs.push(rr);
      elapsed += rr;
    }
    rows.push({ participantId: personId, atMs: second * 1000, source: 'strap', heartRateBpm: null, breathingRateBpm: null, breathPhase: null, rrMs });
  }
  return rows;
}

describe('session body summary', () => {
  test('breathing slowly at six a minute reads as much more coherent than an irregular rhythm', () => {
    const paced = rowsOf('ana', 300, (t) => 900 + 120 * Math.sin((2 * Math.PI * 0.1 * t) / 1000));
    // A fixed, jumbled sequence (no randomness in core tests either): no single rhythm dominates.
    const jumbled = rowsOf('ana', 300, (t) => 900 + 60 * Math.sin(t * 0.0037) * Math.cos(t * 0.00071) + 40 * Math.sin(t * 0.0113));
    const pacedRatio = sessionCoherenceMedian(paced, 'ana');
    const jumbledRatio = sessionCoherenceMedian(jumbled, 'ana');
    assert.ok(pacedRatio !== null && jumbledRatio !== null);
    assert.ok(pacedRatio > 4 * jumbledRatio, `${String(pacedRatio)} vs ${String(jumbledRatio)}`);
  });

  test('less than a window of beats, or someone else\'s beats, give nothing', () => {
    assert.equal(sessionCoherenceMedian(rowsOf('ana', 40, () => 900), 'ana'), null);
    assert.equal(sessionCoherenceMedian(rowsOf('ben', 300, () => 900), 'ana'), null);
  });
});
