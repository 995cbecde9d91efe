/**
 * What the members of one relationship chose to share with it, for its home screen: each item
 * with who shared it and when. The person who shared an item can stop sharing it right here; the
 * others only read. Mount with `<SharedWithUs relationshipId={id} />`.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { tzOffsetMinAt } from '../progress/progress-input.ts';
import { identityFetch } from '../us/us-api.ts';
import { recordLinesOf } from './record-lines.ts';
import { recordSharingSet, sharedWithRelationship } from './records-api.ts';
import { REFLECT_PATHS } from './reflect-routes.ts';
import { recordDayWords } from './reflection-words.ts';
import './reflections.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly meId: string | null; readonly records: readonly PersonalRecordView[] };

function SharedItem(props: { record: PersonalRecordView; mine: boolean; nowMs: number; onStopped: (recordId: string) => void }) {
  const { record } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { title, lines } = recordLinesOf(record);
  const who = props.mine ? 'You shared' : `${record.ownerName} shared`;
  return (
    <li class="shared-item">
      <h3>{title}</h3>
      <p class="hint">
        {who} this · written {recordDayWords(record.atMs, props.nowMs, tzOffsetMinAt(props.nowMs))}
      </p>
      <dl>
        {lines.map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.text}</dd>
          </div>
        ))}
      </dl>
      {props.mine && (
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError(null);
            recordSharingSet(record.recordId, null).then(
              () => {
                props.onStopped(record.recordId);
              },
              (failure: unknown) => {
                setBusy(false);
                setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
              },
            );
          }}
        >
          Stop sharing<span class="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The shared items of one relationship; `withNames` ("Bo") names the others in the heading where several are listed. */
export function SharedWithUs(props: { relationshipId: string; withNames?: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let alive = true;
    Promise.all([sharedWithRelationship(props.relationshipId), identityFetch()]).then(
      ([records, identity]) => {
        if (alive) setLoaded({ kind: 'ready', records, meId: identity?.id ?? null });
      },
      (error: unknown) => {
        if (alive) setLoaded({ kind: 'failed', message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' });
      },
    );
    return () => {
      alive = false;
    };
  }, [props.relationshipId]);

  const nowMs = Date.now();
  return (
    <section class="card shared-with-us" aria-labelledby={`shared-${props.relationshipId}`}>
      <h2 id={`shared-${props.relationshipId}`}>{props.withNames === undefined ? 'Shared with each other' : `Shared between you and ${props.withNames}`}</h2>
      {loaded.kind === 'loading' && (
        <p class="loading" role="status">
          Gathering what was shared…
        </p>
      )}
      {loaded.kind === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.kind === 'ready' &&
        (loaded.records.length === 0 ? (
          <p>
            Nothing shared here yet. Reflections are private until you choose to share one. <AppLink href={REFLECT_PATHS.home}>Go to Reflect</AppLink>
          </p>
        ) : (
          <ul class="shared-list">
            {[...loaded.records]
              .sort((a, b) => b.atMs - a.atMs)
              .map((record) => (
                <SharedItem
                  key={record.recordId}
                  record={record}
                  mine={record.ownerId === loaded.meId}
                  nowMs={nowMs}
                  onStopped={(recordId) => {
                    setLoaded((current) => (current.kind === 'ready' ? { ...current, records: current.records.filter((candidate) => candidate.recordId !== recordId) } : current));
                  }}
                />
              ))}
          </ul>
        ))}
    </section>
  );
}
