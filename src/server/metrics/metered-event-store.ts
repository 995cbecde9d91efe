/**
 * An `EventStore` that counts command appends by result and times them until commit, around any
 * other store. The hub stays unaware of metrics; only the composition root wraps its store.
 */
import { performance } from 'node:perf_hooks';
import type { AppendInput, AppendResult, CommandRecord, EventStore, InTurnInput, InTurnResult, StoredEvent } from '../store/event-store.ts';
import type { CommandAppendResult } from './attune-metrics.ts';

/** What the metered store reports to. */
export interface CommandAppendMetrics {
  commandAppended(result: CommandAppendResult, seconds: number): void;
}

function outcomeIsRejection(outcome: AppendInput['outcome']): boolean {
  return typeof outcome === 'object' && outcome !== null && !Array.isArray(outcome) && (outcome as { readonly ok?: unknown }).ok === false;
}

/** `inner`, with every `appendForCommand` counted and timed. */
export class MeteredEventStore implements EventStore {
  /** The inner store's `appendInTurn` (Postgres), counted and timed the same way; absent when it has none. */
  readonly appendInTurn?: (input: InTurnInput) => Promise<InTurnResult>;

  constructor(
    private readonly inner: EventStore,
    private readonly metrics: CommandAppendMetrics,
  ) {
    const inTurn = inner.appendInTurn?.bind(inner);
    if (inTurn !== undefined) {
      this.appendInTurn = async (input) => {
        const startedAt = performance.now();
        let result: InTurnResult;
        try {
          result = await inTurn(input);
        } catch (error) {
          metrics.commandAppended('failed', (performance.now() - startedAt) / 1000);
          throw error;
        }
        const kind: CommandAppendResult =
          result.kind === 'appended' ? (outcomeIsRejection(result.record.outcome) ? 'rejected' : 'accepted') : result.kind;
        metrics.commandAppended(kind, (performance.now() - startedAt) / 1000);
        return result;
      };
    }
  }

  async appendForCommand(input: AppendInput): Promise<AppendResult> {
    const startedAt = performance.now();
    let result: AppendResult;
    try {
      result = await this.inner.appendForCommand(input);
    } catch (error) {
      this.metrics.commandAppended('failed', (performance.now() - startedAt) / 1000);
      throw error;
    }
    const kind: CommandAppendResult =
      result.kind === 'appended' ? (outcomeIsRejection(input.outcome) ? 'rejected' : 'accepted') : result.kind;
    this.metrics.commandAppended(kind, (performance.now() - startedAt) / 1000);
    return result;
  }

  readAfter(sessionId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]> {
    return this.inner.readAfter(sessionId, afterSeq, limit);
  }

  lastSeq(sessionId: string): Promise<number> {
    return this.inner.lastSeq(sessionId);
  }

  findCommand(sessionId: string, commandId: string): Promise<CommandRecord | null> {
    return this.inner.findCommand(sessionId, commandId);
  }
}
