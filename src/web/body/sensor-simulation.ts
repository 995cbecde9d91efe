/**
 * What the simulated sensor needs from the session so that two devices simulate one coupled
 * pair: the same seed (from the session id), the same start (when the session was created, in
 * server time) and each person's side of the pair (the host is 'a', everyone else 'b').
 */
import type { SessionState } from '../../core/session/state.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';

/** The simulated pair's settings for this person. */
export interface SensorSimulation {
  readonly seed: number;
  readonly startAtServerMs: number;
  readonly role: 'a' | 'b';
}

/** A stable 32-bit hash of a session id (FNV-1a over its UTF-16 code units). */
export function sessionSeed(sessionId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < sessionId.length; index += 1) {
    hash ^= sessionId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** When the session was created, from its first event (0 if the log does not have it yet). */
export function sessionCreatedAtMs(log: readonly ViewerLogEntry[]): number {
  const first = log[0];
  return first !== undefined && first.event.type === 'sessionCreated' ? first.atMs : 0;
}

/** The simulation settings for `me` in this session. */
export function sensorSimulationFor(
  sessionId: string,
  state: SessionState,
  log: readonly ViewerLogEntry[],
  me: string | null,
): SensorSimulation {
  return {
    seed: sessionSeed(sessionId),
    startAtServerMs: sessionCreatedAtMs(log),
    role: me !== null && me === state.hostId ? 'a' : 'b',
  };
}
