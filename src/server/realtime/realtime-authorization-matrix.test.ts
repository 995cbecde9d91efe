/**
 * Runs the realtime authorization matrix (`realtime-authorization-matrix.ts`) over real sockets
 * against a real server with the world of `../http/authorization-world.ts`: who opens the owner's
 * session's socket, what each message and command comes to for those who can, that every message
 * type and command type of the wire schema has a row, and that an upgrade from a foreign page, or
 * with no Origin, is refused.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { sessionCommandSchema } from '../../core/protocol/commands.ts';
import { clientMessageSchema, PROTOCOL_VERSION, type ServerMessage } from '../../core/protocol/messages.ts';
import { AuthorizationWorld, FOREIGN_ORIGIN, commandIdNew } from '../http/authorization-world.ts';
import {
  LIVE_SOCKET_ROUTE,
  MESSAGE_TYPES_BESIDE_COMMANDS,
  REALTIME_ACTORS,
  REALTIME_MATRIX,
  SOCKET_OPEN,
  SOCKET_OPEN_FINDING,
  type RealtimeActor,
  type RealtimeOutcome,
  type RealtimeRow,
} from './realtime-authorization-matrix.ts';
import { wsRawDataText } from './ws-route.ts';

type Refusal = { readonly status: number; readonly code: string | undefined };

/** A raw socket that keeps every message it receives. */
class TestSocket {
  readonly messages: ServerMessage[] = [];
  private readonly watchers = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(wsRawDataText(data)) as ServerMessage);
      for (const watcher of [...this.watchers]) watcher();
    });
  }

  /** Opens the live socket of `sessionId`, or says how the upgrade was refused. */
  static open(baseUrl: string, sessionId: string, cookie: string | undefined, origin: string | null): Promise<TestSocket | Refusal> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/sessions/${sessionId}/live`, {
      headers: cookie === undefined ? {} : { cookie },
      ...(origin === null ? {} : { origin }),
    });
    return new Promise((resolve, reject) => {
      const opened = new TestSocket(socket);
      socket.once('open', () => {
        resolve(opened);
      });
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          socket.terminate();
          resolve({ status: response.statusCode ?? 0, code });
        });
      });
    });
  }

  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }

  /** The first message matching `predicate`, waiting for it up to `timeoutMs`. */
  waitFor<T extends ServerMessage>(predicate: (message: ServerMessage) => message is T, what: string, timeoutMs = 4000): Promise<T> {
    const found = this.messages.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`timed out waiting for ${what}; had ${JSON.stringify(this.messages).slice(0, 600)}`));
      }, timeoutMs);
      const check = () => {
        const match = this.messages.find(predicate);
        if (match === undefined) return;
        clearTimeout(timer);
        this.watchers.delete(check);
        resolve(match);
      };
      this.watchers.add(check);
    });
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close(1000, 'bye');
    await closed;
  }
}

const isType =
  <K extends ServerMessage['type']>(type: K) =>
  (message: ServerMessage): message is Extract<ServerMessage, { type: K }> =>
    message.type === type;

function ackOf(commandId: string) {
  return (message: ServerMessage): message is Extract<ServerMessage, { type: 'ack' }> => message.type === 'ack' && message.commandId === commandId;
}

function describeOutcome(outcome: RealtimeOutcome): string {
  return outcome.kind === 'refused' ? `refused ${outcome.code}` : outcome.kind === 'accepted' && outcome.events !== undefined ? `accepted (${outcome.events} events)` : outcome.kind;
}

describe('realtime authorization matrix: the live socket × every actor', () => {
  let world: AuthorizationWorld;
  const sockets: TestSocket[] = [];

  before(async () => {
    world = await AuthorizationWorld.build();
  });
  after(async () => {
    await closeAll();
    await world.stop();
  });

  async function closeAll(): Promise<void> {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  }

  /** A fresh session the owner hosts: partnerSharing joined, a guest admitted who has not joined. */
  async function sessionWithCast(): Promise<{ sessionId: string; cookies: Readonly<Record<RealtimeActor, string | undefined>> }> {
    const { sessionId, token } = await world.freshSession();
    await world.mustAs('accept', 'partnerSharing', 'POST', `/api/invites/${token}/accept`, {});
    const invited = await world.freshGuest('Ivy');
    await world.must('accept', 'POST', `/api/invites/${token}/accept`, { cookie: invited.cookie, body: {} });
    await world.sessionCommand(sessionId, 'owner', { type: 'join', displayName: 'Olive', boundaries: OPEN_BOUNDARIES });
    await world.sessionCommand(sessionId, 'partnerSharing', { type: 'join', displayName: 'Pat', boundaries: OPEN_BOUNDARIES });
    return {
      sessionId,
      cookies: {
        host: world.cookies.get('owner'),
        participant: world.cookies.get('partnerSharing'),
        invited: invited.cookie,
        stranger: world.cookies.get('stranger'),
        guest: world.cookies.get('guest'),
        operator: world.cookies.get('operator'),
        practitioner: world.cookies.get('practitionerNotConsented'),
        anonymous: undefined,
      },
    };
  }

  async function opened(sessionId: string, cookie: string | undefined): Promise<TestSocket> {
    const socket = await TestSocket.open(world.running.baseUrl, sessionId, cookie, world.origin);
    if (!(socket instanceof TestSocket)) throw new Error(`the socket did not open: ${JSON.stringify(socket)}`);
    sockets.push(socket);
    await socket.waitFor(isType('welcome'), 'welcome');
    return socket;
  }

  /**
   * Waits until everything sent on `socket` so far has been handled: a command is handled in
   * order after it, and `createSession` on an existing session changes nothing.
   */
  async function fenced(socket: TestSocket): Promise<void> {
    const fence = commandIdNew();
    socket.send({ type: 'command', commandId: fence, command: { type: 'createSession', maxParticipants: 8 } });
    await socket.waitFor(ackOf(fence), 'the fence acknowledgement');
  }

  /** An open socket that said hello (someone not in the session yet gets no `caughtUp`, so a fence waits). */
  async function helloed(sessionId: string, cookie: string | undefined): Promise<TestSocket> {
    const socket = await opened(sessionId, cookie);
    socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, lastSeq: 0 });
    await fenced(socket);
    return socket;
  }

  /** What `row`'s frame comes to for `actor`, in a fresh session. */
  async function outcomeOf(row: RealtimeRow, actor: RealtimeActor): Promise<RealtimeOutcome> {
    const { sessionId, cookies } = await sessionWithCast();
    for (const step of row.prelude ?? []) {
      await world.sessionCommand(sessionId, step.by === 'host' ? 'owner' : 'partnerSharing', step.command as never);
    }
    const cookie = cookies[actor];
    if (row.message === 'hello') {
      const socket = await opened(sessionId, cookie);
      socket.send(row.frame);
      await fenced(socket);
      const events = socket.messages.filter(isType('events')).flatMap((message) => message.events);
      const error = socket.messages.find(isType('error'));
      if (error !== undefined) return { kind: 'refused', code: error.code };
      return { kind: 'accepted', events: events.length > 0 ? 'some' : 'none' };
    }
    if (row.message === 'signals') {
      // Whoever else is present watches for the batch; a command acknowledged after it fences it.
      const observer = await helloed(sessionId, actor === 'host' ? cookies.participant : cookies.host);
      const socket = await helloed(sessionId, cookie);
      socket.send({ ...row.frame, samples: [{ atMs: Date.now(), source: 'simulated', heartRateBpm: 64 }] });
      await fenced(socket);
      const error = socket.messages.find(isType('error'));
      if (error !== undefined) return { kind: 'refused', code: error.code };
      const { participantId } = await socket.waitFor(isType('welcome'), 'welcome');
      await observer.waitFor((message): message is Extract<ServerMessage, { type: 'signals' }> => message.type === 'signals' && message.participantId === participantId, 'the batch at the other end');
      return { kind: 'accepted' };
    }
    const socket = await helloed(sessionId, cookie);
    if (row.message === 'ping') {
      socket.send(row.frame);
      await socket.waitFor(isType('pong'), 'pong');
      const error = socket.messages.find(isType('error'));
      return error === undefined ? { kind: 'accepted' } : { kind: 'refused', code: error.code };
    }
    const commandId = commandIdNew();
    socket.send({ ...row.frame, commandId });
    const ack = await socket.waitFor(ackOf(commandId), `the acknowledgement of ${row.message}`);
    return ack.outcome.ok ? { kind: 'accepted' } : { kind: 'refused', code: ack.outcome.code };
  }

  test('every client message type and every command type of the wire schema has exactly one row', () => {
    const schemaTypes = [
      ...clientMessageSchema.options.map((option) => option.shape.type.value).filter((type) => type !== 'command'),
      ...sessionCommandSchema.options.map((option) => `command:${option.shape.type.value}`),
    ].sort();
    const rows = REALTIME_MATRIX.map((row) => row.message);
    const duplicates = rows.filter((message, index) => rows.indexOf(message) !== index);
    assert.deepEqual(duplicates, [], `rows given twice: ${duplicates.join(', ')}`);
    const withoutRow = schemaTypes.filter((type) => !rows.includes(type));
    assert.deepEqual(withoutRow, [], `message or command types with no row in src/server/realtime/realtime-authorization-matrix.ts: add one saying who may send it:\n  ${withoutRow.join('\n  ')}`);
    const stale = rows.filter((message) => !schemaTypes.includes(message));
    assert.deepEqual(stale, [], `rows for message types the wire schema no longer has: ${stale.join(', ')}`);
    assert.deepEqual([...MESSAGE_TYPES_BESIDE_COMMANDS].sort(), schemaTypes.filter((type) => !type.startsWith('command:')));
    for (const row of REALTIME_MATRIX) {
      assert.deepEqual(Object.keys(row.expect).sort(), [...REALTIME_ACTORS].sort(), `${row.message}: a cell for every actor`);
      for (const actor of REALTIME_ACTORS) {
        const opens = SOCKET_OPEN[actor].opens;
        assert.equal(row.expect[actor].kind === 'noSocket', !opens, `${row.message}/${actor}: "noSocket" exactly for those who cannot open the socket`);
      }
    }
  });

  test('the live socket is the only WebSocket route, and this file is its row', () => {
    assert.deepEqual(
      world.registeredRoutes().filter((route) => route.websocket).map((route) => route.key),
      [LIVE_SOCKET_ROUTE],
    );
  });

  test("who opens the owner's session's socket; the refused learn nothing about whether it exists", async () => {
    const { sessionId, cookies } = await sessionWithCast();
    const problems: string[] = [];
    for (const actor of REALTIME_ACTORS) {
      const expected = SOCKET_OPEN[actor];
      const result = await TestSocket.open(world.running.baseUrl, sessionId, cookies[actor], world.origin);
      if (result instanceof TestSocket) {
        sockets.push(result);
        await result.waitFor(isType('welcome'), 'welcome');
        if (!expected.opens) problems.push(`${actor}: the socket opened; expected ${String(expected.status)} ${expected.code}`);
        continue;
      }
      if (expected.opens) problems.push(`${actor}: refused with ${String(result.status)} ${String(result.code)}; expected the socket to open`);
      else if (result.status !== expected.status || result.code !== expected.code) problems.push(`${actor}: refused with ${String(result.status)} ${String(result.code)}; expected ${String(expected.status)} ${expected.code}`);
      if (!expected.opens && cookies[actor] !== undefined) {
        const missing = await TestSocket.open(world.running.baseUrl, randomUUID(), cookies[actor], world.origin);
        if (missing instanceof TestSocket) problems.push(`${actor}: a socket opened for a session that does not exist`);
        else if (missing.status !== result.status || missing.code !== result.code) {
          problems.push(`${actor}: refused with ${String(result.status)} ${String(result.code)} for the owner's session but ${String(missing.status)} ${String(missing.code)} for one that does not exist`);
        }
      }
    }
    assert.deepEqual(problems, [], `${SOCKET_OPEN_FINDING}\n  ${problems.join('\n  ')}`);
  });

  test('an upgrade from a foreign page, a null origin or with no Origin is refused, whoever asks', async () => {
    const { sessionId, cookies } = await sessionWithCast();
    const problems: string[] = [];
    for (const origin of [FOREIGN_ORIGIN, 'null', null, world.origin.replace(/^http:/, 'https:'), `${world.origin}.evil.example`]) {
      for (const actor of ['host', 'participant', 'anonymous'] as const) {
        const result = await TestSocket.open(world.running.baseUrl, sessionId, cookies[actor], origin);
        const where = `${actor} with Origin ${origin ?? '(none)'}`;
        if (result instanceof TestSocket) {
          sockets.push(result);
          problems.push(`${where}: the socket opened`);
        } else if (result.status !== 403 || result.code !== 'bad_origin') problems.push(`${where}: refused with ${String(result.status)} ${String(result.code)}, expected 403 bad_origin`);
      }
    }
    assert.deepEqual(problems, []);
  });

  for (const row of REALTIME_MATRIX) {
    test(`${row.message}: ${row.why}`, async () => {
      const problems: string[] = [];
      for (const actor of REALTIME_ACTORS) {
        const expected = row.expect[actor];
        if (expected.kind === 'noSocket') continue;
        const got = await outcomeOf(row, actor).finally(closeAll);
        if (JSON.stringify(got) !== JSON.stringify(expected)) problems.push(`${actor}: expected ${describeOutcome(expected)}, got ${describeOutcome(got)}`);
      }
      assert.deepEqual(problems, [], `${row.message}: ${row.why}\n  ${problems.join('\n  ')}`);
    });
  }
});
