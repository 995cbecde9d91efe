/**
 * RR series and a tolerance check shared by the HRV tests and bench. The series are closed-form
 * twins of rr_rest() / rr_paced() in scripts/signals-reference/hrv_reference.py (no randomness),
 * so the reference values that script prints apply to them exactly.
 */
import assert from 'node:assert/strict';

/** Five minutes at rest: breathing at 0.25 Hz, a 0.1 Hz wave, slow drift and beat-to-beat jitter. */
export function rrRest(durationS = 300): number[] {
  const out: number[] = [];
  let elapsedMs = 0;
  for (let k = 0; elapsedMs < durationS * 1000; k += 1) {
    const t = elapsedMs / 1000;
    const rr =
      900 +
      45 * Math.sin(2 * Math.PI * 0.1 * t) +
      30 * Math.sin(2 * Math.PI * 0.25 * t + 0.7) +
      12 * Math.sin(2 * Math.PI * 0.02 * t) +
      8 * Math.sin(1.7 * k + 0.3) * Math.sin(0.31 * k);
    out.push(rr);
    elapsedMs += rr;
  }
  return out;
}

/** Paced breathing at 6 per minute: one strong 0.1 Hz wave. */
export function rrPaced(durationS = 90): number[] {
  const out: number[] = [];
  let elapsedMs = 0;
  for (let k = 0; elapsedMs < durationS * 1000; k += 1) {
    const t = elapsedMs / 1000;
    const rr = 1000 + 80 * Math.sin(2 * Math.PI * 0.1 * t) + 5 * Math.sin(2.3 * k);
    out.push(rr);
    elapsedMs += rr;
  }
  return out;
}

/** Asserts `actual` is a number within `relative` of `expected`. */
export function assertClose(actual: number | null | undefined, expected: number, relative = 1e-6, label = ''): void {
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= relative * Math.max(Math.abs(expected), 1e-12),
    `${label}: ${String(actual)} vs ${expected}`,
  );
}
