/**
 * Steps 2 and 3: agree a time to come back, then say "I'm here" when it comes. One person suggests
 * a time, the others accept it or suggest another; every time is shown in the reader's own local
 * time. "I'm here" appears only once the agreed time has come: until then, everyone has that time
 * to settle (R7).
 */
import { ProposalAnswer } from './proposal-answer.tsx';
import { useState } from 'preact/hooks';
import type { RepairState } from '../../core/repair/index.ts';
import { comingBackFor, returnProposalFor } from './repair-guide.ts';
import type { RepairPeople } from './repair-people.ts';
import { dateTimeFieldParse, dateTimeFieldValue, localTimeWords, returnTimeChoices, untilWords } from './return-time.ts';
import type { RepairSend } from './use-repair.ts';

const OTHER_TIME = 'other';

/** Choosing a time to suggest: a few ready choices, or any time through a date-and-time field. */
function TimeChooser(props: { send: RepairSend; busy: boolean; nowMs: number; onDone?: () => void }) {
  const choices = returnTimeChoices(props.nowMs);
  const [choiceId, setChoiceId] = useState(choices[1]?.id ?? 'now');
  const [otherValue, setOtherValue] = useState(() => dateTimeFieldValue(props.nowMs + 30 * 60_000));
  const chosenAtMs = choiceId === OTHER_TIME ? dateTimeFieldParse(otherValue) : (choices.find((choice) => choice.id === choiceId)?.atMs ?? null);

  return (
    <fieldset class="repair-time-chooser">
      <legend>When would you like to come back together?</legend>
      <div class="repair-choices">
        {[...choices, { id: OTHER_TIME, label: 'Another time', atMs: 0 }].map((choice) => (
          <label class="repair-choice" key={choice.id}>
            <input
              type="radio"
              name="repair-return-time"
              value={choice.id}
              checked={choiceId === choice.id}
              onChange={() => {
                setChoiceId(choice.id);
              }}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      {choiceId === OTHER_TIME && (
        <div class="field">
          <label for="repair-return-other">Date and time</label>
          <input
            id="repair-return-other"
            type="datetime-local"
            value={otherValue}
            onInput={(event) => {
              setOtherValue(event.currentTarget.value);
            }}
          />
        </div>
      )}
      {chosenAtMs !== null && choiceId !== 'now' && (
        <p class="hint">
          That is {localTimeWords(chosenAtMs, props.nowMs)}, {untilWords(chosenAtMs, props.nowMs)}.
        </p>
      )}
      <div class="button-row">
        <button
          type="button"
          disabled={props.busy || chosenAtMs === null}
          onClick={() => {
            // "Now" means the moment of the tap, not the moment the screen was drawn.
            const returnAtMs = choiceId === 'now' ? Date.now() : chosenAtMs;
            if (returnAtMs === null) return;
            void props.send({ type: 'proposeReturnTime', returnAtMs: Math.round(returnAtMs) }).then((accepted) => {
              if (accepted) props.onDone?.();
            });
          }}
        >
          Suggest this time
        </button>
      </div>
    </fieldset>
  );
}

/** A suggested time, from the reader's side: accept it, or suggest another. */
function ProposalView(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean; nowMs: number }) {
  const { people } = props;
  const proposal = returnProposalFor(props.state, people.meId);
  if (proposal === null) return null;
  const when = `${localTimeWords(proposal.returnAtMs, props.nowMs)} (${untilWords(proposal.returnAtMs, props.nowMs)})`;
  const waiting = proposal.waitingFor.filter((id) => id !== people.meId);
  return (
    <div class="repair-proposal">
      {proposal.byMe ? (
        <p role="status">
          You suggested coming back <strong>{when}</strong>. {waiting.length > 0 && `Waiting for ${people.namesOf(waiting)} to accept it or suggest another.`}
        </p>
      ) : (
        <p role="status">
          {people.nameOf(proposal.proposedBy)} suggested coming back <strong>{when}</strong>.
        </p>
      )}
      <ProposalAnswer
        agreed={proposal.iAgreed}
        busy={props.busy}
        agreeLabel="That time suits me"
        onAgree={() => {
          void props.send({ type: 'acceptReturnTime', proposalId: proposal.proposalId });
        }}
        changeLabel="Suggest another time"
        keepLabel="Keep this suggestion"
        renderChange={(close) => <TimeChooser send={props.send} busy={props.busy} nowMs={props.nowMs} onDone={close} />}
      />
    </div>
  );
}

/** Step 2: agreeing a time. */
export function AgreeTimePanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean; nowMs: number }) {
  return (
    <div class="repair-panel">
      {props.state.returnProposal === null ? <TimeChooser send={props.send} busy={props.busy} nowMs={props.nowMs} /> : <ProposalView {...props} />}
    </div>
  );
}

/** Step 3: coming back at the agreed time. */
export function ComingBackPanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean; nowMs: number }) {
  const { state, people, nowMs } = props;
  const [choosing, setChoosing] = useState(false);
  const back = comingBackFor(state, people.meId, nowMs);
  if (back === null) return null;
  const waiting = back.waitingFor.filter((id) => id !== people.meId);
  return (
    <div class="repair-panel">
      <p>
        You agreed to come back <strong>{localTimeWords(back.returnAtMs, nowMs)}</strong>
        {back.timeHasCome ? '.' : ` (${untilWords(back.returnAtMs, nowMs)}).`}
      </p>
      {back.meHere ? (
        <p class="repair-done" role="status">
          You are here. {waiting.length > 0 ? `When ${people.namesOf(waiting)} ${waiting.length === 1 ? 'says they are' : 'say they are'} here too, the turns begin.` : ''}
        </p>
      ) : back.timeHasCome ? (
        <div class="button-row">
          <button
            type="button"
            disabled={props.busy}
            onClick={() => {
              void props.send({ type: 'markHere' });
            }}
          >
            I’m here
          </button>
        </div>
      ) : (
        <p class="hint">When the time comes, an “I’m here” button appears for each of you. Until then, the time is yours.</p>
      )}
      {state.returnProposal !== null ? (
        <ProposalView {...props} />
      ) : (
        !back.meHere && (
          <>
            <div class="button-row">
              <button
                type="button"
                class="quiet"
                aria-expanded={choosing}
                onClick={() => {
                  setChoosing((open) => !open);
                }}
              >
                {choosing ? 'Keep the agreed time' : back.timeHasCome ? 'Suggest a later time' : 'Ready sooner, or later? Suggest another time'}
              </button>
            </div>
            {choosing && (
              <TimeChooser
                send={props.send}
                busy={props.busy}
                nowMs={nowMs}
                onDone={() => {
                  setChoosing(false);
                }}
              />
            )}
          </>
        )
      )}
    </div>
  );
}
