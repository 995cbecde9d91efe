/**
 * What a person chose before entering a session (their name and their boundaries), kept in this
 * tab's sessionStorage so the session screen joins with exactly that, and the invite token for
 * the first connection after accepting. Nothing here leaves the device.
 */
import { BOUNDARY_KINDS, OPEN_BOUNDARIES, type Boundaries } from '../../core/boundaries/boundary.ts';
import type { JoinDetails } from '../net/live-session.ts';

/** The storage this module needs (sessionStorage in the browser). */
export type DetailsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const detailsKey = (sessionId: string) => `attune.join.${sessionId}`;
const inviteKey = (sessionId: string) => `attune.invite.${sessionId}`;
/** The last choices in this tab, to prefill the next form. */
const LAST_KEY = 'attune.join.last';

/** This tab's sessionStorage, or null where it is refused. */
export function tabStorage(): DetailsStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Reads boundaries from anything, taking only the known kinds; missing ones are "not ruled out". */
export function boundariesFrom(raw: unknown): Boundaries {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const result: Record<string, boolean> = { ...OPEN_BOUNDARIES };
  for (const kind of BOUNDARY_KINDS) result[kind] = source[kind] === true;
  return result as Boundaries;
}

function detailsFrom(text: string | null): JoinDetails | null {
  if (text === null) return null;
  try {
    const raw = JSON.parse(text) as { displayName?: unknown; boundaries?: unknown } | null;
    if (typeof raw?.displayName !== 'string' || raw.displayName.trim() === '') return null;
    return { displayName: raw.displayName.trim(), boundaries: boundariesFrom(raw.boundaries) };
  } catch {
    return null;
  }
}

/** Keeps the name and boundaries to join `sessionId` with. */
export function joinDetailsSave(storage: DetailsStorage | null, sessionId: string, details: JoinDetails): void {
  try {
    const text = JSON.stringify({ displayName: details.displayName, boundaries: details.boundaries });
    storage?.setItem(detailsKey(sessionId), text);
    storage?.setItem(LAST_KEY, text);
  } catch {
    // Storage refused: the session screen will simply ask again.
  }
}

/** The name and boundaries chosen for `sessionId`, or null if none were kept. */
export function joinDetailsLoad(storage: DetailsStorage | null, sessionId: string): JoinDetails | null {
  try {
    return detailsFrom(storage?.getItem(detailsKey(sessionId)) ?? null);
  } catch {
    return null;
  }
}

/** The most recent choices in this tab, to prefill a form. */
export function joinDetailsLast(storage: DetailsStorage | null): JoinDetails | null {
  try {
    return detailsFrom(storage?.getItem(LAST_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Forgets what was kept for `sessionId` (after leaving), so coming back asks again. */
export function joinDetailsForget(storage: DetailsStorage | null, sessionId: string): void {
  try {
    storage?.removeItem(detailsKey(sessionId));
    storage?.removeItem(inviteKey(sessionId));
  } catch {
    // Nothing to do.
  }
}

/** Keeps the invite token for the first connection to `sessionId`. */
export function inviteTokenSave(storage: DetailsStorage | null, sessionId: string, token: string): void {
  try {
    storage?.setItem(inviteKey(sessionId), token);
  } catch {
    // Not essential: accepting the invite already admitted this person.
  }
}

/** The kept invite token for `sessionId`, if any. */
export function inviteTokenLoad(storage: DetailsStorage | null, sessionId: string): string | null {
  try {
    return storage?.getItem(inviteKey(sessionId)) ?? null;
  } catch {
    return null;
  }
}

/** Drops the invite token once a connection has been greeted. */
export function inviteTokenForget(storage: DetailsStorage | null, sessionId: string): void {
  try {
    storage?.removeItem(inviteKey(sessionId));
  } catch {
    // Nothing to do.
  }
}
