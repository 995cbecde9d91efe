/**
 * Booking one practitioner: their free times on this person's own clock, one choice, one
 * confirmation. A guest who tries is asked to create an account first (their history comes
 * with them), and comes straight back here.
 */
import { useState } from 'preact/hooks';
import type { OpenSlotView } from '../../core/protocol/consultations-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { navigate } from '../router.ts';
import { flashLeave } from './consultation-flash.ts';
import { PRACTITIONERS_PATH, bookPath, consultationPath } from './consultation-paths.ts';
import { viewerTimeZone } from './consultation-time.ts';
import { consultationOtherName } from './consultation-words.ts';
import { consultationBook } from './consultations-api.ts';
import { SlotPicker } from './slot-picker.tsx';
import './consultations.css';

/** The screen. */
export default function BookScreen(props: { practitionerId: string }) {
  const [viewerZone] = useState(viewerTimeZone);
  const book = async (slot: OpenSlotView) => {
    const consultation = await consultationBook(props.practitionerId, slot.startMs);
    flashLeave(`Booked. ${consultationOtherName(consultation)} can see it too. The room opens here a little before the start.`);
    navigate(consultationPath(consultation.consultationId));
  };
  return (
    <section class="screen consultations" aria-labelledby="book-title">
      <h1 id="book-title">Choose a time</h1>
      <SlotPicker practitionerId={props.practitionerId} viewerZone={viewerZone} actionWords="Book this time" onConfirm={book} next={bookPath(props.practitionerId)} />
      <AppLink href={PRACTITIONERS_PATH}>All practitioners</AppLink>
    </section>
  );
}
