/**
 * Cycle maps of a relationship on the server: which map is a person's current one, their view of
 * it (`cycleMapViewFor`: nothing of the other side before the reveal), and running a command on
 * it. The core decider holds every rule of the map; the server adds what only it knows: who is in
 * the relationship.
 *
 * Which map is current: the newest map in the relationship that includes the person and whose
 * other person is still in the relationship. A map with someone who has left is no longer shown
 * to anyone: what they wrote stops being shared when they go, as their records do.
 *
 * Sharing (issue 6): a map belongs to its two people together, so it is shown only while both
 * have cycle-map sharing on (`cycleMapShared`). Otherwise it rests: neither sees it, every command
 * on it is answered `cycle_map_paused` (a sentence that never says who paused it), and nothing in
 * it changes or is lost until both share it again.
 */
import { createHash } from 'node:crypto';
import {
  CYCLE_MAP_INITIAL_STATE,
  CYCLE_MAP_REJECTION_CODES,
  cycleMapDecide,
  cycleMapFold,
  cycleMapOtherPerson,
  cycleMapViewFor,
  type CycleMapCommand,
  type CycleMapEvent,
  type CycleMapState,
  type CycleMapView,
} from '../../core/cycles/index.ts';
import type { BetweenUsOutcome } from '../../core/protocol/between-us-api.ts';
import { CYCLE_MAP_PAUSED, cycleMapShared, type RelationshipSharing } from '../../core/relationships/sharing.ts';
import type { BetweenUsLogStore, BetweenUsStoredEvent } from '../store/between-us-log-store.ts';
import { logCommandRun, type LogDecision } from './log-command.ts';

/** One map as stored, folded. */
interface LoadedMap {
  readonly logId: string;
  readonly state: CycleMapState;
}

/** A person's current map as they may see it now; `paused` while it rests (then `map` is null). */
export interface CycleMapRead {
  readonly map: CycleMapView | null;
  readonly paused: boolean;
  /** The other person of the map, if there is a map. */
  readonly otherId: string | null;
}

/** The log id of a map: scoped to its relationship, so two relationships never share one. */
export function cycleMapLogId(relationshipId: string, mapId: string): string {
  return `cycle_${createHash('sha256').update(`${relationshipId}\u0000${mapId}`).digest('base64url')}`;
}

function fold(log: readonly BetweenUsStoredEvent[]): CycleMapState {
  return cycleMapFold(log.map((stored) => stored.body as unknown as CycleMapEvent));
}

/** Cycle maps over the between-us log store. */
export class CycleMaps {
  constructor(
    private readonly store: BetweenUsLogStore,
    private readonly now: () => number,
  ) {}

  /** The person's current map in the relationship, or null. `memberIds` are its members now. */
  async current(relationshipId: string, personId: string, memberIds: readonly string[]): Promise<LoadedMap | null> {
    const logs = await this.store.listLogs(relationshipId, 'cycle');
    for (const log of [...logs].reverse()) {
      const state = fold(await this.store.read(log.logId));
      const other = cycleMapOtherPerson(state, personId);
      if (other !== null && memberIds.includes(other)) return { logId: log.logId, state };
    }
    return null;
  }

  /** The person's current map as they may see it, given the relationship's sharing now. */
  async readFor(relationshipId: string, personId: string, sharing: RelationshipSharing): Promise<CycleMapRead> {
    const map = await this.current(relationshipId, personId, sharing.memberIds);
    const otherId = map === null ? null : cycleMapOtherPerson(map.state, personId);
    if (map === null || otherId === null) return { map: null, paused: false, otherId: null };
    if (!cycleMapShared(sharing, [personId, otherId])) return { map: null, paused: true, otherId };
    return { map: cycleMapViewFor(map.state, personId), paused: false, otherId };
  }

  /** Runs one command for `actorId`, given the relationship's sharing (and so its members) now. */
  async command(
    relationshipId: string,
    actorId: string,
    sharing: RelationshipSharing,
    commandId: string,
    command: CycleMapCommand,
  ): Promise<{ outcome: BetweenUsOutcome; map: CycleMapView | null }> {
    const memberIds = sharing.memberIds;
    const current = await this.current(relationshipId, actorId, memberIds);
    // A map whose two people do not both share it rests: nothing changes, nothing new starts.
    const mapPartner = command.type === 'openMap' ? command.partnerId : current === null ? null : cycleMapOtherPerson(current.state, actorId);
    if (mapPartner !== null && mapPartner !== actorId && memberIds.includes(mapPartner) && !cycleMapShared(sharing, [actorId, mapPartner])) {
      return { outcome: { ok: false, code: CYCLE_MAP_PAUSED.code, message: CYCLE_MAP_PAUSED.message }, map: null };
    }
    let logId: string;
    let decide: (log: readonly BetweenUsStoredEvent[]) => LogDecision<CycleMapEvent>;
    if (command.type === 'openMap') {
      logId = cycleMapLogId(relationshipId, command.mapId);
      const partnerIsMember = command.partnerId !== actorId && memberIds.includes(command.partnerId);
      const stillFilling =
        current !== null && current.state.status === 'drafting' && cycleMapOtherPerson(current.state, actorId) === command.partnerId;
      decide = (log) => {
        if (log.length === 0 && command.partnerId !== actorId && !partnerIsMember) {
          return {
            ok: false,
            code: CYCLE_MAP_REJECTION_CODES.partnerInvalid,
            message: 'Choose someone who is in this relationship with you to map it with.',
          };
        }
        if (log.length === 0 && stillFilling) {
          return {
            ok: false,
            code: CYCLE_MAP_REJECTION_CODES.mapExists,
            message: 'You two already have a map you are filling in. Carry on with it; once you have both looked, you can start a new one.',
          };
        }
        return cycleMapDecide(fold(log), command, actorId);
      };
    } else {
      if (current === null) {
        const outcome = cycleMapDecide(CYCLE_MAP_INITIAL_STATE, command, actorId);
        return { outcome: outcome.ok ? { ok: true } : { ok: false, code: outcome.code, message: outcome.message }, map: null };
      }
      logId = current.logId;
      decide = (log) => cycleMapDecide(fold(log), command, actorId);
    }
    const { outcome } = await logCommandRun({
      store: this.store,
      logId,
      relationshipId,
      kind: 'cycle',
      actorId,
      commandId,
      now: this.now,
      decide,
    });
    return { outcome, map: (await this.readFor(relationshipId, actorId, sharing)).map };
  }
}
