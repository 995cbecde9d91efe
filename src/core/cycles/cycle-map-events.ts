/**
 * What can happen to one cycle map, as events. A map is an append-only log of these; its state is
 * their fold (`cycleMapFold`). Draft saves belong to their author alone until the reveal (CM11).
 */
import type { CycleSide } from './cycle-side.ts';
import type { CyclePlan } from './cycle-plan.ts';

/** Everything that can happen to a cycle map. */
export type CycleMapEvent =
  /** CM1: two people start mapping their cycle; the first is the one who opened it. */
  | {
      readonly type: 'mapOpened';
      readonly mapId: string;
      readonly people: readonly [string, string];
    }
  /** CM3: a person saved their side as it stands. Private to them until the reveal. */
  | { readonly type: 'sideDraftSaved'; readonly personId: string; readonly side: CycleSide }
  /** CM4: a person says their side is done. Only the fact is shared, never the content. */
  | { readonly type: 'sideMarkedReady'; readonly personId: string }
  /** CM5: a person takes "done" back to keep working; any agreement to look is set aside. */
  | { readonly type: 'sideMarkedNotReady'; readonly personId: string }
  /** CM6: a person is ready to look at both sides now. */
  | { readonly type: 'revealAgreed'; readonly personId: string }
  /** CM7: a person is not ready to look after all. */
  | { readonly type: 'revealAgreementWithdrawn'; readonly personId: string }
  /** CM6: both agreed, so both sides open for both, at the same moment, in this one event. */
  | { readonly type: 'sidesRevealed'; readonly sides: Readonly<Record<string, CycleSide>> }
  /** CM9: the name they chose for their cycle (the latest one counts). */
  | { readonly type: 'cycleNamed'; readonly personId: string; readonly name: string }
  /** CM10: their plan for when they notice it (the latest one counts). */
  | { readonly type: 'planSaved'; readonly personId: string; readonly plan: CyclePlan };

/** The `type` of any cycle-map event. */
export type CycleMapEventType = CycleMapEvent['type'];
