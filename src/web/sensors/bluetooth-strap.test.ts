import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BluetoothStrapSensor,
  STRAP_CONNECTED_MESSAGE,
  STRAP_GAVE_UP_MESSAGE,
  STRAP_NO_CONTACT_MESSAGE,
  STRAP_QUIET_MESSAGE,
  STRAP_RECONNECTING_MESSAGE,
  STRAP_UNAVAILABLE_MESSAGE,
} from './bluetooth-strap.ts';
import { FakeTiming, settle } from './fake-timing.test-support.ts';
import type { SensorReading, SensorStatus } from './sensor.ts';
import type {
  BluetoothCharacteristicLike,
  BluetoothDeviceLike,
  BluetoothGattServerLike,
  BluetoothLike,
  BluetoothServiceLike,
} from './web-bluetooth.ts';

/** A 0x2A37 packet: contact detected, uint8 heart rate, RR intervals in 1/1024 s. */
function packet(bpm: number, rr1024: readonly number[] = [], contact: 'detected' | 'not-detected' = 'detected'): Uint8Array {
  const flags = (rr1024.length > 0 ? 0x10 : 0) | (contact === 'detected' ? 0x06 : 0x04);
  return Uint8Array.from([flags, bpm, ...rr1024.flatMap((rr) => [rr & 0xff, rr >> 8])]);
}

class FakeCharacteristic extends EventTarget implements BluetoothCharacteristicLike {
  value: DataView | null = null;
  notifying = false;
  startNotifications(): Promise<BluetoothCharacteristicLike> {
    this.notifying = true;
    return Promise.resolve(this);
  }
  stopNotifications(): Promise<BluetoothCharacteristicLike> {
    this.notifying = false;
    return Promise.resolve(this);
  }
  send(bytes: Uint8Array): void {
    this.value = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.dispatchEvent(new Event('characteristicvaluechanged'));
  }
}

/** The strap's GATT server: it links only while the strap is within reach. */
class FakeGatt implements BluetoothGattServerLike {
  constructor(private readonly strap: FakeStrap) {}
  get connected(): boolean {
    return this.strap.linked;
  }
  connect(): Promise<BluetoothGattServerLike> {
    this.strap.connectCalls += 1;
    if (!this.strap.reachable) return Promise.reject(new DOMException('out of reach', 'NetworkError'));
    this.strap.linked = true;
    return Promise.resolve(this);
  }
  disconnect(): void {
    this.strap.linked = false;
  }
  getPrimaryService(name: string): Promise<BluetoothServiceLike> {
    assert.equal(name, 'heart_rate');
    if (!this.strap.linked) return Promise.reject(new DOMException('not connected', 'NetworkError'));
    return Promise.resolve({
      getCharacteristic: (characteristic: string) => {
        assert.equal(characteristic, 'heart_rate_measurement');
        return Promise.resolve(this.strap.characteristic);
      },
    });
  }
}

/** A strap that can be taken out of reach and brought back. */
class FakeStrap extends EventTarget implements BluetoothDeviceLike {
  readonly name = 'Fake strap';
  reachable = true;
  connectCalls = 0;
  linked = false;
  characteristic = new FakeCharacteristic();
  readonly gatt: BluetoothGattServerLike = new FakeGatt(this);

  /** The link drops and the strap is out of reach until `reachable` is set again. */
  drop(): void {
    this.linked = false;
    this.reachable = false;
    this.characteristic = new FakeCharacteristic();
    this.dispatchEvent(new Event('gattserverdisconnected'));
  }
}

function fakeBluetooth(strap: FakeStrap, options: { chooser?: () => Promise<BluetoothDeviceLike>; available?: boolean } = {}): BluetoothLike & { requests: number } {
  const bluetooth = {
    requests: 0,
    requestDevice: (request: { filters: { services: string[] }[] }) => {
      bluetooth.requests += 1;
      assert.deepEqual(request, { filters: [{ services: ['heart_rate'] }] });
      return options.chooser ? options.chooser() : Promise.resolve<BluetoothDeviceLike>(strap);
    },
    getAvailability: () => Promise.resolve(options.available ?? true),
  };
  return bluetooth;
}

function record(sensor: BluetoothStrapSensor): { readings: SensorReading[]; statuses: SensorStatus[] } {
  const readings: SensorReading[] = [];
  const statuses: SensorStatus[] = [];
  sensor.listen({ reading: (reading) => readings.push(reading), status: (status) => statuses.push(status) });
  return { readings, statuses };
}

test('without Web Bluetooth it says plainly what to use instead', () => {
  const sensor = new BluetoothStrapSensor({ bluetooth: null });
  assert.equal(sensor.supported, false);
  assert.deepEqual(sensor.status(), { kind: 'unavailable', message: STRAP_UNAVAILABLE_MESSAGE });
  assert.match(STRAP_UNAVAILABLE_MESSAGE, /Chrome or Edge/);
  assert.match(STRAP_UNAVAILABLE_MESSAGE, /Android, Windows, macOS or ChromeOS/);
  assert.match(STRAP_UNAVAILABLE_MESSAGE, /camera/);
});

test('it pairs, connects, and turns each notification into a reading with heart rate and RR intervals', async () => {
  const timing = new FakeTiming();
  const strap = new FakeStrap();
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap), timing });
  const { readings } = record(sensor);
  await sensor.start();
  assert.deepEqual(sensor.status(), { kind: 'waiting', message: STRAP_CONNECTED_MESSAGE });
  assert.equal(strap.characteristic.notifying, true);

  strap.characteristic.send(packet(72, [1024, 870]));
  assert.deepEqual(sensor.status(), { kind: 'streaming' });
  assert.equal(readings.length, 1);
  const reading = readings[0]!;
  assert.equal(reading.source, 'strap');
  assert.equal(reading.heartRateBpm, 72);
  assert.equal(reading.atLocalMs, timing.nowMs);
  assert.equal(reading.rrMs.length, 2);
  assert.equal(reading.rrMs[0], 1000);
  assert.ok(Math.abs(reading.rrMs[1]! - (870 * 1000) / 1024) < 1e-9);
  assert.equal(reading.breathingRateBpm, null);
});

test('off the skin it waits with a kind hint and shows no number', async () => {
  const strap = new FakeStrap();
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap), timing: new FakeTiming() });
  const { readings } = record(sensor);
  await sensor.start();
  strap.characteristic.send(packet(0, [], 'not-detected'));
  assert.deepEqual(sensor.status(), { kind: 'waiting', message: STRAP_NO_CONTACT_MESSAGE });
  assert.match(STRAP_NO_CONTACT_MESSAGE, /water/);
  strap.characteristic.send(packet(0));
  assert.equal(readings.length, 0, 'a zero heart rate is no reading');
  strap.characteristic.send(Uint8Array.from([0x01, 60])); // malformed: uint16 announced, one byte
  assert.equal(readings.length, 0);
});

test('a strap that goes quiet is shown as waiting, and streams again with the next beat', async () => {
  const timing = new FakeTiming();
  const strap = new FakeStrap();
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap), timing });
  await sensor.start();
  strap.characteristic.send(packet(70));
  await timing.advance(4_900);
  assert.equal(sensor.status().kind, 'streaming');
  await timing.advance(200);
  assert.deepEqual(sensor.status(), { kind: 'waiting', message: STRAP_QUIET_MESSAGE });
  strap.characteristic.send(packet(70));
  assert.equal(sensor.status().kind, 'streaming');
});

test('after a drop it reconnects on its own, waiting longer between tries, and streams again', async () => {
  const timing = new FakeTiming();
  const strap = new FakeStrap();
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap), timing });
  const { readings } = record(sensor);
  await sensor.start();
  strap.characteristic.send(packet(72));
  assert.equal(strap.connectCalls, 1);

  strap.drop();
  assert.deepEqual(sensor.status(), { kind: 'reconnecting', message: STRAP_RECONNECTING_MESSAGE });
  await timing.advance(999);
  assert.equal(strap.connectCalls, 1, 'the first retry waits a second');
  await timing.advance(1);
  assert.equal(strap.connectCalls, 2);
  await timing.advance(1_999);
  assert.equal(strap.connectCalls, 2, 'the second retry waits two seconds');
  await timing.advance(1);
  assert.equal(strap.connectCalls, 3);
  assert.equal(sensor.status().kind, 'reconnecting');

  strap.reachable = true;
  await timing.advance(4_000);
  assert.equal(strap.connectCalls, 4, 'the third retry waits four seconds');
  assert.deepEqual(sensor.status(), { kind: 'waiting', message: STRAP_CONNECTED_MESSAGE });
  assert.equal(strap.characteristic.notifying, true, 'it subscribes to the new characteristic');
  strap.characteristic.send(packet(74, [800]));
  assert.equal(sensor.status().kind, 'streaming');
  assert.deepEqual(readings.map((reading) => reading.heartRateBpm), [72, 74]);

  // A second drop starts again from the shortest wait.
  strap.drop();
  strap.reachable = true;
  await timing.advance(1_000);
  assert.equal(strap.connectCalls, 5);
  assert.equal(sensor.status().kind, 'waiting');
});

test('after two minutes out of reach it stops trying and asks to connect again', async () => {
  const timing = new FakeTiming();
  const strap = new FakeStrap();
  const bluetooth = fakeBluetooth(strap);
  const sensor = new BluetoothStrapSensor({ bluetooth, timing });
  await sensor.start();
  strap.drop();
  await timing.advance(130_000);
  assert.deepEqual(sensor.status(), { kind: 'failed', message: STRAP_GAVE_UP_MESSAGE });
  assert.equal(timing.pendingCount(), 0, 'no timer is left behind');
  const calls = strap.connectCalls;
  await timing.advance(60_000);
  assert.equal(strap.connectCalls, calls);

  // Connecting again opens the chooser again.
  strap.reachable = true;
  await sensor.start();
  assert.equal(bluetooth.requests, 2);
  assert.equal(sensor.status().kind, 'waiting');
});

test('stop lets go cleanly: no connection, no timers, and a later drop does nothing', async () => {
  const timing = new FakeTiming();
  const strap = new FakeStrap();
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap), timing });
  const { readings } = record(sensor);
  await sensor.start();
  const characteristic = strap.characteristic;
  characteristic.send(packet(72));
  sensor.stop();
  assert.deepEqual(sensor.status(), { kind: 'off' });
  assert.equal(strap.linked, false);
  await settle();
  assert.equal(characteristic.notifying, false);
  characteristic.send(packet(90));
  assert.equal(readings.length, 1, 'no reading after stop');
  strap.drop();
  await timing.advance(30_000);
  assert.equal(strap.connectCalls, 1);
  assert.equal(timing.pendingCount(), 0);
});

test('stopping while the chooser is open leaves the strap unconnected', async () => {
  const strap = new FakeStrap();
  let choose: (device: BluetoothDeviceLike) => void = () => undefined;
  const sensor = new BluetoothStrapSensor({
    bluetooth: fakeBluetooth(strap, { chooser: () => new Promise((resolve) => { choose = resolve; }) }),
    timing: new FakeTiming(),
  });
  const started = sensor.start();
  assert.equal(sensor.status().kind, 'starting');
  sensor.stop();
  choose(strap);
  await started;
  assert.equal(strap.connectCalls, 0);
  assert.deepEqual(sensor.status(), { kind: 'off' });
});

test('closing the chooser goes quietly back to off; Bluetooth switched off is said', async () => {
  const strap = new FakeStrap();
  const cancelled = () => Promise.reject(new DOMException('User cancelled the requestDevice() chooser.', 'NotFoundError'));
  const sensor = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap, { chooser: cancelled }), timing: new FakeTiming() });
  await sensor.start();
  assert.deepEqual(sensor.status(), { kind: 'off' });

  const off = new BluetoothStrapSensor({ bluetooth: fakeBluetooth(strap, { chooser: cancelled, available: false }), timing: new FakeTiming() });
  await off.start();
  const status = off.status();
  assert.equal(status.kind, 'failed');
  assert.match('message' in status ? status.message : '', /switched off/);
});
