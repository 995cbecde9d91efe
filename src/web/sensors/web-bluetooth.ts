/**
 * The small part of Web Bluetooth a heart-rate strap needs, typed here because TypeScript's DOM
 * library does not include it. Only what Attune calls is declared, so a fake device for tests
 * (and the e2e page) needs to provide just this much.
 * Source: Web Bluetooth, W3C Community Group draft (requestDevice, BluetoothRemoteGATT*).
 */

/** A listener for the few events used: they carry no data Attune reads from the event itself. */
export type BluetoothEventListener = (event: Event) => void;

/** `navigator.bluetooth`. */
export interface BluetoothLike {
  requestDevice(options: { filters: { services: string[] }[] }): Promise<BluetoothDeviceLike>;
  /** Whether the device has a Bluetooth adapter switched on (not in every browser). */
  getAvailability?(): Promise<boolean>;
}

/** A chosen Bluetooth device; fires `gattserverdisconnected` when the link drops. */
export interface BluetoothDeviceLike {
  readonly name?: string | undefined;
  readonly gatt?: BluetoothGattServerLike | undefined;
  addEventListener(type: 'gattserverdisconnected', listener: BluetoothEventListener): void;
  removeEventListener(type: 'gattserverdisconnected', listener: BluetoothEventListener): void;
}

/** The device's GATT server: connect, disconnect, and find a service. */
export interface BluetoothGattServerLike {
  readonly connected: boolean;
  connect(): Promise<BluetoothGattServerLike>;
  disconnect(): void;
  getPrimaryService(service: string): Promise<BluetoothServiceLike>;
}

/** One GATT service. */
export interface BluetoothServiceLike {
  getCharacteristic(characteristic: string): Promise<BluetoothCharacteristicLike>;
}

/** One GATT characteristic; `value` holds the latest notification's bytes. */
export interface BluetoothCharacteristicLike {
  readonly value?: DataView | null | undefined;
  startNotifications(): Promise<BluetoothCharacteristicLike>;
  stopNotifications(): Promise<BluetoothCharacteristicLike>;
  addEventListener(type: 'characteristicvaluechanged', listener: BluetoothEventListener): void;
  removeEventListener(type: 'characteristicvaluechanged', listener: BluetoothEventListener): void;
}

/** The standard Heart Rate service (0x180D) and its measurement characteristic (0x2A37). */
export const HEART_RATE_SERVICE = 'heart_rate';
export const HEART_RATE_MEASUREMENT = 'heart_rate_measurement';

/** This browser's Web Bluetooth, or null where there is none (iOS Safari, Firefox). */
export function browserBluetooth(): BluetoothLike | null {
  if (typeof navigator === 'undefined') return null;
  const candidate = (navigator as Navigator & { bluetooth?: BluetoothLike }).bluetooth;
  return candidate !== undefined && typeof candidate.requestDevice === 'function' ? candidate : null;
}
