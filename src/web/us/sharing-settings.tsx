/**
 * "What I share" on a relationship's home: four checkboxes, one per kind of thing, each with a
 * short plain explanation; saved only when the person presses Save (so a stray tap shares
 * nothing), with a confirmation that says what the others can see now. Below, read-only, what
 * each other member shares with me: their own choice, never something to ask about.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RelationshipSharingView } from '../../core/protocol/between-us-api.ts';
import { SHARING_KINDS, type SharingSettings } from '../../core/relationships/sharing.ts';
import { ApiError } from '../api/http.ts';
import { sharingFetch, sharingSave } from './sharing-api.ts';
import { SHARING_INTRO, SHARING_WORDS, sharingSavedWords, theirSharingWords } from './sharing-words.ts';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly view: RelationshipSharingView };

const failureWords = (caught: unknown) => (caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.');

function Switches(props: { readonly draft: SharingSettings; readonly disabled: boolean; readonly onChange: (next: SharingSettings) => void }) {
  return (
    <fieldset class="sharing-switches">
      <legend>Shared outside live sessions</legend>
      {SHARING_KINDS.map((kind) => (
        <div class="sharing-switch" key={kind}>
          <input
            id={`sharing-${kind}`}
            type="checkbox"
            checked={props.draft[kind]}
            disabled={props.disabled}
            aria-describedby={`sharing-${kind}-hint`}
            onChange={(event) => {
              props.onChange({ ...props.draft, [kind]: event.currentTarget.checked });
            }}
          />
          <label for={`sharing-${kind}`}>{SHARING_WORDS[kind].label}</label>
          <p id={`sharing-${kind}-hint`} class="hint">
            {SHARING_WORDS[kind].explain}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

/** The section. `others` names the other members ("Bo", "Bo and Cy"), or null before anyone joined; `onChange` hears each reading. */
export function WhatIShare(props: {
  readonly relationshipId: string;
  readonly others: string | null;
  readonly onChange?: (view: RelationshipSharingView) => void;
}) {
  const { relationshipId } = props;
  // Held in a ref so a parent's fresh callback on each render never starts another reading.
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [draft, setDraft] = useState<SharingSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const [error, setError] = useState<string | null>(null);

  const read = useCallback(
    async (keepDraft: boolean) => {
      try {
        const view = await sharingFetch(relationshipId);
        setLoad({ kind: 'ready', view });
        if (!keepDraft) setDraft(view.mine);
        onChange.current?.(view);
      } catch (caught) {
        if (!keepDraft) setLoad({ kind: 'failed', message: failureWords(caught) });
      }
    },
    [relationshipId],
  );

  useEffect(() => {
    void read(false);
    // What the others share can change while this page is away; my unsaved choices stay as they are.
    const lookNow = () => {
      if (document.visibilityState === 'visible') void read(true);
    };
    document.addEventListener('visibilitychange', lookNow);
    return () => {
      document.removeEventListener('visibilitychange', lookNow);
    };
  }, [read]);

  const save = async (settings: SharingSettings) => {
    setSaving(true);
    setError(null);
    setSaved('');
    try {
      const view = await sharingSave(relationshipId, settings);
      setLoad({ kind: 'ready', view });
      setDraft(view.mine);
      setSaved(sharingSavedWords(view.mine, props.others));
      onChange.current?.(view);
    } catch (caught) {
      setError(failureWords(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card us-sharing" aria-labelledby="us-sharing-title">
      <h2 id="us-sharing-title">What I share</h2>
      <p class="hint">{SHARING_INTRO}</p>
      {load.kind === 'loading' && (
        <p class="loading" role="status">
          Reading what you share…
        </p>
      )}
      {load.kind === 'failed' && (
        <div>
          <p role="alert">{load.message}</p>
          <button type="button" class="secondary" onClick={() => void read(false)}>
            Try again
          </button>
        </div>
      )}
      {load.kind === 'ready' && draft !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <Switches
            draft={draft}
            disabled={saving}
            onChange={(next) => {
              setSaved('');
              setDraft(next);
            }}
          />
          <div class="button-row">
            <button type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save what I share'}
            </button>
          </div>
          <p class="sharing-saved" role="status">
            {saved}
          </p>
          {error !== null && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {load.kind === 'ready' && load.view.others.length > 0 && (
        <div class="sharing-theirs">
          <h3>What the others share with you</h3>
          {load.view.others.map((other) => (
            <p key={other.personId}>{theirSharingWords(other.displayName, other.shares)}</p>
          ))}
          <p class="hint">This is each person’s own choice, and it can change at any time.</p>
        </div>
      )}
    </section>
  );
}
