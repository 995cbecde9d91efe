/**
 * What each person may see of a cycle map (CM11). Before the reveal a person sees their own side
 * and, of the other, only two facts they need in order to choose: whether that side is marked
 * done, and whether its author is ready to look. Never its content, and not even whether they
 * have started: "they've begun and you haven't" is a nudge nobody asked for.
 */
import type { CycleMapEvent } from './cycle-map-events.ts';
import { cyclePatternOf, type CyclePattern } from './cycle-pattern.ts';
import type { CyclePlan } from './cycle-plan.ts';
import { EMPTY_CYCLE_SIDE, type CycleSide } from './cycle-side.ts';
import { cycleMapOtherPerson, type CycleMapState, type CycleMapStatus } from './cycle-map-state.ts';

/** The viewer's own side and where it stands. */
export interface MySideView {
  readonly personId: string;
  /** Their side as last saved (empty if they have not saved one). */
  readonly side: CycleSide;
  readonly done: boolean;
  readonly readyToLook: boolean;
}

/** The other person's side as the viewer may see it. */
export interface TheirSideView {
  readonly personId: string;
  /** Null until both sides are open together. */
  readonly side: CycleSide | null;
  readonly done: boolean;
  readonly readyToLook: boolean;
}

/** One cycle map as one person may see it. */
export interface CycleMapView {
  readonly status: Exclude<CycleMapStatus, 'none'>;
  readonly mapId: string;
  readonly mine: MySideView;
  readonly theirs: TheirSideView;
  /** True once both sides are done, so each can choose when to look. */
  readonly canChooseToLook: boolean;
  /** The pattern, once both sides are open; null before. */
  readonly pattern: CyclePattern | null;
  readonly name: string | null;
  readonly plan: CyclePlan | null;
}

/** The map as `viewerId` may see it, or null when they are not one of its two people. */
export function cycleMapViewFor(state: CycleMapState, viewerId: string): CycleMapView | null {
  if (state.status === 'none') return null;
  const otherId = cycleMapOtherPerson(state, viewerId);
  if (otherId === null) return null;
  const revealed = state.revealedSides;
  const mySide = revealed?.[viewerId] ?? state.drafts[viewerId] ?? EMPTY_CYCLE_SIDE;
  const theirSide = revealed ? (revealed[otherId] ?? EMPTY_CYCLE_SIDE) : null;
  return {
    status: state.status,
    mapId: state.mapId,
    mine: {
      personId: viewerId,
      side: mySide,
      done: state.ready.includes(viewerId),
      readyToLook: state.revealAgreed.includes(viewerId),
    },
    theirs: {
      personId: otherId,
      side: theirSide,
      done: state.ready.includes(otherId),
      readyToLook: state.revealAgreed.includes(otherId),
    },
    canChooseToLook: state.ready.includes(viewerId) && state.ready.includes(otherId),
    pattern:
      theirSide === null
        ? null
        : cyclePatternOf(
            { personId: viewerId, side: mySide },
            { personId: otherId, side: theirSide },
          ),
    name: state.name,
    plan: state.plan,
  };
}

/**
 * The event as `viewerId` may receive it, or null when they may not learn of it at all. A draft
 * save is its author's alone: the other person gets not even a placeholder, since a placeholder
 * would tell them the other has started. A server streaming the log per person therefore keeps a
 * cursor per viewer rather than expecting gapless sequence numbers.
 */
export function cycleMapEventForViewer(
  event: CycleMapEvent,
  viewerId: string,
): CycleMapEvent | null {
  if (event.type === 'sideDraftSaved') return event.personId === viewerId ? event : null;
  return event;
}
