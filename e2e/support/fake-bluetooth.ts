/**
 * A fake Bluetooth heart-rate strap inside the page: `navigator.bluetooth` with `requestDevice`
 * answering a device whose GATT server offers the Heart Rate service and sends real 0x2A37
 * packets (contact detected, heart rate as uint8, RR intervals in 1/1024 s) once a second.
 * The test can take the strap out of reach (the link drops and reconnecting fails) and bring it
 * back, and read what the page did with it.
 *
 * The page script is built from a function's source, so it uses arrow functions only, and a
 * `__name` stand-in covers the helper tsx adds when it keeps function names.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** What the fake strap sends. */
export interface FakeStrapOptions {
  readonly heartRateBpm: number;
  /** RR intervals in ms sent with each packet. */
  readonly rrMs: readonly number[];
  readonly everyMs: number;
}

/** What the test can see of the strap. */
export interface FakeStrapState {
  readonly requests: number;
  readonly requestedServices: readonly string[];
  readonly connectCalls: number;
  readonly linked: boolean;
  readonly notifying: boolean;
  readonly packetsSent: number;
}

interface FakeStrapControls {
  drop(): void;
  comeBack(): void;
  state(): FakeStrapState;
}

type FakeStrapWindow = typeof globalThis & { __fakeStrap?: FakeStrapControls };

type Listener = (event: unknown) => void;

/** Runs in the page: defines `navigator.bluetooth` and `globalThis.__fakeStrap`. */
const installInPage = (options: FakeStrapOptions): void => {
  const state = {
    requests: 0,
    requestedServices: [] as string[],
    connectCalls: 0,
    linked: false,
    reachable: true,
    notifying: false,
    packetsSent: 0,
  };
  let timer: ReturnType<typeof setInterval> | null = null;
  const listenersOf = () => {
    const byType = new Map<string, Set<Listener>>();
    return {
      add: (type: string, listener: Listener) => {
        const set = byType.get(type) ?? new Set<Listener>();
        set.add(listener);
        byType.set(type, set);
      },
      remove: (type: string, listener: Listener) => {
        byType.get(type)?.delete(listener);
      },
      fire: (type: string, event: unknown) => {
        for (const listener of [...(byType.get(type) ?? [])]) listener(event);
      },
    };
  };
  const characteristicListeners = listenersOf();
  const deviceListeners = listenersOf();
  const notificationsStop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    state.notifying = false;
  };
  const characteristic = {
    value: null as DataView | null,
    startNotifications: () => {
      notificationsStop();
      state.notifying = true;
      timer = setInterval(() => {
        packetSend();
      }, options.everyMs);
      return Promise.resolve(characteristic);
    },
    stopNotifications: () => {
      notificationsStop();
      return Promise.resolve(characteristic);
    },
    addEventListener: (type: string, listener: Listener) => {
      characteristicListeners.add(type, listener);
    },
    removeEventListener: (type: string, listener: Listener) => {
      characteristicListeners.remove(type, listener);
    },
  };
  const packetSend = () => {
    if (!state.linked) return;
    // Flags 0x16: RR intervals present (0x10), sensor contact supported and detected (0x06).
    const rr = options.rrMs.map((ms) => Math.round((ms * 1024) / 1000));
    const bytes = Uint8Array.from([
      0x16,
      options.heartRateBpm,
      ...rr.flatMap((value) => [value & 0xff, value >> 8]),
    ]);
    characteristic.value = new DataView(bytes.buffer);
    state.packetsSent += 1;
    characteristicListeners.fire('characteristicvaluechanged', {
      type: 'characteristicvaluechanged',
      target: characteristic,
    });
  };
  const service = {
    getCharacteristic: (name: string) =>
      name === 'heart_rate_measurement'
        ? Promise.resolve(characteristic)
        : Promise.reject(
            new DOMException('No Characteristics matching UUID found in Service.', 'NotFoundError'),
          ),
  };
  const gatt = {
    get connected() {
      return state.linked;
    },
    connect: () => {
      state.connectCalls += 1;
      if (!state.reachable)
        return Promise.reject(new DOMException('Connection attempt failed.', 'NetworkError'));
      state.linked = true;
      return Promise.resolve(gatt);
    },
    disconnect: () => {
      state.linked = false;
      notificationsStop();
    },
    getPrimaryService: (name: string) =>
      state.linked && name === 'heart_rate'
        ? Promise.resolve(service)
        : Promise.reject(
            new DOMException('No Services matching UUID found in Device.', 'NotFoundError'),
          ),
  };
  const device = {
    id: 'fake-strap',
    name: 'Attune test strap',
    gatt,
    addEventListener: (type: string, listener: Listener) => {
      deviceListeners.add(type, listener);
    },
    removeEventListener: (type: string, listener: Listener) => {
      deviceListeners.remove(type, listener);
    },
  };
  const bluetooth = {
    requestDevice: (request: { filters?: { services?: string[] }[] }) => {
      state.requests += 1;
      state.requestedServices = (request.filters ?? []).flatMap((filter) => filter.services ?? []);
      return Promise.resolve(device);
    },
    getAvailability: () => Promise.resolve(true),
  };
  Object.defineProperty(Navigator.prototype, 'bluetooth', {
    configurable: true,
    get: () => bluetooth,
  });
  (globalThis as FakeStrapWindow).__fakeStrap = {
    drop: () => {
      state.reachable = false;
      state.linked = false;
      notificationsStop();
      deviceListeners.fire('gattserverdisconnected', {
        type: 'gattserverdisconnected',
        target: device,
      });
    },
    comeBack: () => {
      state.reachable = true;
    },
    state: () => ({
      requests: state.requests,
      requestedServices: [...state.requestedServices],
      connectCalls: state.connectCalls,
      linked: state.linked,
      notifying: state.notifying,
      packetsSent: state.packetsSent,
    }),
  };
};

/** Gives every page of `context` the fake strap. Call before opening pages. */
export async function fakeBluetoothInstall(
  context: BrowserContext,
  options: FakeStrapOptions,
): Promise<void> {
  await context.addInitScript({
    content: `var __name = (target) => target;\n(${installInPage.toString()})(${JSON.stringify(options)});`,
  });
}

/** Makes every page of `context` a browser without Web Bluetooth (like Firefox or iOS Safari). */
export async function bluetoothRemove(context: BrowserContext): Promise<void> {
  await context.addInitScript({
    content:
      "Object.defineProperty(Navigator.prototype, 'bluetooth', { configurable: true, get: () => undefined });",
  });
}

function controls(): FakeStrapControls {
  const strap = (globalThis as FakeStrapWindow).__fakeStrap;
  if (strap === undefined)
    throw new Error('no fake strap in this page (fakeBluetoothInstall first)');
  return strap;
}

/** The link drops and the strap stays out of reach. */
export async function fakeStrapDrop(page: Page): Promise<void> {
  await page.evaluate(`(${controls.toString()})().drop()`);
}

/** The strap is back within reach: the next reconnect attempt succeeds. */
export async function fakeStrapComeBack(page: Page): Promise<void> {
  await page.evaluate(`(${controls.toString()})().comeBack()`);
}

/** What the page has done with the strap so far. */
export async function fakeStrapState(page: Page): Promise<FakeStrapState> {
  return page.evaluate<FakeStrapState>(`(${controls.toString()})().state()`);
}
