/**
 * Builds the session report from what one person may see: their filtered view of the log (private
 * check-ins of others arrive as `{ type: 'hidden' }` — see session/visibility.ts) and the stored
 * signal rows already limited to what they may see. The log is folded with the session's own
 * `sessionEvolve`, so names, practices and pauses are read exactly as the live session had them.
 */
import { breathsPerMinOfPattern } from '../pacer/phase.ts';
import type { PacerSchedule } from '../pacer/schedule.ts';
import { practiceById } from '../practices/catalogue.ts';
import type { SessionEvent } from '../session/events.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, type SessionState } from '../session/state.ts';
import { reportSynchrony } from './report-synchrony.ts';
import type {
  ReportCheckIn,
  ReportPerson,
  ReportPractice,
  ReportSeries,
  ReportSignalRow,
  SessionReport,
} from './session-report.ts';

/** One entry of the viewer's log, as the server sends it on the wire. */
export interface ReportLogEntry {
  readonly seq: number;
  readonly atMs: number;
  readonly event: { readonly type: string } & Readonly<Record<string, unknown>>;
}

/** What the report is built from. */
export interface SessionReportInput {
  readonly sessionId: string;
  readonly viewerId: string;
  readonly entries: readonly ReportLogEntry[];
  readonly rows: readonly ReportSignalRow[];
}

/** A practice while the log is folded; made immutable at the end. */
interface PracticeInProgress {
  readonly runId: string;
  readonly practiceId: string;
  readonly title: string;
  startedAtMs: number;
  endedAtMs: number | null;
  outcome: string | null;
  readonly pacerBreathsPerMin: number | null;
  readonly pauses: { fromMs: number; toMs: number | null }[];
}

/** The pacer's rate while it ran: its own rate, or where a ramp settles (mirroring slows to it). */
function pacerBreathsPerMin(pacer: PacerSchedule | null): number | null {
  if (!pacer) return null;
  const rate = pacer.ramp ? pacer.ramp.toBreathsPerMin : breathsPerMinOfPattern(pacer.pattern);
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

/** Everything the log tells the report, in one pass. */
interface LogFacts {
  readonly state: SessionState;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly practices: readonly ReportPractice[];
  readonly checkIns: readonly ReportCheckIn[];
}

function foldLog(entries: readonly ReportLogEntry[], viewerId: string): LogFacts {
  const ordered = [...entries].sort((x, y) => x.seq - y.seq);
  let state = SESSION_INITIAL_STATE;
  let startedAtMs: number | null = null;
  let endedAtMs: number | null = null;
  const practices: PracticeInProgress[] = [];
  const checkIns: ReportCheckIn[] = [];
  let running: PracticeInProgress | null = null;
  let openPause: { fromMs: number; toMs: number | null } | null = null;

  const closePause = (atMs: number) => {
    if (openPause) openPause.toMs = Math.max(openPause.fromMs, atMs);
    openPause = null;
  };
  const endRunning = (atMs: number, outcome: string) => {
    if (!running) return;
    closePause(atMs);
    running.endedAtMs = atMs;
    // A practice stopped during its lead-in never began: mark it as a moment, not a negative span.
    running.startedAtMs = Math.min(running.startedAtMs, atMs);
    running.outcome = outcome;
    running = null;
  };

  for (const entry of ordered) {
    if (entry.event.type === 'hidden') continue;
    // The log was written by the session's decider and filtered by visibility.ts: its shapes are SessionEvents.
    const event = entry.event as unknown as SessionEvent;
    const before = state;
    state = sessionEvolve(state, event);
    switch (event.type) {
      case 'sessionCreated':
        startedAtMs = event.atMs;
        break;
      case 'practiceStarted': {
        const proposal = before.practice?.runId === event.runId ? before.practice : null;
        if (!proposal) break;
        endRunning(event.atMs, 'stopped');
        running = {
          runId: event.runId,
          practiceId: proposal.practiceId,
          title: practiceById(proposal.practiceId)?.title ?? 'A practice',
          startedAtMs: event.startsAtMs,
          endedAtMs: null,
          outcome: null,
          pacerBreathsPerMin: pacerBreathsPerMin(event.pacer),
          pauses: [],
        };
        practices.push(running);
        break;
      }
      case 'practiceEnded':
        if (running?.runId === event.runId) endRunning(event.atMs, event.outcome);
        break;
      case 'sessionPaused':
        // One stretch per time the whole session stood still, however many people held it.
        if (before.pausedSinceMs === null && running) {
          openPause = { fromMs: event.atMs, toMs: null };
          running.pauses.push(openPause);
        }
        break;
      case 'sessionResumed':
        if (event.resumesSession) closePause(event.atMs);
        break;
      case 'sessionEnded':
        endRunning(event.atMs, 'stopped');
        endedAtMs = event.atMs;
        break;
      case 'checkedIn':
        // Own check-ins, and others' shared ones (their private ones arrive hidden).
        if (event.participantId === viewerId || event.visibility === 'shared') {
          checkIns.push({
            participantId: event.participantId,
            atMs: event.atMs,
            moment: event.moment,
            state: event.state,
            intensity: event.intensity,
          });
        }
        break;
      default:
        break;
    }
  }

  return {
    state,
    startedAtMs: startedAtMs ?? ordered[0]?.atMs ?? 0,
    endedAtMs,
    practices: practices.map((practice) => ({
      ...practice,
      pauses: practice.pauses.map((pause) => ({ ...pause })),
    })),
    checkIns,
  };
}

/** Whether a row carries anything to draw. */
function rowHasSignal(row: ReportSignalRow): boolean {
  return row.heartRateBpm !== null || row.breathingRateBpm !== null || row.rrMs.length > 0;
}

/** One person's rows as a series, in time order. */
function seriesOf(participantId: string, rows: readonly ReportSignalRow[]): ReportSeries {
  const ordered = [...rows].sort((x, y) => x.atMs - y.atMs);
  const sources: ReportSeries['sources'][number][] = [];
  for (const row of ordered) if (!sources.includes(row.source)) sources.push(row.source);
  return {
    participantId,
    sources,
    atMs: ordered.map((row) => row.atMs),
    heartRateBpm: ordered.map((row) => row.heartRateBpm),
    breathingRateBpm: ordered.map((row) => row.breathingRateBpm),
    rrCount: ordered.reduce((count, row) => count + row.rrMs.length, 0),
  };
}

/** Each named person's rows that carry a signal. Rows of someone the log never names are left out rather than guessed. */
function rowsByPersonOf(
  state: SessionState,
  rows: readonly ReportSignalRow[],
): Map<string, ReportSignalRow[]> {
  const joined = new Set(state.joinOrder);
  const rowsByPerson = new Map<string, ReportSignalRow[]>();
  for (const row of rows) {
    if (!joined.has(row.participantId) || !rowHasSignal(row)) continue;
    const list = rowsByPerson.get(row.participantId) ?? [];
    list.push(row);
    rowsByPerson.set(row.participantId, list);
  }
  return rowsByPerson;
}

function peopleOf(
  state: SessionState,
  viewerId: string,
  rowsByPerson: ReadonlyMap<string, unknown>,
): ReportPerson[] {
  return state.joinOrder.map((participantId) => ({
    participantId,
    displayName: state.participants[participantId]?.displayName ?? '',
    isViewer: participantId === viewerId,
    hasSignals: rowsByPerson.has(participantId),
  }));
}

/**
 * Only the report's people, without the synchrony statistics (which take up to a couple of
 * seconds for a long session): enough for the RR-interval CSV.
 */
export function sessionReportPeople(input: SessionReportInput): ReportPerson[] {
  const state = foldLog(input.entries, input.viewerId).state;
  return peopleOf(state, input.viewerId, rowsByPersonOf(state, input.rows));
}

/** The report for `viewerId`. Pure: the same log and rows always give the same report. */
export function buildSessionReport(input: SessionReportInput): SessionReport {
  const facts = foldLog(input.entries, input.viewerId);
  const rowsByPerson = rowsByPersonOf(facts.state, input.rows);
  const people = peopleOf(facts.state, input.viewerId, rowsByPerson);
  const series = people.flatMap((person) => {
    const rows = rowsByPerson.get(person.participantId);
    return rows ? [seriesOf(person.participantId, rows)] : [];
  });

  return {
    sessionId: input.sessionId,
    viewerId: input.viewerId,
    hostId: facts.state.hostId,
    startedAtMs: facts.startedAtMs,
    endedAtMs: facts.endedAtMs,
    people,
    practices: facts.practices,
    checkIns: facts.checkIns,
    series,
    synchrony: reportSynchrony({
      viewerId: input.viewerId,
      people,
      rowsByPerson,
      practices: facts.practices,
    }),
  };
}
