/**
 * Five markers of change, rated now and then on a 0–10 scale of how true each feels lately (any
 * can be skipped), kept privately, and compared with earlier ratings in plain words without a
 * verdict.
 */
import { useState } from 'preact/hooks';
import {
  CHANGE_MARKERS,
  CHANGE_MARKERS_INTRO,
  CHANGE_MARKER_ANCHORS,
  WORKING_MODEL_CHANGE_NOTE,
  type ChangeMarkerComparison,
  type ChangeMarkerId,
} from '../../core/reflections/index.ts';
import type { PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { tzOffsetMinAt } from '../progress/progress-input.ts';
import { RecordsLoadStatus } from './records-load-status.tsx';
import { recordsRead } from './record-bodies.ts';
import { recordCreate } from './records-api.ts';
import { REFLECT_PATHS } from './reflect-routes.ts';
import { markerComparisons, recordDayWords } from './reflection-words.ts';
import { ScaleChoice } from './scale-choice.tsx';
import { ShareControl } from './share-control.tsx';
import { useReflectionRecords, type RecordsLoad } from './use-reflection-records.ts';
import './reflections.css';

const shortNameOf = (markerId: ChangeMarkerId) => CHANGE_MARKERS.find((marker) => marker.id === markerId)?.shortName ?? markerId;

/** Rating the markers now. */
function RatingForm(props: { onSaved: (record: PersonalRecordView) => void }) {
  const [ratings, setRatings] = useState<Partial<Record<ChangeMarkerId, number>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rated = Object.keys(ratings).length;
  return (
    <form
      class="card reflect-form"
      onSubmit={(event) => {
        event.preventDefault();
        const atMs = Date.now();
        setBusy(true);
        setError(null);
        recordCreate('changeMarkers', { atMs, ratings }, atMs).then(
          (record) => {
            setBusy(false);
            setRatings({});
            props.onSaved(record);
          },
          (failure: unknown) => {
            setBusy(false);
            setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
          },
        );
      }}
    >
      <h2>How true each feels lately</h2>
      {CHANGE_MARKERS.map((marker) => (
        <div class="reflect-question" key={marker.id}>
          <ScaleChoice
            name={`marker-${marker.id}`}
            legend={marker.statement}
            anchors={CHANGE_MARKER_ANCHORS}
            value={ratings[marker.id] ?? null}
            onChange={(value) => {
              setRatings((current) => {
                // Skipping takes the marker out altogether: an unrated marker is left out, never guessed.
                const others = Object.fromEntries(Object.entries(current).filter(([id]) => id !== marker.id));
                return value === null ? others : { ...others, [marker.id]: value };
              });
            }}
            clearLabel="Skip this one"
          />
        </div>
      ))}
      <p class="hint">Saved privately. Skip any that do not fit.</p>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy || rated === 0}>
          Save my ratings
        </button>
      </div>
    </form>
  );
}

function ComparisonList(props: { comparisons: readonly ChangeMarkerComparison[] }) {
  return (
    <ul class="reflect-changes">
      {props.comparisons.map((comparison) => (
        <li key={comparison.markerId}>
          <strong>{shortNameOf(comparison.markerId)}:</strong> {comparison.sentence}
        </li>
      ))}
    </ul>
  );
}

function Ratings(props: { load: Extract<RecordsLoad, { kind: 'ready' }>; merge: (records: readonly PersonalRecordView[]) => void }) {
  const nowMs = Date.now();
  const tzOffsetMin = tzOffsetMinAt(nowMs);
  const reads = recordsRead(props.load.records, 'changeMarkers');
  const comparisons = markerComparisons(
    reads.map((read) => read.body),
    tzOffsetMin,
  );
  return (
    <>
      {comparisons.sincePrevious.length > 0 && (
        <section class="card" aria-labelledby="markers-changes-heading">
          <h2 id="markers-changes-heading">Now and then</h2>
          <h3>Since the time before</h3>
          <ComparisonList comparisons={comparisons.sincePrevious} />
          {comparisons.sinceFirst.length > 0 && (
            <>
              <h3>Since your first rating</h3>
              <ComparisonList comparisons={comparisons.sinceFirst} />
            </>
          )}
          <p class="hint">{WORKING_MODEL_CHANGE_NOTE}</p>
        </section>
      )}
      {reads.length > 0 && (
        <section class="card" aria-labelledby="markers-earlier-heading">
          <h2 id="markers-earlier-heading">Your ratings</h2>
          <ul class="reflect-entries">
            {[...reads].reverse().map((read) => (
              <li class="reflect-entry" key={read.record.recordId}>
                <h3>Rated {recordDayWords(read.body.atMs, nowMs, tzOffsetMin)}</h3>
                <dl>
                  {CHANGE_MARKERS.filter((marker) => read.body.ratings[marker.id] !== undefined).map((marker) => (
                    <div key={marker.id}>
                      <dt>{marker.shortName}</dt>
                      <dd>
                        <span class="reflect-number">{read.body.ratings[marker.id]} of 10</span>
                      </dd>
                    </div>
                  ))}
                </dl>
                <ShareControl id={read.record.recordId} records={[read.record]} relationships={props.load.relationships} onChanged={props.merge} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The markers screen. */
export default function MarkersScreen() {
  const { load, reload, merge } = useReflectionRecords('changeMarkers');
  const [saved, setSaved] = useState(false);
  return (
    <section class="screen reflect" aria-labelledby="markers-title">
      <h1 id="markers-title">Markers of change</h1>
      <p>{CHANGE_MARKERS_INTRO}</p>
      <div class="reflect-links">
        <AppLink href={REFLECT_PATHS.home}>All reflections</AppLink>
      </div>
      <RecordsLoadStatus load={load} reload={reload} openingWords="Opening your ratings…" />
      {load.kind === 'ready' && (
        <>
          <RatingForm
            onSaved={(record) => {
              merge([record]);
              setSaved(true);
            }}
          />
          <p class="reflect-saved" role="status">
            {saved ? 'Saved privately. Only you can see it unless you share it below.' : ''}
          </p>
          <Ratings load={load} merge={merge} />
        </>
      )}
    </section>
  );
}
