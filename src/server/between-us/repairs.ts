/**
 * Repairs of a relationship on the server: starting one, running a command on it, and each
 * member's view of it. `repairDecide` holds every rule; the server adds the relationship's current
 * members and the time. A view is the log filtered with `repairEventForViewer`, and the state
 * folded from exactly what the viewer received, so it can hold nothing they may not see.
 */
import { createHash } from 'node:crypto';
import type { RepairView } from '../../core/protocol/between-us-api.ts';
import {
  repairDecide,
  repairEventForViewer,
  repairFold,
  repairHistoryRecordFor,
  repairStage,
  type RepairCommand,
  type RepairEvent,
  type RepairHiddenEvent,
  type RepairHistoryRecord,
} from '../../core/repair/index.ts';
import { serverTimeMs } from '../../core/time/instant.ts';
import type { BetweenUsOutcome } from '../../core/protocol/between-us-api.ts';
import type { BetweenUsLog, BetweenUsLogStore, BetweenUsStoredEvent } from '../store/between-us-log-store.ts';
import { logCommandRun } from './log-command.ts';

/**
 * The id of a repair started by `actorId` with `commandId`: derived, so a retried start finds the
 * same repair and gets its first outcome.
 */
export function repairIdFor(relationshipId: string, actorId: string, commandId: string): string {
  return `r${createHash('sha256').update(`${relationshipId}\u0000${actorId}\u0000${commandId}`).digest('base64url')}`;
}

function repairEvents(log: readonly BetweenUsStoredEvent[]): RepairEvent[] {
  return log.map((stored) => stored.body as unknown as RepairEvent);
}

/** The repair as `viewerId` may see it, or null when they are not one of its members. */
export function repairViewFor(relationshipId: string, repairId: string, log: readonly BetweenUsStoredEvent[], viewerId: string): RepairView | null {
  const events = repairEvents(log);
  const memberIds = repairFold(events).memberIds;
  if (!memberIds.includes(viewerId)) return null;
  const visible: { seq: number; atMs: number; event: RepairEvent | RepairHiddenEvent }[] = [];
  for (const [index, event] of events.entries()) {
    const seen = repairEventForViewer(memberIds, event, viewerId);
    const stored = log[index];
    if (seen !== null && stored !== undefined) visible.push({ seq: stored.seq, atMs: stored.atMs, event: seen });
  }
  const state = repairFold(visible.flatMap(({ event }) => (event.type === 'hidden' ? [] : [event])));
  return { repairId, relationshipId, state, stage: repairStage(state), events: visible };
}

/** Repairs over the between-us log store. */
export class Repairs {
  constructor(
    private readonly store: BetweenUsLogStore,
    private readonly now: () => number,
  ) {}

  /** The repair's log entry, or null if there is no such repair. */
  async find(repairId: string): Promise<BetweenUsLog | null> {
    const log = await this.store.findLog(repairId);
    return log?.kind === 'repair' ? log : null;
  }

  /** The repair as `viewerId` may see it (null: not theirs to see). */
  async viewFor(relationshipId: string, repairId: string, viewerId: string): Promise<RepairView | null> {
    return repairViewFor(relationshipId, repairId, await this.store.read(repairId), viewerId);
  }

  /** Every repair of the relationship that `viewerId` is in, oldest first. */
  async listFor(relationshipId: string, viewerId: string): Promise<RepairView[]> {
    const views: RepairView[] = [];
    for (const log of await this.store.listLogs(relationshipId, 'repair')) {
      const view = await this.viewFor(relationshipId, log.logId, viewerId);
      if (view !== null) views.push(view);
    }
    return views;
  }

  /** Repairs `personId` kept in their own history (R12), across the given relationships. */
  async historyFor(relationshipIds: readonly string[], personId: string): Promise<RepairHistoryRecord[]> {
    const records: RepairHistoryRecord[] = [];
    for (const relationshipId of relationshipIds) {
      for (const log of await this.store.listLogs(relationshipId, 'repair')) {
        const record = repairHistoryRecordFor(repairEvents(await this.store.read(log.logId)), personId);
        if (record !== null) records.push(record);
      }
    }
    return records;
  }

  /**
   * Runs one command for `actorId` on repair `repairId` of the relationship (a start creates it).
   * `memberIds` are the relationship's members now: they become the repair's members on start.
   */
  async command(
    relationshipId: string,
    repairId: string,
    actorId: string,
    memberIds: readonly string[],
    commandId: string,
    command: RepairCommand,
  ): Promise<{ outcome: BetweenUsOutcome; repair: RepairView | null }> {
    const { outcome, log } = await logCommandRun({
      store: this.store,
      logId: repairId,
      relationshipId,
      kind: 'repair',
      actorId,
      commandId,
      now: this.now,
      decide: (stored, nowMs) =>
        repairDecide(
          repairFold(repairEvents(stored)),
          { commandId, actorId, repairId, relationshipMemberIds: memberIds, command },
          serverTimeMs(nowMs),
        ),
    });
    return { outcome, repair: repairViewFor(relationshipId, repairId, log, actorId) };
  }
}
