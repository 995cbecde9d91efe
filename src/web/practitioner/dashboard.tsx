/**
 * The practitioner's dashboard in a live session: one card per client with how they say they are
 * (their latest check-in, only when they shared it in this session), their heart rate and
 * breathing (only while their session boundary shares body signals; the server sends nothing
 * otherwise), and any body notice they chose to share. Pause stays where it always is, at the
 * bottom of the screen and on P, for everyone alike; suggesting a practice uses the same picker
 * as everyone else.
 *
 * What is not shared reads the same whatever the reason ("nothing shared right now"), so the card
 * never hints at someone's boundary.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PractitionerSessionView } from '../../core/practitioner/practitioner-api.ts';
import type { SessionState } from '../../core/session/state.ts';
import { bodyNoticeSentence, type SharedBodyNotice } from '../body/body-notices.ts';
import type { BodyView, PersonBody } from '../body/body-view.ts';
import { BreathDot } from '../body/breath-dot.tsx';
import '../body/body-panel.css';
import type { ServerClock } from '../net/server-clock.ts';
import { checkInWords } from '../session/check-in-words.ts';
import { practitionerSessionFetch } from './practitioner-api.ts';
import './practitioner.css';

/** My clients in this session, once known; null while loading or when I am not its practitioner. */
export function usePractitionerSession(sessionId: string): PractitionerSessionView | null {
  const [view, setView] = useState<PractitionerSessionView | null>(null);
  useEffect(() => {
    let alive = true;
    practitionerSessionFetch(sessionId).then(
      (loaded) => {
        if (alive && loaded.clients.length > 0) setView(loaded);
      },
      () => {
        // Offline, or not this person's session to lead: the session works the same without it.
      },
    );
    return () => {
      alive = false;
    };
  }, [sessionId]);
  return view;
}

/** The switch between the dashboard and the usual session view. */
export function DashboardToggle(props: { readonly on: boolean; readonly onChange: (on: boolean) => void }) {
  return (
    <div class="dashboard-toggle" role="group" aria-label="How to show the session">
      <button type="button" class={props.on ? '' : 'secondary'} aria-pressed={props.on} onClick={() => { props.onChange(true); }}>
        Dashboard
      </button>
      <button type="button" class={props.on ? 'secondary' : ''} aria-pressed={!props.on} onClick={() => { props.onChange(false); }}>
        Everyone
      </button>
    </div>
  );
}

function Readings(props: { readonly body: PersonBody | undefined; readonly phaseNow: () => number | null }) {
  const { body } = props;
  if (body === undefined || (body.heart === null && body.breathingRateBpm === null && !body.breathPhaseKnown)) {
    return <p class="hint">No body signals shared right now.</p>;
  }
  return (
    <dl class="body-readings dashboard-readings">
      <div class="body-reading">
        <dt>Heart rate</dt>
        <dd>
          {body.heart === null ? (
            <span class="hint">No reading right now</span>
          ) : (
            <>
              <span class="body-number">{Math.round(body.heart.bpm)}</span> <span class="body-unit">beats a minute</span>
            </>
          )}
        </dd>
      </div>
      <div class="body-reading">
        <dt>Breathing</dt>
        <dd>
          <span class="body-breath-line">
            {body.breathPhaseKnown && <BreathDot phaseNow={props.phaseNow} />}
            {body.breathingRateBpm === null ? <span class="hint">Rate not read yet</span> : <span class="body-number">{body.breathingRateBpm.toFixed(1)}</span>}
          </span>
          {body.breathingRateBpm !== null && <span class="body-unit">breaths a minute</span>}
        </dd>
      </div>
    </dl>
  );
}

function presenceWords(state: SessionState, personId: string): string {
  const participant = state.participants[personId];
  if (participant === undefined) return 'not here yet';
  return participant.present ? 'here' : 'has left for now';
}

/** Props of the dashboard. */
export interface PractitionerDashboardProps {
  readonly state: SessionState;
  readonly clients: PractitionerSessionView['clients'];
  readonly bodyView: BodyView;
  readonly clock: ServerClock;
  readonly breathPhaseAt: (participantId: string, serverNowMs: number) => number | null;
  readonly bodyNotices: ReadonlyMap<string, SharedBodyNotice>;
}

/** The dashboard. */
export function PractitionerDashboard(props: PractitionerDashboardProps) {
  const { state, clock } = props;
  const suggest = () => {
    const picker = document.getElementById('picker-title');
    picker?.scrollIntoView({ block: 'start' });
    picker?.closest('section')?.querySelector<HTMLButtonElement>('button')?.focus();
  };
  return (
    <section class="card practitioner-dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Your clients in this session</h2>
      <p class="hint">What each person shares in this session, as they share it. Pause is always at the bottom of the screen, or press P: it pauses everyone.</p>
      {state.practice === null && (
        <div class="button-row">
          <button type="button" class="secondary" onClick={suggest}>
            Suggest a practice
          </button>
        </div>
      )}
      <ul class="dashboard-cards">
        {props.clients.map((client) => {
          const name = state.participants[client.personId]?.displayName ?? client.displayName;
          const checkIn = state.latestSharedCheckIns[client.personId];
          const notice = props.bodyNotices.get(client.personId);
          const headingId = `dashboard-client-${client.personId}`;
          return (
            <li key={client.personId} class="dashboard-card" aria-labelledby={headingId}>
              <h3 id={headingId}>
                {name} <span class="tag quiet-tag">{presenceWords(state, client.personId)}</span>
              </h3>
              <p class="dashboard-label">How they are</p>
              <p class="dashboard-state">{checkIn === undefined ? <span class="hint">No check-in shared yet.</span> : checkInWords(checkIn)}</p>
              <p class="dashboard-label">Heart and breath</p>
              <Readings
                body={props.bodyView.people.find((person) => person.participantId === client.personId && !person.isMe)}
                phaseNow={() => props.breathPhaseAt(client.personId, clock.now())}
              />
              {notice !== undefined && <p class="person-body-notice">{bodyNoticeSentence(notice.notice, name, false)}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
