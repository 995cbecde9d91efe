/**
 * A practitioner's clients: each person in a practitioner relationship with them, what that
 * person shares with them, when they last practised together, and the way to their page. A new
 * client is invited with a link that works once. Someone who is not a practitioner is told, kindly,
 * what this page is and how to become one here.
 */
import { useState } from 'preact/hooks';
import type { RelationshipInviteView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { useRemote } from '../consultations/use-remote.ts';
import { InviteCard } from '../us/invite-card.tsx';
import { relationshipStart } from '../us/us-api.ts';
import { LoadStatus } from './load-status.tsx';
import { clientsFetch } from './practitioner-api.ts';
import { PRACTITIONER_PATH, clientPath } from './practitioner-paths.ts';
import { clientSharesWords, dayWords, lastSessionWords } from './practitioner-words.ts';
import './practitioner.css';

const REFRESH_MS = 30_000;

function InviteClient() {
  const [invite, setInvite] = useState<RelationshipInviteView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (invite !== null) {
    return (
      <div class="practitioner-invite">
        <InviteCard invite={invite} forWhom="your client" />
        <p class="hint">
          When they open it and join, they appear in your list. They choose for themselves what you can see, and can change it at any time.
        </p>
      </div>
    );
  }
  return (
    <div class="practitioner-invite">
      <button
        type="button"
        class="secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          relationshipStart('practitioner', null).then(
            (started) => {
              setInvite(started.invite);
            },
            (failure: unknown) => {
              setBusy(false);
              setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
            },
          );
        }}
      >
        Invite a client
      </button>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The screen. */
export default function ClientsScreen() {
  const { remote, reload } = useRemote(clientsFetch, 'clients', REFRESH_MS);
  const notPractitioner = remote.kind === 'failed' && remote.error.code === 'not_a_practitioner';
  return (
    <section class="screen practitioner" aria-labelledby="practitioner-title">
      <h1 id="practitioner-title">Your clients</h1>
      {notPractitioner ? (
        <div class="card" role="status">
          <p>This page is for practitioners who practise with clients here.</p>
          <p class="hint">If you are one, ask the person who runs this Attune to mark your account as a practitioner. Everything else in Attune works for you as it is.</p>
          <AppLink class="button secondary" href="/">
            Back to the start
          </AppLink>
        </div>
      ) : (
        <>
          <p>Each person here chose to practise with you, and chooses what you can see. Opening a client’s page is shown to them in their access log.</p>
          <LoadStatus
            remote={remote}
            reload={reload}
            loadingWords="Gathering your clients…"
            next={PRACTITIONER_PATH}
            why="Your clients are kept with your practitioner account. Sign in to see them."
          />
          {remote.kind === 'ready' && (
            <>
              {remote.value.length === 0 ? (
                <p class="hint">No clients yet. Invite someone with a link; once they join, they show here.</p>
              ) : (
                <ul class="practitioner-list">
                  {remote.value.map((client) => (
                    <li key={`${client.relationshipId}:${client.clientId}`} class="card practitioner-client">
                      <h2>
                        <AppLink href={clientPath(client.clientId)}>{client.displayName}</AppLink>
                      </h2>
                      <p class="hint">Practising together since {dayWords(client.relationshipSinceMs)}. {lastSessionWords(client)}</p>
                      <p>{clientSharesWords(client.displayName, client.shares)}</p>
                    </li>
                  ))}
                </ul>
              )}
              <InviteClient />
            </>
          )}
        </>
      )}
    </section>
  );
}
