/**
 * After looking together: a name for the cycle, and a plan for when either notices it (a cue
 * phrase, a pause, a practice for the pause). Either person can set them; the latest counts
 * (SPEC CM9, CM10). A plan is made when calm and used when not, so only practices that need no
 * consent in the moment are offered.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import {
  CUE_PHRASE_MAX_CHARS,
  CYCLE_NAME_MAX_CHARS,
  DEFAULT_PLAN_PAUSE_MINUTES,
  PLAN_PRACTICE_IDS,
  cycleNameSchema,
  cyclePlanSchema,
  type CycleMapCommand,
  type CyclePlan,
} from '../../core/cycles/index.ts';
import { practiceById, type PracticeId } from '../../core/practices/index.ts';
import type { CycleCommandOutcome } from './cycle-api.ts';
import { PlanSummary } from './plan-summary.tsx';

/** Pause lengths offered, in minutes: short enough to come back, long enough to settle. */
export const PLAN_PAUSE_CHOICES_MIN: readonly number[] = [5, 10, 15, 20, 30, 45, 60, 90, 120];

type Send = (command: CycleMapCommand) => Promise<CycleCommandOutcome>;

/** Sends one command, keeping whether it is on its way and the sentence if it was turned down. */
function useSend(send: Send) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (command: CycleMapCommand): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    const outcome = await send(command);
    setBusy(false);
    if (!outcome.ok) setProblem(outcome.message);
    return outcome.ok;
  };
  return { busy, problem, setProblem, run };
}

function NameForm(props: { readonly name: string | null; readonly send: Send }) {
  const id = useId();
  const [editing, setEditing] = useState(props.name === null);
  const [value, setValue] = useState(props.name ?? '');
  const { busy, problem, setProblem, run } = useSend(props.send);
  useEffect(() => {
    // Follow a name the other person set, unless this person is writing one.
    if (!editing) setValue(props.name ?? '');
  }, [props.name, editing]);

  if (!editing && props.name !== null) {
    return (
      <div class="cycle-name-shown">
        <p class="cycle-name-big">
          <q>{props.name}</q>
        </p>
        <button
          type="button"
          class="quiet"
          onClick={() => {
            setEditing(true);
          }}
        >
          Rename it
        </button>
      </div>
    );
  }
  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = cycleNameSchema.safeParse(value);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Give your cycle a name.');
      return;
    }
    if (await run({ type: 'nameCycle', name: parsed.data })) setEditing(false);
  };
  return (
    <form class="field" onSubmit={(event) => void save(event)} noValidate>
      <label for={id}>What do you want to call it?</label>
      <span class="hint" id={`${id}-hint`}>
        Something light you can both say, like a title for the loop rather than for either of you.
      </span>
      <input
        id={id}
        type="text"
        value={value}
        maxLength={CYCLE_NAME_MAX_CHARS}
        aria-describedby={`${id}-hint`}
        onInput={(event) => {
          setValue(event.currentTarget.value);
        }}
      />
      <div class="button-row">
        <button type="submit" disabled={busy}>
          Save the name
        </button>
        {props.name !== null && (
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setEditing(false);
              setProblem(null);
            }}
          >
            Keep “{props.name}”
          </button>
        )}
      </div>
      <p class="error" role="alert">
        {problem ?? ''}
      </p>
    </form>
  );
}

function PlanForm(props: {
  readonly plan: CyclePlan | null;
  readonly send: Send;
  readonly onDone: () => void;
}) {
  const id = useId();
  const [cuePhrase, setCuePhrase] = useState(props.plan?.cuePhrase ?? '');
  const [pauseMinutes, setPauseMinutes] = useState(
    props.plan?.pauseMinutes ?? DEFAULT_PLAN_PAUSE_MINUTES,
  );
  const [practiceId, setPracticeId] = useState<PracticeId>(
    props.plan?.practiceId ?? PLAN_PRACTICE_IDS[0] ?? 'paced-breathing',
  );
  const { busy, problem, setProblem, run } = useSend(props.send);
  const pauses = PLAN_PAUSE_CHOICES_MIN.includes(pauseMinutes)
    ? PLAN_PAUSE_CHOICES_MIN
    : [...PLAN_PAUSE_CHOICES_MIN, pauseMinutes].sort((a, b) => a - b);
  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = cyclePlanSchema.safeParse({ cuePhrase, pauseMinutes, practiceId });
    if (!parsed.success) {
      setProblem(
        parsed.error.issues[0]?.message ?? 'The plan could not be read. Try writing it again.',
      );
      return;
    }
    if (await run({ type: 'savePlan', plan: parsed.data })) props.onDone();
  };
  return (
    <form class="screen plan-form" onSubmit={(event) => void save(event)} noValidate>
      <div class="field">
        <label for={`${id}-cue`}>Your cue phrase</label>
        <span class="hint" id={`${id}-cue-hint`}>
          A few words either of you can say when you notice the loop starting. For example: “I think
          our loop is here.”
        </span>
        <input
          id={`${id}-cue`}
          type="text"
          value={cuePhrase}
          maxLength={CUE_PHRASE_MAX_CHARS}
          aria-describedby={`${id}-cue-hint`}
          onInput={(event) => {
            setCuePhrase(event.currentTarget.value);
          }}
        />
      </div>
      <div class="field">
        <label for={`${id}-pause`}>How long you pause, each on your own</label>
        <select
          id={`${id}-pause`}
          value={String(pauseMinutes)}
          onChange={(event) => {
            setPauseMinutes(Number(event.currentTarget.value));
          }}
        >
          {pauses.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes < 60
                ? `${String(minutes)} minutes`
                : minutes === 60
                  ? '1 hour'
                  : `${String(minutes / 60)} hours`}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>A practice for the pause</legend>
        <p class="hint">
          Touch is left out on purpose: it is agreed in the moment, never planned ahead.
        </p>
        {PLAN_PRACTICE_IDS.map((option) => {
          const practice = practiceById(option);
          return (
            <label class="choice plan-practice" key={option}>
              <input
                type="radio"
                name={`${id}-practice`}
                value={option}
                checked={practiceId === option}
                onChange={() => {
                  setPracticeId(option);
                }}
              />
              <span>
                <strong>{practice?.title ?? option}</strong>
                <span class="hint">
                  {' '}
                  {practice?.solo === true
                    ? 'On your own.'
                    : 'Together, once you both feel steadier.'}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <div class="button-row">
        <button type="submit" disabled={busy}>
          Save the plan
        </button>
        {props.plan !== null && (
          <button type="button" class="quiet" onClick={props.onDone}>
            Keep the plan as it was
          </button>
        )}
      </div>
      <p class="error" role="alert">
        {problem ?? ''}
      </p>
    </form>
  );
}

/** The name and the plan, each shown once set, with a way to change it. */
export function NameAndPlan(props: {
  readonly name: string | null;
  readonly plan: CyclePlan | null;
  readonly send: Send;
}) {
  const [planEditing, setPlanEditing] = useState(false);
  return (
    <>
      <section class="card" aria-labelledby="cycle-name-title">
        <h2 id="cycle-name-title">Name your cycle together</h2>
        <p class="hint">
          A shared name turns “you always…” into “our loop again”. Either of you can set it.
        </p>
        <NameForm name={props.name} send={props.send} />
      </section>
      <section class="card" aria-labelledby="cycle-plan-title">
        <h2 id="cycle-plan-title">When you notice it</h2>
        {props.plan !== null && !planEditing ? (
          <>
            <PlanSummary plan={props.plan} />
            <div class="button-row">
              <button
                type="button"
                class="quiet"
                onClick={() => {
                  setPlanEditing(true);
                }}
              >
                Change the plan
              </button>
            </div>
          </>
        ) : (
          <>
            <p class="hint">
              Make it now, while things are calm, so it is ready when they are not.
            </p>
            <PlanForm
              plan={props.plan}
              send={props.send}
              onDone={() => {
                setPlanEditing(false);
              }}
            />
          </>
        )}
      </section>
    </>
  );
}
