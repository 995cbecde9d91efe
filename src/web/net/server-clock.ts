/**
 * The clock every shared schedule is read against. In a live session it is the server's clock,
 * estimated from this device's own clock plus the offset measured over the socket; on your own
 * it is simply this device's clock.
 */
import { serverTimeMs, type ServerTimeMs } from '../../core/time/instant.ts';

/** Server time, now or at an instant of this device's clock. */
export interface ServerClock {
  /** Server time now. */
  now(): ServerTimeMs;
  /** Server time at `clientEpochMs`, an instant of this device's `Date.now()` clock. */
  at(clientEpochMs: number): ServerTimeMs;
  /** Whether the offset is trustworthy yet (the first sync burst has finished). */
  isSynced(): boolean;
}

/** A clock for practising alone: this device's own time. */
export const LOCAL_CLOCK: ServerClock = {
  now: () => serverTimeMs(Date.now()),
  at: (clientEpochMs) => serverTimeMs(clientEpochMs),
  isSynced: () => true,
};

/** A clock that adds a changing offset (server − client) to this device's time. */
export function serverClockWithOffset(offsetMs: () => number, synced: () => boolean): ServerClock {
  return {
    now: () => serverTimeMs(Date.now() + offsetMs()),
    at: (clientEpochMs) => serverTimeMs(clientEpochMs + offsetMs()),
    isSynced: synced,
  };
}
