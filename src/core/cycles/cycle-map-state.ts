/**
 * The folded state of one cycle map, and `cycleMapEvolve`, which folds one event into it. Folding
 * the whole log from `CYCLE_MAP_INITIAL_STATE` always gives the same state.
 */
import type { CycleMapEvent } from './cycle-map-events.ts';
import type { CyclePlan } from './cycle-plan.ts';
import type { CycleSide } from './cycle-side.ts';

/** Where a map stands: not yet opened, each filling in privately, or both sides open. */
export type CycleMapStatus = 'none' | 'drafting' | 'revealed';

/** One cycle map between two people. */
export interface CycleMapState {
  readonly status: CycleMapStatus;
  readonly mapId: string;
  /** The two people, the one who opened it first; empty before it is opened. */
  readonly people: readonly string[];
  /** Each person's latest saved side. Private to its author until the reveal (CM11). */
  readonly drafts: Readonly<Record<string, CycleSide>>;
  /** Who has marked their side done. */
  readonly ready: readonly string[];
  /** Who is ready to look at both sides now. */
  readonly revealAgreed: readonly string[];
  /** Both sides as they were opened; null until the reveal. */
  readonly revealedSides: Readonly<Record<string, CycleSide>> | null;
  readonly name: string | null;
  readonly plan: CyclePlan | null;
}

/** A map that has not been opened yet. */
export const CYCLE_MAP_INITIAL_STATE: CycleMapState = {
  status: 'none',
  mapId: '',
  people: [],
  drafts: {},
  ready: [],
  revealAgreed: [],
  revealedSides: null,
  name: null,
  plan: null,
};

const withPerson = (list: readonly string[], personId: string): readonly string[] =>
  list.includes(personId) ? list : [...list, personId];
const withoutPerson = (list: readonly string[], personId: string): readonly string[] =>
  list.filter((id) => id !== personId);

/** Folds one event into the state. */
export function cycleMapEvolve(state: CycleMapState, event: CycleMapEvent): CycleMapState {
  switch (event.type) {
    case 'mapOpened':
      return {
        ...CYCLE_MAP_INITIAL_STATE,
        status: 'drafting',
        mapId: event.mapId,
        people: event.people,
      };
    case 'sideDraftSaved':
      return { ...state, drafts: { ...state.drafts, [event.personId]: event.side } };
    case 'sideMarkedReady':
      return { ...state, ready: withPerson(state.ready, event.personId) };
    case 'sideMarkedNotReady':
      // The sides someone agreed to look at may now change, so every agreement is set aside.
      return { ...state, ready: withoutPerson(state.ready, event.personId), revealAgreed: [] };
    case 'revealAgreed':
      return { ...state, revealAgreed: withPerson(state.revealAgreed, event.personId) };
    case 'revealAgreementWithdrawn':
      return { ...state, revealAgreed: withoutPerson(state.revealAgreed, event.personId) };
    case 'sidesRevealed':
      return { ...state, status: 'revealed', revealedSides: event.sides };
    case 'cycleNamed':
      return { ...state, name: event.name };
    case 'planSaved':
      return { ...state, plan: event.plan };
  }
}

/** The state after every event in order. */
export function cycleMapFold(events: readonly CycleMapEvent[]): CycleMapState {
  return events.reduce(cycleMapEvolve, CYCLE_MAP_INITIAL_STATE);
}

/** Whether a person is one of the two on this map. */
export function cycleMapIncludes(state: CycleMapState, personId: string): boolean {
  return state.people.includes(personId);
}

/** The other person on the map, or null if `personId` is not on it. */
export function cycleMapOtherPerson(state: CycleMapState, personId: string): string | null {
  if (!cycleMapIncludes(state, personId)) return null;
  return state.people.find((id) => id !== personId) ?? null;
}
