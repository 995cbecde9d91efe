/**
 * One client's page, for their practitioner: what they share, a way to open a live session
 * together, sessions together, the check-ins and reflections they shared, and the practitioner's
 * private notes. The history is loaded once per visit (every load is written to the client's
 * access log, so it is never refreshed behind the practitioner's back); "Look again" loads it anew.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ClientHistoryView } from '../../core/practitioner/practitioner-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import type { Remote } from '../consultations/use-remote.ts';
import { PractiseNow } from '../us/practise-now.tsx';
import { SessionsTogether, SharedRecords } from './client-history-sections.tsx';
import { LoadStatus } from './load-status.tsx';
import { NotesEditor } from './notes-editor.tsx';
import { clientHistoryFetch } from './practitioner-api.ts';
import { PRACTITIONER_PATH, clientPath } from './practitioner-paths.ts';
import { clientSharesWords, seenByClientWords } from './practitioner-words.ts';
import './practitioner.css';

function useHistory(clientId: string): { remote: Remote<ClientHistoryView>; lookAgain: () => void } {
  const [remote, setRemote] = useState<Remote<ClientHistoryView>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    clientHistoryFetch(clientId).then(
      (value) => {
        if (alive) setRemote({ kind: 'ready', value });
      },
      (error: unknown) => {
        if (alive) setRemote({ kind: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.') });
      },
    );
    return () => {
      alive = false;
    };
  }, [clientId, attempt]);
  return {
    remote,
    lookAgain: () => {
      setRemote({ kind: 'loading' });
      setAttempt((count) => count + 1);
    },
  };
}

/** The screen. */
export default function ClientScreen(props: { clientId: string }) {
  const { remote, lookAgain } = useHistory(props.clientId);
  const history = remote.kind === 'ready' ? remote.value : null;
  const name = history?.client.displayName ?? 'Your client';
  const firstRelationship = history?.relationships[0];
  return (
    <section class="screen practitioner" aria-labelledby="client-title">
      <p>
        <AppLink href={PRACTITIONER_PATH}>All your clients</AppLink>
      </p>
      <h1 id="client-title">{name}</h1>
      <LoadStatus
        remote={remote}
        reload={lookAgain}
        loadingWords="Opening what they share with you…"
        next={clientPath(props.clientId)}
        why="Your clients are kept with your practitioner account. Sign in to see them."
      />
      {history !== null && (
        <>
          <p class="notice">{seenByClientWords(name)}</p>
          <section class="card" aria-labelledby="client-shares-title">
            <h2 id="client-shares-title">What {name} shares with you</h2>
            {history.relationships.map((link) => (
              <p key={link.relationshipId}>{clientSharesWords(name, link.shares)}</p>
            ))}
            <p class="hint">In a live session, what {name} chooses there always comes first.</p>
          </section>
          {firstRelationship !== undefined && (
            <section class="card" aria-labelledby="client-practise-title">
              <h2 id="client-practise-title">Practise together</h2>
              <PractiseNow relationshipId={firstRelationship.relationshipId} others={name} />
            </section>
          )}
          <SessionsTogether name={name} sessions={history.sessions} />
          <SharedRecords
            id="client-check-ins-title"
            title={`Check-ins ${name} shared`}
            empty="Nothing to show here right now."
            records={history.checkIns}
          />
          <SharedRecords
            id="client-reflections-title"
            title={`Reflections ${name} shared`}
            empty="Nothing to show here right now."
            records={history.reflections}
          />
          <div class="button-row">
            <button type="button" class="quiet" onClick={lookAgain}>
              Look again
            </button>
          </div>
          <NotesEditor clientId={history.client.clientId} name={name} />
        </>
      )}
    </section>
  );
}
