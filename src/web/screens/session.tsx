/**
 * The live session: who is here and how they are, choosing a practice, getting ready, doing it
 * together in step, and the pause that is always one tap (or P) away.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { sessionIsPresent } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { JoinDetails } from '../net/live-session.ts';
import { useLiveSession } from '../net/use-live-session.ts';
import { linkClick, navigate } from '../router.ts';
import { AfterPracticePanel } from '../session/after-practice-panel.tsx';
import { sessionAnnouncements } from '../session/announcements.ts';
import { BoundariesEditor } from '../session/boundaries-editor.tsx';
import { CheckInPanel } from '../session/check-in-panel.tsx';
import { ConnectionStatus } from '../session/connection-status.tsx';
import {
  inviteTokenForget,
  inviteTokenLoad,
  joinDetailsForget,
  joinDetailsLoad,
  joinDetailsSave,
  tabStorage,
} from '../session/join-details.ts';
import { JoinHere } from '../session/join-here.tsx';
import { LeaveControls } from '../session/leave-controls.tsx';
import { PauseBar, PauseOverlay } from '../session/pause.tsx';
import { PeoplePanel } from '../session/people-panel.tsx';
import { PracticePicker } from '../session/practice-picker.tsx';
import { ProposalPanel } from '../session/proposal-panel.tsx';
import { RunningPractice } from '../session/running-practice.tsx';
import '../session/session.css';

/** Polite announcements of what changed, in one visually hidden live region. */
function useAnnouncements(state: SessionState, me: string | null): string {
  const previous = useRef<SessionState | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    // The first state (from storage or the catch-up) is not news.
    if (before === null || before.status === 'none') return;
    const said = sessionAnnouncements(before, state, me);
    if (said.length > 0) setMessage(said.join(' '));
  }, [state, me]);
  return message;
}

/** The session screen. */
export default function SessionScreen(props: { sessionId: string }) {
  const { sessionId } = props;
  const storage = tabStorage();
  const [details, setDetails] = useState<JoinDetails | null>(() => joinDetailsLoad(storage, sessionId));
  const detailsRef = useRef(details);
  detailsRef.current = details;
  const [inviteToken] = useState(() => inviteTokenLoad(storage, sessionId));
  const live = useLiveSession(sessionId, { inviteToken, joinDetails: () => detailsRef.current });
  const { state, me, snapshot, send, clock, log } = live;
  const [sayItWasMe, setSayItWasMe] = useState(false);
  const [afterDoneFor, setAfterDoneFor] = useState<string | null>(null);
  const announcement = useAnnouncements(state, me);
  const present = me !== null && sessionIsPresent(state, me);

  useEffect(() => {
    // The invite was only needed until this device was greeted once.
    if (snapshot.status === 'live' || snapshot.status === 'syncing-clock') inviteTokenForget(storage, sessionId);
  }, [snapshot.status, storage, sessionId]);

  const heading = (
    <div class="session-top">
      <h1 id="session-title">Together</h1>
      <ConnectionStatus snapshot={snapshot} />
    </div>
  );

  if (state.status === 'ended') {
    return (
      <section class="screen session" aria-labelledby="session-title">
        {heading}
        <div class="card">
          <h2>This session has ended</h2>
          <p>Thank you for taking this time together. You can check in with yourself, or start a new session whenever you like.</p>
          <div class="button-row">
            <a class="button" href="/" onClick={(event) => { linkClick(event, '/'); }}>
              Go to the start
            </a>
          </div>
        </div>
      </section>
    );
  }

  if (snapshot.status === 'ended') {
    return (
      <section class="screen session" aria-labelledby="session-title">
        {heading}
        <div class="card">
          <h2>This session can't be reached from here</h2>
          <p role="alert">{snapshot.problem ?? 'The session could not be opened.'}</p>
          <div class="button-row">
            <a class="button" href="/" onClick={(event) => { linkClick(event, '/'); }}>
              Go to the start
            </a>
          </div>
        </div>
      </section>
    );
  }

  if (!present) {
    const waiting = me === null || snapshot.joining || (details !== null && snapshot.problem === null);
    return (
      <section class="screen session" aria-labelledby="session-title">
        {heading}
        {waiting ? (
          <p class="loading" role="status">
            {snapshot.joining ? 'Joining the session…' : 'Opening the session…'}
          </p>
        ) : (
          <JoinHere
            busy={snapshot.joining}
            problem={snapshot.problem}
            onJoin={(chosen) => {
              joinDetailsSave(storage, sessionId, chosen);
              setDetails(chosen);
              void send({ type: 'join', displayName: chosen.displayName, boundaries: chosen.boundaries });
            }}
          />
        )}
      </section>
    );
  }

  const myBoundaries = state.participants[me]?.boundaries ?? OPEN_BOUNDARIES;
  const allowShare = !myBoundaries.shareCheckIns;
  const practice = state.practice;
  // A pause this device sent counts at once, even before the server has it: pause never waits.
  const paused = state.pausedSinceMs !== null || snapshot.pausing;
  const ended = practice === null && state.lastPractice !== null && afterDoneFor !== state.lastPractice.runId ? state.lastPractice : null;

  return (
    <>
      <section class="screen session" aria-labelledby="session-title" inert={paused}>
        {heading}
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {practice?.status === 'running' && <RunningPractice state={state} run={practice} me={me} clock={clock} send={send} />}
        {practice?.status === 'proposed' && (
          <ProposalPanel state={state} proposal={practice} me={me} log={log} send={send} allowShare={allowShare} />
        )}
        {ended !== null && (
          <AfterPracticePanel
            ended={ended}
            me={me}
            log={log}
            send={send}
            allowShare={allowShare}
            onDone={() => {
              setAfterDoneFor(ended.runId);
            }}
          />
        )}
        <PeoplePanel state={state} me={me} />
        <CheckInPanel send={send} allowShare={allowShare} />
        {practice === null && <PracticePicker state={state} me={me} send={send} />}
        <BoundariesEditor current={myBoundaries} send={send} />
        <LeaveControls
          state={state}
          me={me}
          send={send}
          onLeft={() => {
            joinDetailsForget(storage, sessionId);
            live.close();
            navigate('/');
          }}
        />
      </section>
      {!paused && (
        <PauseBar
          state={state}
          me={me}
          pausing={snapshot.pausing}
          send={send}
          sayItWasMe={sayItWasMe}
          onSayItWasMe={setSayItWasMe}
          connectionNotice={snapshot.status === 'reconnecting' ? 'Reconnecting… Nothing will be lost.' : null}
        />
      )}
      {paused && <PauseOverlay state={state} me={me} log={log} send={send} sayItWasMe={sayItWasMe} pausing={snapshot.pausing} />}
    </>
  );
}
