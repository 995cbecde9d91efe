import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPEN_BOUNDARIES } from '../boundaries/boundary.ts';
import { breathsPerMinOfPattern } from '../pacer/phase.ts';
import { pairSimulationAdvance, pairSimulationStart } from '../physiology/pair-simulation.ts';
import { avoidedWordsIn, isSentence } from '../practices/wording-rules.test-support.ts';
import type { SessionEvent } from '../session/events.ts';
import { sessionEventForViewer } from '../session/visibility.ts';
import { SessionHarness, TEST_EPOCH_MS } from '../testing/session-harness.ts';
import {
  buildSessionReport,
  sessionReportPeople,
  type ReportLogEntry,
} from './build-session-report.ts';
import { REPORT_SYNCHRONY_REASONS } from './report-synchrony.ts';
import type { ReportSignalRow } from './session-report.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A harness that remembers when each event was appended, as the server's log does. */
class TimedHarness extends SessionHarness {
  readonly appendedAtMs: number[] = [];

  override send(participantId: string, raw: unknown, commandId?: string) {
    const decision =
      commandId === undefined
        ? super.send(participantId, raw)
        : super.send(participantId, raw, commandId);
    while (this.appendedAtMs.length < this.log.length) this.appendedAtMs.push(this.nowMs);
    return decision;
  }

  /** The log as `viewerId` receives it on the wire. */
  entriesFor(viewerId: string): ReportLogEntry[] {
    return this.log.map((event, index) => ({
      seq: index + 1,
      atMs: this.appendedAtMs[index] ?? 0,
      event: sessionEventForViewer(event, viewerId) as ReportLogEntry['event'],
    }));
  }

  static together(people: readonly string[]): TimedHarness {
    const harness = new TimedHarness();
    harness.accept(people[0] ?? 'ana', { type: 'createSession' });
    for (const person of people) {
      harness.accept(person, {
        type: 'join',
        displayName: person === 'ana' ? 'Ana' : person === 'ben' ? '=Ben+1' : person,
        boundaries: OPEN_BOUNDARIES,
      });
    }
    return harness;
  }
}

/** Simulated rows for two people from `fromMs` for `seconds`, as the recorder stores them. */
function simulatedRows(options: {
  fromMs: number;
  seconds: number;
  coupling: number;
  seed?: number;
  ids?: readonly [string, string];
}): ReportSignalRow[] {
  const [idA, idB] = options.ids ?? ['ana', 'ben'];
  const { a, b } = pairSimulationAdvance(
    pairSimulationStart({ seed: options.seed ?? 1, coupling: options.coupling }),
    options.seconds,
  );
  const toRow =
    (participantId: string) =>
    (reading: (typeof a)[number]): ReportSignalRow => ({
      participantId,
      atMs: options.fromMs + reading.atSec * SECOND,
      source: 'simulated',
      heartRateBpm: reading.heartRateBpm,
      breathingRateBpm: reading.breathingRateBpm,
      breathPhase: reading.breathPhase,
      rrMs: reading.rrMs,
    });
  return [...a.map(toRow(idA)), ...b.map(toRow(idB))];
}

/** A whole session: check-ins, a paced practice with a pause, check-ins after, the end. */
function sessionWithPractice(): {
  harness: TimedHarness;
  practiceStartedAtMs: number;
  pausedAtMs: number;
  resumedAtMs: number;
  pacerBpm: number;
  endedAtMs: number;
} {
  const harness = TimedHarness.together(['ana', 'ben']);
  harness.advance(10 * SECOND);
  harness.accept('ana', {
    type: 'checkIn',
    state: 'activated',
    intensity: 6,
    moment: 'before',
    note: 'tight chest',
  });
  harness.accept('ben', {
    type: 'checkIn',
    state: 'mixed',
    intensity: 4,
    moment: 'before',
    visibility: 'shared',
    note: 'tired',
  });
  harness.accept('ben', { type: 'checkIn', state: 'shutdown', intensity: 3, moment: 'any' });
  harness.advance(50 * SECOND);
  harness.startPractice('breath-sync', { durationMs: 3 * MINUTE });
  const started = harness.log.findLast((event) => event.type === 'practiceStarted');
  assert.ok(started?.type === 'practiceStarted' && started.pacer);
  harness.advance(40 * SECOND);
  const pausedAtMs = harness.nowMs;
  harness.accept('ben', { type: 'pause' });
  harness.advance(5 * SECOND);
  harness.accept('ana', { type: 'pause', sayItWasMe: true });
  harness.advance(10 * SECOND);
  harness.accept('ben', { type: 'resume' });
  harness.advance(5 * SECOND);
  const resumedAtMs = harness.nowMs;
  harness.accept('ana', { type: 'resume' });
  harness.advance(4 * MINUTE);
  harness.accept('ana', { type: 'endPractice', outcome: 'completed' });
  harness.accept('ana', {
    type: 'checkIn',
    state: 'regulated',
    intensity: 5,
    moment: 'after',
    visibility: 'shared',
  });
  harness.advance(MINUTE);
  const endedAtMs = harness.nowMs;
  harness.accept('ana', { type: 'endSession' });
  return {
    harness,
    practiceStartedAtMs: started.startsAtMs,
    pausedAtMs,
    resumedAtMs,
    pacerBpm: breathsPerMinOfPattern(started.pacer.pattern),
    endedAtMs,
  };
}

test('people come from the log, in joining order, with the viewer marked and who has signals', () => {
  const { harness } = sessionWithPractice();
  const rows = simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 30, coupling: 0 }).filter(
    (row) => row.participantId === 'ben',
  );
  const report = buildSessionReport({
    sessionId: 's-1',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.equal(report.sessionId, 's-1');
  assert.equal(report.viewerId, 'ana');
  assert.deepEqual(report.people, [
    { participantId: 'ana', displayName: 'Ana', isViewer: true, hasSignals: false },
    { participantId: 'ben', displayName: '=Ben+1', isViewer: false, hasSignals: true },
  ]);
  assert.equal(report.startedAtMs, TEST_EPOCH_MS);
});

test('the people alone, for the CSV, are the report’s people', () => {
  const { harness } = sessionWithPractice();
  const input = {
    sessionId: 's',
    viewerId: 'ben',
    entries: harness.entriesFor('ben'),
    rows: simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 100, coupling: 0.5 }),
  };
  assert.deepEqual(sessionReportPeople(input), buildSessionReport(input).people);
});

test('practices carry their title, times, outcome, pacer rate and one stretch per pause of the whole session', () => {
  const { harness, practiceStartedAtMs, pausedAtMs, resumedAtMs, pacerBpm, endedAtMs } =
    sessionWithPractice();
  const report = buildSessionReport({
    sessionId: 's-1',
    viewerId: 'ben',
    entries: harness.entriesFor('ben'),
    rows: [],
  });
  assert.equal(report.endedAtMs, endedAtMs);
  assert.equal(report.practices.length, 1);
  const [practice] = report.practices;
  assert.ok(practice);
  assert.equal(practice.practiceId, 'breath-sync');
  assert.equal(practice.title, 'Breathing together');
  assert.equal(practice.startedAtMs, practiceStartedAtMs);
  assert.equal(practice.outcome, 'completed');
  assert.ok(practice.endedAtMs !== null && practice.endedAtMs > practice.startedAtMs);
  assert.ok(pacerBpm > 0);
  assert.equal(practice.pacerBreathsPerMin, pacerBpm);
  // Two people held it paused, overlapping: the session stood still once.
  assert.deepEqual(practice.pauses, [{ fromMs: pausedAtMs, toMs: resumedAtMs }]);
});

test('a practice still running when the session ends is marked stopped, and an open pause ends with it', () => {
  const harness = TimedHarness.together(['ana', 'ben']);
  harness.startPractice('mirroring');
  harness.advance(30 * SECOND);
  harness.accept('ben', { type: 'pause' });
  harness.advance(20 * SECOND);
  harness.accept('ana', { type: 'endSession' });
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows: [],
  });
  const [practice] = report.practices;
  assert.ok(practice);
  assert.equal(practice.title, 'Meet, then slow together');
  assert.equal(practice.outcome, 'stopped');
  assert.equal(practice.endedAtMs, harness.nowMs);
  assert.deepEqual(practice.pauses, [{ fromMs: harness.nowMs - 20 * SECOND, toMs: harness.nowMs }]);
  // Mirroring's pacer eases towards a slower rate: the report gives the rate it settles at.
  const started = harness.log.find((event) => event.type === 'practiceStarted');
  assert.ok(started?.type === 'practiceStarted');
  const expected =
    started.pacer?.ramp?.toBreathsPerMin ??
    (started.pacer ? breathsPerMinOfPattern(started.pacer.pattern) : null);
  assert.equal(practice.pacerBreathsPerMin, expected);
});

test('a practice without a pacer has no pacer rate; one stopped in its lead-in never has a negative span', () => {
  const harness = TimedHarness.together(['ana', 'ben']);
  harness.startPractice('share-and-hold');
  harness.accept('ana', { type: 'endPractice', outcome: 'stopped' });
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows: [],
  });
  const [practice] = report.practices;
  assert.ok(practice);
  assert.equal(practice.pacerBreathsPerMin, null);
  assert.equal(practice.outcome, 'stopped');
  assert.ok(practice.endedAtMs !== null && practice.startedAtMs <= practice.endedAtMs);
});

test('check-ins: the viewer’s own, private or shared, and others’ shared ones only', () => {
  const { harness } = sessionWithPractice();
  const forAna = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows: [],
  });
  assert.deepEqual(
    forAna.checkIns.map((checkIn) => [
      checkIn.participantId,
      checkIn.moment,
      checkIn.state,
      checkIn.intensity,
    ]),
    [
      ['ana', 'before', 'activated', 6],
      ['ben', 'before', 'mixed', 4],
      ['ana', 'after', 'regulated', 5],
    ],
  );
  const forBen = buildSessionReport({
    sessionId: 's',
    viewerId: 'ben',
    entries: harness.entriesFor('ben'),
    rows: [],
  });
  assert.deepEqual(
    forBen.checkIns.map((checkIn) => [checkIn.participantId, checkIn.state]),
    [
      ['ben', 'mixed'],
      ['ben', 'shutdown'],
      ['ana', 'regulated'],
    ],
  );
  // Notes never reach the report, not even the viewer's own.
  assert.ok(!JSON.stringify(forAna).includes('tight chest'));
});

test('even an unfiltered log never puts someone else’s private check-in in the report', () => {
  const { harness } = sessionWithPractice();
  const unfiltered = harness.log.map((event, index) => ({
    seq: index + 1,
    atMs: 0,
    event: event as SessionEvent & Record<string, unknown>,
  }));
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: unfiltered,
    rows: [],
  });
  assert.ok(
    !report.checkIns.some(
      (checkIn) => checkIn.participantId === 'ben' && checkIn.state === 'shutdown',
    ),
  );
});

test('the same log in another order, or twice, gives the same report', () => {
  const { harness } = sessionWithPractice();
  const entries = harness.entriesFor('ana');
  const rows = simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 40, coupling: 0.5 });
  const report = buildSessionReport({ sessionId: 's', viewerId: 'ana', entries, rows });
  assert.deepEqual(
    buildSessionReport({
      sessionId: 's',
      viewerId: 'ana',
      entries: [...entries].reverse(),
      rows: [...rows].reverse(),
    }),
    report,
  );
});

test('series: each person’s samples in time order, with sources and beat counts; empty rows and strangers left out', () => {
  const { harness } = sessionWithPractice();
  const rows: ReportSignalRow[] = [
    {
      participantId: 'ben',
      atMs: 3000,
      source: 'strap',
      heartRateBpm: 70,
      breathingRateBpm: null,
      breathPhase: null,
      rrMs: [850, 860],
    },
    {
      participantId: 'ben',
      atMs: 1000,
      source: 'camera',
      heartRateBpm: 72,
      breathingRateBpm: null,
      breathPhase: null,
      rrMs: [],
    },
    {
      participantId: 'ben',
      atMs: 2000,
      source: 'strap',
      heartRateBpm: null,
      breathingRateBpm: null,
      breathPhase: null,
      rrMs: [],
    },
    {
      participantId: 'ana',
      atMs: 1500,
      source: 'motion',
      heartRateBpm: null,
      breathingRateBpm: 9.5,
      breathPhase: 0.2,
      rrMs: [],
    },
    {
      participantId: 'someone-else',
      atMs: 1000,
      source: 'strap',
      heartRateBpm: 80,
      breathingRateBpm: null,
      breathPhase: null,
      rrMs: [700],
    },
  ];
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.deepEqual(report.series, [
    {
      participantId: 'ana',
      sources: ['motion'],
      atMs: [1500],
      heartRateBpm: [null],
      breathingRateBpm: [9.5],
      rrCount: 0,
    },
    {
      participantId: 'ben',
      sources: ['camera', 'strap'],
      atMs: [1000, 3000],
      heartRateBpm: [72, 70],
      breathingRateBpm: [null, null],
      rrCount: 2,
    },
  ]);
  assert.deepEqual(
    report.people.map((person) => person.hasSignals),
    [true, true],
  );
});

test('synchrony needs two people’s heart rates: one person alone gives a plain reason', () => {
  const { harness } = sessionWithPractice();
  const rows = simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 600, coupling: 0.8 }).filter(
    (row) => row.participantId === 'ana',
  );
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.deepEqual(report.synchrony, {
    kind: 'notEnoughSignal',
    reason: REPORT_SYNCHRONY_REASONS.notTwoPeople,
  });
});

test('synchrony needs the two heart rates at the same time for long enough', () => {
  const { harness } = sessionWithPractice();
  const rows = [
    ...simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 300, coupling: 0.8 }).filter(
      (row) => row.participantId === 'ana',
    ),
    ...simulatedRows({ fromMs: TEST_EPOCH_MS + 240 * SECOND, seconds: 300, coupling: 0.8 }).filter(
      (row) => row.participantId === 'ben',
    ),
  ];
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.deepEqual(report.synchrony, {
    kind: 'notEnoughSignal',
    reason: REPORT_SYNCHRONY_REASONS.tooLittleOverlap,
  });
});

test('a strongly coupled pair gets a synchrony score and a trend over the session, viewer first', () => {
  const { harness } = sessionWithPractice();
  const rows = simulatedRows({
    fromMs: TEST_EPOCH_MS,
    seconds: 480,
    coupling: 0.9,
    ids: ['ben', 'ana'],
  });
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.equal(report.synchrony.kind, 'scored');
  assert.deepEqual(report.synchrony.participantIds, ['ana', 'ben']);
  assert.ok(report.synchrony.points.length >= 5, `${report.synchrony.points.length} trend points`);
  for (const point of report.synchrony.points) {
    assert.ok(point.atMs > TEST_EPOCH_MS && point.atMs <= TEST_EPOCH_MS + 480 * SECOND);
    if (point.score !== null) assert.ok(point.score >= 0 && point.score <= 1);
  }
  const overall = report.synchrony.overall;
  assert.ok(overall, 'an overall score');
  assert.ok(overall.meanPeakR > 0.5, `mean peak r ${overall.meanPeakR}`);
  assert.ok(overall.pValue > 0 && overall.pValue <= 1);
  // The viewer is a here and b (ben) led, so ana follows: a negative lag in the pair's order.
  assert.ok(overall.lagSec < 0, `lag ${overall.lagSec}`);
});

test('two people who did not influence each other score lower than a coupled pair', () => {
  const { harness } = sessionWithPractice();
  const overallScore = (coupling: number) => {
    const rows = simulatedRows({ fromMs: TEST_EPOCH_MS, seconds: 480, coupling, seed: 3 });
    const report = buildSessionReport({
      sessionId: 's',
      viewerId: 'ana',
      entries: harness.entriesFor('ana'),
      rows,
    });
    return report.synchrony.kind === 'scored' ? (report.synchrony.overall?.score ?? NaN) : NaN;
  };
  const independent = overallScore(0);
  const coupled = overallScore(0.9);
  assert.ok(independent < coupled - 0.3, `independent ${independent}, coupled ${coupled}`);
});

test('when the viewer has no heart rate, the first two people who do are compared', () => {
  const harness = TimedHarness.together(['ana', 'ben', 'cy']);
  const rows = simulatedRows({
    fromMs: TEST_EPOCH_MS,
    seconds: 300,
    coupling: 0.7,
    ids: ['ben', 'cy'],
  });
  const report = buildSessionReport({
    sessionId: 's',
    viewerId: 'ana',
    entries: harness.entriesFor('ana'),
    rows,
  });
  assert.equal(report.synchrony.kind, 'scored');
  assert.deepEqual(report.synchrony.participantIds, ['ben', 'cy']);
});

test('the reasons for no synchrony are plain, kind sentences', () => {
  for (const reason of Object.values(REPORT_SYNCHRONY_REASONS)) {
    assert.ok(isSentence(reason), reason);
    assert.deepEqual(avoidedWordsIn(reason), [], reason);
  }
});
