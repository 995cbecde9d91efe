/**
 * A small weekly experiment toward interdependence: choose one for this week, then note how it
 * went, in words and on a 1–5 scale of how it felt that is only ever the person's own (never added
 * up or judged). Earlier weeks stay, each shareable on its own.
 */
import { useState } from 'preact/hooks';
import type { PersonalRecordView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import { localWeekKey } from '../../core/progress/index.ts';
import {
  EXPERIMENT_NOTE_MAX_CHARS,
  EXPERIMENT_THEMES,
  EXPERIMENT_THEME_TITLES,
  HOW_IT_FELT_ANCHORS,
  HOW_IT_FELT_NOTE,
  INTERDEPENDENCE_EXPERIMENTS,
  interdependenceExperimentById,
  type ExperimentLogEntry,
} from '../../core/reflections/index.ts';
import { ApiError } from '../api/http.ts';
import { tzOffsetMinAt } from '../progress/progress-input.ts';
import { weekLong, weekRowLabel } from '../progress/progress-format.ts';
import type { ReadRecord } from './record-bodies.ts';
import { recordCreate, recordUpdate } from './records-api.ts';
import { ShareControl } from './share-control.tsx';

const FELT_POINTS = [1, 2, 3, 4, 5] as const;

function errorText(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.';
}

/** Choosing one experiment, grouped by direction. */
function ExperimentPicker(props: { weekOf: string; current: ReadRecord<ExperimentLogEntry> | null; onSaved: (record: PersonalRecordView) => void; onCancel?: () => void }) {
  const [chosen, setChosen] = useState<string>(props.current?.body.experimentId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="experiment-picker"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        const atMs = Date.now();
        const saving =
          props.current === null
            ? recordCreate('experiment', { experimentId: chosen, weekOf: props.weekOf, howItWent: '', howItFelt: null, atMs }, atMs)
            : recordUpdate(props.current.record.recordId, { ...props.current.body, experimentId: chosen });
        saving.then(
          (record) => {
            setBusy(false);
            props.onSaved(record);
          },
          (failure: unknown) => {
            setBusy(false);
            setError(errorText(failure));
          },
        );
      }}
    >
      {EXPERIMENT_THEMES.map((theme) => (
        <fieldset key={theme} class="experiment-theme">
          <legend>{EXPERIMENT_THEME_TITLES[theme]}</legend>
          {INTERDEPENDENCE_EXPERIMENTS.filter((experiment) => experiment.theme === theme).map((experiment) => (
            <label class="experiment-choice" key={experiment.id}>
              <input
                type="radio"
                name="experiment"
                value={experiment.id}
                checked={chosen === experiment.id}
                onChange={() => {
                  setChosen(experiment.id);
                }}
              />
              <span>
                <strong>{experiment.title}</strong>
                <span class="experiment-invitation">{experiment.invitation}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy || chosen === ''}>
          Try this one this week
        </button>
        {props.onCancel !== undefined && (
          <button type="button" class="quiet" onClick={props.onCancel}>
            Keep the one I chose
          </button>
        )}
      </div>
    </form>
  );
}

/** Noting how an experiment went. */
function HowItWentForm(props: { entry: ReadRecord<ExperimentLogEntry>; onSaved: (record: PersonalRecordView) => void }) {
  const { entry } = props;
  const [words, setWords] = useState(entry.body.howItWent);
  const [felt, setFelt] = useState<number | null>(entry.body.howItFelt);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const id = entry.record.recordId;
  return (
    <form
      class="experiment-went"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setStatus(null);
        recordUpdate(id, { ...entry.body, howItWent: words.trim(), howItFelt: felt }).then(
          (record) => {
            setBusy(false);
            setStatus('Saved privately.');
            props.onSaved(record);
          },
          (failure: unknown) => {
            setBusy(false);
            setStatus(errorText(failure));
          },
        );
      }}
    >
      <label for={`went-${id}`}>How did it go? (optional)</label>
      <textarea
        id={`went-${id}`}
        maxLength={EXPERIMENT_NOTE_MAX_CHARS}
        value={words}
        onInput={(event) => {
          setWords(event.currentTarget.value);
        }}
      />
      <fieldset class="felt-scale" aria-describedby={`felt-note-${id}`}>
        <legend>How did it feel? (optional)</legend>
        <p class="hint" id={`felt-note-${id}`}>
          {HOW_IT_FELT_NOTE}
        </p>
        {FELT_POINTS.map((point) => (
          <label class="experiment-choice" key={point}>
            <input
              type="radio"
              name={`felt-${id}`}
              checked={felt === point}
              onChange={() => {
                setFelt(point);
              }}
            />
            <span>{HOW_IT_FELT_ANCHORS[point]}</span>
          </label>
        ))}
        {felt !== null && (
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setFelt(null);
            }}
          >
            I’d rather not say
          </button>
        )}
      </fieldset>
      <div class="button-row">
        <button type="submit" class="secondary" disabled={busy}>
          Save how it went
        </button>
      </div>
      <p class="hint" role="status">
        {status ?? ''}
      </p>
    </form>
  );
}

/** One week's experiment: what it was, how it went, and who can see it. */
function ExperimentEntry(props: { entry: ReadRecord<ExperimentLogEntry>; relationships: readonly RelationshipView[]; onChanged: (records: readonly PersonalRecordView[]) => void; heading: string }) {
  const experiment = interdependenceExperimentById(props.entry.body.experimentId);
  return (
    <div class="experiment-entry">
      <h3>{props.heading}</h3>
      <p>
        <strong>{experiment?.title ?? 'An experiment'}</strong>
        {experiment !== undefined && <span class="experiment-invitation">{experiment.invitation}</span>}
      </p>
      <HowItWentForm
        entry={props.entry}
        onSaved={(record) => {
          props.onChanged([record]);
        }}
      />
      <ShareControl id={props.entry.record.recordId} records={[props.entry.record]} relationships={props.relationships} onChanged={props.onChanged} />
    </div>
  );
}

/** This week's experiment (or choosing one), then earlier weeks. */
export function ExperimentWeek(props: { reads: readonly ReadRecord<ExperimentLogEntry>[]; relationships: readonly RelationshipView[]; onChanged: (records: readonly PersonalRecordView[]) => void }) {
  const nowMs = Date.now();
  const thisWeek = localWeekKey(nowMs, tzOffsetMinAt(nowMs));
  const current = props.reads.filter((read) => read.body.weekOf === thisWeek).at(-1) ?? null;
  const earlier = props.reads.filter((read) => read.body.weekOf < thisWeek).reverse();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <section class="card" aria-labelledby="experiment-heading">
        <h2 id="experiment-heading">A small experiment this week</h2>
        {current === null || changing ? (
          <>
            <p>Choose one small thing to try this week. Skipping it, or changing your mind, is always fine.</p>
            <ExperimentPicker
              weekOf={thisWeek}
              current={current}
              onSaved={(record) => {
                setChanging(false);
                props.onChanged([record]);
              }}
              {...(current === null
                ? {}
                : {
                    onCancel: () => {
                      setChanging(false);
                    },
                  })}
            />
          </>
        ) : (
          <>
            <ExperimentEntry entry={current} relationships={props.relationships} onChanged={props.onChanged} heading={`This week (from Monday ${weekRowLabel(thisWeek)})`} />
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setChanging(true);
              }}
            >
              Choose a different one
            </button>
          </>
        )}
      </section>
      {earlier.length > 0 && (
        <section class="card" aria-labelledby="experiment-earlier-heading">
          <h2 id="experiment-earlier-heading">Earlier weeks</h2>
          {earlier.map((entry) => (
            <ExperimentEntry key={entry.record.recordId} entry={entry} relationships={props.relationships} onChanged={props.onChanged} heading={weekLong(entry.body.weekOf)} />
          ))}
        </section>
      )}
    </>
  );
}
