/**
 * Bad input on the live socket (issue 7, item 6). Over a real WebSocket a guest sends fuzzed
 * frames of every client message type (each command type too): valid ones, near misses, hostile
 * text, bytes that are not UTF-8, binary frames, frames past the readable size and past the hard
 * cap. Each must get an `error` with a known code, or the documented close code (1007 for text
 * that is not UTF-8, 1009 for a frame past the cap); the server stays up; the host, in the same
 * session, keeps a working socket throughout; nothing malformed reaches the log; and a long burst
 * does not grow the heap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import { CLOSE_CODES, FRAME_MAX_BYTES, PROTOCOL_ERROR_CODES } from '../../core/protocol/messages.ts';
import type { SessionEvent } from '../../core/session/events.ts';
import { sessionFold } from '../../core/session/state.ts';
import { WS_HARD_MAX_PAYLOAD_FACTOR } from '../http/app.ts';
import { jsonShapeProblem } from '../http/parse.ts';
import { prototypePollution } from '../testing/fuzz/answer-checks.ts';
import { FuzzSocket, type FrameAnswer } from '../testing/fuzz/fuzz-socket.ts';
import { heapUsedAfterGc } from '../testing/fuzz/heap.ts';
import { frameExpectation, fuzzFrames, type FrameLimits, type FuzzFrame } from '../testing/fuzz/realtime-frames.ts';
import { commandIdNew, inviteAcceptOverHttp, LiveClient, sessionCreateOverHttp } from '../testing/live-client.ts';
import { testServerStart, type TestServer } from '../testing/test-server.ts';

/** Frames per property run; FUZZ_RUNS raises it for a deeper local run. */
const FRAME_RUNS = Number(process.env.FUZZ_RUNS ?? 600);

const LIMITS: FrameLimits = { readableBytes: FRAME_MAX_BYTES, hardMaxBytes: FRAME_MAX_BYTES * WS_HARD_MAX_PAYLOAD_FACTOR };
const KNOWN_ERROR_CODES = new Set<unknown>(Object.values(PROTOCOL_ERROR_CODES));
const SESSION_EVENT_TYPES = new Set<unknown>([
  'sessionCreated', 'participantJoined', 'participantLeft', 'boundariesSet', 'checkedIn', 'practiceProposed', 'proposalWithdrawn', 'readinessSet',
  'consentGiven', 'consentWithdrawn', 'practiceStarted', 'sessionPaused', 'sessionResumed', 'turnAdvanced', 'practiceEnded', 'sessionEnded', 'bodyNoticeShared',
]);

/** What is wrong with the server's answer to one frame (empty when nothing is). */
function answerProblems(frame: FuzzFrame, answer: FrameAnswer): string[] {
  const expected = frameExpectation(frame, LIMITS);
  const problems: string[] = [];
  for (const message of answer.messages) {
    if (message.type === 'unparsable') problems.push(`the server sent something that is not JSON: ${String(message.text).slice(0, 100)}`);
    if (message.type === 'error' && (!KNOWN_ERROR_CODES.has(message.code) || typeof message.message !== 'string' || message.message.length < 12)) {
      problems.push(`an error with no known code or sentence: ${JSON.stringify(message).slice(0, 200)}`);
    }
  }
  if (answer.closed !== null && answer.closed.code === 1011) problems.push(`the server failed on it (1011 ${answer.closed.reason})`);
  switch (expected.kind) {
    case 'close':
      if (answer.closed?.code !== expected.code) problems.push(`expected the socket closed with ${String(expected.code)}, got ${answer.closed === null ? 'it open' : String(answer.closed.code)}`);
      break;
    case 'error':
      if (answer.closed !== null) problems.push(`expected an error message, but the socket was closed (${String(answer.closed.code)} ${answer.closed.reason})`);
      else if (!answer.messages.some((message) => message.type === 'error')) problems.push(`expected an error message, got ${JSON.stringify(answer.messages).slice(0, 200)}`);
      break;
    case 'accepted':
      if (answer.closed !== null && answer.closed.code !== CLOSE_CODES.unauthorized) problems.push(`a valid message closed the socket (${String(answer.closed.code)} ${answer.closed.reason})`);
      break;
  }
  return problems;
}

/** How many fuzzed frames go out before the burst waits for the socket's queue to drain. */
const BURST_DRAIN_EVERY = 16;

describe('fuzzing every realtime message type', () => {
  let running: TestServer;
  let sessionId = '';
  let guestCookie = '';
  let host: LiveClient;

  before(async () => {
    // No rate limit in the way: every frame must reach the checks behind it.
    running = await testServerStart({ WS_MESSAGES_PER_SECOND: '1000000', WS_MESSAGE_BURST: '1000000', HTTP_REQUESTS_PER_MINUTE: '100000' });
    const created = await sessionCreateOverHttp(running.baseUrl, 'Hana');
    sessionId = created.sessionId;
    guestCookie = await inviteAcceptOverHttp(running.baseUrl, created.inviteToken, 'Gus');
    host = new LiveClient(running.baseUrl, created.hostCookie, sessionId);
    await host.connect();
    await host.join('Hana');
  });
  after(async () => {
    await host.close();
    await running.stop();
  });

  /** A fuzzing socket of the guest's, joined to the session. */
  async function guestSocket(): Promise<FuzzSocket> {
    const socket = await FuzzSocket.open(running.baseUrl, guestCookie, sessionId);
    await socket.command(commandIdNew('join'), { type: 'join', displayName: 'Gus', boundaries: OPEN_BOUNDARIES });
    return socket;
  }

  test('every frame gets an error with a known code or a documented close; the host in the same session is unaffected', async (t) => {
    let socket = await guestSocket();
    const closesSeen = new Map<number, number>();
    let errorsSeen = 0;
    await fc.assert(
      fc.asyncProperty(fuzzFrames(LIMITS, { overHardMax: true }), async (frame) => {
        if (!socket.isOpen) socket = await guestSocket();
        const answer = await socket.exchange(frame);
        if (answer.closed !== null) closesSeen.set(answer.closed.code, (closesSeen.get(answer.closed.code) ?? 0) + 1);
        errorsSeen += answer.messages.filter((message) => message.type === 'error').length;
        const problems = [...answerProblems(frame, answer), ...prototypePollution()];
        if (problems.length > 0) throw new Error(`${frame.what} (${frame.binary ? 'binary' : 'text'}, ${String(frame.data.length)} bytes): ${frame.data.toString('utf8').slice(0, 200)}\n  ${problems.join('\n  ')}`);
      }),
      { numRuns: FRAME_RUNS },
    );
    await socket.close();
    t.diagnostic(`${String(FRAME_RUNS)} frames: ${String(errorsSeen)} error answers; closes by code: ${JSON.stringify(Object.fromEntries(closesSeen))}`);
    assert.ok(errorsSeen > FRAME_RUNS / 3, `only ${String(errorsSeen)} error answers in ${String(FRAME_RUNS)} frames: the fuzzer is not reaching the checks`);
    assert.ok((closesSeen.get(1007) ?? 0) + (closesSeen.get(1009) ?? 0) > 0, `no 1007 or 1009 close seen: ${JSON.stringify([...closesSeen])}`);

    // The host never noticed: same socket, still open, still heard.
    assert.equal(host.closeInfo, null, 'the host socket stayed open');
    const pong = await host.ping(1, 0);
    assert.equal(pong.pingId, 1);
    // The guest's fuzzing may have paused or even ended the session; any acknowledgement will do.
    const outcome = await host.command({ type: 'checkIn', state: 'regulated', intensity: 3, note: 'still here', visibility: 'shared' });
    if (outcome.ok && outcome.lastSeq !== null) await host.waitForSeq(outcome.lastSeq);
    assert.equal(host.closeInfo, null, 'the host socket is still open');
    const health = await fetch(`${running.baseUrl}/api/health`);
    assert.equal(health.status, 200);
  });

  test('the log holds only well-formed events, numbered without gaps, that fold', async () => {
    const log = await running.server.context.hub.readLog(sessionId);
    assert.ok(log.length >= 4, `the session has events from both people (${String(log.length)})`);
    const problems: string[] = [];
    log.forEach((stored, index) => {
      if (stored.seq !== index + 1) problems.push(`event ${String(index)} has seq ${String(stored.seq)}`);
      const body = stored.body as { type?: unknown };
      if (!SESSION_EVENT_TYPES.has(body.type)) problems.push(`seq ${String(stored.seq)} has an unknown type: ${JSON.stringify(body).slice(0, 120)}`);
      const shape = jsonShapeProblem(stored.body);
      if (shape !== null) problems.push(`seq ${String(stored.seq)}: ${shape.message}`);
      if (JSON.stringify(JSON.parse(JSON.stringify(stored.body))) !== JSON.stringify(stored.body)) problems.push(`seq ${String(stored.seq)} does not survive JSON`);
    });
    assert.deepEqual(problems, []);
    assert.doesNotThrow(() => sessionFold(log.map((stored) => stored.body as unknown as SessionEvent)));
    // The host saw every one of them, in order.
    assert.deepEqual(host.events.map((event) => event.seq), log.map((stored) => stored.seq));
  });

  test('the heap stays bounded over a long burst of fuzzed frames', async (t) => {
    const socket = await guestSocket();
    // Frames that close the socket are left out: reconnecting is what the storm test measures.
    const frames = fuzzFrames(LIMITS, { overHardMax: false });
    const burst = async (count: number, seed: number) => {
      let sent = 0;
      for (const frame of fc.sample(frames, { numRuns: count, seed })) {
        if (frameExpectation(frame, LIMITS).kind === 'close') continue;
        const answer = await socket.exchange(frame);
        assert.equal(answer.closed, null, `${frame.what} closed the socket`);
        socket.forget();
        // Pings are answered on arrival, ahead of commands still queued; on a slower store the
        // queue would fill and the socket be closed as a flood (rightly). A command is handled
        // after everything queued before it, so its answer means the queue has drained.
        sent += 1;
        if (sent % BURST_DRAIN_EVERY === 0) {
          await socket.command(commandIdNew('drain'), { type: 'resume' });
          socket.forget();
        }
      }
    };
    await burst(300, 1);
    const warm = await heapUsedAfterGc();
    await burst(1500, 2);
    const later = await heapUsedAfterGc();
    await socket.close();
    const growthMiB = (later - warm) / 1024 / 1024;
    t.diagnostic(`heap after GC: ${(warm / 1024 / 1024).toFixed(1)} MiB after 300 frames, ${(later / 1024 / 1024).toFixed(1)} MiB after 1500 more (${growthMiB.toFixed(1)} MiB)`);
    assert.ok(growthMiB < 24, `the heap grew by ${growthMiB.toFixed(1)} MiB over 1500 fuzzed frames (after warm-up: ${(warm / 1024 / 1024).toFixed(1)} MiB)`);
  });
});
