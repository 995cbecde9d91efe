/**
 * My consultations: what is coming up (soonest first), then what has passed or was cancelled in
 * the last month. Ways to book one, and for a practitioner, to their own availability. The list
 * refreshes by itself, so a move or cancellation by the other person shows up here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ConsultationView } from '../../core/protocol/consultations-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { ConsultationCard } from './consultation-card.tsx';
import { takeFlash } from './consultation-flash.ts';
import { AVAILABILITY_PATH, CONSULTATIONS_PATH, PRACTITIONERS_PATH } from './consultation-paths.ts';
import { viewerTimeZone } from './consultation-time.ts';
import { availabilityGet, consultationsList } from './consultations-api.ts';
import { RemoteStatus } from './remote-status.tsx';
import { useNow, useRemote } from './use-remote.ts';
import './consultations.css';

const REFRESH_MS = 20_000;

/** Whether this person is a practitioner (the availability route answers them only). */
function useIsPractitioner(): boolean {
  const [is, setIs] = useState(false);
  useEffect(() => {
    let alive = true;
    availabilityGet().then(
      () => {
        if (alive) setIs(true);
      },
      () => {
        // Not a practitioner, or not signed in: nothing more to offer here.
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  return is;
}

/** The screen. */
export default function MyConsultationsScreen() {
  const { remote, reload, set } = useRemote(consultationsList, 'mine', REFRESH_MS);
  const nowMs = useNow();
  const [viewerZone] = useState(viewerTimeZone);
  const [flash] = useState(takeFlash);
  const isPractitioner = useIsPractitioner();
  const replace = (changed: ConsultationView) => {
    if (remote.kind !== 'ready') return;
    set(remote.value.map((consultation) => (consultation.consultationId === changed.consultationId ? changed : consultation)));
  };
  const list = remote.kind === 'ready' ? remote.value : [];
  const upcoming = list.filter((consultation) => consultation.status === 'booked' && consultation.endMs > nowMs);
  const past = list.filter((consultation) => !upcoming.includes(consultation)).reverse();
  return (
    <section class="screen consultations" aria-labelledby="consultations-title">
      <h1 id="consultations-title">Consultations</h1>
      <p>Time with a practitioner, in a live session room that opens when it is time. It is a bridge to support, not a replacement for care.</p>
      {flash !== null && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      <div class="button-row">
        <AppLink class="button" href={PRACTITIONERS_PATH}>
          Book a consultation
        </AppLink>
        {isPractitioner && (
          <AppLink class="button secondary" href={AVAILABILITY_PATH}>
            Your availability
          </AppLink>
        )}
      </div>
      <RemoteStatus remote={remote} reload={reload} loadingWords="Opening your consultations…" next={CONSULTATIONS_PATH} />
      {remote.kind === 'ready' && (
        <>
          <h2 class="consultations-heading">Coming up</h2>
          {upcoming.length === 0 ? (
            <p class="hint">Nothing coming up. Booked consultations show here, each with a way into its room.</p>
          ) : (
            <ul class="consultation-list">
              {upcoming.map((consultation) => (
                <li key={consultation.consultationId}>
                  <ConsultationCard consultation={consultation} nowMs={nowMs} viewerZone={viewerZone} inList onChanged={replace} />
                </li>
              ))}
            </ul>
          )}
          {past.length > 0 && (
            <>
              <h2 class="consultations-heading">Earlier and cancelled</h2>
              <ul class="consultation-list">
                {past.map((consultation) => (
                  <li key={consultation.consultationId}>
                    <ConsultationCard consultation={consultation} nowMs={nowMs} viewerZone={viewerZone} inList onChanged={replace} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
