/**
 * A typed, in-memory stand-in for the repair routes of the HTTP contract (`between-us-api.ts`),
 * answering `fetch` as the server does: the command parsed with core's schema, decided with
 * `repairDecide`, and each member's view made with `repairEventForViewer` and folded from exactly
 * what they may see. Tests choose the caller (`actAs`); `requests` records what was sent.
 */
import type { RepairView } from '../../core/protocol/between-us-api.ts';
import { commandEnvelopeBody } from '../../core/protocol/between-us-api.ts';
import {
  repairCommandSchema,
  repairDecide,
  repairEventForViewer,
  repairFold,
  repairStage,
  type RepairEvent,
} from '../../core/repair/index.ts';
import { serverTimeMs } from '../../core/time/instant.ts';

const json = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** What a command came to, kept per command id so a repeat gets the first answer. */
type Outcome = { ok: true } | { ok: false; code: string; message: string };

interface FakeRepair {
  readonly relationshipId: string;
  readonly log: { atMs: number; event: RepairEvent }[];
  readonly outcomes: Map<string, Outcome>;
}

/** The fake server. */
export class FakeRepairs {
  /** Members of each relationship, by id. */
  readonly relationships = new Map<string, readonly string[]>();
  readonly repairs = new Map<string, FakeRepair>();
  readonly requests: { method: string; path: string; body: unknown; personId: string | null }[] = [];
  personId: string | null = null;
  nowMs = Date.UTC(2025, 10, 21, 18, 0);
  private counter = 0;

  /** Who the next requests come from. */
  actAs(personId: string | null): this {
    this.personId = personId;
    return this;
  }

  /** The repair as `viewerId` may see it, as the server builds it. */
  viewFor(repairId: string, viewerId: string): RepairView | null {
    const repair = this.repairs.get(repairId);
    if (repair === undefined) return null;
    const memberIds = repairFold(repair.log.map((entry) => entry.event)).memberIds;
    if (!memberIds.includes(viewerId)) return null;
    const events = repair.log.flatMap((entry, index) => {
      const seen = repairEventForViewer(memberIds, entry.event, viewerId);
      return seen === null ? [] : [{ seq: index + 1, atMs: entry.atMs, event: seen }];
    });
    const state = repairFold(events.flatMap(({ event }) => (event.type === 'hidden' ? [] : [event])));
    return { repairId, relationshipId: repair.relationshipId, state, stage: repairStage(state), events };
  }

  /** The `fetch` to install on `globalThis`. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : new URL(input.url).pathname;
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path, body, personId: this.personId });
    await Promise.resolve();
    return this.answer(method, path, body);
  };

  private run(repairId: string, relationshipId: string, me: string, body: unknown): { outcome: Outcome } | Response {
    const envelope = commandEnvelopeBody.safeParse(body);
    if (!envelope.success) return error(400, 'invalid_body', 'The request could not be read.');
    const command = repairCommandSchema.safeParse(envelope.data.command);
    if (!command.success) return error(400, 'invalid_body', command.error.issues[0]?.message ?? 'Invalid.');
    const repair: FakeRepair = this.repairs.get(repairId) ?? { relationshipId, log: [], outcomes: new Map<string, Outcome>() };
    const earlier = repair.outcomes.get(envelope.data.commandId);
    if (earlier !== undefined) return { outcome: earlier };
    const decision = repairDecide(
      repairFold(repair.log.map((entry) => entry.event)),
      { commandId: envelope.data.commandId, actorId: me, repairId, relationshipMemberIds: this.relationships.get(relationshipId) ?? [], command: command.data },
      serverTimeMs(this.nowMs),
    );
    const outcome: Outcome = decision.ok ? { ok: true } : { ok: false, code: decision.code, message: decision.message };
    if (decision.ok) {
      for (const event of decision.events) repair.log.push({ atMs: this.nowMs, event });
      if (!this.repairs.has(repairId) && repair.log.length > 0) this.repairs.set(repairId, repair);
    }
    repair.outcomes.set(envelope.data.commandId, outcome);
    return { outcome };
  }

  private answer(method: string, path: string, body: unknown): Response {
    const me = this.personId;
    if (me === null) return error(401, 'not_signed_in', 'Choose a name first.');
    const list = /^\/api\/relationships\/([^/]+)\/repairs$/.exec(path);
    if (list?.[1] !== undefined) {
      const relationshipId = decodeURIComponent(list[1]);
      if (!(this.relationships.get(relationshipId) ?? []).includes(me)) return error(404, 'relationship_not_found', 'Not found.');
      if (method === 'GET') {
        const views = [...this.repairs.entries()].filter(([, repair]) => repair.relationshipId === relationshipId).flatMap(([id]) => this.viewFor(id, me) ?? []);
        return json(200, { repairs: views });
      }
      this.counter += 1;
      const repairId = `repair-${String(this.counter).padStart(4, '0')}`;
      const ran = this.run(repairId, relationshipId, me, body);
      if (ran instanceof Response) return ran;
      const repair = this.viewFor(repairId, me);
      return repair === null ? json(200, { outcome: ran.outcome, repairId: null, repair: null }) : json(201, { outcome: ran.outcome, repairId, repair });
    }
    const one = /^\/api\/repairs\/([^/]+)(\/commands)?$/.exec(path);
    if (one?.[1] !== undefined) {
      const repairId = decodeURIComponent(one[1]);
      const view = this.viewFor(repairId, me);
      const repair = this.repairs.get(repairId);
      if (view === null || repair === undefined) return error(404, 'repair_not_found', 'This repair could not be found.');
      if (one[2] === undefined) return json(200, { repair: view });
      const ran = this.run(repairId, repair.relationshipId, me, body);
      if (ran instanceof Response) return ran;
      return json(200, { outcome: ran.outcome, repair: this.viewFor(repairId, me) });
    }
    return error(404, 'not_found', 'Nothing here.');
  }
}

/** Installs the fake as `globalThis.fetch`; returns the way back. */
export function fakeRepairsInstall(fake: FakeRepairs): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = fake.fetch;
  return () => {
    globalThis.fetch = original;
  };
}
