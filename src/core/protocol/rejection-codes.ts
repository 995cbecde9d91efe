/**
 * Stable codes for a command the session turns down. Clients branch on the code; people read
 * the sentence that travels with it.
 */
export const REJECTION_CODES = {
  sessionNotFound: 'session_not_found',
  sessionExists: 'session_exists',
  sessionEnded: 'session_ended',
  sessionFull: 'session_full',
  notPresent: 'not_present',
  alreadyPresent: 'already_present',
  notHost: 'not_host',
  boundaryBlocks: 'boundary_blocks',
  practiceUnknown: 'practice_unknown',
  practiceNotOffered: 'practice_not_offered',
  practiceInvalid: 'practice_invalid',
  practiceBusy: 'practice_busy',
  noPractice: 'no_practice',
  notAllReady: 'not_all_ready',
  consentMissing: 'consent_missing',
  consentNotNeeded: 'consent_not_needed',
  paused: 'paused',
  notPaused: 'not_paused',
  notYourPause: 'not_your_pause',
  tooEarly: 'too_early',
  noTurns: 'no_turns',
  turnMovedOn: 'turn_moved_on',
  rolesInvalid: 'roles_invalid',
  /** Server-side: the id belongs to another person's command. */
  commandIdReused: 'command_id_reused',
  /** Server-side: other writers kept winning the race; nothing was recorded. */
  busy: 'busy',
} as const;

/** One stable rejection code. */
export type RejectionCode = (typeof REJECTION_CODES)[keyof typeof REJECTION_CODES];
