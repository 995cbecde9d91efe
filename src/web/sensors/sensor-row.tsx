/** One sensor in the card: what it is, what it is doing, this person's own latest number, and start/stop. */
import type { ComponentChildren } from 'preact';
import type { SignalSource } from '../../core/protocol/signals.ts';
import { readingParts, SENSOR_ACTIONS, SENSOR_CHOICES, sensorIsOn, SOURCE_WORDS, statusWords } from './sensor-words.ts';
import type { SensorHandle } from './use-sensor.ts';

/** A sensor's row; `children` shows under the status while it is on (the camera preview, say). */
export function SensorRow(props: { source: SignalSource; handle: SensorHandle; children?: ComponentChildren }) {
  const { source, handle } = props;
  const { sensor, status, latest } = handle;
  const choice = SENSOR_CHOICES[source];
  const actions = SENSOR_ACTIONS[source];
  const on = sensorIsOn(status);
  const parts = latest === null ? [] : readingParts(latest);
  const titleId = `sensor-${source}-title`;
  return (
    <li class={`sensor-row sensor-row-${status.kind}`} aria-labelledby={titleId}>
      <h3 id={titleId} class="sensor-title">
        {choice.title}
      </h3>
      <p class="hint sensor-about">{choice.about}</p>
      {parts.length > 0 && (
        <p class="sensor-reading" data-testid={`sensor-reading-${source}`}>
          {parts.map((part, index) => (
            <span key={part.unit} class="sensor-measure">
              {index > 0 && ' · '}
              <span class="sensor-number">{part.value}</span> {part.unit}
            </span>
          ))}{' '}
          <span class="sensor-source">· {SOURCE_WORDS[source]}</span>
        </p>
      )}
      <p class={`sensor-status sensor-status-${status.kind}`} data-testid={`sensor-status-${source}`}>
        {status.kind === 'off' ? <span class="visually-hidden">Off</span> : statusWords(source, status)}
      </p>
      {on && props.children}
      {handle.loadFailed && (
        <p class="error">This option could not be loaded. Check your connection, then reload the page.</p>
      )}
      {status.kind !== 'unavailable' && !handle.loadFailed && (
        <div class="button-row">
          <button
            type="button"
            class={on ? 'quiet' : 'secondary'}
            disabled={sensor === null}
            onClick={() => {
              if (sensor === null) return;
              // Straight from the tap: Bluetooth, camera and motion prompts need it.
              if (on) sensor.stop();
              else void sensor.start();
            }}
          >
            {sensor === null ? 'Getting ready…' : on ? actions.stop : actions.start}
          </button>
        </div>
      )}
    </li>
  );
}
