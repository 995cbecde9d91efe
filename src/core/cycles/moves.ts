/**
 * The moves a person tends to make when the cycle starts, as data. Some reach toward the other
 * person (protest: criticising, chasing, pushing for an answer); some step away (withdrawal:
 * going quiet, defending, leaving the room). Both kinds are ways of protecting something that
 * matters, so the words describe what a person does, never what they are.
 */

/** Which way a move takes a person: toward the other (protest) or away (withdrawal). */
export const MOVE_LEANS = ['toward', 'away'] as const;

/** One way a move can lean. */
export type MoveLean = (typeof MOVE_LEANS)[number];

/** How each lean is offered when someone adds a move in their own words. */
export const MOVE_LEAN_LABELS: Readonly<Record<MoveLean, { heading: string; choice: string }>> = {
  toward: {
    heading: 'Moves that reach toward',
    choice: 'Toward them: I reach, push or protest.',
  },
  away: {
    heading: 'Moves that step away',
    choice: 'Away from them: I step back, go quiet or guard myself.',
  },
};

/** Asked of every move a person adds in their own words, so the pattern can be seen. */
export const OWN_MOVE_LEAN_QUESTION = 'Does this take you toward them, or away from them?';

/** Every move in the catalogue, reaching moves first. */
export const CYCLE_MOVE_IDS = [
  'criticising',
  'demanding-change',
  'following-to-keep-talking',
  'getting-louder',
  'pushing-for-an-answer',
  'complaining',
  'bringing-up-old-hurts',
  'sharp-words',
  'checking-again-and-again',
  'giving-instructions',
  'going-quiet',
  'defending',
  'leaving-the-room',
  'shutting-down',
  'keeping-busy',
  'brushing-it-off',
  'changing-the-subject',
  'agreeing-to-make-it-stop',
  'going-blank',
  'turning-to-a-screen',
  'staying-away-longer',
] as const;

/** The id of one catalogue move. */
export type CycleMoveId = (typeof CYCLE_MOVE_IDS)[number];

/** One move a person can pick for their side of the cycle. */
export interface CycleMoveDefinition {
  readonly id: CycleMoveId;
  readonly lean: MoveLean;
  /** How the person picks it, about themselves: "Going quiet". */
  readonly label: string;
  /** How the description says it after someone's name: "goes quiet". */
  readonly phrase: string;
}

const move = (
  id: CycleMoveId,
  lean: MoveLean,
  label: string,
  phrase: string,
): CycleMoveDefinition => ({ id, lean, label, phrase });

/** Every catalogue move by id. */
export const CYCLE_MOVES: Readonly<Record<CycleMoveId, CycleMoveDefinition>> = {
  criticising: move('criticising', 'toward', 'Criticising', 'criticises'),
  'demanding-change': move(
    'demanding-change',
    'toward',
    'Demanding that things change',
    'demands change',
  ),
  'following-to-keep-talking': move(
    'following-to-keep-talking',
    'toward',
    'Following them to keep talking',
    'follows to keep talking',
  ),
  'getting-louder': move('getting-louder', 'toward', 'Raising my voice', 'gets louder'),
  'pushing-for-an-answer': move(
    'pushing-for-an-answer',
    'toward',
    'Pushing for an answer right now',
    'pushes for an answer',
  ),
  complaining: move('complaining', 'toward', 'Complaining', 'complains'),
  'bringing-up-old-hurts': move(
    'bringing-up-old-hurts',
    'toward',
    'Bringing up old hurts',
    'brings up old hurts',
  ),
  'sharp-words': move('sharp-words', 'toward', 'Sharp or sarcastic words', 'gets sharp'),
  'checking-again-and-again': move(
    'checking-again-and-again',
    'toward',
    'Messaging or checking again and again',
    'checks in again and again',
  ),
  'giving-instructions': move(
    'giving-instructions',
    'toward',
    'Telling them what to do',
    'gives instructions',
  ),
  'going-quiet': move('going-quiet', 'away', 'Going quiet', 'goes quiet'),
  defending: move('defending', 'away', 'Defending myself', 'defends their side'),
  'leaving-the-room': move('leaving-the-room', 'away', 'Leaving the room', 'leaves the room'),
  'shutting-down': move('shutting-down', 'away', 'Shutting down', 'shuts down'),
  'keeping-busy': move('keeping-busy', 'away', 'Keeping busy', 'keeps busy'),
  'brushing-it-off': move('brushing-it-off', 'away', 'Brushing it off', 'brushes it off'),
  'changing-the-subject': move(
    'changing-the-subject',
    'away',
    'Changing the subject',
    'changes the subject',
  ),
  'agreeing-to-make-it-stop': move(
    'agreeing-to-make-it-stop',
    'away',
    'Agreeing just to make it stop',
    'agrees just to make it stop',
  ),
  'going-blank': move('going-blank', 'away', 'Going blank or numb', 'goes blank'),
  'turning-to-a-screen': move(
    'turning-to-a-screen',
    'away',
    'Turning to a phone or screen',
    'turns to a screen',
  ),
  'staying-away-longer': move(
    'staying-away-longer',
    'away',
    'Staying out or working later',
    'stays away longer',
  ),
};

/** Every catalogue move in order: reaching moves first, then stepping-away moves. */
export const CYCLE_MOVE_LIST: readonly CycleMoveDefinition[] = CYCLE_MOVE_IDS.map(
  (id) => CYCLE_MOVES[id],
);

/** The catalogue moves that lean one way, in catalogue order. */
export function cycleMovesLeaning(lean: MoveLean): readonly CycleMoveDefinition[] {
  return CYCLE_MOVE_LIST.filter((definition) => definition.lean === lean);
}
