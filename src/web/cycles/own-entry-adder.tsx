/**
 * "Add your own": a short line in the person's own words, added with a button or Enter. For a
 * move it also asks which way it leans, since the pattern is read from the leans and only the
 * person knows. A refusal is said beside the field and read out, and the words stay to fix.
 */
import { useId, useState } from 'preact/hooks';
import {
  MOVE_LEAN_LABELS,
  OWN_ENTRY_MAX_CHARS,
  OWN_MOVE_LEAN_QUESTION,
  type MoveLean,
} from '../../core/cycles/index.ts';

/** The adder's props: `onAdd` returns null when added, or the sentence why not. */
export interface OwnEntryAdderProps {
  /** The field's label: "Add a move in your own words". */
  readonly label: string;
  /** Ask which way it leans (moves only). */
  readonly withLean: boolean;
  readonly onAdd: (text: string, lean: MoveLean) => string | null;
}

/** The adder. */
export function OwnEntryAdder(props: OwnEntryAdderProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [lean, setLean] = useState<MoveLean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    if (props.withLean && lean === null && text.trim() !== '') {
      setProblem(`${OWN_MOVE_LEAN_QUESTION} Choose one, then add it.`);
      return;
    }
    const refused = props.onAdd(text, lean ?? 'toward');
    setProblem(refused);
    if (refused !== null) return;
    setText('');
    setLean(null);
  };

  return (
    <div class="own-adder">
      <label for={`${id}-text`}>{props.label}</label>
      <input
        id={`${id}-text`}
        type="text"
        value={text}
        maxLength={OWN_ENTRY_MAX_CHARS + 20}
        autoComplete="off"
        aria-describedby={problem === null ? undefined : `${id}-problem`}
        aria-invalid={problem === null ? undefined : true}
        onInput={(event) => {
          setText(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      {props.withLean && (
        <fieldset class="own-adder-lean">
          <legend>{OWN_MOVE_LEAN_QUESTION}</legend>
          {(['toward', 'away'] as const).map((choice) => (
            <label class="choice" key={choice}>
              <input
                type="radio"
                name={`${id}-lean`}
                value={choice}
                checked={lean === choice}
                onChange={() => {
                  setLean(choice);
                }}
              />
              <span>{MOVE_LEAN_LABELS[choice].choice}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div class="button-row">
        <button type="button" class="secondary" onClick={add}>
          Add<span class="visually-hidden"> {props.label.replace(/^Add /, '')}</span>
        </button>
      </div>
      <p class="error" id={`${id}-problem`} role="alert">
        {problem ?? ''}
      </p>
    </div>
  );
}
