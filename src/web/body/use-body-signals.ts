/**
 * The body-signals model as a Preact hook for the session screen: one model per session, fed by
 * this person's sensor readings and the samples the session passes on, sending once a second,
 * and a fresh view for the panel once a second (or at once when the session changes, so someone
 * who stops sharing disappears straight away).
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SignalSample, SignalsMessage } from '../../core/protocol/signals.ts';
import type { SessionState } from '../../core/session/state.ts';
import { browserStorage } from '../local/check-ins.ts';
import type { ServerClock } from '../net/server-clock.ts';
import type { SensorReading } from '../sensors/sensor.ts';
import { BodySignals } from './body-signals.ts';
import type { BodyView } from './body-view.ts';
import type { SensedBreath } from './breath-follower.ts';
import { restingBaselineLoad, restingBaselineSave } from './resting-baseline.ts';
import { analysisInWorker } from './body-analysis.ts';

/** How often readings go out and the panel is refreshed. */
export const BODY_TICK_MS = 1000;

/** What the session screen gets. */
export interface UseBodySignals {
  readonly view: BodyView;
  /** Hands a reading from this person's own sensor to the model. */
  readonly addReading: (reading: SensorReading) => void;
  readonly choosePartner: (participantId: string) => void;
  readonly dismissFlooding: () => void;
  /** Where a person is in their breath at a server instant (null: no fresh reading). */
  readonly breathPhaseAt: (participantId: string, serverNowMs: number) => number | null;
  /** The breath the pacer may follow (fresh within 3 s, from someone who shares). */
  readonly sensedBreath: (participantId: string, serverNowMs: number) => SensedBreath | null;
}

/** What the hook needs from the live session. */
export interface BodySignalsInputs {
  readonly sessionId: string;
  readonly state: SessionState;
  readonly me: string | null;
  readonly clock: ServerClock;
  readonly sendSignals: (samples: readonly SignalSample[]) => boolean;
  readonly onSignals: (listener: (message: SignalsMessage) => void) => () => void;
}

/** Bodies in the session while the screen shows it. */
export function useBodySignals(inputs: BodySignalsInputs): UseBodySignals {
  const { sessionId, state, me } = inputs;
  const latest = useRef(inputs);
  latest.current = inputs;
  // The session id keys the model: a new session starts with nobody's readings.
  // One worker per session screen, for synchrony and coherence.
  const worker = useMemo(() => analysisInWorker(), [sessionId]);
  const model = useMemo(() => {
    return new BodySignals({
      analysis: worker.analysis,
      now: () => Date.now(),
      serverAt: (localMs) => latest.current.clock.at(localMs),
      clockInStep: () => latest.current.clock.isSynced(),
      sendSignals: (samples) => latest.current.sendSignals(samples),
      baseline: {
        load: () => restingBaselineLoad(browserStorage()),
        save: (bpm, atLocalMs) => {
          restingBaselineSave(browserStorage(), bpm, atLocalMs);
        },
      },
    });
  }, [sessionId, worker]);
  const [view, setView] = useState<BodyView>(() => model.view());

  // Before anything is sent or drawn, the model knows the session as it is now (boundaries included).
  useLayoutEffect(() => {
    model.setContext({ state, me });
    setView(model.view());
  }, [model, state, me]);

  useEffect(() => {
    const stop = latest.current.onSignals((message) => {
      model.receive(message);
    });
    const timer = window.setInterval(() => {
      model.flush();
      setView(model.view());
    }, BODY_TICK_MS);
    return () => {
      stop();
      window.clearInterval(timer);
      model.dispose();
      worker.stop();
    };
  }, [model, worker]);

  return useMemo(
    () => ({
      view,
      addReading: (reading: SensorReading) => {
        model.addOwnReading(reading);
      },
      choosePartner: (participantId: string) => {
        model.choosePartner(participantId);
        setView(model.view());
      },
      dismissFlooding: () => {
        model.dismissFlooding();
        setView(model.view());
      },
      breathPhaseAt: (participantId: string, serverNowMs: number) =>
        model.breathPhaseAt(participantId, serverNowMs),
      sensedBreath: (participantId: string, serverNowMs: number) =>
        model.sensedBreath(participantId, serverNowMs),
    }),
    [model, view],
  );
}
