/**
 * This person's copy of the session log, exactly as the server sent it to them: every seq from 1
 * with no gap, private check-ins of others as `hidden` placeholders, and the state folded from
 * it. Pure: the live session keeps the value, and sessionStorage keeps a copy so a reload
 * continues from the last seq instead of starting again.
 */
import type { WireEvent } from '../../core/protocol/messages.ts';
import type { SessionEvent, SessionEventType } from '../../core/session/events.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, type SessionState } from '../../core/session/state.ts';

/** One entry of the log as this viewer holds it. */
export interface ViewerLogEntry {
  readonly seq: number;
  readonly atMs: number;
  readonly event: WireEvent['event'];
}

/** The log and the state folded from it. */
export interface ViewerLog {
  readonly entries: readonly ViewerLogEntry[];
  readonly lastSeq: number;
  readonly state: SessionState;
}

/** Nothing received yet. */
export const VIEWER_LOG_EMPTY: ViewerLog = { entries: [], lastSeq: 0, state: SESSION_INITIAL_STATE };

const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set<SessionEventType>([
  'sessionCreated',
  'participantJoined',
  'participantLeft',
  'boundariesSet',
  'checkedIn',
  'practiceProposed',
  'proposalWithdrawn',
  'readinessSet',
  'consentGiven',
  'consentWithdrawn',
  'practiceStarted',
  'sessionPaused',
  'sessionResumed',
  'turnAdvanced',
  'practiceEnded',
  'sessionEnded',
]);

/** Whether a wire event is one the fold understands (`hidden` and anything unknown are skipped). */
export function viewerEventIsFoldable(event: WireEvent['event']): event is WireEvent['event'] & SessionEvent {
  return KNOWN_EVENT_TYPES.has(event.type);
}

/** Folds one viewer event into the state; `hidden` placeholders and unknown shapes change nothing. */
export function viewerEvolve(state: SessionState, event: WireEvent['event']): SessionState {
  if (!viewerEventIsFoldable(event)) return state;
  // Only the types `sessionEvolve` knows get here; a newer server's new types are skipped above.
  return sessionEvolve(state, event);
}

/** What happened when a batch arrived. */
export type ViewerLogApplied =
  | { readonly ok: true; readonly log: ViewerLog; readonly added: readonly ViewerLogEntry[] }
  /** The batch skipped a seq: the connection must be renewed to catch up from `log.lastSeq`. */
  | { readonly ok: false; readonly log: ViewerLog; readonly added: readonly ViewerLogEntry[]; readonly expectedSeq: number; readonly gotSeq: number };

/**
 * Appends a batch in order. Entries already held are skipped (nothing is repeated); a gap stops
 * the batch at the last contiguous entry, and is reported so the caller reconnects.
 */
export function viewerLogApply(log: ViewerLog, batch: readonly WireEvent[]): ViewerLogApplied {
  let { lastSeq, state } = log;
  const added: ViewerLogEntry[] = [];
  for (const wire of batch) {
    if (wire.seq <= lastSeq) continue;
    if (wire.seq !== lastSeq + 1) {
      const next: ViewerLog = added.length === 0 ? log : { entries: [...log.entries, ...added], lastSeq, state };
      return { ok: false, log: next, added, expectedSeq: lastSeq + 1, gotSeq: wire.seq };
    }
    const entry: ViewerLogEntry = { seq: wire.seq, atMs: wire.atMs, event: wire.event };
    added.push(entry);
    state = viewerEvolve(state, wire.event);
    lastSeq = wire.seq;
  }
  if (added.length === 0) return { ok: true, log, added };
  return { ok: true, log: { entries: [...log.entries, ...added], lastSeq, state }, added };
}

/** Rebuilds a log from stored entries, keeping only the contiguous run from seq 1. */
export function viewerLogFromEntries(entries: readonly ViewerLogEntry[]): ViewerLog {
  return viewerLogApply(VIEWER_LOG_EMPTY, entries).log;
}

/** What is kept in sessionStorage for one session. */
export interface StoredLiveSession {
  readonly version: 1;
  /** The participant id the server greeted this device with; null before the first welcome. */
  readonly me: string | null;
  readonly entries: readonly ViewerLogEntry[];
}

function isEntry(value: unknown): value is ViewerLogEntry {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { seq?: unknown; atMs?: unknown; event?: unknown };
  return (
    typeof candidate.seq === 'number' &&
    Number.isInteger(candidate.seq) &&
    typeof candidate.atMs === 'number' &&
    typeof candidate.event === 'object' &&
    candidate.event !== null &&
    typeof (candidate.event as { type?: unknown }).type === 'string'
  );
}

/** Writes the session as text for storage. */
export function storedLiveSessionEncode(me: string | null, log: ViewerLog): string {
  const stored: StoredLiveSession = { version: 1, me, entries: log.entries };
  return JSON.stringify(stored);
}

/** Reads stored text back; anything damaged or from another version reads as nothing stored. */
export function storedLiveSessionDecode(text: string | null): { me: string | null; log: ViewerLog } {
  const empty = { me: null, log: VIEWER_LOG_EMPTY };
  if (text === null) return empty;
  try {
    const raw = JSON.parse(text) as Partial<StoredLiveSession> | null;
    if (raw?.version !== 1 || !Array.isArray(raw.entries) || !raw.entries.every(isEntry)) return empty;
    const me = typeof raw.me === 'string' ? raw.me : null;
    return { me, log: viewerLogFromEntries(raw.entries) };
  } catch {
    return empty;
  }
}

/** The sessionStorage key for one session's log. */
export function liveSessionStorageKey(sessionId: string): string {
  return `attune.live.${sessionId}`;
}
