/**
 * What the consultation routes need besides the shared parts: the store, and someone to tell
 * the two people when a consultation is booked, moved or cancelled.
 *
 * Notices: Attune needs no email server. The routes call a `ConsultationNotifier` after every
 * committed change; the default one does nothing, and each person sees changes in their list
 * (and in the .ics file they download again). Sending these notices by SMTP, when an operator
 * configures a mail server, is not built yet: no mail dependency and no SMTP settings exist. It
 * would be one more `ConsultationNotifier`, chosen in `main.ts` when SMTP settings are present.
 */
import type { ConsultationStore, Consultation } from '../store/consultation-store.ts';

/** One change to tell the two people about, after it was committed. */
export interface ConsultationNotice {
  readonly kind: 'booked' | 'moved' | 'cancelled';
  readonly consultation: Consultation;
  /** Who made the change (one of the two people). */
  readonly byId: string;
  /** For a move: where it was before. */
  readonly previousStartMs?: number;
}

/** Tells people about changes to their consultations; must not throw for a notice it cannot send. */
export interface ConsultationNotifier {
  notify(notice: ConsultationNotice): Promise<void>;
}

/** The default: no notices are sent (no email server is needed or assumed). */
export const NO_CONSULTATION_NOTICES: ConsultationNotifier = {
  notify: () => Promise.resolve(),
};

/** The consultation parts of the server context. */
export interface ConsultationServices {
  readonly store: ConsultationStore;
  readonly notifier: ConsultationNotifier;
}
