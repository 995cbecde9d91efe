/**
 * One consultation, where the link in its .ics file leads: its time, who it is with, and the way
 * into its room when it is time. Refreshes by itself, so a change by the other person shows.
 */
import { useCallback, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.tsx';
import { ConsultationCard } from './consultation-card.tsx';
import { takeFlash } from './consultation-flash.ts';
import { CONSULTATIONS_PATH, consultationPath } from './consultation-paths.ts';
import { viewerTimeZone } from './consultation-time.ts';
import { consultationGet } from './consultations-api.ts';
import { RemoteStatus } from './remote-status.tsx';
import { useNow, useRemote } from './use-remote.ts';
import './consultations.css';

const REFRESH_MS = 15_000;

/** The screen. */
export default function ConsultationScreen(props: { consultationId: string }) {
  const { consultationId } = props;
  const load = useCallback(() => consultationGet(consultationId), [consultationId]);
  const { remote, reload, set } = useRemote(load, consultationId, REFRESH_MS);
  const nowMs = useNow();
  const [viewerZone] = useState(viewerTimeZone);
  const [flash] = useState(takeFlash);
  return (
    <section class="screen consultations" aria-labelledby="consultation-title">
      <h1 id="consultation-title">Consultation</h1>
      {flash !== null && (
        <p class="notice" role="status">
          {flash}
        </p>
      )}
      <RemoteStatus remote={remote} reload={reload} loadingWords="Opening this consultation…" next={consultationPath(consultationId)} />
      {remote.kind === 'ready' && <ConsultationCard consultation={remote.value} nowMs={nowMs} viewerZone={viewerZone} inList={false} onChanged={set} />}
      <AppLink href={CONSULTATIONS_PATH}>All your consultations</AppLink>
    </section>
  );
}
