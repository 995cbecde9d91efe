/**
 * The words the sensor card uses: what each sensor is, what it is doing, and a person's own
 * latest number with where it came from ("72 bpm · camera estimate"), so nobody mistakes an
 * estimate for a strap's measurement.
 */
import type { SignalSource } from '../../core/protocol/signals.ts';
import type { SensorReading, SensorStatus } from './sensor.ts';

/** What each sensor is called, and the one-line reason to choose it. */
export const SENSOR_CHOICES: Readonly<Record<SignalSource, { readonly title: string; readonly about: string }>> = {
  strap: {
    title: 'Heart-rate strap (Bluetooth)',
    about: 'Heart rate and the timing of each beat, from a chest strap. Wet its electrodes a little, put it on, then connect and choose it from the list.',
  },
  camera: {
    title: 'Camera',
    about: 'Heart rate only, estimated from tiny changes of colour in your face. The video never leaves this device.',
  },
  motion: {
    title: 'Phone on your belly or chest',
    about: 'Your breathing, from the gentle rise and fall of a phone lying on you.',
  },
  simulated: {
    title: 'A simulated pair (for trying Attune out)',
    about: 'Made-up but lifelike heart rate and breathing for two people, so you can see how Attune shows them. It is not your body.',
  },
};

/** Where a number came from, as shown after it. */
export const SOURCE_WORDS: Readonly<Record<SignalSource, string>> = {
  strap: 'heart-rate strap',
  camera: 'camera estimate',
  motion: 'phone on your body',
  simulated: 'simulated',
};

/** The start and stop buttons, different for each sensor so each has its own name. */
export const SENSOR_ACTIONS: Readonly<Record<SignalSource, { readonly start: string; readonly stop: string }>> = {
  strap: { start: 'Connect the strap', stop: 'Disconnect the strap' },
  camera: { start: 'Start the camera', stop: 'Stop the camera' },
  motion: { start: 'Start the phone', stop: 'Stop the phone' },
  simulated: { start: 'Start the simulation', stop: 'Stop the simulation' },
};

const STARTING_WORDS: Readonly<Record<SignalSource, string>> = {
  strap: 'Choose your strap in the list the browser shows…',
  camera: 'Starting the camera…',
  motion: 'Starting…',
  simulated: 'Starting…',
};

const STREAMING_WORDS: Readonly<Record<SignalSource, string>> = {
  strap: 'Connected',
  camera: 'Reading your pulse',
  motion: 'Reading your breathing',
  simulated: 'Running',
};

/** The status in words a person can act on. */
export function statusWords(source: SignalSource, status: SensorStatus): string {
  switch (status.kind) {
    case 'off':
      return 'Off';
    case 'starting':
      return STARTING_WORDS[source];
    case 'streaming':
      return STREAMING_WORDS[source];
    default:
      return status.message;
  }
}

/** Whether the sensor is on in any way (so the button offers to stop it). */
export function sensorIsOn(status: SensorStatus): boolean {
  return status.kind === 'starting' || status.kind === 'streaming' || status.kind === 'waiting' || status.kind === 'reconnecting';
}

/** The numbers in a reading, each with its unit: [{ value: '72', unit: 'bpm' }]. */
export function readingParts(reading: SensorReading): { readonly value: string; readonly unit: string }[] {
  const parts: { value: string; unit: string }[] = [];
  if (reading.heartRateBpm !== null) parts.push({ value: String(Math.round(reading.heartRateBpm)), unit: 'bpm' });
  if (reading.breathingRateBpm !== null) parts.push({ value: String(Math.round(reading.breathingRateBpm)), unit: 'breaths a minute' });
  return parts;
}

/** The number part of a reading: "72 bpm", "12 breaths a minute", or both; null when it has neither. */
export function readingNumbers(reading: SensorReading): string | null {
  const parts = readingParts(reading).map((part) => `${part.value} ${part.unit}`);
  return parts.length === 0 ? null : parts.join(' · ');
}

/** "72 bpm · camera estimate"; null when the reading holds no number. */
export function readingWords(reading: SensorReading): string | null {
  const numbers = readingNumbers(reading);
  return numbers === null ? null : `${numbers} · ${SOURCE_WORDS[reading.source]}`;
}

/**
 * What to tell a screen reader when the status changes, or null to stay quiet: only the changes
 * a person needs to hear (connected, dropped out, could not start), never every reading.
 */
export function statusAnnouncement(source: SignalSource, before: SensorStatus, after: SensorStatus): string | null {
  if (before.kind === after.kind) return null;
  const title = SENSOR_CHOICES[source].title;
  if (after.kind === 'streaming' && (before.kind === 'starting' || before.kind === 'reconnecting')) return `${title}: ${STREAMING_WORDS[source]}.`;
  if (after.kind === 'streaming' && before.kind === 'waiting') return null;
  if (after.kind === 'reconnecting' || after.kind === 'failed') return `${title}: ${after.message}`;
  return null;
}

/** What happens with the readings, depending on this person's boundaries. */
export function sharingWords(sharingAllowed: boolean): string {
  return sharingAllowed
    ? 'While a sensor is on, the people in this session see your readings live. A smaller copy is kept for the session report and deleted with the session.'
    : 'Your boundaries keep your body signals on this device; only you see them.';
}
