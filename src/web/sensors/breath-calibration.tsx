/**
 * The short, optional step that lets the phone tell where you are in each breath: one slow
 * in-breath when the words say so. Until then only the breathing rate is shown.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MotionBreathingSensor } from './motion-breathing.ts';
import { CALIBRATION_INHALE_MS } from './motion-calibration.ts';

type Step = 'idle' | 'breathing-in' | 'done' | 'unclear';

/** Offers the calibration while the phone reads breathing. */
export function BreathCalibration(props: { sensor: MotionBreathingSensor; streaming: boolean }) {
  const { sensor, streaming } = props;
  const [step, setStep] = useState<Step>(() => (sensor.phaseCalibrated() ? 'done' : 'idle'));
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  // Moving the phone undoes a calibration (the sensor drops it); offer it again then.
  const calibrated = sensor.phaseCalibrated();
  const shown: Step = step === 'done' && !calibrated ? 'idle' : step;

  if (!streaming && shown !== 'breathing-in') return null;
  return (
    <div class="breath-calibration">
      {shown === 'breathing-in' ? (
        <p class="breath-cue" role="status">
          Breathe in slowly now…
        </p>
      ) : (
        <p class="hint" role="status">
          {shown === 'done' && 'Breath timing is tuned. If the phone moves, you can tune it again.'}
          {shown === 'unclear' && "That one was hard to feel. You can try again whenever you like."}
          {shown === 'idle' && `To also follow where you are in each breath, tune it once: after tapping, breathe in slowly for about ${Math.round(CALIBRATION_INHALE_MS / 1000)} seconds.`}
        </p>
      )}
      {shown !== 'breathing-in' && shown !== 'done' && (
        <div class="button-row">
          <button
            type="button"
            class="quiet"
            onClick={() => {
              setStep('breathing-in');
              void sensor.calibrate().then((outcome) => {
                if (!mounted.current) return;
                setStep(outcome === 'calibrated' ? 'done' : outcome === 'unclear' ? 'unclear' : 'idle');
              });
            }}
          >
            Tune breath timing
          </button>
        </div>
      )}
    </div>
  );
}
