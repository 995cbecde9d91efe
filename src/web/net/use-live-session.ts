/**
 * The live session as a Preact hook: one `LiveSession` per session id for as long as the screen
 * shows it, re-rendering on every change.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import type { SignalSample, SignalsMessage } from '../../core/protocol/signals.ts';
import type { SessionState } from '../../core/session/state.ts';
import {
  browserLiveEnvironment,
  LiveSession,
  liveSessionUrl,
  type JoinDetails,
  type LiveOutcome,
  type LiveSnapshot,
  type LiveStatus,
} from './live-session.ts';
import type { ServerClock } from './server-clock.ts';
import type { ViewerLogEntry } from './viewer-log.ts';

/** What a session screen needs. */
export interface UseLiveSession {
  readonly state: SessionState;
  readonly status: LiveStatus;
  readonly send: (command: SessionCommand) => Promise<LiveOutcome>;
  readonly clock: ServerClock;
  /** This person's participant id, once known. */
  readonly me: string | null;
  readonly log: readonly ViewerLogEntry[];
  readonly snapshot: LiveSnapshot;
  /** Sends this person's body samples (dropped while offline); returns whether they went out. */
  readonly sendSignals: (samples: readonly SignalSample[]) => boolean;
  /** Listens to other people's samples this person may see; returns how to stop. */
  readonly onSignals: (listener: (message: SignalsMessage) => void) => () => void;
  /** Stops listening and forgets this device's copy of the session (after leaving). */
  readonly close: () => void;
}

/** Options for the hook; read once per session id. */
export interface UseLiveSessionOptions {
  readonly inviteToken?: string | null;
  /** Read each time the device needs to join; return null to ask the person first. */
  readonly joinDetails?: () => JoinDetails | null;
}

/** Connects to `sessionId` while the calling component is mounted. */
export function useLiveSession(sessionId: string, options: UseLiveSessionOptions = {}): UseLiveSession {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const live = useMemo(
    () =>
      new LiveSession(
        {
          sessionId,
          url: liveSessionUrl(window.location, sessionId),
          inviteToken: optionsRef.current.inviteToken ?? null,
          joinDetails: () => optionsRef.current.joinDetails?.() ?? null,
        },
        browserLiveEnvironment(),
      ),
    [sessionId],
  );
  const [snapshot, setSnapshot] = useState<LiveSnapshot>(() => live.snapshot());

  useEffect(() => {
    setSnapshot(live.snapshot());
    const stop = live.subscribe(() => {
      setSnapshot(live.snapshot());
    });
    live.start();
    return () => {
      stop();
      live.dispose();
    };
  }, [live]);

  return useMemo(
    () => ({
      state: snapshot.state,
      status: snapshot.status,
      me: snapshot.me,
      log: snapshot.log,
      snapshot,
      clock: live.clock,
      send: (command: SessionCommand) => live.send(command),
      sendSignals: (samples: readonly SignalSample[]) => live.sendSignals(samples),
      onSignals: (listener: (message: SignalsMessage) => void) => live.onSignals(listener),
      close: () => {
        live.forget();
        live.dispose();
      },
    }),
    [snapshot, live],
  );
}
