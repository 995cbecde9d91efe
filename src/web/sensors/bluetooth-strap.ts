/**
 * A Bluetooth heart-rate strap through Web Bluetooth (standard Heart Rate service 0x180D,
 * measurement characteristic 0x2A37 by notification). The person picks the strap in the
 * browser's own chooser; readings then stream about once a second with the beat-to-beat
 * intervals the strap measured. When the link drops it reconnects on its own, waiting a little
 * longer between tries, and says so; it gives up only after a couple of minutes out of reach.
 */
import { HEART_RATE_RANGE_BPM, RR_RANGE_MS, SIGNAL_SAMPLE_MAX_RR } from '../../core/protocol/signals.ts';
import { parseHeartRateMeasurement } from '../../core/signals/index.ts';
import { reconnectDelayMs } from '../net/backoff.ts';
import type { Sensor, SensorListener, SensorStatus } from './sensor.ts';
import { browserTiming, SensorHub, type SensorTiming } from './sensor-hub.ts';
import {
  browserBluetooth,
  HEART_RATE_MEASUREMENT,
  HEART_RATE_SERVICE,
  type BluetoothCharacteristicLike,
  type BluetoothDeviceLike,
  type BluetoothLike,
} from './web-bluetooth.ts';

/** What to use where Web Bluetooth is missing (iOS and iPadOS browsers, Firefox, Safari). */
export const STRAP_UNAVAILABLE_MESSAGE =
  "This browser can't connect to Bluetooth heart-rate straps. Chrome or Edge can, on Android, Windows, macOS or ChromeOS. Here, the camera or the phone on your belly or chest can be used instead.";
/** Connected, but the strap says it does not touch the skin. */
export const STRAP_NO_CONTACT_MESSAGE =
  "The strap can't feel your skin yet. A little water on its electrodes and a snug fit usually help.";
/** Connected, waiting for the first packet. */
export const STRAP_CONNECTED_MESSAGE = 'Connected. Listening for your heartbeat…';
/** Connected, but nothing arrived for a while. */
export const STRAP_QUIET_MESSAGE =
  'No heartbeat from the strap for a few seconds. A snugger fit or a little water on its electrodes often helps.';
export const STRAP_RECONNECTING_MESSAGE = 'The strap dropped out. Reconnecting on its own; keep it close by.';
export const STRAP_GAVE_UP_MESSAGE = 'The strap is out of reach. When it is on and close by, connect it again.';

/** How long to keep trying after a drop before asking the person to connect again. */
export const STRAP_RECONNECT_GIVE_UP_MS = 120_000;
/** Silence after which a connected strap is shown as waiting rather than streaming. */
export const STRAP_QUIET_AFTER_MS = 5_000;

/** Where the strap gets Bluetooth and time from (the browser's unless a test passes its own). */
export interface BluetoothStrapOptions {
  /** `undefined`: this browser's; `null`: none. */
  readonly bluetooth?: BluetoothLike | null;
  readonly timing?: SensorTiming;
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
}

/** Keeps only intervals the wire accepts, at most as many as one sample may carry. */
function rrForWire(rrIntervalsMs: readonly number[]): number[] {
  return rrIntervalsMs.filter((rr) => rr >= RR_RANGE_MS[0] && rr <= RR_RANGE_MS[1]).slice(-SIGNAL_SAMPLE_MAX_RR);
}

/** A Bluetooth heart-rate strap. */
export class BluetoothStrapSensor implements Sensor {
  readonly source = 'strap';
  readonly supported: boolean;
  private readonly bluetooth: BluetoothLike | null;
  private readonly timing: SensorTiming;
  private readonly hub = new SensorHub();
  /** Bumped by every start and stop, so answers that arrive from an older run are ignored. */
  private run = 0;
  private device: BluetoothDeviceLike | null = null;
  private characteristic: BluetoothCharacteristicLike | null = null;
  private reconnectAttempt = 0;
  private reconnectingSinceMs: number | null = null;
  private attemptInFlight = false;
  private cancelRetry: (() => void) | null = null;
  private cancelQuietWatch: (() => void) | null = null;

  constructor(options: BluetoothStrapOptions = {}) {
    this.bluetooth = options.bluetooth === undefined ? browserBluetooth() : options.bluetooth;
    this.timing = options.timing ?? browserTiming;
    this.supported = this.bluetooth !== null;
    if (!this.supported) this.hub.setStatus({ kind: 'unavailable', message: STRAP_UNAVAILABLE_MESSAGE });
  }

  status(): SensorStatus {
    return this.hub.status();
  }

  listen(listener: SensorListener): () => void {
    return this.hub.listen(listener);
  }

  /** Opens the browser's chooser (needs the tap that called it), then connects and streams. */
  async start(): Promise<void> {
    const bluetooth = this.bluetooth;
    if (bluetooth === null) return;
    const kind = this.hub.status().kind;
    if (kind !== 'off' && kind !== 'failed') return;
    this.run += 1;
    const run = this.run;
    this.hub.setStatus({ kind: 'starting' });
    let device: BluetoothDeviceLike;
    try {
      device = await bluetooth.requestDevice({ filters: [{ services: [HEART_RATE_SERVICE] }] });
    } catch (error) {
      if (run === this.run) await this.explainChooserFailure(bluetooth, error, run);
      return;
    }
    if (run !== this.run) return;
    this.device = device;
    device.addEventListener('gattserverdisconnected', this.onDisconnected);
    try {
      await this.connect(run);
    } catch {
      if (run !== this.run) return;
      this.release();
      this.hub.setStatus({
        kind: 'failed',
        message: "The strap was found but didn't connect. Check it is on and close by, then try again.",
      });
    }
  }

  stop(): void {
    this.run += 1;
    this.release();
    this.hub.setStatus(this.supported ? { kind: 'off' } : { kind: 'unavailable', message: STRAP_UNAVAILABLE_MESSAGE });
  }

  private async explainChooserFailure(bluetooth: BluetoothLike, error: unknown, run: number): Promise<void> {
    const name = errorName(error);
    if (name === 'NotFoundError') {
      // The person closed the chooser, or no strap showed up, or Bluetooth is off: only the
      // last is worth saying, and only when the browser can tell.
      const available = bluetooth.getAvailability ? await bluetooth.getAvailability().catch(() => true) : true;
      if (run !== this.run) return;
      this.hub.setStatus(
        available ? { kind: 'off' } : { kind: 'failed', message: 'Bluetooth looks switched off on this device. Turn it on, then try again.' },
      );
      return;
    }
    if (name === 'SecurityError' || name === 'NotAllowedError') {
      this.hub.setStatus({
        kind: 'failed',
        message: "The browser didn't let this page use Bluetooth. Allowing it in the site settings, then trying again, usually helps.",
      });
      return;
    }
    this.hub.setStatus({ kind: 'failed', message: "The strap couldn't be connected. Check it is on and close by, then try again." });
  }

  /** Connects the GATT server and subscribes to measurements; throws when any step fails. */
  private async connect(run: number): Promise<void> {
    const gatt = this.device?.gatt;
    if (gatt === undefined) throw new Error('This Bluetooth device has no GATT server.');
    const server = await gatt.connect();
    if (run !== this.run) {
      // Stopped while connecting: let go of the link this attempt just made.
      server.disconnect();
      return;
    }
    const service = await server.getPrimaryService(HEART_RATE_SERVICE);
    const characteristic = await service.getCharacteristic(HEART_RATE_MEASUREMENT);
    if (run !== this.run) return;
    this.characteristicRelease();
    characteristic.addEventListener('characteristicvaluechanged', this.onValue);
    this.characteristic = characteristic;
    await characteristic.startNotifications();
    if (run !== this.run) return;
    this.reconnectAttempt = 0;
    this.reconnectingSinceMs = null;
    this.hub.setStatus({ kind: 'waiting', message: STRAP_CONNECTED_MESSAGE });
    this.quietWatchArm();
  }

  private readonly onValue = (event: Event): void => {
    const source = (event.target as Partial<BluetoothCharacteristicLike> | null)?.value ?? this.characteristic?.value;
    if (source === null || source === undefined) return;
    this.measurement(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  };

  private measurement(bytes: Uint8Array): void {
    const parsed = parseHeartRateMeasurement(bytes);
    if (parsed === null) return;
    this.quietWatchArm();
    const plausible = parsed.heartRateBpm >= HEART_RATE_RANGE_BPM[0] && parsed.heartRateBpm <= HEART_RATE_RANGE_BPM[1];
    if (parsed.sensorContact === 'not-detected' || !plausible) {
      // Many straps send 0 or a stale number when off the skin: show no number then.
      this.hub.setStatus({ kind: 'waiting', message: STRAP_NO_CONTACT_MESSAGE });
      return;
    }
    this.hub.setStatus({ kind: 'streaming' });
    this.hub.reading({
      atLocalMs: this.timing.now(),
      source: 'strap',
      heartRateBpm: parsed.heartRateBpm,
      rrMs: rrForWire(parsed.rrIntervalsMs),
      breathingRateBpm: null,
      breathPhase: null,
    });
  }

  private readonly onDisconnected = (): void => {
    if (this.device === null || this.attemptInFlight) return;
    this.characteristicRelease();
    this.cancelQuietWatch?.();
    this.cancelQuietWatch = null;
    this.reconnectingSinceMs ??= this.timing.now();
    this.hub.setStatus({ kind: 'reconnecting', message: STRAP_RECONNECTING_MESSAGE });
    this.reconnectSchedule();
  };

  private reconnectSchedule(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    const since = this.reconnectingSinceMs ?? this.timing.now();
    if (this.timing.now() - since >= STRAP_RECONNECT_GIVE_UP_MS) {
      this.run += 1;
      this.release();
      this.hub.setStatus({ kind: 'failed', message: STRAP_GAVE_UP_MESSAGE });
      return;
    }
    const run = this.run;
    const delay = reconnectDelayMs(this.reconnectAttempt);
    this.reconnectAttempt += 1;
    this.cancelRetry = this.timing.after(delay, () => {
      this.cancelRetry = null;
      void this.reconnectTry(run);
    });
  }

  private async reconnectTry(run: number): Promise<void> {
    if (run !== this.run) return;
    this.attemptInFlight = true;
    try {
      await this.connect(run);
    } catch {
      if (run === this.run) this.reconnectSchedule();
    } finally {
      this.attemptInFlight = false;
    }
  }

  private quietWatchArm(): void {
    this.cancelQuietWatch?.();
    const run = this.run;
    this.cancelQuietWatch = this.timing.after(STRAP_QUIET_AFTER_MS, () => {
      this.cancelQuietWatch = null;
      if (run === this.run && this.device !== null) this.hub.setStatus({ kind: 'waiting', message: STRAP_QUIET_MESSAGE });
    });
  }

  private characteristicRelease(): void {
    const characteristic = this.characteristic;
    if (characteristic === null) return;
    this.characteristic = null;
    characteristic.removeEventListener('characteristicvaluechanged', this.onValue);
    void characteristic.stopNotifications().catch(() => undefined);
  }

  /** Lets go of the strap: no timers, no listeners, no connection. */
  private release(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.cancelQuietWatch?.();
    this.cancelQuietWatch = null;
    this.reconnectAttempt = 0;
    this.reconnectingSinceMs = null;
    const device = this.device;
    this.device = null;
    if (device !== null) {
      this.characteristicRelease();
      device.removeEventListener('gattserverdisconnected', this.onDisconnected);
      if (device.gatt?.connected === true) device.gatt.disconnect();
    }
  }
}
