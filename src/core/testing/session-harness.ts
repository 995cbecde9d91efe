/**
 * A session driven by commands in tests: parses each raw command as the server would, decides,
 * folds, and keeps the log. Time only moves when a test moves it.
 */
import { OPEN_BOUNDARIES, type Boundaries } from '../boundaries/boundary.ts';
import { sessionCommandSchema } from '../protocol/commands.ts';
import type { RejectionCode } from '../protocol/rejection-codes.ts';
import { sessionDecide, type SessionActor } from '../session/decide.ts';
import type { SessionEvent } from '../session/events.ts';
import type { Decision } from '../session/rejection.ts';
import { SESSION_INITIAL_STATE, sessionEvolve, type SessionState } from '../session/state.ts';
import { serverTimeMs, type ServerTimeMs } from '../time/instant.ts';

/** A fixed, ordinary instant for tests to start from. */
export const TEST_EPOCH_MS = 1_763_700_000_000;

/** A guest actor with the given id. */
export function guest(participantId: string): SessionActor {
  return { participantId, kind: 'guest' };
}

/** Boundaries with the named kinds ruled out. */
export function boundariesRulingOut(...kinds: (keyof Boundaries)[]): Boundaries {
  return { ...OPEN_BOUNDARIES, ...Object.fromEntries(kinds.map((kind) => [kind, true])) };
}

/** A live session under test. */
export class SessionHarness {
  state: SessionState = SESSION_INITIAL_STATE;
  readonly log: SessionEvent[] = [];
  nowMs: ServerTimeMs = serverTimeMs(TEST_EPOCH_MS);
  private commandCount = 0;

  constructor(readonly sessionId = 'session-under-test') {}

  /** Parses and decides `raw` for `participantId`; on acceptance the events join the log. */
  send(participantId: string, raw: unknown, commandId = `command-${String(++this.commandCount).padStart(4, '0')}`): Decision {
    const command = sessionCommandSchema.parse(raw);
    const decision = sessionDecide(
      this.state,
      { commandId, actor: guest(participantId), sessionId: this.sessionId, command },
      this.nowMs,
    );
    if (decision.ok) {
      for (const event of decision.events) {
        this.log.push(event);
        this.state = sessionEvolve(this.state, event);
      }
    }
    return decision;
  }

  /** Sends and insists on acceptance, returning the events added. */
  accept(participantId: string, raw: unknown): readonly SessionEvent[] {
    const decision = this.send(participantId, raw);
    if (!decision.ok) throw new Error(`expected acceptance, got ${decision.code}: ${decision.message}`);
    return decision.events;
  }

  /** Sends and insists on rejection with `code`, returning the sentence. */
  reject(participantId: string, raw: unknown, code: RejectionCode): string {
    const decision = this.send(participantId, raw);
    if (decision.ok) throw new Error(`expected ${code}, but it was accepted: ${JSON.stringify(decision.events)}`);
    if (decision.code !== code) throw new Error(`expected ${code}, got ${decision.code}: ${decision.message}`);
    return decision.message;
  }

  /** Moves time on. */
  advance(ms: number): void {
    this.nowMs = serverTimeMs(this.nowMs + ms);
  }

  /** Creates the session with `host` and joins everyone named, boundaries open unless given. */
  static withPeople(people: readonly string[], boundaries: Readonly<Record<string, Boundaries>> = {}): SessionHarness {
    const harness = new SessionHarness();
    const [host] = people;
    if (host === undefined) throw new Error('withPeople needs at least one person');
    harness.accept(host, { type: 'createSession' });
    for (const person of people) {
      harness.accept(person, {
        type: 'join',
        displayName: person,
        boundaries: boundaries[person] ?? OPEN_BOUNDARIES,
      });
    }
    return harness;
  }

  /** Proposes a practice, marks everyone ready (and consenting where asked), and starts it. */
  startPractice(practiceId: string, options: { parameters?: object; durationMs?: number; consent?: boolean } = {}): void {
    const [first] = this.presentIds();
    if (first === undefined) throw new Error('nobody is present');
    this.accept(first, {
      type: 'proposePractice',
      practiceId,
      parameters: options.parameters ?? {},
      ...(options.durationMs === undefined ? {} : { durationMs: options.durationMs }),
    });
    for (const id of this.presentIds()) {
      this.accept(id, { type: 'setReady', ready: true });
      if (options.consent === true) this.accept(id, { type: 'giveConsent', consent: 'touch' });
    }
    this.accept(first, { type: 'startPractice' });
  }

  /** Everyone present, in joining order. */
  presentIds(): string[] {
    return this.state.joinOrder.filter((id) => this.state.participants[id]?.present === true);
  }
}
