/**
 * A repair that is complete or resting: the next step they chose (if any), and each person's own
 * choice whether to keep it in their private history (R12). Nothing enters it without their yes,
 * and they can change their mind at any time.
 */
import { useState } from 'preact/hooks';
import { REPAIR_HISTORY_QUESTION, type RepairState } from '../../core/repair/index.ts';
import { AppLink } from '../components/app-link.tsx';
import type { RepairPeople } from './repair-people.ts';
import type { RepairSend } from './use-repair.ts';

/** The closing panel, with the way to a new repair. */
export function ClosedPanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean; listPath: string }) {
  const { state, people } = props;
  // The choice shows at once; the saved one takes over when the server has it (or says no).
  const [chosen, setChosen] = useState<boolean | null>(null);
  const saved = state.historyChoices[people.meId];
  const keep = chosen ?? saved;
  const choose = (value: boolean) => {
    setChosen(value);
    void props.send({ type: 'setHistoryChoice', keep: value }).then(() => {
      setChosen(null);
    });
  };
  return (
    <div class="repair-panel">
      {state.nextStep !== null && (
        <>
          <p>The next step you chose together:</p>
          <blockquote class="repair-next-step">{state.nextStep}</blockquote>
        </>
      )}
      <fieldset>
        <legend>Your own history</legend>
        <p class="hint" id="repair-history-question">
          {REPAIR_HISTORY_QUESTION}
        </p>
        <div class="repair-choices" role="radiogroup" aria-describedby="repair-history-question">
          <label class="repair-choice">
            <input
              type="radio"
              name="repair-history"
              checked={keep === true}
              disabled={props.busy}
              onChange={() => {
                choose(true);
              }}
            />
            <span>Yes, keep it in my history</span>
          </label>
          <label class="repair-choice">
            <input
              type="radio"
              name="repair-history"
              checked={keep === false}
              disabled={props.busy}
              onChange={() => {
                choose(false);
              }}
            />
            <span>No, leave it out</span>
          </label>
        </div>
        <p class="hint" aria-live="polite">
          {saved === true ? 'Kept in your history. It shows in your progress, with the time it took.' : saved === false ? 'Left out of your history.' : ''}
        </p>
      </fieldset>
      {state.status === 'setAside' && (
        <div class="button-row repair-after">
          <AppLink class="button secondary" href={props.listPath}>
            Start a new repair when you are ready
          </AppLink>
        </div>
      )}
    </div>
  );
}
