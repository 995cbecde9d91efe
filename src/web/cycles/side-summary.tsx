/**
 * One side of a cycle map to read, not to edit: what sets it off, the moves (grouped by which way
 * they lean, each with its arrow), what the person tells themselves, and what lies underneath.
 * Used for my own side once it is done, for both sides after looking together, and for the worked
 * example. Parts left open say so kindly instead of disappearing.
 */
import {
  CYCLE_MOVES,
  FEELINGS,
  LONGINGS,
  MOVE_LEAN_LABELS,
  type CycleSide,
  type MoveLean,
} from '../../core/cycles/index.ts';
import { LeanIcon } from './lean-icon.tsx';
import type { PersonTone } from './text-paragraph.tsx';

/** A move to show: its words, and whether they are the person's own. */
interface ShownMove {
  readonly text: string;
  readonly own: boolean;
}

function movesLeaning(side: CycleSide, lean: MoveLean): readonly ShownMove[] {
  return [
    ...side.moves.picked
      .map((id) => CYCLE_MOVES[id])
      .filter((move) => move.lean === lean)
      .map((move) => ({ text: move.label, own: false })),
    ...side.moves.own
      .filter((move) => move.lean === lean)
      .map((move) => ({ text: move.text, own: true })),
  ];
}

function Chips(props: { readonly items: readonly ShownMove[] }) {
  return (
    <ul class="chip-list">
      {props.items.map((item) => (
        <li key={item.text} class={item.own ? 'chip chip-own' : 'chip'}>
          {item.own ? <q>{item.text}</q> : item.text}
        </li>
      ))}
    </ul>
  );
}

const OPEN_PART = 'Left open for now.';

function Words(props: { readonly text: string }) {
  return props.text === '' ? (
    <p class="hint">{OPEN_PART}</p>
  ) : (
    <p class="side-words">
      <q>{props.text}</q>
    </p>
  );
}

/** The parts of a side, as headings: about me, or about someone by name. */
function partHeadings(name: string | null) {
  return name === null
    ? {
        setsItOff: 'What tends to set it off',
        moves: 'What I tend to do',
        story: 'What I tell myself about them then',
        feelings: 'What I feel underneath',
        longings: 'What I long for',
      }
    : {
        setsItOff: 'What tends to set it off',
        moves: `What ${name} tends to do`,
        story: `What ${name} tells themself then`,
        feelings: `What ${name} feels underneath`,
        longings: `What ${name} longs for`,
      };
}

/** The side. `name` is null for my own side (headings then say "I"). */
export function SideSummary(props: {
  readonly side: CycleSide;
  readonly name: string | null;
  readonly tone: PersonTone;
  /** The level of the part headings, so the summary fits the page's outline. */
  readonly headingLevel?: 3 | 4;
}) {
  const { side } = props;
  const headings = partHeadings(props.name);
  const Heading = props.headingLevel === 4 ? 'h4' : 'h3';
  const feelings = [
    ...side.feelingsUnderneath.picked.map((id) => ({ text: FEELINGS[id].label, own: false })),
    ...side.feelingsUnderneath.own.map((text) => ({ text, own: true })),
  ];
  const longings = [
    ...side.longings.picked.map((id) => ({ text: LONGINGS[id].label, own: false })),
    ...side.longings.own.map((text) => ({ text, own: true })),
  ];
  return (
    <div class={`side-summary tone-${props.tone}`}>
      <Heading>{headings.setsItOff}</Heading>
      <Words text={side.setsItOff} />
      <Heading>{headings.moves}</Heading>
      {(['toward', 'away'] as const).map((lean) => {
        const moves = movesLeaning(side, lean);
        if (moves.length === 0) return null;
        return (
          <div class="side-lean" key={lean}>
            <p class="side-lean-label">
              <LeanIcon lean={lean} />
              <span>{MOVE_LEAN_LABELS[lean].heading}</span>
            </p>
            <Chips items={moves} />
          </div>
        );
      })}
      <Heading>{headings.story}</Heading>
      <Words text={side.storyAboutOther} />
      <Heading>{headings.feelings}</Heading>
      {feelings.length === 0 ? <p class="hint">{OPEN_PART}</p> : <Chips items={feelings} />}
      <Heading>{headings.longings}</Heading>
      {longings.length === 0 ? <p class="hint">{OPEN_PART}</p> : <Chips items={longings} />}
    </div>
  );
}
