/**
 * What the several-nodes tests share: the product's own live client (`LiveSession`, what browsers
 * run) in a Node environment (`nodeLiveEnvironment`), with a tap on every `events` frame it takes
 * in; a way to route its reconnections to another node; and the database log to compare every
 * device against.
 */
import assert from 'node:assert/strict';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import type { ServerMessage, WireEvent } from '../../core/protocol/messages.ts';
import { openDatabase } from '../store/database.ts';
import type { StoredEvent } from '../store/event-store.ts';
import { KyselyEventStore } from '../store/kysely-event-store.ts';
import { httpJson } from '../testing/live-client.ts';
import { nodeLiveEnvironment } from '../testing/node-live-environment.ts';
import { LiveSession, type LiveEnvironment, type LiveOutcome, type LiveSocket } from '../../web/net/live-session.ts';
import { wireEventFor } from './connection.ts';

/** One person's device: the product's client, plus what the test watched it receive. */
export interface Device {
  readonly name: string;
  readonly session: LiveSession;
  /** Every event of every `events` frame, in arrival order, across all its connections. */
  readonly received: WireEvent[];
  /** Each connection it tried, in order, and whether it opened. */
  readonly connections: DeviceConnection[];
  /** Ids of the commands this device made, in order. */
  readonly commandIds: string[];
  dispose(): void;
}

/** One connection attempt of a device. */
export interface DeviceConnection {
  readonly url: string;
  opened: boolean;
}

/** Where a device's next connection goes, given the URL the client asked for and its attempts so far. */
export type SocketRoute = (requestedUrl: string, earlier: readonly DeviceConnection[]) => string;

/**
 * A client-side list of nodes: stay on the node that last answered; when an attempt did not even
 * open, try the next one in the list. Starts at `first`.
 */
export function nodeListRoute(liveUrls: readonly string[], first: number): SocketRoute {
  let index = first % liveUrls.length;
  return (_requestedUrl, earlier) => {
    const last = earlier.at(-1);
    if (last !== undefined && !last.opened) index = (index + 1) % liveUrls.length;
    return liveUrls[index] ?? '';
  };
}

/** Opens a `LiveSession` for `cookie` as a page of `origin` would, with sockets over `ws`. */
export function deviceOpen(options: {
  readonly name: string;
  readonly sessionId: string;
  /** The live URL the page would use (ws://host/api/sessions/<id>/live). */
  readonly url: string;
  readonly cookie: string;
  readonly origin: string;
  readonly route?: SocketRoute;
}): Device {
  const received: WireEvent[] = [];
  const connections: DeviceConnection[] = [];
  const commandIds: string[] = [];
  const base = nodeLiveEnvironment({ cookie: options.cookie, origin: options.origin });
  let serial = 0;
  const environment: LiveEnvironment = {
    ...base,
    openSocket: (requestedUrl, handlers): LiveSocket => {
      const url = options.route?.(requestedUrl, connections) ?? requestedUrl;
      const connection: DeviceConnection = { url, opened: false };
      connections.push(connection);
      // Once the page has let go of a socket, frames still in flight on it are ignored by the
      // client, so the tap ignores them too.
      let letGo = false;
      const socket = base.openSocket(url, {
        open: () => {
          connection.opened = true;
          handlers.open();
        },
        message: (text) => {
          if (letGo) return;
          const message = JSON.parse(text) as ServerMessage;
          if (message.type === 'events') received.push(...message.events);
          handlers.message(text);
        },
        close: (code, reason) => { handlers.close(code, reason); },
      });
      return {
        send: (text) => { socket.send(text); },
        close: () => {
          letGo = true;
          socket.close();
        },
      };
    },
    randomId: () => {
      serial += 1;
      const id = `${options.name}-${String(serial)}-${Math.random().toString(36).slice(2, 8)}`;
      commandIds.push(id);
      return id;
    },
    // Like a fresh tab: nothing kept from an earlier run.
    storage: null,
  };
  const session = new LiveSession(
    { sessionId: options.sessionId, url: options.url, joinDetails: () => ({ displayName: options.name, boundaries: OPEN_BOUNDARIES }) },
    environment,
  );
  session.start();
  return {
    name: options.name,
    session,
    received,
    connections,
    commandIds,
    dispose: () => {
      session.dispose();
      base.dispose();
    },
  };
}

/** Resolves when `predicate` holds for the device's snapshot, or rejects after `timeoutMs`. */
export function deviceWaitFor(device: Device, predicate: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${device.name}: timed out after ${String(timeoutMs)} ms waiting for ${what} (status ${device.session.snapshot().status}, last seq ${String(device.session.snapshot().log.at(-1)?.seq ?? 0)})`));
    }, timeoutMs);
    const stop = device.session.subscribe(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

/** A shared check-in whose note names it, so it can be found in the log. */
export function checkInCommand(note: string): SessionCommand {
  return { type: 'checkIn', state: 'regulated', intensity: 3, tags: [], note, visibility: 'shared', moment: 'any' };
}

/** Sends `count` check-ins one after another (each waits for its answer); returns the notes acknowledged. */
export async function checkInsSend(device: Device, label: string, count: number): Promise<string[]> {
  const acknowledged: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const note = `${device.name}-${label}-${String(index)}`;
    const outcome: LiveOutcome = await device.session.send(checkInCommand(note));
    assert.ok(outcome.ok, `${device.name}: "${note}" was turned down: ${JSON.stringify(outcome)}`);
    acknowledged.push(note);
  }
  return acknowledged;
}

/** People in one session: the host made it, the others accepted its invite. */
export interface SessionPeople {
  readonly sessionId: string;
  /** Cookie per person, in the order of the names given. */
  readonly cookies: readonly string[];
}

/** Creates a session over HTTP at `baseUrl` as a page of `origin`, and lets everyone else in. */
export async function sessionWithPeople(baseUrl: string, origin: string, names: readonly string[]): Promise<SessionPeople> {
  const [hostName, ...guests] = names;
  assert.ok(hostName !== undefined, 'a session needs a host');
  const created = await httpJson<{ sessionId: string; invite: { token: string } }>(baseUrl, '/api/sessions', { method: 'POST', origin, body: { displayName: hostName } });
  assert.equal(created.status, 201, `creating the session: ${JSON.stringify(created.body)}`);
  assert.ok(created.cookie !== undefined);
  const cookies = [created.cookie];
  for (const name of guests) {
    const accepted = await httpJson(baseUrl, `/api/invites/${created.body.invite.token}/accept`, { method: 'POST', origin, body: { displayName: name } });
    assert.equal(accepted.status, 200, `${name} accepting the invite: ${JSON.stringify(accepted.body)}`);
    assert.ok(accepted.cookie !== undefined);
    cookies.push(accepted.cookie);
  }
  return { sessionId: created.body.sessionId, cookies };
}

/** The live URL of a session at `baseUrl` (http → ws). */
export function liveUrlOf(baseUrl: string, sessionId: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`;
}

/** The session's whole log as stored. */
export async function databaseLogRead(databaseUrl: string, sessionId: string): Promise<StoredEvent[]> {
  const database = await openDatabase({ databaseUrl, dataDir: '' });
  try {
    return await new KyselyEventStore(database.db).readAfter(sessionId, 0);
  } finally {
    await database.close();
  }
}

/**
 * Checks one device against the database: its log is the stored log as this person may see it,
 * entry for entry; and on the wire it was sent each seq once, in order, with no gap, across all its
 * reconnections (the client would hide a repeat, so the tap is checked, not only its log).
 */
export function deviceMatchesDatabase(device: Device, stored: readonly StoredEvent[]): void {
  const me = device.session.snapshot().me;
  assert.ok(me !== null, `${device.name} was never greeted`);
  const expected = stored.map((event) => wireEventFor(event, me));
  const held = device.session.snapshot().log.map((entry) => ({ seq: entry.seq, atMs: entry.atMs, event: entry.event }));
  assert.deepEqual(held, expected, `${device.name}'s log differs from the database log`);
  const wireSeqs = device.received.map((event) => event.seq);
  const firstSeen = wireSeqs.findIndex((seq, index) => seq !== index + 1);
  assert.equal(
    firstSeen,
    -1,
    `${device.name} was sent seq ${String(wireSeqs[firstSeen])} where ${String(firstSeen + 1)} was due (a gap or a repeat) over ${String(device.connections.length)} connections`,
  );
  assert.equal(wireSeqs.length, stored.length, `${device.name} was sent ${String(wireSeqs.length)} events; the database holds ${String(stored.length)}`);
}

/** Every note in `notes` is in the stored log exactly once (a check-in is one event). */
export function notesStoredOnce(stored: readonly StoredEvent[], notes: readonly string[]): { present: number; missing: string[]; repeated: string[] } {
  const counts = new Map<string, number>();
  for (const event of stored) {
    const body = event.body;
    if (event.type !== 'checkedIn' || typeof body !== 'object' || body === null || Array.isArray(body)) continue;
    const note = (body as Readonly<Record<string, unknown>>).note;
    if (typeof note === 'string') counts.set(note, (counts.get(note) ?? 0) + 1);
  }
  const missing = notes.filter((note) => (counts.get(note) ?? 0) === 0);
  const repeated = notes.filter((note) => (counts.get(note) ?? 0) > 1);
  return { present: notes.length - missing.length, missing, repeated };
}
