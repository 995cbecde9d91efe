/**
 * A practitioner's free times, grouped by the days of the person choosing and shown on their own
 * clock, with the practitioner's zone named. One choice at a time (radio buttons, so arrow keys
 * move between times), then one plain confirmation before anything is booked or moved.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { BOOKING_HORIZON_DAYS } from '../../core/consultations/availability.ts';
import { slotsByViewerDay } from '../../core/consultations/slots.ts';
import type { OpenSlotView } from '../../core/protocol/consultations-api.ts';
import { ApiError } from '../api/http.ts';
import { clockWords, localDateWords, otherZoneWords, spanWords, timeZoneWords } from './consultation-time.ts';
import { offerWords } from './consultation-words.ts';
import { slotsList } from './consultations-api.ts';
import { AccountNeeded, RemoteStatus, needsAccount } from './remote-status.tsx';
import { useRemote } from './use-remote.ts';

const DAY_MS = 86_400_000;
/** Times shown at first, and added by "Show later times": four weeks. */
const PAGE_DAYS = 28;

/** Props of the picker. */
export interface SlotPickerProps {
  readonly practitionerId: string;
  readonly viewerZone: string;
  /** The button that confirms, e.g. "Book this time". */
  readonly actionWords: string;
  /** A time not to offer (the consultation's own, when moving). */
  readonly currentStartMs?: number;
  /** Books or moves; a refusal is thrown as `ApiError` and shown here. */
  readonly onConfirm: (slot: OpenSlotView) => Promise<void>;
  /** Where to come back to after signing in. */
  readonly next: string;
}

/** The picker. */
export function SlotPicker(props: SlotPickerProps) {
  const [fromMs] = useState(() => Date.now());
  const [toMs, setToMs] = useState(() => fromMs + PAGE_DAYS * DAY_MS);
  const load = useCallback(() => slotsList(props.practitionerId, fromMs, toMs), [props.practitionerId, fromMs, toMs]);
  const { remote, reload, refresh } = useRemote(load, `${props.practitionerId}:${String(toMs)}`);
  const [chosen, setChosen] = useState<OpenSlotView | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const problemRef = useRef<HTMLParagraphElement>(null);
  // A refusal (that time was just taken) takes the chosen time away: keep the focus on what happened.
  useEffect(() => {
    if (problem !== null) problemRef.current?.focus();
  }, [problem]);

  if (remote.kind !== 'ready') return <RemoteStatus remote={remote} reload={reload} loadingWords="Finding free times…" next={props.next} />;
  const answer = remote.value;
  const slots = answer.slots.filter((slot) => slot.startMs !== props.currentStartMs);
  const days = slotsByViewerDay(slots, props.viewerZone);
  const name = answer.displayName;
  const canShowMore = toMs < fromMs + BOOKING_HORIZON_DAYS * DAY_MS;
  const offer = offerWords(answer.slotMinutes, answer.minNoticeMinutes);

  const confirm = async () => {
    if (chosen === null) return;
    setBusy(true);
    setProblem(null);
    try {
      await props.onConfirm(chosen);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'That did not go through. Please try again.');
      setProblem(apiError);
      setBusy(false);
      if (!needsAccount(apiError)) {
        setChosen(null);
        refresh();
      }
    }
  };

  const problemView =
    problem === null ? null : needsAccount(problem) ? (
      <AccountNeeded next={props.next} why={problem.message} />
    ) : (
      <p class="notice" role="alert" tabIndex={-1} ref={problemRef}>
        {problem.message}
      </p>
    );

  return (
    <div class="slot-picker">
      <p>
        Times are shown in your time zone, <strong>{timeZoneWords(props.viewerZone)}</strong>.
        {answer.timeZone !== null && answer.timeZone !== props.viewerZone && ` ${name} is in ${timeZoneWords(answer.timeZone)}.`}
      </p>
      {offer !== null && <p class="hint">{offer}</p>}
      {chosen === null && problemView}
      <p class="hint">Choose a time. Nothing is booked until you confirm it.</p>
      <p class="visually-hidden" aria-live="polite">
        {chosen === null ? '' : `Chosen: ${spanWords(chosen.startMs, chosen.endMs, props.viewerZone)}, your time. Confirm just below it.`}
      </p>
      {days.length === 0 ? (
        <p class="hint">{answer.timeZone === null ? `${name} has no times on offer at the moment.` : `No free times with ${name} in these weeks.`}</p>
      ) : (
        <div class="slot-days">
          {days.map((day) => (
            <div key={day.localDate}>
              <fieldset class="slot-day">
                <legend>{localDateWords(day.localDate)}</legend>
                <div class="slot-chips">
                  {day.slots.map((slot) => (
                    <label class="slot-chip" key={slot.startMs}>
                      <input
                        type="radio"
                        name="consultation-time"
                        value={String(slot.startMs)}
                        checked={chosen?.startMs === slot.startMs}
                        onChange={() => {
                          setChosen(slot);
                          setProblem(null);
                        }}
                      />
                      <span>{clockWords(slot.startMs, props.viewerZone)}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {chosen !== null && day.slots.some((slot) => slot.startMs === chosen.startMs) && (
                <div class="card slot-confirm">
                  <p>
                    <strong>{spanWords(chosen.startMs, chosen.endMs, props.viewerZone)}</strong> (your time)
                  </p>
                  {answer.timeZone !== null && <SlotElsewhere startMs={chosen.startMs} zone={answer.timeZone} viewerZone={props.viewerZone} name={name} />}
                  <button type="button" disabled={busy} onClick={() => void confirm()}>
                    {busy ? 'One moment…' : props.actionWords}
                  </button>
                  {problemView}
                </div>
              )}
            </div>
          ))}
        </div>
      )}
      {canShowMore && (
        <button type="button" class="quiet slot-more" onClick={() => { setToMs((current) => Math.min(current + PAGE_DAYS * DAY_MS, fromMs + BOOKING_HORIZON_DAYS * DAY_MS)); }}>
          Show later times
        </button>
      )}
    </div>
  );
}

function SlotElsewhere(props: { startMs: number; zone: string; viewerZone: string; name: string }) {
  const words = otherZoneWords(props.startMs, props.zone, props.viewerZone, props.name);
  return words === null ? null : <p class="hint">{words}</p>;
}
