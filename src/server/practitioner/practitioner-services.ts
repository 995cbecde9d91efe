/**
 * What practitioner mode and the access log need from storage, wired once by `main.ts`.
 */
import type { AccessLogStore } from './access-log-store.ts';
import type { PractitionerStore } from './practitioner-store.ts';

/** Practitioner mode's stores. */
export interface PractitionerServices {
  /** Member roles, sessions together, and practitioners' private notes. */
  readonly store: PractitionerStore;
  /** "Who has looked at what I share": read-only. */
  readonly accessLog: AccessLogStore;
}
