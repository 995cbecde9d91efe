/**
 * A suggested practice waiting to start: what will happen, how long, how to stop; an optional
 * check-in before; for touch, each person's own explicit yes; each person's ready; and Start,
 * enabled only when everyone present is ready (and has said yes to touch, where it is needed).
 */
import { practiceById, READY_STEP } from '../../core/practices/index.ts';
import { sessionPresentParticipants } from '../../core/session/queries.ts';
import type { PracticeProposal, SessionState } from '../../core/session/state.ts';
import { CheckInForm } from '../components/check-in-form.tsx';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { sendCheckIn } from './check-in-panel.tsx';
import { checkInWords } from './check-in-words.ts';
import { myCheckInAround } from './my-check-ins.ts';
import { lengthWords, practiceSettingsWords } from './practice-choices.ts';
import { useCommand, type SendCommand } from './use-command.ts';
import { useState } from 'preact/hooks';

function namesOf(state: SessionState, ids: readonly string[], me: string | null): string {
  const names = ids.map((id) => (id === me ? 'you' : (state.participants[id]?.displayName ?? 'someone')));
  return names.length === 0 ? 'nobody yet' : names.join(', ');
}

/** Whether every present person is ready and has given every consent the practice needs. */
export function proposalCanStart(state: SessionState, proposal: PracticeProposal): boolean {
  const definition = practiceById(proposal.practiceId);
  if (!definition) return false;
  const present = sessionPresentParticipants(state);
  if (present.length < definition.minParticipants || present.length > definition.maxParticipants) return false;
  if (state.pausedSinceMs !== null) return false;
  return present.every(
    (person) =>
      proposal.ready.includes(person.id) &&
      definition.consentsRequired.every((consent) => proposal.consents[consent].includes(person.id)),
  );
}

/** The waiting proposal. */
export function ProposalPanel(props: {
  state: SessionState;
  proposal: PracticeProposal;
  me: string | null;
  log: readonly ViewerLogEntry[];
  send: SendCommand;
  allowShare: boolean;
}) {
  const { state, proposal, me } = props;
  const definition = practiceById(proposal.practiceId);
  const { run, busy, error } = useCommand(props.send);
  const [checkingIn, setCheckingIn] = useState(false);
  if (!definition) return null;
  const present = sessionPresentParticipants(state);
  const iAmReady = me !== null && proposal.ready.includes(me);
  const needsTouch = definition.consentsRequired.includes('touch');
  const iConsented = me !== null && proposal.consents.touch.includes(me);
  const waitingFor = present.filter((person) => !proposal.ready.includes(person.id));
  const canStart = proposalCanStart(state, proposal);
  const before = me === null ? undefined : myCheckInAround(props.log, me, proposal.runId, 'before');
  const roleNames = Object.entries(proposal.roles).map(([id, roleId]) => {
    const role = definition.roles.find((candidate) => candidate.id === roleId);
    return `${id === me ? 'You' : (state.participants[id]?.displayName ?? 'Someone')}: ${role?.name ?? roleId}`;
  });
  const steps = definition.steps.filter((step) => step !== READY_STEP);
  const settingsWords = practiceSettingsWords(definition.id, proposal.parameters);

  return (
    <section class="card proposal" aria-labelledby="proposal-title">
      <h2 id="proposal-title">Suggested: {definition.title}</h2>
      <p class="hint">
        Suggested by {namesOf(state, [proposal.proposedBy], me)} · {lengthWords(proposal.durationMs)}
        {roleNames.length > 0 ? ` · ${roleNames.join('; ')}` : ''}
      </p>
      <p>{definition.summary}</p>
      {settingsWords.length > 0 && (
        <p>
          <strong>Agreed settings: </strong>
          {settingsWords.join('; ')}.
        </p>
      )}
      <details class="proposal-steps" open>
        <summary>What will happen</summary>
        <ol class="plain-list">
          {steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
      <p>
        <strong>How to stop: </strong>
        {definition.howToStop}
      </p>

      <div class="before-check-in">
        {before ? (
          <p class="hint">Your check-in before: {checkInWords(before)}.</p>
        ) : checkingIn ? (
          <CheckInForm
            allowShare={props.allowShare}
            compact
            heading="Before you start: how are you?"
            submitLabel="Save check-in"
            onSubmit={async (checkIn) => {
              if (await sendCheckIn(run, checkIn, 'before')) setCheckingIn(false);
            }}
          />
        ) : (
          <button type="button" class="quiet" onClick={() => { setCheckingIn(true); }}>
            Check in before (optional)
          </button>
        )}
      </div>

      {needsTouch && (
        <fieldset class="consent">
          <legend>Touch needs everyone's yes</legend>
          <p>
            Touch only happens if each of you says yes here. No is a full answer, and you can take your yes back at
            any moment, even in the middle. That stops it for both of you.
          </p>
          <p class="hint">Said yes: {namesOf(state, proposal.consents.touch, me)}.</p>
          <div class="button-row">
            {iConsented ? (
              <button type="button" class="secondary" disabled={busy} onClick={() => void run({ type: 'withdrawConsent', consent: 'touch' })}>
                Withdraw my yes
              </button>
            ) : (
              <button type="button" disabled={busy} onClick={() => void run({ type: 'giveConsent', consent: 'touch' })}>
                I'm a yes to this touch
              </button>
            )}
          </div>
        </fieldset>
      )}

      <div class="readiness">
        <p>
          <strong>Ready: </strong>
          {namesOf(state, proposal.ready, me)}.
          {waitingFor.length > 0 && ` Waiting for ${namesOf(state, waitingFor.map((person) => person.id), me)}.`}
        </p>
        <div class="button-row">
          {iAmReady ? (
            <button type="button" class="secondary" disabled={busy} onClick={() => void run({ type: 'setReady', ready: false })}>
              Not ready
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void run({ type: 'setReady', ready: true })}>
              Ready
            </button>
          )}
          <button type="button" disabled={busy || !canStart} onClick={() => void run({ type: 'startPractice' })} aria-describedby="start-hint">
            Start
          </button>
        </div>
        <p class="hint" id="start-hint">
          {canStart
            ? 'Everyone is ready. Anyone can start.'
            : needsTouch
              ? 'Start works once everyone is ready and has said yes to the touch.'
              : 'Start works once everyone is ready.'}
        </p>
      </div>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="quiet" disabled={busy} onClick={() => void run({ type: 'withdrawProposal' })}>
          Set this suggestion aside
        </button>
      </div>
    </section>
  );
}
