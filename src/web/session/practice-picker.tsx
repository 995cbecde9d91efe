/**
 * Choosing a practice to suggest. Only practices offered to everyone here are listed (nobody's
 * boundaries rule them out and they fit the number of people); excluded ones are never shown.
 * Each shows what will happen, how long it lasts (a short length first) and how to stop.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PracticeDefinition } from '../../core/practices/index.ts';
import { practicesOfferedTo, READY_STEP } from '../../core/practices/index.ts';
import { sessionPresentParticipants } from '../../core/session/queries.ts';
import type { Participant, SessionState } from '../../core/session/state.ts';
import {
  LEAD_ROLE_QUESTIONS,
  lengthWords,
  PRACTICE_SETTING_CHOICES,
  practiceLengthIsDerived,
  practiceLengthOptions,
  practiceParametersFromChoices,
} from './practice-choices.ts';
import { useCommand, type SendCommand } from './use-command.ts';

/** The practices whose pacer can follow the leading person's sensed breath. */
const FOLLOW_BREATH_PRACTICES: ReadonlySet<string> = new Set(['mirroring', 'breathing-touch']);

/**
 * The follow-the-breath choice for this practice and leader, or null when it is not offered:
 * only for mirroring and breathing touch, and never to lead with my own breath when I have ruled
 * out sharing body signals (nobody is asked for what they said no to). Other people's choice on
 * this stays on their devices, so for them the choice only ever applies while they share: the
 * session passes a breath on only then.
 */
export function followBreathChoice(
  definition: Pick<PracticeDefinition<unknown>, 'id'>,
  present: readonly Participant[],
  leadId: string,
  me: string | null,
): { label: string; hint: string } | null {
  if (!FOLLOW_BREATH_PRACTICES.has(definition.id)) return null;
  const hint = 'Only while their sensor reads a breath and they share body signals. Otherwise the guide keeps the pace chosen here.';
  const leader = present.find((person) => person.id === leadId);
  if (leader === undefined) return { label: "Let the pacer follow the leader's breath when a sensor reads it", hint };
  if (leader.id === me) {
    if (leader.boundaries.sharePhysiology) return null;
    return {
      label: 'Let the pacer follow your breath when a sensor reads it',
      hint: 'Only while your sensor reads a breath and you share body signals. Otherwise the guide keeps the pace chosen here.',
    };
  }
  return { label: `Let the pacer follow ${leader.displayName}'s breath when a sensor reads it`, hint };
}

/** The practices this group may be offered, in catalogue order. */
export function practicesForGroup(state: SessionState): readonly PracticeDefinition<unknown>[] {
  const present = sessionPresentParticipants(state);
  return practicesOfferedTo(
    present.map((person) => person.boundaries),
    present.length,
  );
}

function PracticeDetail(props: {
  definition: PracticeDefinition<unknown>;
  state: SessionState;
  me: string | null;
  send: SendCommand;
  onBack: () => void;
}) {
  const { definition, state, me } = props;
  const present = sessionPresentParticipants(state);
  const [lengthMs, setLengthMs] = useState(definition.defaultDurationMs);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const leadQuestion = LEAD_ROLE_QUESTIONS[definition.id];
  const leadRole = definition.roles[0];
  const [lead, setLead] = useState<string>(definition.id === 'mirroring' ? '' : (me ?? ''));
  const [followBreath, setFollowBreath] = useState(false);
  const follow = followBreathChoice(definition, present, lead, me);
  const { run, busy, error } = useCommand(props.send);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const propose = async () => {
    const roles: Record<string, string> = {};
    if (leadRole && lead !== '' && present.some((person) => person.id === lead)) roles[lead] = leadRole.id;
    await run({
      type: 'proposePractice',
      practiceId: definition.id,
      ...(practiceLengthIsDerived(definition.id) ? {} : { durationMs: lengthMs }),
      parameters: {
        ...practiceParametersFromChoices(definition.id, chosen),
        ...(follow !== null && followBreath ? { followSensedBreath: true } : {}),
      },
      roles,
    });
  };

  const steps = definition.steps.filter((step) => step !== READY_STEP);
  return (
    <div class="practice-detail">
      <h3 ref={headingRef} tabIndex={-1}>
        {definition.title}
      </h3>
      <p>{definition.description}</p>
      <h4>What will happen</h4>
      <ol class="plain-list">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <h4>How to stop</h4>
      <p>{definition.howToStop}</p>
      {!practiceLengthIsDerived(definition.id) && (
        <div class="field">
          <label for="practice-length">How long</label>
          <select
            id="practice-length"
            value={String(lengthMs)}
            onChange={(event) => {
              setLengthMs(Number(event.currentTarget.value));
            }}
          >
            {practiceLengthOptions(definition).map((ms) => (
              <option key={ms} value={String(ms)}>
                {lengthWords(ms)}
                {ms === definition.defaultDurationMs ? ' (suggested to start)' : ''}
              </option>
            ))}
          </select>
          <span class="hint">Starting short is a good idea. You can always do it again, or longer, next time.</span>
        </div>
      )}
      {PRACTICE_SETTING_CHOICES[definition.id].map((setting) => (
        <fieldset key={setting.id} class="setting">
          <legend>{setting.question}</legend>
          {setting.hint !== undefined && <p class="hint">{setting.hint}</p>}
          <div class="choices">
            {setting.options.map((option, index) => {
              const checked = (chosen[setting.id] ?? setting.options[0]?.id) === option.id;
              return (
                <label key={option.id} class="choice">
                  <input
                    type="radio"
                    name={`setting-${setting.id}`}
                    value={option.id}
                    checked={checked}
                    onChange={() => {
                      setChosen({ ...chosen, [setting.id]: option.id });
                    }}
                  />
                  <span>
                    {option.label}
                    {index === 0 ? ' (default)' : ''}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      {leadQuestion !== undefined && leadRole && (
        <div class="field">
          <label for="practice-lead">{leadQuestion}</label>
          <select
            id="practice-lead"
            value={lead}
            onChange={(event) => {
              setLead(event.currentTarget.value);
            }}
          >
            {definition.id === 'mirroring' && <option value="">Let Attune choose (whoever shared feeling revved up)</option>}
            {present.map((person) => (
              <option key={person.id} value={person.id}>
                {person.id === me ? `${person.displayName} (you)` : person.displayName}
              </option>
            ))}
          </select>
        </div>
      )}
      {follow !== null && (
        <div class="field follow-breath-choice">
          <label class="choice">
            <input
              type="checkbox"
              checked={followBreath}
              aria-describedby="follow-breath-hint"
              onChange={(event) => {
                setFollowBreath(event.currentTarget.checked);
              }}
            />
            <span>{follow.label}</span>
          </label>
          <p class="hint" id="follow-breath-hint">
            {follow.hint}
          </p>
        </div>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => void propose()}>
          Suggest this practice
        </button>
        <button type="button" class="quiet" onClick={props.onBack}>
          Back to the list
        </button>
      </div>
      <p class="hint">Suggesting only shows it to everyone. Nothing starts until each person says they're ready.</p>
    </div>
  );
}

/** The list of practices, or one practice to look at and suggest. */
export function PracticePicker(props: { state: SessionState; me: string | null; send: SendCommand }) {
  const offered = practicesForGroup(props.state);
  const [selected, setSelected] = useState<string | null>(null);
  const definition = offered.find((candidate) => candidate.id === selected);
  const present = sessionPresentParticipants(props.state).length;

  return (
    <section class="card picker" aria-labelledby="picker-title">
      <h2 id="picker-title">Choose a practice together</h2>
      {definition ? (
        <PracticeDetail
          definition={definition}
          state={props.state}
          me={props.me}
          send={props.send}
          onBack={() => {
            setSelected(null);
          }}
        />
      ) : (
        <>
          <p class="hint">
            {present < 2
              ? 'While you wait for the other person, you can look around, or do a practice on your own.'
              : 'Only practices that fit everyone here are listed. Look at one to see what happens before suggesting it.'}
          </p>
          <ul class="practice-list">
            {offered.map((candidate) => (
              <li key={candidate.id} class="practice-item">
                <div>
                  <strong>{candidate.title}</strong>
                  <span class="hint practice-summary">
                    {candidate.summary} About {lengthWords(candidate.defaultDurationMs)}.
                  </span>
                </div>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Look at ${candidate.title}`}
                  onClick={() => {
                    setSelected(candidate.id);
                  }}
                >
                  Look
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
