/**
 * Filling in my side, in five parts asked one after another: what sets it off, what I do (picked
 * from moves that reach toward and moves that step away, or added in my own words with the way
 * they lean), what I tell myself about them, what I feel underneath, and what I long for. Every
 * change goes up through `onChange`; saving is the screen's job.
 */
import { useId } from 'preact/hooks';
import {
  CYCLE_SIDE_PROMPTS,
  FEELING_LIST,
  LONGING_LIST,
  MOVE_LEAN_LABELS,
  SIDE_TEXT_MAX_CHARS,
  cycleMovesLeaning,
  type CycleSide,
} from '../../core/cycles/index.ts';
import { LeanIcon } from './lean-icon.tsx';
import { OwnEntryAdder } from './own-entry-adder.tsx';
import { OwnEntries, PickChips } from './pick-list.tsx';
import {
  sideMovePicked,
  sideOwnMoveAdded,
  sideOwnMoveRemoved,
  sideOwnWordAdded,
  sideOwnWordRemoved,
  sideWordPicked,
  type SideEdit,
  type SideWordList,
} from './side-editing.ts';
import './side-form.css';

/** The form's props. `movesRef` lets the screen bring the moves into view when one is needed. */
export interface SideFormProps {
  readonly side: CycleSide;
  readonly onChange: (side: CycleSide) => void;
  readonly movesRef?: { current: HTMLFieldSetElement | null };
}

function PartNumber(props: { readonly n: number }) {
  return (
    <span class="part-number" aria-hidden="true">
      {props.n}
    </span>
  );
}

function TextPart(props: {
  readonly n: number;
  readonly part: 'setsItOff' | 'storyAboutOther';
  readonly value: string;
  readonly onInput: (value: string) => void;
}) {
  const id = useId();
  const prompt = CYCLE_SIDE_PROMPTS[props.part];
  return (
    <div class="side-part field">
      <label for={id} class="side-part-question">
        <PartNumber n={props.n} />
        <span>{prompt.question}</span>
      </label>
      <span class="hint" id={`${id}-hint`}>
        {prompt.hint}
      </span>
      <textarea
        id={id}
        value={props.value}
        maxLength={SIDE_TEXT_MAX_CHARS}
        rows={3}
        aria-describedby={`${id}-hint`}
        onInput={(event) => {
          props.onInput(event.currentTarget.value);
        }}
      />
    </div>
  );
}

function WordsPart(props: {
  readonly n: number;
  readonly list: SideWordList;
  readonly side: CycleSide;
  readonly onChange: (side: CycleSide) => void;
}) {
  const { side, list } = props;
  const id = useId();
  const prompt = CYCLE_SIDE_PROMPTS[list];
  const things = list === 'feelingsUnderneath' ? 'feeling' : 'longing';
  const apply = (edit: SideEdit) => {
    if (edit.ok) props.onChange(edit.side);
    return edit.ok ? null : edit.problem;
  };
  return (
    <fieldset class="side-part" aria-describedby={`${id}-hint`}>
      <legend class="side-part-question">
        <PartNumber n={props.n} />
        <span>{prompt.question}</span>
      </legend>
      <p class="hint" id={`${id}-hint`}>
        {prompt.hint}
      </p>
      {list === 'feelingsUnderneath' ? (
        <PickChips
          options={FEELING_LIST}
          picked={side.feelingsUnderneath.picked}
          onToggle={(picked, on) => {
            props.onChange(sideWordPicked(side, 'feelingsUnderneath', picked, on));
          }}
        />
      ) : (
        <PickChips
          options={LONGING_LIST}
          picked={side.longings.picked}
          onToggle={(picked, on) => {
            props.onChange(sideWordPicked(side, 'longings', picked, on));
          }}
        />
      )}
      <OwnEntries
        label={`Your own ${things}s`}
        entries={side[list].own.map((text) => ({ text }))}
        onRemove={(index) => {
          props.onChange(sideOwnWordRemoved(side, list, index));
        }}
      />
      <OwnEntryAdder
        label={`Add a ${things} in your own words`}
        withLean={false}
        onAdd={(text) => apply(sideOwnWordAdded(side, list, text))}
      />
    </fieldset>
  );
}

function MovesPart(props: SideFormProps) {
  const { side } = props;
  const id = useId();
  const prompt = CYCLE_SIDE_PROMPTS.moves;
  return (
    <fieldset class="side-part" aria-describedby={`${id}-hint`} ref={props.movesRef} tabIndex={-1}>
      <legend class="side-part-question">
        <PartNumber n={2} />
        <span>{prompt.question}</span>
      </legend>
      <p class="hint" id={`${id}-hint`}>
        {prompt.hint}
      </p>
      {(['toward', 'away'] as const).map((lean) => (
        <div class="side-lean" key={lean} role="group" aria-labelledby={`${id}-${lean}`}>
          <p class="side-lean-label" id={`${id}-${lean}`}>
            <LeanIcon lean={lean} />
            <span>{MOVE_LEAN_LABELS[lean].heading}</span>
          </p>
          <PickChips
            options={cycleMovesLeaning(lean)}
            picked={side.moves.picked}
            onToggle={(moveId, on) => {
              props.onChange(sideMovePicked(side, moveId, on));
            }}
          />
        </div>
      ))}
      <OwnEntries
        label="Your own moves"
        entries={side.moves.own.map((own) => ({
          text: own.text,
          note: (
            <span class="own-entry-lean">
              <LeanIcon lean={own.lean} />
              {own.lean === 'toward' ? 'toward' : 'away'}
            </span>
          ),
        }))}
        onRemove={(index) => {
          props.onChange(sideOwnMoveRemoved(side, index));
        }}
      />
      <OwnEntryAdder
        label="Add a move in your own words"
        withLean
        onAdd={(text, lean) => {
          const edit = sideOwnMoveAdded(side, text, lean);
          if (edit.ok) props.onChange(edit.side);
          return edit.ok ? null : edit.problem;
        }}
      />
    </fieldset>
  );
}

/** The form. */
export function SideForm(props: SideFormProps) {
  const { side, onChange } = props;
  return (
    <div class="side-form">
      <TextPart
        n={1}
        part="setsItOff"
        value={side.setsItOff}
        onInput={(setsItOff) => {
          onChange({ ...side, setsItOff });
        }}
      />
      <MovesPart {...props} />
      <TextPart
        n={3}
        part="storyAboutOther"
        value={side.storyAboutOther}
        onInput={(storyAboutOther) => {
          onChange({ ...side, storyAboutOther });
        }}
      />
      <WordsPart n={4} list="feelingsUnderneath" side={side} onChange={onChange} />
      <WordsPart n={5} list="longings" side={side} onChange={onChange} />
    </div>
  );
}
