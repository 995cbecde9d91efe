/**
 * One sensor in the card: its code is loaded only once the person opens the sensor options (so
 * the session screen stays small), then its status and latest reading are followed, and every
 * reading goes to `onReading`. Leaving the screen stops it: the camera light goes off.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sensor, SensorReading, SensorStatus } from './sensor.ts';

/** What the card needs to show and drive one sensor. */
export interface SensorHandle {
  /** Null until its code has loaded. */
  readonly sensor: Sensor | null;
  readonly status: SensorStatus;
  /** The latest reading, only while the sensor is streaming (no number while the signal is poor). */
  readonly latest: SensorReading | null;
  /** The status it had just before this one. */
  readonly previousStatus: SensorStatus;
  /** The code could not be loaded (offline after a new version, say). */
  readonly loadFailed: boolean;
}

/**
 * Loads the sensor with `load` once `wanted` turns true and keeps it until unmount, or until
 * `identity` changes (what the sensor was made from changed): then it is stopped and made anew.
 * `onReading` may change between renders; the latest one is always called.
 */
export function useSensor<S extends Sensor>(
  load: () => Promise<S>,
  wanted: boolean,
  onReading: (reading: SensorReading) => void,
  identity = '',
): SensorHandle & { readonly sensor: S | null } {
  const [loaded, setLoaded] = useState<{ sensor: S; identity: string } | null>(null);
  const sensor = loaded?.identity === identity ? loaded.sensor : null;
  const [loadFailed, setLoadFailed] = useState(false);
  const [status, setStatus] = useState<{ now: SensorStatus; before: SensorStatus }>({ now: { kind: 'off' }, before: { kind: 'off' } });
  const [latest, setLatest] = useState<SensorReading | null>(null);
  const onReadingRef = useRef(onReading);
  onReadingRef.current = onReading;
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (!wanted || sensor !== null) return undefined;
    let cancelled = false;
    loadRef.current().then(
      (made) => {
        if (cancelled) return;
        setStatus({ now: made.status(), before: { kind: 'off' } });
        setLatest(null);
        setLoaded({ sensor: made, identity });
      },
      () => {
        if (!cancelled) setLoadFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [wanted, sensor, identity]);

  useEffect(() => {
    if (sensor === null) return undefined;
    const unlisten = sensor.listen({
      reading: (reading) => {
        setLatest(reading);
        onReadingRef.current(reading);
      },
      status: (next) => {
        setStatus((current) => ({ now: next, before: current.now }));
        if (next.kind !== 'streaming') setLatest(null);
      },
    });
    return () => {
      unlisten();
      sensor.stop();
    };
  }, [sensor]);

  return { sensor, status: status.now, previousStatus: status.before, latest: status.now.kind === 'streaming' ? latest : null, loadFailed };
}
