/**
 * `/us`, "Between us": the people you practise with and what you work on together (mapping the
 * loop you get caught in, repair after a hard moment, practising together), and starting a new
 * link with someone. Everything here is private until its owner shares it, item by item.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { CYCLE_EXAMPLE_PATH } from '../learn/learn-routes.ts';
import { linkClick } from '../router.ts';
import { KindPicture } from '../us/kind-picture.tsx';
import { relationshipSubtitle, relationshipTitle } from '../us/relationship-words.ts';
import { StartRelationship } from '../us/start-relationship.tsx';
import { identityFetch, relationshipsList } from '../us/us-api.ts';
import { relationshipPath } from '../us/us-routes.ts';
import '../us/us.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | {
      readonly kind: 'ready';
      readonly hasIdentity: boolean;
      readonly relationships: readonly RelationshipView[];
    };

async function loadMine(): Promise<Loaded> {
  const identity = await identityFetch();
  if (identity === null) return { kind: 'ready', hasIdentity: false, relationships: [] };
  return { kind: 'ready', hasIdentity: true, relationships: await relationshipsList() };
}

function RelationshipList(props: { readonly relationships: readonly RelationshipView[] }) {
  return (
    <ul class="relationship-list">
      {props.relationships.map((relationship) => {
        const path = relationshipPath(relationship.relationshipId);
        return (
          <li key={relationship.relationshipId}>
            <a
              class="card relationship-link"
              href={path}
              onClick={(event) => {
                linkClick(event, path);
              }}
            >
              <KindPicture kind={relationship.kind} />
              <span>
                <strong>{relationshipTitle(relationship)}</strong>
                <span class="hint relationship-link-sub">{relationshipSubtitle(relationship)}</span>
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** The screen. */
export default function UsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const reload = useCallback(() => {
    loadMine().then(setLoaded, (error: unknown) => {
      setLoaded({
        kind: 'failed',
        message:
          error instanceof ApiError ? error.message : 'Something went wrong. Please try again.',
      });
    });
  }, []);
  useEffect(reload, [reload]);

  return (
    <section class="screen us" aria-labelledby="us-title">
      <h1 id="us-title">Between us</h1>
      <p>
        A shared space with someone close: map the loop you tend to get caught in, come back to each
        other after a hard moment, and practise together. What you write stays private until you
        choose to share it.
      </p>
      <p class="hint">
        It can help to start with yourself: a{' '}
        <a
          href="/"
          onClick={(event) => {
            linkClick(event, '/');
          }}
        >
          check-in or a short practice on your own
        </a>{' '}
        is always there first.
      </p>

      {loaded.kind === 'loading' && (
        <p class="loading" role="status">
          Looking for your relationships…
        </p>
      )}
      {loaded.kind === 'failed' && (
        <div>
          <p role="alert">{loaded.message}</p>
          <div class="button-row">
            <button type="button" onClick={reload}>
              Try again
            </button>
          </div>
        </div>
      )}
      {loaded.kind === 'ready' && loaded.relationships.length > 0 && (
        <section aria-labelledby="us-mine-title">
          <h2 id="us-mine-title">Your relationships</h2>
          <RelationshipList relationships={loaded.relationships} />
        </section>
      )}

      {loaded.kind === 'ready' && (
        <section class="card" aria-labelledby="us-start-title">
          <h2 id="us-start-title">
            {loaded.relationships.length > 0 ? 'Start another' : 'Start with someone'}
          </h2>
          <p class="hint">
            You make an invite link and send it to them. They join from their own device.
          </p>
          <StartRelationship needsName={!loaded.hasIdentity} />
        </section>
      )}

      <section class="card us-example" aria-labelledby="us-example-title">
        <h2 id="us-example-title">New to this?</h2>
        <p>
          Walk through a made-up couple, Noor and Eli, mapping the loop they get caught in. Nothing
          is sent anywhere.
        </p>
        <a
          class="button secondary"
          href={CYCLE_EXAMPLE_PATH}
          onClick={(event) => {
            linkClick(event, CYCLE_EXAMPLE_PATH);
          }}
        >
          See the worked example
        </a>
      </section>
    </section>
  );
}
