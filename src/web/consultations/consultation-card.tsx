/**
 * One consultation: when (in this person's own time, and the practitioner's when it differs), with
 * whom, what last changed, and what can be done: open the room when it is time, add it to a
 * calendar (.ics), choose another time, or cancel (after one plain confirmation, no reason asked).
 */
import { useState } from 'preact/hooks';
import type { ConsultationView } from '../../core/protocol/consultations-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { consultationPath, movePath } from './consultation-paths.ts';
import { otherZoneWords, spanWords, timeZoneWords } from './consultation-time.ts';
import { consultationChangeWords, consultationOtherName, consultationRoomWords, consultationTitle } from './consultation-words.ts';
import { consultationCancel, consultationIcsPath, consultationRoomOpen } from './consultations-api.ts';

/** Props of the card. */
export interface ConsultationCardProps {
  readonly consultation: ConsultationView;
  readonly nowMs: number;
  readonly viewerZone: string;
  /** In a list: the title links to the consultation's own screen, under the list's h2. */
  readonly inList: boolean;
  /** After a change made here (a cancellation), with the consultation as it is now. */
  readonly onChanged: (consultation: ConsultationView) => void;
}

function RoomAction(props: { consultation: ConsultationView; nowMs: number; viewerZone: string }) {
  const [opening, setOpening] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const words = consultationRoomWords(props.consultation, props.nowMs, props.viewerZone);
  const open = async () => {
    setOpening(true);
    setSaid(null);
    try {
      const answer = await consultationRoomOpen(props.consultation.consultationId);
      if (answer.state === 'open') {
        navigate(`/session/${answer.sessionId}`);
        return;
      }
      setSaid(answer.message);
    } catch (error) {
      setSaid(error instanceof ApiError ? error.message : 'The room could not be opened. Please try again.');
    }
    setOpening(false);
  };
  return (
    <div class="consultation-room">
      <p class={words.kind === 'open' ? 'consultation-room-open' : 'hint'}>{words.text}</p>
      {words.kind === 'open' && (
        <button type="button" disabled={opening} onClick={() => void open()}>
          {opening ? 'Opening…' : 'Open the room'}
        </button>
      )}
      {said !== null && <p role="status">{said}</p>}
    </div>
  );
}

function CancelAction(props: { consultation: ConsultationView; onChanged: (consultation: ConsultationView) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const other = consultationOtherName(props.consultation);
  const cancel = async () => {
    setBusy(true);
    setProblem(null);
    try {
      props.onChanged(await consultationCancel(props.consultation.consultationId, props.consultation.sequence));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : 'It could not be cancelled just now. Please try again.');
      setBusy(false);
    }
  };
  if (!asking) {
    return (
      <button type="button" class="quiet" onClick={() => { setAsking(true); }}>
        Cancel this consultation
      </button>
    );
  }
  return (
    <div class="consultation-confirm" role="group" aria-label="Cancel this consultation?">
      <p>Cancel this consultation? {other} will see that it is cancelled. You do not need to give a reason.</p>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => void cancel()}>
          Yes, cancel it
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={() => { setAsking(false); }}>
          Keep it
        </button>
      </div>
      {problem !== null && <p role="alert">{problem}</p>}
    </div>
  );
}

/** The card. */
export function ConsultationCard(props: ConsultationCardProps) {
  const { consultation, nowMs, viewerZone } = props;
  const cancelled = consultation.status === 'cancelled';
  const upcoming = !cancelled && consultation.endMs > nowMs;
  const change = consultationChangeWords(consultation);
  const elsewhere = consultation.myRole === 'client' ? otherZoneWords(consultation.startMs, consultation.practitionerTimeZone, viewerZone, consultation.practitioner.displayName) : null;
  const titleId = `consultation-${consultation.consultationId}`;
  return (
    <article class={`card consultation-card${cancelled ? ' is-cancelled' : ''}`} aria-labelledby={titleId}>
      {props.inList ? (
        <h3 id={titleId}>
          <AppLink href={consultationPath(consultation.consultationId)}>{consultationTitle(consultation)}</AppLink>
        </h3>
      ) : (
        <h2 id={titleId}>{consultationTitle(consultation)}</h2>
      )}
      <p class="consultation-when">
        <span class={cancelled ? 'consultation-struck' : undefined}>{spanWords(consultation.startMs, consultation.endMs, viewerZone)}</span>
        <span class="hint"> (your time, {timeZoneWords(viewerZone)})</span>
      </p>
      {elsewhere !== null && <p class="hint">{elsewhere}</p>}
      {cancelled && <p class="consultation-status">Cancelled</p>}
      {change !== null && <p class={consultation.lastChange.byMe ? 'hint' : 'notice'}>{change}</p>}
      {!cancelled && <RoomAction consultation={consultation} nowMs={nowMs} viewerZone={viewerZone} />}
      <div class="button-row consultation-actions">
        <a class="button secondary" href={consultationIcsPath(consultation.consultationId)} download="consultation.ics">
          {cancelled ? 'Update your calendar (.ics)' : 'Add to calendar (.ics)'}
        </a>
        {upcoming && consultation.startMs > nowMs && (
          <AppLink class="button secondary" href={movePath(consultation.consultationId)}>
            Choose another time
          </AppLink>
        )}
      </div>
      {upcoming && <CancelAction consultation={consultation} onChanged={props.onChanged} />}
    </article>
  );
}
