/**
 * What stays of a person in logs they shared with others once they delete their account: the
 * facts the others' history needs to fold (that someone joined, was ready, paused, took a turn),
 * under a stand-in id, and none of their identity or their words.
 *
 * Rules, for the person who left (every other person's events keep their content):
 * - their id becomes a stand-in id wherever it appears, as a value or as a key, in every event of
 *   the log (other people's `practiceStarted` lists them too). The stand-in is numbered per log,
 *   `someone-who-left-1`, `-2`, ..., so two people who left one log stay two people when it is
 *   folded (two pause holds stay two holds) and nothing links the stand-ins of different logs;
 * - live sessions: their display name becomes "Someone who left", and their boundaries become
 *   "everything ruled out", which is true now: nothing of theirs is shared or offered any more.
 *   A check-in or a body notice is itself their content, so it is replaced by a stand-in event
 *   that folds to exactly the same state: a `boundariesSet` restating those boundaries. Sequence
 *   numbers therefore stay 1..n without gaps and every device's copy of the log stays in step;
 * - cycle maps: their side is emptied wherever it appears (drafts, and the revealed pair); a cycle
 *   name or cue phrase they wrote goes back to the one in place before it (a name falls back to
 *   a neutral label, since a map with a plan always shows one);
 * - repairs: what they said in a turn, what they heard, and a next step they proposed (also
 *   where a completed repair repeats it) become empty.
 * The fold functions are total, so the redacted log always replays (the contract tests fold it).
 */
import { BOUNDARY_KINDS, type Boundaries } from '../../core/boundaries/boundary.ts';
import type { CycleMapEvent } from '../../core/cycles/cycle-map-events.ts';
import { CYCLE_MAP_INITIAL_STATE, cycleMapEvolve } from '../../core/cycles/cycle-map-state.ts';
import { EMPTY_CYCLE_SIDE } from '../../core/cycles/cycle-side.ts';
import type { RepairEvent } from '../../core/repair/repair-events.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import type { JsonValue } from './event-store.ts';

/** Stands in for a deleted person outside event logs (audit rows, who created a relationship). */
export const SOMEONE_WHO_LEFT_ID = 'someone-who-left';
/** The name a deleted person goes by in the logs of others. */
export const SOMEONE_WHO_LEFT_NAME = 'Someone who left';
/** What a cycle shows as its name when the only name it had was written by the person who left. */
export const CYCLE_NAME_AFTER_LEAVING = 'Our cycle';

const STAND_IN_PATTERN = new RegExp(`${SOMEONE_WHO_LEFT_ID}-(\\d+)`, 'g');

/** Every boundary on: the person who left shares nothing and is offered nothing. */
const EVERY_BOUNDARY_ON = Object.fromEntries(BOUNDARY_KINDS.map((kind) => [kind, true])) as Boundaries;

/** One event of a log as stored: who wrote it and what it says. */
export interface LoggedEvent<E> {
  readonly actorId: string;
  readonly event: E;
}

/** The stand-in id for the next person to leave a log, given every text the log holds. */
export function personWhoLeftIdNext(logTexts: Iterable<string>): string {
  let highest = 0;
  for (const text of logTexts) {
    for (const match of text.matchAll(STAND_IN_PATTERN)) highest = Math.max(highest, Number(match[1]));
  }
  return `${SOMEONE_WHO_LEFT_ID}-${String(highest + 1)}`;
}

/** `value` with `from` replaced by `to` wherever it is a whole string or an object key. */
export function jsonIdReplaced(value: JsonValue, from: string, to: string): JsonValue {
  if (typeof value === 'string') return value === from ? to : value;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: JsonValue) => jsonIdReplaced(item, from, to));
  return Object.fromEntries(
    Object.entries(value as { readonly [key: string]: JsonValue }).map(([key, item]) => [key === from ? to : key, jsonIdReplaced(item, from, to)]),
  );
}

function renamed<E>(event: E, personId: string, standInId: string): E {
  return jsonIdReplaced(event as unknown as JsonValue, personId, standInId) as unknown as E;
}

/** Folds to exactly the state before it: the person who left already has these boundaries. */
function sessionStandInEvent(standInId: string): SessionEvent {
  return { type: 'boundariesSet', participantId: standInId, boundaries: EVERY_BOUNDARY_ON };
}

/** One live-session event with the person who left replaced by `standInId` and their content gone. */
export function sessionEventRedacted(event: SessionEvent, personId: string, standInId: string): SessionEvent {
  const next = renamed(event, personId, standInId);
  switch (next.type) {
    case 'participantJoined':
      return next.participantId === standInId
        ? { ...next, displayName: SOMEONE_WHO_LEFT_NAME, kind: 'guest', boundaries: EVERY_BOUNDARY_ON }
        : next;
    case 'boundariesSet':
      return next.participantId === standInId ? { ...next, boundaries: EVERY_BOUNDARY_ON } : next;
    case 'checkedIn':
    case 'bodyNoticeShared':
      return next.participantId === standInId ? sessionStandInEvent(standInId) : next;
    default:
      return next;
  }
}

/** A whole live-session log, redacted for the person who left. */
export function sessionLogRedacted(
  log: readonly LoggedEvent<SessionEvent>[],
  personId: string,
  standInId: string,
): LoggedEvent<SessionEvent>[] {
  return log.map(({ actorId, event }) => ({
    actorId: actorId === personId ? standInId : actorId,
    event: sessionEventRedacted(event, personId, standInId),
  }));
}

/** A whole cycle-map log, redacted for the person who left (names and cue phrases need the fold). */
export function cycleMapLogRedacted(
  log: readonly LoggedEvent<CycleMapEvent>[],
  personId: string,
  standInId: string,
): LoggedEvent<CycleMapEvent>[] {
  let state = CYCLE_MAP_INITIAL_STATE;
  return log.map(({ actorId, event }) => {
    const next = cycleMapEventRedacted(renamed(event, personId, standInId), standInId, state);
    state = cycleMapEvolve(state, next);
    return { actorId: actorId === personId ? standInId : actorId, event: next };
  });
}

function cycleMapEventRedacted(event: CycleMapEvent, standInId: string, before: typeof CYCLE_MAP_INITIAL_STATE): CycleMapEvent {
  switch (event.type) {
    case 'sideDraftSaved':
      return event.personId === standInId ? { ...event, side: EMPTY_CYCLE_SIDE } : event;
    case 'sidesRevealed':
      return standInId in event.sides ? { ...event, sides: { ...event.sides, [standInId]: EMPTY_CYCLE_SIDE } } : event;
    case 'cycleNamed':
      return event.personId === standInId ? { ...event, name: before.name ?? CYCLE_NAME_AFTER_LEAVING } : event;
    case 'planSaved':
      return event.personId === standInId ? { ...event, plan: { ...event.plan, cuePhrase: before.plan?.cuePhrase ?? '' } } : event;
    default:
      return event;
  }
}

/** A whole repair log, redacted for the person who left (a completed next step needs its proposer). */
export function repairLogRedacted(
  log: readonly LoggedEvent<RepairEvent>[],
  personId: string,
  standInId: string,
): LoggedEvent<RepairEvent>[] {
  const proposedByStandIn = new Set<string>();
  return log.map(({ actorId, event }) => {
    const next = renamed(event, personId, standInId);
    if (next.type === 'nextStepProposed' && next.personId === standInId) proposedByStandIn.add(next.proposalId);
    return { actorId: actorId === personId ? standInId : actorId, event: repairEventRedacted(next, standInId, proposedByStandIn) };
  });
}

function repairEventRedacted(event: RepairEvent, standInId: string, proposedByStandIn: ReadonlySet<string>): RepairEvent {
  switch (event.type) {
    case 'turnWordsSaved':
    case 'turnEnded':
      return event.speakerId === standInId ? { ...event, felt: '', needed: '' } : event;
    case 'turnAcknowledged':
      return event.personId === standInId ? { ...event, words: '' } : event;
    case 'nextStepProposed':
      return event.personId === standInId ? { ...event, text: '' } : event;
    case 'repairCompleted':
      return proposedByStandIn.has(event.proposalId) ? { ...event, nextStep: '' } : event;
    default:
      return event;
  }
}
