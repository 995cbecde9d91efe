/**
 * `/us/join#<token>`: accepting an invite to a relationship. The token stays in the #fragment, so
 * it is never sent in a page request. The person reads who invited them and what joining means
 * (nothing of theirs is shared by joining), chooses a name if this device has none, and accepts.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/http.ts';
import { linkClick, navigate } from '../router.ts';
import { DisplayNameField } from '../session/display-name-field.tsx';
import '../session/session-forms.css';
import { KindPicture } from './kind-picture.tsx';
import { RELATIONSHIP_KIND_WORDS } from './relationship-words.ts';
import {
  identityFetch,
  inviteAccept,
  invitePreviewFetch,
  type Identity,
  type InvitePreview,
} from './us-api.ts';
import { relationshipPath } from './us-routes.ts';
import './us.css';

/** Said when a link cannot be used, whatever the reason. */
export const RELATIONSHIP_INVITE_INVALID_WORDS =
  'This link has expired or was withdrawn. Ask the person who sent it for a new one.';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly preview: InvitePreview; readonly identity: Identity | null };

const TITLE = 'You’re invited';

/** Whether a failed look at an invite means the link itself is no good. */
function linkIsBad(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429 &&
    error.status !== 401
  );
}

/** The screen. */
export default function RelationshipJoinScreen(props: { token: string }) {
  const token = props.token.trim();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (token === '') {
      setLoaded({ kind: 'invalid' });
      return;
    }
    Promise.all([invitePreviewFetch(token), identityFetch()]).then(
      ([preview, identity]) => {
        setLoaded({ kind: 'ready', preview, identity });
      },
      (caught: unknown) => {
        if (linkIsBad(caught)) setLoaded({ kind: 'invalid' });
        else
          setLoaded({
            kind: 'failed',
            message:
              caught instanceof ApiError
                ? caught.message
                : 'Something went wrong. Please try again.',
          });
      },
    );
  }, [token]);

  if (loaded.kind === 'loading') {
    return (
      <section class="screen" aria-labelledby="join-title">
        <h1 id="join-title">{TITLE}</h1>
        <p class="loading" role="status">
          Checking your invite…
        </p>
      </section>
    );
  }
  if (loaded.kind !== 'ready') {
    return (
      <section class="screen" aria-labelledby="join-title">
        <h1 id="join-title">This link can’t be used</h1>
        <p role="alert">
          {loaded.kind === 'invalid' ? RELATIONSHIP_INVITE_INVALID_WORDS : loaded.message}
        </p>
        <p>In the meantime, you can check in with yourself or do a short practice on your own.</p>
        <div class="button-row">
          <a
            class="button"
            href="/"
            onClick={(event) => {
              linkClick(event, '/');
            }}
          >
            Go to the start
          </a>
        </div>
      </section>
    );
  }

  const { preview, identity } = loaded;
  const words = RELATIONSHIP_KIND_WORDS[preview.kind];
  const accept = async (event: Event) => {
    event.preventDefault();
    const displayName = name.trim();
    if (identity === null && displayName === '') {
      setError(
        `Choose a name ${preview.invitedBy} will see. A first name or a nickname is plenty.`,
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const relationship = await inviteAccept(token, identity === null ? displayName : null);
      // Replace, so the invite token is not one Back press away on a shared device.
      navigate(relationshipPath(relationship.relationshipId), { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'invite_invalid')
        setLoaded({ kind: 'invalid' });
      else
        setError(
          caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.',
        );
      setBusy(false);
    }
  };

  return (
    <section class="screen" aria-labelledby="join-title">
      <h1 id="join-title">{preview.invitedBy} invited you to Attune</h1>
      <p class="join-kind">
        <KindPicture kind={preview.kind} />
        <span>As {words.label.toLowerCase()}</span>
      </p>
      <p>
        Attune is a quiet place to steady yourself and to practise being together: check in on how
        you feel, breathe together, map the loop you sometimes get caught in, and come back to each
        other after a hard moment. It is not therapy, and it is not an emergency service.
      </p>
      <h2>What joining means</h2>
      <ul class="plain-list">
        <li>You and {preview.invitedBy} get a shared space. You see each other’s names there.</li>
        <li>
          Nothing you write is shown to {preview.invitedBy} unless you choose to share it, one thing
          at a time.
        </li>
        <li>You can leave at any time. When you do, all sharing stops at once.</li>
      </ul>
      <form class="screen" onSubmit={(event) => void accept(event)} noValidate>
        {identity === null ? (
          <DisplayNameField
            value={name}
            onInput={setName}
            hint={`The name ${preview.invitedBy} sees. A first name or a nickname is plenty.`}
          />
        ) : (
          <p class="hint">You will join as {identity.displayName}.</p>
        )}
        {error !== null && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="button-row">
          <button type="submit" disabled={busy}>
            {busy ? 'Joining…' : `Join ${preview.invitedBy}`}
          </button>
          <a
            class="button quiet"
            href="/"
            onClick={(event) => {
              linkClick(event, '/');
            }}
          >
            Not now
          </a>
        </div>
      </form>
    </section>
  );
}
