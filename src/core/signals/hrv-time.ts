/**
 * Time-domain HRV: mean NN, mean heart rate, SDNN, RMSSD and pNN50, as defined by the Task Force
 * of the ESC and NASPE (1996), "Heart rate variability: standards of measurement", Circulation
 * 93:1043–1065. Conventions fixed by issue 4: SDNN with N − 1; RMSSD over the N − 1 successive
 * differences; pNN50 = count(|ΔRR| > 50 ms) / N in % (N = number of intervals, as the Task Force
 * writes it); mean HR = 60000 / mean NN. Expects cleaned NN intervals (see rr-clean.ts).
 */

/** Time-domain HRV of one NN series. */
export interface HrvTimeDomain {
  readonly meanNnMs: number;
  readonly meanHrBpm: number;
  readonly sdnnMs: number;
  readonly rmssdMs: number;
  readonly pnn50Pct: number;
}

/** Time-domain HRV of NN intervals in ms; `null` for fewer than two intervals or any non-positive/non-finite one. */
export function hrvTimeDomain(rrMs: ArrayLike<number>): HrvTimeDomain | null {
  const n = rrMs.length;
  if (n < 2) return null;
  let sum = 0;
  for (let index = 0; index < n; index += 1) {
    const rr = rrMs[index] ?? 0;
    if (!Number.isFinite(rr) || rr <= 0) return null;
    sum += rr;
  }
  const meanNnMs = sum / n;
  let squares = 0;
  let successiveSquares = 0;
  let nn50 = 0;
  for (let index = 0; index < n; index += 1) {
    const deviation = (rrMs[index] ?? 0) - meanNnMs;
    squares += deviation * deviation;
    if (index > 0) {
      const difference = (rrMs[index] ?? 0) - (rrMs[index - 1] ?? 0);
      successiveSquares += difference * difference;
      if (Math.abs(difference) > 50) nn50 += 1;
    }
  }
  return {
    meanNnMs,
    meanHrBpm: 60000 / meanNnMs,
    sdnnMs: Math.sqrt(squares / (n - 1)),
    rmssdMs: Math.sqrt(successiveSquares / (n - 1)),
    pnn50Pct: (100 * nn50) / n,
  };
}
