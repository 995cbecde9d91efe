/**
 * The two questions underneath how we relate, answered on a 0–10 scale with gentle anchors, in
 * words, or both; kept privately as one moment; compared with earlier answers in plain words
 * ("A little more than in March."), never as a score.
 */
import { useState } from 'preact/hooks';
import {
  WORKING_MODEL_ANCHORS,
  WORKING_MODEL_CHANGE_NOTE,
  WORKING_MODEL_INTRO,
  WORKING_MODEL_QUESTIONS,
  WORKING_MODEL_WORDS_MAX_CHARS,
  workingModelChanges,
  type WorkingModelQuestionId,
} from '../../core/reflections/index.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { tzOffsetMinAt } from '../progress/progress-input.ts';
import { RecordsLoadStatus } from './records-load-status.tsx';
import { recordsRead } from './record-bodies.ts';
import { recordCreate } from './records-api.ts';
import { REFLECT_PATHS } from './reflect-routes.ts';
import { answerMoments, recordDayWords } from './reflection-words.ts';
import { ScaleChoice } from './scale-choice.tsx';
import { ShareControl } from './share-control.tsx';
import { useReflectionRecords, type RecordsLoad } from './use-reflection-records.ts';
import './reflections.css';

type Draft = Record<WorkingModelQuestionId, { value: number | null; words: string }>;

const EMPTY_DRAFT: Draft = { worthOfCare: { value: null, words: '' }, othersThere: { value: null, words: '' } };

/** Answering both questions now. */
function AnswerForm(props: { onSaved: (records: Awaited<ReturnType<typeof recordCreate>>[]) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answered = WORKING_MODEL_QUESTIONS.filter((question) => draft[question.id].value !== null || draft[question.id].words.trim() !== '');
  const update = (id: WorkingModelQuestionId, change: Partial<Draft[WorkingModelQuestionId]>) => {
    setDraft((current) => ({ ...current, [id]: { ...current[id], ...change } }));
  };

  return (
    <form
      class="card reflect-form"
      onSubmit={(event) => {
        event.preventDefault();
        const atMs = Date.now();
        setBusy(true);
        setError(null);
        Promise.all(
          answered.map((question) =>
            recordCreate('workingModel', { questionId: question.id, value: draft[question.id].value, words: draft[question.id].words.trim(), atMs }, atMs),
          ),
        ).then(
          (records) => {
            setBusy(false);
            setDraft(EMPTY_DRAFT);
            props.onSaved(records);
          },
          (failure: unknown) => {
            setBusy(false);
            setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
          },
        );
      }}
    >
      <h2>How it feels today</h2>
      {WORKING_MODEL_QUESTIONS.map((question) => (
        <div class="reflect-question" key={question.id}>
          <ScaleChoice
            name={`wm-${question.id}`}
            legend={question.question}
            anchors={WORKING_MODEL_ANCHORS}
            value={draft[question.id].value}
            onChange={(value) => {
              update(question.id, { value });
            }}
            clearLabel="Leave the number out"
          />
          <label for={`wm-words-${question.id}`}>
            In your own words (optional)<span class="visually-hidden">: {question.shortName.toLowerCase()}</span>
          </label>
          <textarea
            id={`wm-words-${question.id}`}
            maxLength={WORKING_MODEL_WORDS_MAX_CHARS}
            value={draft[question.id].words}
            onInput={(event) => {
              update(question.id, { words: event.currentTarget.value });
            }}
          />
        </div>
      ))}
      <p class="hint">Saved privately. Answer one question or both, with a number, words, or both.</p>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy || answered.length === 0}>
          Save my answers
        </button>
      </div>
    </form>
  );
}

function Answers(props: { load: Extract<RecordsLoad, { kind: 'ready' }>; merge: (records: readonly Awaited<ReturnType<typeof recordCreate>>[]) => void }) {
  const nowMs = Date.now();
  const tzOffsetMin = tzOffsetMinAt(nowMs);
  const reads = recordsRead(props.load.records, 'workingModel');
  const changes = workingModelChanges(
    reads.map((read) => read.body),
    tzOffsetMin,
  );
  const moments = answerMoments(reads);
  const withChange = changes.filter((change) => change.sincePrevious !== null);
  return (
    <>
      {withChange.length > 0 && (
        <section class="card" aria-labelledby="wm-changes-heading">
          <h2 id="wm-changes-heading">How your answers have moved</h2>
          <ul class="reflect-changes">
            {withChange.map((change) => {
              const question = WORKING_MODEL_QUESTIONS.find((candidate) => candidate.id === change.questionId);
              return (
                <li key={change.questionId}>
                  <strong>{question?.shortName}:</strong> {change.sincePrevious}
                  {change.sinceFirst !== null && ` Since your first answer: ${change.sinceFirst.charAt(0).toLowerCase()}${change.sinceFirst.slice(1)}`}
                </li>
              );
            })}
          </ul>
          <p class="hint">{WORKING_MODEL_CHANGE_NOTE}</p>
        </section>
      )}
      {moments.length > 0 && (
        <section class="card" aria-labelledby="wm-earlier-heading">
          <h2 id="wm-earlier-heading">Your answers</h2>
          <ul class="reflect-entries">
            {moments.map((moment) => (
              <li class="reflect-entry" key={moment.atMs}>
                <h3>Answered {recordDayWords(moment.atMs, nowMs, tzOffsetMin)}</h3>
                <dl>
                  {WORKING_MODEL_QUESTIONS.map((question) => {
                    const answer = moment.answers[question.id];
                    if (answer === undefined) return null;
                    return (
                      <div key={question.id}>
                        <dt>{question.shortName}</dt>
                        <dd>
                          {answer.value !== null && <span class="reflect-number">{answer.value} of 10</span>}
                          {answer.words !== '' && <span class="reflect-words">{answer.words}</span>}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
                <ShareControl id={`wm-${String(moment.atMs)}`} records={moment.records} relationships={props.load.relationships} onChanged={props.merge} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The two-questions screen. */
export default function TwoQuestionsScreen() {
  const { load, reload, merge } = useReflectionRecords('workingModel');
  const [saved, setSaved] = useState(false);
  return (
    <section class="screen reflect" aria-labelledby="wm-title">
      <h1 id="wm-title">Two questions about closeness</h1>
      <p>{WORKING_MODEL_INTRO}</p>
      <div class="reflect-links">
        <LearnLink cardId="attachment" />
        <AppLink href={REFLECT_PATHS.home}>All reflections</AppLink>
      </div>
      <RecordsLoadStatus load={load} reload={reload} openingWords="Opening your answers…" />
      {load.kind === 'ready' && (
        <>
          <AnswerForm
            onSaved={(records) => {
              merge(records);
              setSaved(true);
            }}
          />
          <p class="reflect-saved" role="status">
            {saved ? 'Saved privately. Only you can see it unless you share it below.' : ''}
          </p>
          <Answers load={load} merge={merge} />
        </>
      )}
    </section>
  );
}
