/**
 * Sharing one item (a reflection, or a moment of answers kept as a few records): private until
 * its owner picks one of their relationships and says "Share", and "Stop sharing" takes it back at
 * once. The line above the buttons always says who can see it now.
 */
import { useState } from 'preact/hooks';
import type { PersonalRecordView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { US_PATH } from '../us/us-routes.ts';
import { recordSharingSet } from './records-api.ts';
import { relationshipOthersWords, relationshipsToShareWith, sharingWords } from './reflection-words.ts';

/** What the control needs: the records of one item, my relationships, and where changes go. */
export interface ShareControlProps {
  /** A short id for the control's fields, unique on the page. */
  readonly id: string;
  readonly records: readonly PersonalRecordView[];
  readonly relationships: readonly RelationshipView[];
  readonly onChanged: (records: readonly PersonalRecordView[]) => void;
}

/** The sharing line and its buttons. */
export function ShareControl(props: ShareControlProps) {
  const choices = relationshipsToShareWith(props.relationships);
  const [chosen, setChosen] = useState(choices[0]?.relationshipId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sharedWith = props.records[0]?.sharedWith ?? null;

  const setSharing = (relationshipId: string | null) => {
    setBusy(true);
    setError(null);
    Promise.all(props.records.map((record) => recordSharingSet(record.recordId, relationshipId))).then(
      (changed) => {
        setBusy(false);
        props.onChanged(changed);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
      },
    );
  };

  return (
    <div class="share-control">
      <p class="share-status" role="status">
        {sharingWords(sharedWith, props.relationships)}
      </p>
      {sharedWith !== null ? (
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => {
            setSharing(null);
          }}
        >
          Stop sharing
        </button>
      ) : choices.length === 0 ? (
        <p class="hint">
          To share something, first link with someone in <AppLink href={US_PATH}>Between us</AppLink>.
        </p>
      ) : (
        <div class="share-choose">
          <label for={`share-with-${props.id}`}>Share with</label>
          <select
            id={`share-with-${props.id}`}
            value={chosen}
            onChange={(event) => {
              setChosen(event.currentTarget.value);
            }}
          >
            {choices.map((relationship) => (
              <option key={relationship.relationshipId} value={relationship.relationshipId}>
                {relationshipOthersWords(relationship)}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="secondary"
            disabled={busy || chosen === ''}
            onClick={() => {
              setSharing(chosen);
            }}
          >
            Share
          </button>
        </div>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
