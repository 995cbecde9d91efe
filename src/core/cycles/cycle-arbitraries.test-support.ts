/**
 * fast-check arbitraries and a small harness shared by the cycle tests: sides, people, and maps
 * driven by commands the way the server would drive them (parse, decide, fold).
 */
import fc from 'fast-check';
import { FEELING_IDS } from './feelings.ts';
import { LONGING_IDS } from './longings.ts';
import { CYCLE_MOVE_IDS, MOVE_LEANS, type CycleMoveId, type MoveLean } from './moves.ts';
import { OWN_ENTRIES_MAX, OWN_ENTRY_MAX_CHARS } from './pick-or-add.ts';
import type { CycleSide, OwnMove } from './cycle-side.ts';
import type { CyclePerson } from './cycle-description.ts';
import { cycleMapCommandParse } from './cycle-map-commands.ts';
import { cycleMapDecide } from './cycle-map-decide.ts';
import type { CycleMapDecision, CycleMapRejectionCode } from './cycle-map-rejection.ts';
import type { CycleMapEvent } from './cycle-map-events.ts';
import { CYCLE_MAP_INITIAL_STATE, cycleMapEvolve, type CycleMapState } from './cycle-map-state.ts';

/** A short phrase of plain words, as someone might write in their own words. */
export const ownWordsArb: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'late',
      'again',
      'door',
      'phone',
      'tired',
      'quiet',
      'kitchen',
      'I',
      'you',
      'wait',
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((words) => words.join(' ').slice(0, OWN_ENTRY_MAX_CHARS));

/** A move in someone's own words. */
export const ownMoveArb: fc.Arbitrary<OwnMove> = fc.record({
  text: ownWordsArb,
  lean: fc.constantFrom<MoveLean>(...MOVE_LEANS),
});

/** A side, valid as a saved side would be (unique picks, bounded own entries). */
export function sideArb(
  options: { readonly ownWords?: boolean; readonly minMoves?: number } = {},
): fc.Arbitrary<CycleSide> {
  const own = options.ownWords ?? true;
  const ownList = <T>(arb: fc.Arbitrary<T>, key: (item: T) => string) =>
    own ? fc.uniqueArray(arb, { maxLength: OWN_ENTRIES_MAX, selector: key }) : fc.constant<T[]>([]);
  return fc
    .record({
      setsItOff: own ? ownWordsArb : fc.constant(''),
      moves: fc.record({
        picked: fc.uniqueArray(fc.constantFrom<CycleMoveId>(...CYCLE_MOVE_IDS), { maxLength: 6 }),
        own: ownList(ownMoveArb, (move) => move.text),
      }),
      storyAboutOther: own ? fc.oneof(fc.constant(''), ownWordsArb) : fc.constant(''),
      feelingsUnderneath: fc.record({
        picked: fc.uniqueArray(fc.constantFrom(...FEELING_IDS), { maxLength: 4 }),
        own: ownList(ownWordsArb, (text) => text),
      }),
      longings: fc.record({
        picked: fc.uniqueArray(fc.constantFrom(...LONGING_IDS), { maxLength: 4 }),
        own: ownList(ownWordsArb, (text) => text),
      }),
    })
    .filter((side) => side.moves.picked.length + side.moves.own.length >= (options.minMoves ?? 0));
}

/** Two distinct people with names and sides. */
export function twoPeopleArb(
  options: { readonly ownWords?: boolean } = {},
): fc.Arbitrary<readonly [CyclePerson, CyclePerson]> {
  return fc
    .tuple(
      sideArb(options),
      sideArb(options),
      fc.constantFrom('Ana', 'Ben', 'Sam', 'Jo'),
      fc.constantFrom('Kit', 'Lee', 'Max', 'Bartholomew Fitzwilliam-Jones'),
    )
    .map(([first, second, firstName, secondName]) => [
      { personId: 'person-a', name: firstName, side: first },
      { personId: 'person-b', name: secondName, side: second },
    ]);
}

/** A cycle map driven by raw commands, as the server would: parse, decide, fold. */
export class CycleMapHarness {
  state: CycleMapState = CYCLE_MAP_INITIAL_STATE;
  readonly log: CycleMapEvent[] = [];

  /** Parses and decides `raw` for `actorId`; on acceptance the events join the log. */
  send(actorId: string, raw: unknown): CycleMapDecision {
    const parsed = cycleMapCommandParse(raw);
    if (!parsed.ok) throw new Error(`command did not parse: ${parsed.message}`);
    const decision = cycleMapDecide(this.state, parsed.command, actorId);
    if (decision.ok) {
      for (const event of decision.events) {
        this.log.push(event);
        this.state = cycleMapEvolve(this.state, event);
      }
    }
    return decision;
  }

  /** Sends and insists on acceptance, returning the events added. */
  accept(actorId: string, raw: unknown): readonly CycleMapEvent[] {
    const decision = this.send(actorId, raw);
    if (!decision.ok)
      throw new Error(`expected acceptance, got ${decision.code}: ${decision.message}`);
    return decision.events;
  }

  /** Sends and insists on rejection with `code`, returning the sentence. */
  reject(actorId: string, raw: unknown, code: CycleMapRejectionCode): string {
    const decision = this.send(actorId, raw);
    if (decision.ok)
      throw new Error(`expected ${code}, but it was accepted: ${JSON.stringify(decision.events)}`);
    if (decision.code !== code)
      throw new Error(`expected ${code}, got ${decision.code}: ${decision.message}`);
    return decision.message;
  }

  /** A map opened by `first` with `second`. */
  static opened(first = 'ana', second = 'ben'): CycleMapHarness {
    const harness = new CycleMapHarness();
    harness.accept(first, { type: 'openMap', mapId: 'map-under-test', partnerId: second });
    return harness;
  }
}

/** A small side with one move, for tests that need a side but not its details. */
export function sideWithMoves(
  picked: readonly CycleMoveId[],
  extra: Partial<CycleSide> = {},
): CycleSide {
  return {
    setsItOff: '',
    storyAboutOther: '',
    feelingsUnderneath: { picked: [], own: [] },
    longings: { picked: [], own: [] },
    ...extra,
    moves: { picked, own: [] },
  };
}
