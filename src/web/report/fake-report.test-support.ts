/**
 * A typed, made-up report for the report screen's tests: two people ten minutes together, one
 * paced practice with a pause in it, heart rate and breathing once a second, check-ins either side.
 */
import type { ReportSeries, SessionReport } from '../../core/report/session-report.ts';

/** When the fake session started (2026-11-21 14:00:00 UTC). */
export const FAKE_START_MS = Date.UTC(2026, 10, 21, 14, 0, 0);
const MINUTE = 60_000;

/** A series sampled every `stepMs` from `fromMs` to `toMs` (offsets into the session). */
export function fakeSeries(
  participantId: string,
  options: { fromMs?: number; toMs?: number; stepMs?: number; heartRate?: (offsetMs: number) => number | null; breathing?: (offsetMs: number) => number | null } = {},
): ReportSeries {
  const { fromMs = 0, toMs = 10 * MINUTE, stepMs = 1000 } = options;
  const heartRate = options.heartRate ?? ((offset) => 70 + 5 * Math.sin(offset / 20_000));
  const breathing = options.breathing ?? (() => 12);
  const atMs: number[] = [];
  const heartRateBpm: (number | null)[] = [];
  const breathingRateBpm: (number | null)[] = [];
  for (let offset = fromMs; offset < toMs; offset += stepMs) {
    atMs.push(FAKE_START_MS + offset);
    heartRateBpm.push(heartRate(offset));
    breathingRateBpm.push(breathing(offset));
  }
  return { participantId, sources: ['simulated'], atMs, heartRateBpm, breathingRateBpm, rrCount: atMs.length };
}

/** The fake report; `changes` replace whole fields. */
export function fakeReport(changes: Partial<SessionReport> = {}): SessionReport {
  return {
    sessionId: 'session-1',
    viewerId: 'ana',
    hostId: 'ana',
    startedAtMs: FAKE_START_MS,
    endedAtMs: FAKE_START_MS + 10 * MINUTE,
    people: [
      { participantId: 'ana', displayName: 'Ana', isViewer: true, hasSignals: true },
      { participantId: 'bo', displayName: 'Bo', isViewer: false, hasSignals: true },
    ],
    practices: [
      {
        runId: 'run-1',
        practiceId: 'breath-sync',
        title: 'Breathing together',
        startedAtMs: FAKE_START_MS + 2 * MINUTE,
        endedAtMs: FAKE_START_MS + 7 * MINUTE,
        outcome: 'completed',
        pacerBreathsPerMin: 6,
        pauses: [{ fromMs: FAKE_START_MS + 4 * MINUTE, toMs: FAKE_START_MS + 4.5 * MINUTE }],
      },
    ],
    checkIns: [
      { participantId: 'ana', atMs: FAKE_START_MS + 1 * MINUTE, moment: 'before', state: 'activated', intensity: 6 },
      { participantId: 'bo', atMs: FAKE_START_MS + 1.5 * MINUTE, moment: 'before', state: 'mixed', intensity: 4 },
      { participantId: 'ana', atMs: FAKE_START_MS + 8 * MINUTE, moment: 'after', state: 'regulated', intensity: 5 },
    ],
    series: [fakeSeries('ana'), fakeSeries('bo', { heartRate: (offset) => 64 + 4 * Math.sin(offset / 20_000) })],
    synchrony: {
      kind: 'scored',
      participantIds: ['ana', 'bo'],
      points: [
        { atMs: FAKE_START_MS + 1 * MINUTE, score: null, meanPeakR: null },
        { atMs: FAKE_START_MS + 3 * MINUTE, score: 0.2, meanPeakR: 0.4 },
        { atMs: FAKE_START_MS + 5 * MINUTE, score: 0.45, meanPeakR: 0.6 },
      ],
      overall: { score: 0.31, meanPeakR: 0.5, lagSec: 2.2, pValue: 0.01 },
    },
    ...changes,
  };
}
