/**
 * The live session: who is here and how they are, choosing a practice, getting ready, doing it
 * together in step, and the pause that is always one tap (or P) away. With sensors, each sharing
 * person's heart and breath, how the two bodies move together, and a private, gentle offer of a
 * pause when this person's heart stays well above its resting pace.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { sessionIsPresent } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import { BodyPanel } from '../body/body-panel.tsx';
import { recentBodyNotices } from '../body/body-notices.ts';
import { FloodingOffer } from '../body/flooding-offer.tsx';
import { sensorSimulationFor } from '../body/sensor-simulation.ts';
import { useBodySignals } from '../body/use-body-signals.ts';
import type { JoinDetails } from '../net/live-session.ts';
import { useLiveSession } from '../net/use-live-session.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { linkClick, navigate } from '../router.ts';
import { SensorPanel } from '../sensors/sensor-panel.tsx';
import { AfterPracticePanel } from '../session/after-practice-panel.tsx';
import { logAnnouncements, sessionAnnouncements } from '../session/announcements.ts';
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
import { BeginRepairButton, OurCycleButton, OurCyclePlan, relationshipHasCyclePlan, useSessionRelationship } from '../session/our-cycle.tsx';
import { PauseBar, PauseOverlay } from '../session/pause.tsx';
import { PeoplePanel } from '../session/people-panel.tsx';
import { PracticePicker } from '../session/practice-picker.tsx';
import { DashboardToggle, PractitionerDashboard, usePractitionerSession } from '../practitioner/dashboard.tsx';
import { ProposalPanel } from '../session/proposal-panel.tsx';
import { RunningPractice } from '../session/running-practice.tsx';
import { useServerNow } from '../session/use-server-now.ts';
import '../session/session.css';

/** Polite announcements of what changed, in one visually hidden live region. */
function useAnnouncements(state: SessionState, log: readonly ViewerLogEntry[], me: string | null): string {
  const previous = useRef<SessionState | null>(null);
  const previousLog = useRef<readonly ViewerLogEntry[] | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const before = previous.current;
    const logBefore = previousLog.current;
    previous.current = state;
    previousLog.current = log;
    // The first state (from storage or the catch-up) is not news.
    if (before === null || before.status === 'none' || logBefore === null) return;
    const lastSeqBefore = logBefore[logBefore.length - 1]?.seq ?? 0;
    const added = log.filter((entry) => entry.seq > lastSeqBefore);
    const said = [...sessionAnnouncements(before, state, me), ...logAnnouncements(added, state, me)];
    if (said.length > 0) setMessage(said.join(' '));
  }, [state, log, me]);
  return message;
}

/** How often shared body notices are looked at again, to let old ones go. */
const BODY_NOTICE_REFRESH_MS = 15_000;

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
  const announcement = useAnnouncements(state, log, me);
  const linked = useSessionRelationship(sessionId);
  // A practitioner leading a session with their clients may switch to the dashboard.
  const practitioner = usePractitionerSession(sessionId);
  const [dashboard, setDashboard] = useState(false);
  const [showingPlan, setShowingPlan] = useState(false);
  const [pausedFromFlooding, setPausedFromFlooding] = useState(false);
  const sessionStill = state.pausedSinceMs !== null || snapshot.pausing;
  useEffect(() => {
    // A flooding pause is over once the session moves again; the next pause is just a pause.
    if (!sessionStill) setPausedFromFlooding(false);
  }, [sessionStill]);
  const present = me !== null && sessionIsPresent(state, me);
  const body = useBodySignals({ sessionId, state, me, clock, sendSignals: live.sendSignals, onSignals: live.onSignals });
  const noticesNow = useServerNow(clock, BODY_NOTICE_REFRESH_MS);

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

  const reportPath = `/session/${encodeURIComponent(sessionId)}/report`;
  if (state.status === 'ended') {
    return (
      <section class="screen session" aria-labelledby="session-title">
        {heading}
        <div class="card">
          <h2>This session has ended</h2>
          <p>Thank you for taking this time together. You can check in with yourself, or start a new session whenever you like.</p>
          <div class="button-row">
            <a class="button" href={reportPath} onClick={(event) => { linkClick(event, reportPath); }}>
              See the session report
            </a>
            <a class="button secondary" href="/" onClick={(event) => { linkClick(event, '/'); }}>
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
  const sharing = !myBoundaries.sharePhysiology;
  const paced = practice?.status === 'running' && practice.pacer !== null && clock.now() >= practice.pacer.startAtMs;

  return (
    <>
      <section class="screen session" aria-labelledby="session-title" inert={paused}>
        {heading}
        <p class="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {practitioner !== null && <DashboardToggle on={dashboard} onChange={setDashboard} />}
        <FloodingOffer
          offer={body.view.flooding}
          send={send}
          sayItWasMe={sayItWasMe}
          sharingAllowed={!myBoundaries.sharePhysiology}
          onDismiss={body.dismissFlooding}
          onPausedFromOffer={() => {
            setPausedFromFlooding(true);
          }}
        />
        {practice?.status === 'running' && (
          <RunningPractice state={state} run={practice} me={me} clock={clock} send={send} sensedBreath={body.sensedBreath} />
        )}
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
        {relationshipHasCyclePlan(linked) && (
          <OurCycleButton
            send={send}
            onNoticed={() => {
              setShowingPlan(true);
            }}
          />
        )}
        {practitioner !== null && dashboard ? (
          <PractitionerDashboard
            state={state}
            clients={practitioner.clients}
            bodyView={body.view}
            clock={clock}
            breathPhaseAt={body.breathPhaseAt}
            bodyNotices={recentBodyNotices(log, noticesNow)}
          />
        ) : (
          <PeoplePanel state={state} me={me} bodyNotices={recentBodyNotices(log, noticesNow)} />
        )}
        <CheckInPanel send={send} allowShare={allowShare} />
        <SensorPanel
          onReading={body.addReading}
          sharingAllowed={sharing}
          cameraAllowed={!myBoundaries.camera}
          simulation={sensorSimulationFor(sessionId, state, log, me)}
          serverNow={() => clock.now()}
        />
        {!(practitioner !== null && dashboard) && body.view.people.length > 0 && (
          <BodyPanel view={body.view} clock={clock} breathPhaseAt={body.breathPhaseAt} onChoosePartner={body.choosePartner} paced={paced} />
        )}
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
      {paused && (
        <PauseOverlay state={state} me={me} log={log} send={send} sayItWasMe={sayItWasMe} pausing={snapshot.pausing}>
          {showingPlan && relationshipHasCyclePlan(linked) ? (
            <OurCyclePlan
              linked={linked}
              sessionId={sessionId}
              pausedAtMs={state.pausedSinceMs}
              onClose={() => {
                setShowingPlan(false);
              }}
            />
          ) : (
            linked !== null && (
              <BeginRepairButton
                relationshipId={linked.relationshipId}
                sessionId={sessionId}
                pausedAtMs={state.pausedSinceMs}
                origin={pausedFromFlooding ? 'flooding' : 'pause'}
              />
            )
          )}
        </PauseOverlay>
      )}
    </>
  );
}
