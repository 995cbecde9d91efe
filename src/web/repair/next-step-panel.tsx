/**
 * Step 5: one small next step, chosen together. Anyone suggests one; the others agree to it or
 * change it, which is simply a new suggestion (R9). When everyone has agreed one wording, the
 * repair is complete.
 */
import { ProposalAnswer } from './proposal-answer.tsx';
import { useState } from 'preact/hooks';
import { REPAIR_NEXT_STEP_MAX_CHARS, type RepairState } from '../../core/repair/index.ts';
import { nextStepProposalFor } from './repair-guide.ts';
import type { RepairPeople } from './repair-people.ts';
import type { RepairSend } from './use-repair.ts';

/** Writing a next step to suggest. */
function NextStepForm(props: { send: RepairSend; busy: boolean; startWith: string; onDone?: () => void }) {
  const [text, setText] = useState(props.startWith);
  return (
    <div class="repair-action">
      <div class="field">
        <label for="repair-next-step">One small next step</label>
        <span class="hint" id="repair-next-step-hint">
          Something small and concrete you could do this week.
        </span>
        <textarea
          id="repair-next-step"
          maxLength={REPAIR_NEXT_STEP_MAX_CHARS}
          aria-describedby="repair-next-step-hint"
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
          }}
        />
      </div>
      <div class="button-row">
        <button
          type="button"
          disabled={props.busy || text.trim() === ''}
          onClick={() => {
            void props.send({ type: 'proposeNextStep', text: text.trim() }).then((accepted) => {
              if (accepted) props.onDone?.();
            });
          }}
        >
          Suggest this step
        </button>
      </div>
    </div>
  );
}

/** The next-step step. */
export function NextStepPanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean }) {
  const { people } = props;
  const proposal = nextStepProposalFor(props.state, people.meId);
  if (proposal === null) {
    return (
      <div class="repair-panel">
        <NextStepForm send={props.send} busy={props.busy} startWith="" />
      </div>
    );
  }
  const waiting = proposal.waitingFor.filter((id) => id !== people.meId);
  return (
    <div class="repair-panel">
      <p>{proposal.byMe ? 'You suggested:' : `${people.nameOf(proposal.proposedBy)} suggested:`}</p>
      <blockquote class="repair-next-step">{proposal.text}</blockquote>
      {proposal.iAgreed && waiting.length > 0 && <p role="status">Waiting for {people.namesOf(waiting)} to agree, or to suggest a change.</p>}
      <ProposalAnswer
        agreed={proposal.iAgreed}
        busy={props.busy}
        agreeLabel="Agree to this step"
        onAgree={() => {
          void props.send({ type: 'agreeNextStep', proposalId: proposal.proposalId });
        }}
        changeLabel="Suggest a change"
        keepLabel="Keep it as it is"
        renderChange={(close) => <NextStepForm send={props.send} busy={props.busy} startWith={proposal.text} onDone={close} />}
      />
    </div>
  );
}
