/**
 * Choosing another time for a consultation, from the practitioner's free times. The move is sent
 * with the version on screen: if the other person changed it in the meantime, nothing is
 * overwritten and the new state is shown instead.
 */
import { useCallback, useState } from 'preact/hooks';
import type { OpenSlotView } from '../../core/protocol/consultations-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { flashLeave } from './consultation-flash.ts';
import { consultationPath, movePath } from './consultation-paths.ts';
import { spanWords, viewerTimeZone } from './consultation-time.ts';
import { consultationOtherName } from './consultation-words.ts';
import { consultationGet, consultationMove } from './consultations-api.ts';
import { RemoteStatus } from './remote-status.tsx';
import { SlotPicker } from './slot-picker.tsx';
import { useRemote } from './use-remote.ts';
import './consultations.css';

/** The screen. */
export default function MoveScreen(props: { consultationId: string }) {
  const { consultationId } = props;
  const [viewerZone] = useState(viewerTimeZone);
  const load = useCallback(() => consultationGet(consultationId), [consultationId]);
  const { remote, reload, set } = useRemote(load, consultationId);
  const move = async (slot: OpenSlotView) => {
    if (remote.kind !== 'ready') return;
    let moved;
    try {
      moved = await consultationMove(consultationId, slot.startMs, remote.value.sequence);
    } catch (error) {
      // Changed by the other person meanwhile: show it as it is now, and say so.
      if (error instanceof ApiError && error.code === 'consultation_changed') set(await consultationGet(consultationId));
      throw error;
    }
    flashLeave(`Moved. ${consultationOtherName(moved)} will see the new time.`);
    navigate(consultationPath(consultationId));
  };
  return (
    <section class="screen consultations" aria-labelledby="move-title">
      <h1 id="move-title">Choose another time</h1>
      <RemoteStatus remote={remote} reload={reload} loadingWords="Opening this consultation…" next={movePath(consultationId)} />
      {remote.kind === 'ready' &&
        (remote.value.status === 'cancelled' ? (
          <p>This consultation was cancelled, so it cannot be moved. You can book a new time instead.</p>
        ) : (
          <>
            <p>
              Now: <strong>{spanWords(remote.value.startMs, remote.value.endMs, viewerZone)}</strong> (your time), with {consultationOtherName(remote.value)}. It stays at this time until you confirm a new one.
            </p>
            <SlotPicker
              practitionerId={remote.value.practitioner.id}
              viewerZone={viewerZone}
              actionWords="Move to this time"
              currentStartMs={remote.value.startMs}
              onConfirm={move}
              next={movePath(consultationId)}
            />
          </>
        ))}
      <AppLink href={consultationPath(consultationId)}>Keep the time it has</AppLink>
    </section>
  );
}
