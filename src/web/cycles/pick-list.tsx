/**
 * "Pick any that fit": the catalogue as tick boxes drawn as soft chips, and below them the
 * entries the person wrote themselves, each with a way to take it out again.
 */
import type { ComponentChildren } from 'preact';

/** One catalogue entry to tick. */
export interface PickOption<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

/** The tick boxes. */
export function PickChips<Id extends string>(props: {
  readonly options: readonly PickOption<Id>[];
  readonly picked: readonly Id[];
  readonly onToggle: (id: Id, on: boolean) => void;
}) {
  return (
    <ul class="pick-chips">
      {props.options.map((option) => (
        <li key={option.id}>
          <label class="pick-chip">
            <input
              type="checkbox"
              checked={props.picked.includes(option.id)}
              onChange={(event) => {
                props.onToggle(option.id, event.currentTarget.checked);
              }}
            />
            <span>{option.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** The entries in the person's own words, with "Take out" buttons. */
export function OwnEntries(props: {
  /** Said before the list for screen readers: "Your own moves". */
  readonly label: string;
  readonly entries: readonly { readonly text: string; readonly note?: ComponentChildren }[];
  readonly onRemove: (index: number) => void;
}) {
  if (props.entries.length === 0) return null;
  return (
    <ul class="own-entries" aria-label={props.label}>
      {props.entries.map((entry, index) => (
        <li key={`${String(index)}-${entry.text}`} class="own-entry">
          <span class="own-entry-text">
            <q>{entry.text}</q>
            {entry.note}
          </span>
          <button
            type="button"
            class="quiet own-entry-remove"
            onClick={() => {
              props.onRemove(index);
            }}
          >
            Take out<span class="visually-hidden"> “{entry.text}”</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
