/** "Your name": the one name field used when starting, joining and re-joining a session. */
import { DISPLAY_NAME_MAX_CHARS } from '../../core/protocol/commands.ts';

/** A labelled name input with a short hint about who sees it. */
export function DisplayNameField(props: { value: string; onInput: (name: string) => void; hint?: string }) {
  return (
    <div class="field">
      <label for="display-name">Your name</label>
      <input
        id="display-name"
        type="text"
        autoComplete="nickname"
        maxLength={DISPLAY_NAME_MAX_CHARS}
        value={props.value}
        aria-describedby={props.hint === undefined ? undefined : 'display-name-hint'}
        onInput={(event) => {
          props.onInput(event.currentTarget.value);
        }}
      />
      {props.hint !== undefined && (
        <span class="hint" id="display-name-hint">
          {props.hint}
        </span>
      )}
    </div>
  );
}
