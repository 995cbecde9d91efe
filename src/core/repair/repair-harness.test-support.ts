/**
 * A repair driven by commands in tests: parses each raw command as the server would, decides,
 * folds, and keeps the log. Time only moves when a test moves it.
 */
import { serverTimeMs, type ServerTimeMs } from '../time/instant.ts';
import { repairCommandSchema } from './repair-commands.ts';
import { repairDecide } from './repair-decide.ts';
import type { RepairEvent } from './repair-events.ts';
import type { RepairDecision, RepairRejectionCode } from './repair-rejection.ts';
import { REPAIR_INITIAL_STATE, repairEvolve, type RepairState } from './repair-state.ts';

/** A fixed, ordinary instant for tests to start from (Friday 21 November 2025, 04:40 UTC). */
export const REPAIR_TEST_EPOCH_MS = 1_763_700_000_000;
const MINUTE_MS = 60_000;

/** A repair under test between the given members. */
export class RepairHarness {
  state: RepairState = REPAIR_INITIAL_STATE;
  readonly log: RepairEvent[] = [];
  nowMs: ServerTimeMs = serverTimeMs(REPAIR_TEST_EPOCH_MS);
  /** Every rejection sentence seen, for the wording tests. */
  readonly messages: string[] = [];
  private commandCount = 0;

  constructor(
    readonly memberIds: readonly string[] = ['ana', 'ben'],
    readonly repairId = 'repair-under-test',
  ) {}

  /** The id the next command will carry: proposals are named by it. */
  nextCommandId(): string {
    return `command-${String(this.commandCount + 1).padStart(4, '0')}`;
  }

  /** Parses and decides `raw` for `personId`; on acceptance the events join the log. */
  send(personId: string, raw: unknown): RepairDecision {
    const commandId = this.nextCommandId();
    this.commandCount += 1;
    const command = repairCommandSchema.parse(raw);
    const decision = repairDecide(
      this.state,
      {
        commandId,
        actorId: personId,
        repairId: this.repairId,
        relationshipMemberIds: this.memberIds,
        command,
      },
      this.nowMs,
    );
    if (decision.ok) {
      for (const event of decision.events) {
        this.log.push(event);
        this.state = repairEvolve(this.state, event);
      }
    } else {
      this.messages.push(decision.message);
    }
    return decision;
  }

  /** Sends and insists on acceptance, returning the events added. */
  accept(personId: string, raw: unknown): readonly RepairEvent[] {
    const decision = this.send(personId, raw);
    if (!decision.ok)
      throw new Error(`expected acceptance, got ${decision.code}: ${decision.message}`);
    return decision.events;
  }

  /** Sends and insists on rejection with `code`, returning the sentence. */
  reject(personId: string, raw: unknown, code: RepairRejectionCode): string {
    const decision = this.send(personId, raw);
    if (decision.ok)
      throw new Error(`expected ${code}, but it was accepted: ${JSON.stringify(decision.events)}`);
    if (decision.code !== code)
      throw new Error(`expected ${code}, got ${decision.code}: ${decision.message}`);
    return decision.message;
  }

  /** Moves time on. */
  advance(ms: number): void {
    this.nowMs = serverTimeMs(this.nowMs + ms);
  }

  /** Starts the repair on its own, by the first member. */
  start(extra: object = {}): this {
    const [first] = this.memberIds;
    if (first === undefined) throw new Error('a repair under test needs members');
    this.accept(first, { type: 'startRepair', startedFrom: 'self', ...extra });
    return this;
  }

  /** Everyone settles, one minute apart. */
  settleAll(): this {
    for (const id of this.memberIds) {
      this.advance(MINUTE_MS);
      this.accept(id, { type: 'markSettled' });
    }
    return this;
  }

  /** The first member suggests a time `inMs` from now and everyone else accepts it. */
  agreeTime(inMs = 20 * MINUTE_MS): this {
    const [first, ...others] = this.memberIds;
    if (first === undefined) throw new Error('a repair under test needs members');
    const proposalId = this.nextCommandId();
    this.accept(first, { type: 'proposeReturnTime', returnAtMs: this.nowMs + inMs });
    for (const id of others) this.accept(id, { type: 'acceptReturnTime', proposalId });
    return this;
  }

  /** Time moves to the agreed time and everyone says they are here. */
  arriveAll(): this {
    const agreed = this.state.agreedReturn;
    if (!agreed) throw new Error('no agreed time');
    if (this.nowMs < agreed.returnAtMs) this.nowMs = serverTimeMs(agreed.returnAtMs);
    for (const id of this.memberIds) this.accept(id, { type: 'markHere' });
    return this;
  }

  /** `speakerId` takes a turn, says `felt` and `needed`, ends it, and everyone else acknowledges. */
  turn(speakerId: string, felt = 'Alone.', needed = 'To hear from you.'): this {
    const turnIndex = this.state.turns.length;
    this.accept(speakerId, { type: 'beginTurn' });
    this.advance(2 * MINUTE_MS);
    this.accept(speakerId, { type: 'endTurn', turnIndex, felt, needed });
    for (const id of this.memberIds) {
      if (id !== speakerId) this.accept(id, { type: 'acknowledgeTurn', turnIndex });
    }
    return this;
  }

  /** Everyone takes a turn in member order. */
  allTurns(): this {
    for (const id of this.memberIds) this.turn(id);
    return this;
  }

  /** Brings a repair to the point of choosing a next step. */
  static readyForNextStep(memberIds: readonly string[] = ['ana', 'ben']): RepairHarness {
    return new RepairHarness(memberIds).start().settleAll().agreeTime().arriveAll().allTurns();
  }
}
