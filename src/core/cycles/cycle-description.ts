/**
 * The cycle in words, once both sides are open: the pattern named as the shared problem (the loop
 * is the trouble, not either person), what sets it off, each person's moves, how each tends to
 * read the other, and what lies underneath, using each person's own words wherever they gave them.
 *
 * The sentences never judge a move and never say who started it: a loop has no first step.
 */
import { FEELINGS } from './feelings.ts';
import { LONGINGS } from './longings.ts';
import {
  CYCLE_PATTERN_NAMES,
  cyclePatternOf,
  type CyclePattern,
  type PersonLean,
  type PersonSide,
} from './cycle-pattern.ts';
import { sideKeyMove, sideMovesNamed, type NamedMove } from './side-moves.ts';
import {
  endsASentence,
  nameSegment,
  ownWordsSegment,
  segmentsJoinedAsList,
  textSegment as t,
  type TextParagraph,
  type TextSegment,
} from './text-segments.ts';

/** A person with their display name and their side. */
export interface CyclePerson extends PersonSide {
  readonly name: string;
}

/** The cycle described for both people. */
export interface CycleDescription {
  readonly pattern: CyclePattern;
  readonly title: string;
  /** The usual term, for people who know it, or a plain note when the pattern is unclear. */
  readonly usualTerm: string;
  readonly paragraphs: readonly TextParagraph[];
}

type Sentence = readonly TextSegment[];

function paragraphOf(sentences: readonly Sentence[]): TextParagraph {
  return sentences.flatMap((sentence, index) => (index === 0 ? sentence : [t(' '), ...sentence]));
}

const nameOf = (person: CyclePerson): TextSegment => nameSegment(person.personId, person.name);

/** A move as words in a sentence: the catalogue phrase, or the person's own words quoted. */
function moveWords(person: CyclePerson, named: NamedMove): TextParagraph {
  return named.moveId === null ? [ownWordsSegment(person.personId, named.text)] : [t(named.text)];
}

/** The key move after a name: "goes quiet", or "steps back (“their words”)" for own words. */
function keyMoveWords(person: CyclePerson, named: NamedMove): TextParagraph {
  if (named.moveId !== null) return [t(named.text)];
  const verb = named.lean === 'toward' ? 'reaches' : 'steps back';
  return [t(`${verb} (`), ownWordsSegment(person.personId, named.text), t(')')];
}

function leanOf(pattern: CyclePattern, person: CyclePerson): PersonLean {
  return pattern.leans.find((lean) => lean.personId === person.personId)?.lean ?? 'none';
}

/** The lean that stands for a person's moves, or null when they have no clear one. */
function clearLean(lean: PersonLean): 'toward' | 'away' | null {
  return lean === 'toward' || lean === 'away' ? lean : null;
}

/** "Noor reaches toward Eli: criticises and gets louder. Sometimes Noor also goes quiet." */
function movesSentences(person: CyclePerson, other: CyclePerson, lean: PersonLean): Sentence[] {
  const moves = sideMovesNamed(person.side);
  if (moves.length === 0) return [[nameOf(person), t(' has not named any moves yet.')]];
  const list = (items: readonly NamedMove[]): TextSegment[] =>
    segmentsJoinedAsList(items.map((named) => moveWords(person, named)));
  const main = clearLean(lean);
  if (main === null) {
    return [
      [nameOf(person), t(' sometimes reaches and sometimes steps back: '), ...list(moves), t('.')],
    ];
  }
  const usual = moves.filter((named) => named.lean === main);
  const otherWay = moves.filter((named) => named.lean !== main);
  const opening: Sentence =
    main === 'toward'
      ? [nameOf(person), t(' reaches toward '), nameOf(other), t(': '), ...list(usual), t('.')]
      : [nameOf(person), t(' steps back: '), ...list(usual), t('.')];
  if (otherWay.length === 0) return [opening];
  return [opening, [t('Sometimes '), nameOf(person), t(' also '), ...list(otherWay), t('.')]];
}

/** What a person tends to do next, by their lean, in the pattern that holds them. */
function nextStep(pattern: CyclePattern, lean: PersonLean): string | null {
  if (lean === 'toward')
    return pattern.kind === 'both-pursue' ? 'pushes back harder' : 'reaches harder';
  if (lean === 'away')
    return pattern.kind === 'both-withdraw' ? 'guards a little more' : 'steps further back';
  return null;
}

/** "When Eli goes quiet, Noor tends to hear: “…”. So Noor reaches harder." */
function readingSentences(
  pattern: CyclePattern,
  reader: CyclePerson,
  mover: CyclePerson,
): Sentence[] {
  const move = sideKeyMove(mover.side, clearLean(leanOf(pattern, mover)));
  // With no move to point at, the story is still told: nobody's words are left out.
  const when: TextSegment[] =
    move === null
      ? [t('When it starts, ')]
      : [t('When '), nameOf(mover), t(' '), ...keyMoveWords(mover, move), t(', ')];
  const next = nextStep(pattern, leanOf(pattern, reader));
  const story = reader.side.storyAboutOther;
  if (story === '') return next === null ? [] : [[...when, nameOf(reader), t(` ${next}.`)]];
  const heard: Sentence = [
    ...when,
    nameOf(reader),
    t(' tends to hear: '),
    ownWordsSegment(reader.personId, story),
    ...(endsASentence(story) ? [] : [t('.')]),
  ];
  return next === null ? [heard] : [heard, [t('So '), nameOf(reader), t(` ${next}.`)]];
}

/** The sentence that closes the loop, in the words of its pattern. */
function loopSentences(pattern: CyclePattern, first: CyclePerson, second: CyclePerson): Sentence[] {
  switch (pattern.kind) {
    case 'pursue-withdraw': {
      const [pursuer, withdrawer] =
        pattern.pursuerId === first.personId ? [first, second] : [second, first];
      return [
        [
          t('The more '),
          nameOf(pursuer),
          t(' reaches, the further '),
          nameOf(withdrawer),
          t(' steps back.'),
        ],
        [
          t('The further '),
          nameOf(withdrawer),
          t(' steps back, the harder '),
          nameOf(pursuer),
          t(' reaches.'),
        ],
      ];
    }
    case 'both-pursue':
      return [
        [t('Each push lands as a threat, so each of you pushes back, and the heat keeps rising.')],
      ];
    case 'both-withdraw':
      return [
        [
          t(
            'The quieter it gets, the less safe it feels, and the distance grows though neither of you wants it.',
          ),
        ],
      ];
    case 'unclear':
      return [[t('However it goes for you, each move tends to set off the next one.')]];
  }
}

/** "Underneath, Noor feels hurt and alone. Noor longs to matter." Two sentences keep each short. */
function underneathSentences(person: CyclePerson): Sentence[] {
  const words = (picked: readonly string[], own: readonly string[]): TextParagraph[] => [
    ...picked.map((phrase) => [t(phrase)]),
    ...own.map((text) => [ownWordsSegment(person.personId, text)]),
  ];
  const { feelingsUnderneath: feelings, longings } = person.side;
  const felt = words(
    feelings.picked.map((id) => FEELINGS[id].phrase),
    feelings.own,
  );
  const longed = words(
    longings.picked.map((id) => LONGINGS[id].phrase),
    longings.own,
  );
  const sentences: Sentence[] = [];
  if (felt.length > 0) {
    sentences.push([
      t('Underneath, '),
      nameOf(person),
      t(' feels '),
      ...segmentsJoinedAsList(felt),
      t('.'),
    ]);
  }
  if (longed.length > 0) {
    const opening: TextSegment[] =
      felt.length > 0 ? [nameOf(person)] : [t('Underneath, '), nameOf(person)];
    sentences.push([...opening, t(' longs '), ...segmentsJoinedAsList(longed), t('.')]);
  }
  return sentences;
}

/** "For Noor, it tends to start with: “…”." */
function setOffSentences(person: CyclePerson): Sentence[] {
  const text = person.side.setsItOff;
  if (text === '') return [];
  return [
    [
      t('For '),
      nameOf(person),
      t(', it tends to start with: '),
      ownWordsSegment(person.personId, text),
      ...(endsASentence(text) ? [] : [t('.')]),
    ],
  ];
}

/** The opening: the loop between them is the trouble, not either person. */
function frameSentences(first: CyclePerson, second: CyclePerson): Sentence[] {
  return [
    [t('This is a loop that happens between '), nameOf(first), t(' and '), nameOf(second), t('.')],
    [t('The loop is the trouble here, not either of you.')],
  ];
}

const CLOSING: readonly Sentence[] = [
  [t('Each of you is protecting something that matters.')],
  [t('Seen this way, each move makes sense, and you can face the loop side by side.')],
  [t('When you notice it starting, saying so out loud is the first step out of it.')],
];

/**
 * Describes the cycle of two people whose sides are open. Paragraphs: the shared frame, what
 * sets it off, the moves, how each reads the other (closing the loop), what lies underneath, and
 * a closing word. Every word a person wrote appears, as their own words.
 */
export function cycleDescribe(first: CyclePerson, second: CyclePerson): CycleDescription {
  const pattern = cyclePatternOf(first, second);
  const names = CYCLE_PATTERN_NAMES[pattern.kind];
  // In pursue-withdraw the story usually starts from the one who reaches; otherwise keep the order given.
  const [lead, follow] =
    pattern.kind === 'pursue-withdraw' && pattern.pursuerId === second.personId
      ? [second, first]
      : [first, second];
  const underneath = [...underneathSentences(lead), ...underneathSentences(follow)];
  const setOff = [...setOffSentences(lead), ...setOffSentences(follow)];
  const paragraphs: TextParagraph[] = [
    paragraphOf(frameSentences(first, second)),
    ...(setOff.length > 0 ? [paragraphOf(setOff)] : []),
    paragraphOf([
      ...movesSentences(lead, follow, leanOf(pattern, lead)),
      ...movesSentences(follow, lead, leanOf(pattern, follow)),
    ]),
    paragraphOf([
      ...readingSentences(pattern, lead, follow),
      ...readingSentences(pattern, follow, lead),
      ...loopSentences(pattern, first, second),
    ]),
    ...(underneath.length > 0 ? [paragraphOf(underneath)] : []),
    paragraphOf(CLOSING),
  ];
  return { pattern, title: names.title, usualTerm: names.usualTerm, paragraphs };
}
