/**
 * "Your body signals": the card in the live session where a person connects their own sensors,
 * if they want to. Quiet until they open it; then a heart-rate strap, the camera, the phone on
 * the belly or chest, and a simulated pair, each with start/stop, its status in words and the
 * person's own latest number. It says plainly who sees the readings.
 *
 * The sensors' code (and the camera worker) loads only when the card is opened, so the session
 * screen itself stays small.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignalSource } from '../../core/protocol/signals.ts';
import { BreathCalibration } from './breath-calibration.tsx';
import { CameraPreview } from './camera-preview.tsx';
import type { CameraPulseSensor } from './camera-pulse.ts';
import type { MotionBreathingSensor } from './motion-breathing.ts';
import type { SensorReading } from './sensor.ts';
import { SensorRow } from './sensor-row.tsx';
import { readingWords, SENSOR_CHOICES, sensorIsOn, sharingWords, statusAnnouncement, statusWords } from './sensor-words.ts';
import { useSensor, type SensorHandle } from './use-sensor.ts';
import './sensor-panel.css';

/** How the panel is mounted in the session. */
export interface SensorPanelProps {
  onReading: (reading: SensorReading) => void;
  sharingAllowed: boolean;
  /** False when this person's boundaries rule out the camera: it is then never offered, and stopped if on. */
  cameraAllowed: boolean;
  simulation: { seed: number; startAtServerMs: number; role: 'a' | 'b' };
  serverNow: () => number;
}

/**
 * How closely the simulated pair moves together. Only person b's half depends on it, so every
 * device must use the same value for the two halves to make one pair.
 */
export const SIMULATED_PAIR_COUPLING = 0.6;

const loadStrap = () => import('./bluetooth-strap.ts').then((module) => new module.BluetoothStrapSensor());
const loadCamera = () => import('./camera-pulse.ts').then((module) => new module.CameraPulseSensor());
const loadMotion = () => import('./motion-breathing.ts').then((module) => new module.MotionBreathingSensor());

/** One polite announcement for the status changes that matter; never for each reading. */
function useStatusAnnouncement(handles: readonly (readonly [SignalSource, SensorHandle])[]): string {
  const [message, setMessage] = useState('');
  const changes = handles.map(([source, handle]) => statusAnnouncement(source, handle.previousStatus, handle.status));
  const latestChange = changes.find((words) => words !== null) ?? null;
  const key = handles.map(([, handle]) => `${handle.previousStatus.kind}>${handle.status.kind}`).join(' ');
  useEffect(() => {
    if (latestChange !== null) setMessage(latestChange);
    // Only a change of some status is news; the words follow from it.
  }, [key]);
  return message;
}

/** The card. */
export function SensorPanel(props: SensorPanelProps) {
  const { onReading, sharingAllowed } = props;
  const [open, setOpen] = useState(false);
  const serverNowRef = useRef(props.serverNow);
  serverNowRef.current = props.serverNow;
  const simulationRef = useRef(props.simulation);
  simulationRef.current = props.simulation;

  const strap = useSensor(loadStrap, open, onReading);
  const camera = useSensor<CameraPulseSensor>(loadCamera, open && props.cameraAllowed, onReading);
  const cameraSensor = camera.sensor;
  useEffect(() => {
    // A "no camera" boundary set during the session turns it off at once.
    if (!props.cameraAllowed) cameraSensor?.stop();
  }, [props.cameraAllowed, cameraSensor]);
  const motion = useSensor<MotionBreathingSensor>(loadMotion, open, onReading);
  const simulated = useSensor(
    () =>
      import('./simulated.ts').then(
        (module) =>
          new module.SimulatedPairSensor({
            ...simulationRef.current,
            coupling: SIMULATED_PAIR_COUPLING,
            serverNow: () => serverNowRef.current(),
          }),
      ),
    open,
    onReading,
    // A different seed, start or side makes a different simulation.
    `${props.simulation.seed}:${props.simulation.startAtServerMs}:${props.simulation.role}`,
  );
  const handles = [
    ['strap', strap],
    ['camera', camera],
    ['motion', motion],
    ['simulated', simulated],
  ] as const;
  const announcement = useStatusAnnouncement(handles);
  const running = handles.filter(([, handle]) => sensorIsOn(handle.status));

  return (
    <section class="card sensor-panel" aria-labelledby="sensor-panel-title">
      <h2 id="sensor-panel-title">Your body signals</h2>
      {!open && (
        <>
          <p class="hint">
            {props.cameraAllowed
              ? 'Optional. If you like, connect a heart-rate strap, your camera or your phone to see your heart rate and breathing as you practise.'
              : 'Optional. If you like, connect a heart-rate strap or your phone to see your heart rate and breathing as you practise.'}
          </p>
          {running.length > 0 && (
            <ul class="sensor-summary">
              {running.map(([source, handle]) => (
                <li key={source}>
                  {(handle.latest === null ? null : readingWords(handle.latest)) ?? `${SENSOR_CHOICES[source].title}: ${statusWords(source, handle.status)}`}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="button-row">
        <button
          type="button"
          class="quiet"
          aria-expanded={open}
          aria-controls="sensor-options"
          onClick={() => {
            setOpen(!open);
          }}
        >
          {open ? 'Hide sensor options' : 'Show sensor options'}
        </button>
      </div>
      <div id="sensor-options" hidden={!open}>
        {open && (
          <>
            <p class="notice sensor-sharing">{sharingWords(sharingAllowed)}</p>
            <ul class="sensor-list">
              <SensorRow source="strap" handle={strap} />
              {props.cameraAllowed && (
                <SensorRow source="camera" handle={camera}>
                  <CameraPreview video={camera.sensor?.videoElement() ?? null} />
                </SensorRow>
              )}
              <SensorRow source="motion" handle={motion}>
                {motion.sensor !== null && <BreathCalibration sensor={motion.sensor} streaming={motion.status.kind === 'streaming'} />}
              </SensorRow>
              <SensorRow source="simulated" handle={simulated} />
            </ul>
          </>
        )}
      </div>
      <p class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}
