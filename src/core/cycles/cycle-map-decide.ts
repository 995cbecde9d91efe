/**
 * `cycleMapDecide(state, command, actorId)`: every rule of a cycle map, numbered in SPEC.md.
 * Each person fills in their side privately, marks it done, and when both are done, each says
 * when they are ready to look; the sides open for both at the same moment. It reads no clock
 * and touches no I/O; `actorId` comes from the server's session, never from the payload.
 */
import type { CycleMapCommand } from './cycle-map-commands.ts';
import type { CycleMapEvent } from './cycle-map-events.ts';
import {
  CYCLE_MAP_REJECTION_CODES as R,
  cycleMapAccepted as accepted,
  cycleMapRejection as rejection,
  type CycleMapDecision,
} from './cycle-map-rejection.ts';
import { cycleMapIncludes, cycleMapOtherPerson, type CycleMapState } from './cycle-map-state.ts';
import { EMPTY_CYCLE_SIDE, cycleSideReadinessProblem } from './cycle-side.ts';

const ALREADY_REVEALED_MESSAGE =
  'Both sides are already open, so they stay as they were shared. To map it again, start a new map together.';

/** CM6: agreeing to look; the second agreement opens both sides in the same decision. */
function decideAgreeToReveal(state: CycleMapState, me: string, other: string): CycleMapDecision {
  if (!state.ready.includes(me)) {
    return rejection(
      R.notBothReady,
      'Mark your side as done first. Then you can choose when to look together.',
    );
  }
  if (!state.ready.includes(other)) {
    return rejection(
      R.notBothReady,
      'The other side is not marked as done yet. You can choose to look together once it is.',
    );
  }
  if (state.revealAgreed.includes(me)) return accepted();
  const agreed: CycleMapEvent = { type: 'revealAgreed', personId: me };
  if (!state.revealAgreed.includes(other)) return accepted(agreed);
  const sides = Object.fromEntries(
    state.people.map((personId) => [personId, state.drafts[personId] ?? EMPTY_CYCLE_SIDE]),
  );
  return accepted(agreed, { type: 'sidesRevealed', sides });
}

/** Decides the outcome of one command by `actorId` against the current state of the map. */
export function cycleMapDecide(
  state: CycleMapState,
  command: CycleMapCommand,
  actorId: string,
): CycleMapDecision {
  const me = actorId;
  if (command.type === 'openMap') {
    if (state.status !== 'none') {
      return rejection(
        R.mapExists,
        'This cycle map is already open. You can carry on with your side.',
      );
    }
    if (command.partnerId === me) {
      return rejection(
        R.partnerInvalid,
        'A cycle map is for two people. Choose the other person to map it with.',
      );
    }
    return accepted({ type: 'mapOpened', mapId: command.mapId, people: [me, command.partnerId] });
  }
  if (state.status === 'none') {
    return rejection(
      R.mapNotFound,
      'This cycle map could not be found. You can start a new one together.',
    );
  }
  const other = cycleMapOtherPerson(state, me);
  if (other === null || !cycleMapIncludes(state, me)) {
    return rejection(R.notOnMap, 'Only the two people mapping this cycle can change it.');
  }
  const revealed = state.status === 'revealed';

  switch (command.type) {
    case 'saveDraft':
      if (revealed) return rejection(R.alreadyRevealed, ALREADY_REVEALED_MESSAGE);
      if (state.ready.includes(me)) {
        return rejection(
          R.sideMarkedReady,
          'Your side is marked as done, so it is kept as it is. Choose "not done yet" to change it.',
        );
      }
      return accepted({ type: 'sideDraftSaved', personId: me, side: command.side });
    case 'markReady': {
      if (revealed) return rejection(R.alreadyRevealed, ALREADY_REVEALED_MESSAGE);
      if (state.ready.includes(me)) return accepted();
      const problem = cycleSideReadinessProblem(state.drafts[me] ?? EMPTY_CYCLE_SIDE);
      if (problem !== null) return rejection(R.sideIncomplete, problem);
      return accepted({ type: 'sideMarkedReady', personId: me });
    }
    case 'markNotReady':
      if (revealed) return rejection(R.alreadyRevealed, ALREADY_REVEALED_MESSAGE);
      return state.ready.includes(me)
        ? accepted({ type: 'sideMarkedNotReady', personId: me })
        : accepted();
    case 'agreeToReveal':
      if (revealed) return accepted();
      return decideAgreeToReveal(state, me, other);
    case 'withdrawRevealAgreement':
      if (revealed) return rejection(R.alreadyRevealed, ALREADY_REVEALED_MESSAGE);
      return state.revealAgreed.includes(me)
        ? accepted({ type: 'revealAgreementWithdrawn', personId: me })
        : accepted();
    case 'nameCycle':
      if (!revealed) {
        return rejection(
          R.notRevealed,
          'You can name your cycle once you have both looked at both sides together.',
        );
      }
      return accepted({ type: 'cycleNamed', personId: me, name: command.name });
    case 'savePlan':
      if (!revealed) {
        return rejection(
          R.notRevealed,
          'You can make your plan once you have both looked at both sides together.',
        );
      }
      return accepted({ type: 'planSaved', personId: me, plan: command.plan });
  }
}
