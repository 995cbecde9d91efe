/**
 * A typed, in-memory stand-in for the "Between us" HTTP contract (`between-us-api.ts`), answering
 * `fetch` the way the server does: relationships, invites, leaving, sessions, and the cycle map
 * through core's own decider and per-person view. Tests choose who is calling (`actAs`), since
 * there is no cookie jar here; `requests` records what the page asked for.
 */
import {
  CYCLE_MAP_INITIAL_STATE,
  cycleMapCommandParse,
  cycleMapDecide,
  cycleMapEvolve,
  cycleMapViewFor,
  type CycleMapState,
} from '../../core/cycles/index.ts';
import {
  commandEnvelopeBody,
  relationshipCreateBody,
  relationshipInviteAcceptBody,
  relationshipSharingBody,
  type RelationshipInviteView,
  type RelationshipKind,
  type RelationshipView,
} from '../../core/protocol/between-us-api.ts';
import {
  cycleMapShared,
  sharingSettingsOf,
  sharingWith,
  type RelationshipSharing,
  type SharingSettings,
} from '../../core/relationships/sharing.ts';

interface FakeRelationship {
  readonly relationshipId: string;
  readonly kind: RelationshipKind;
  readonly createdAtMs: number;
  members: { personId: string; joinedAtMs: number }[];
  cycle: CycleMapState;
  /** Sharing switches members chose (others use the defaults). */
  readonly sharing: Map<string, SharingSettings>;
  /** First outcome of each command id, so a repeat changes nothing. */
  readonly outcomes: Map<string, { ok: true } | { ok: false; code: string; message: string }>;
}

/** One request the fake answered. */
export interface FakeRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly personId: string | null;
}

const json = (status: number, body: unknown): Response =>
  status === 204
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });

const error = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } });

/** The fake server. */
export class FakeBetweenUs {
  readonly names = new Map<string, string>();
  readonly relationships = new Map<string, FakeRelationship>();
  readonly invites = new Map<
    string,
    { relationshipId: string; invitedBy: string; expiresAtMs: number }
  >();
  readonly sessions: { sessionId: string; relationshipId: string }[] = [];
  readonly requests: FakeRequest[] = [];
  /** Who the next requests come from; null is a device with no identity yet. */
  personId: string | null = null;
  nowMs = Date.UTC(2026, 2, 1, 9, 0, 0);
  private counter = 0;

  /** Makes `personId` (called `name`) the caller from now on. */
  actAs(personId: string | null, name?: string): this {
    this.personId = personId;
    if (personId !== null && name !== undefined) this.names.set(personId, name);
    return this;
  }

  /** The `fetch` to install on `globalThis`. */
  readonly fetch = async (
    input: string | URL | Request,
    init: RequestInit = {},
  ): Promise<Response> => {
    const path =
      typeof input === 'string'
        ? input
        : input instanceof URL
          ? input.pathname
          : new URL(input.url).pathname;
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    this.requests.push({ method, path, body, personId: this.personId });
    await Promise.resolve();
    return this.answer(method, path, body);
  };

  private nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${String(this.counter).padStart(4, '0')}`;
  }

  /** The relationship as `personId` sees it. */
  viewOf(relationship: FakeRelationship, personId: string): RelationshipView {
    return {
      relationshipId: relationship.relationshipId,
      kind: relationship.kind,
      createdAtMs: relationship.createdAtMs,
      members: relationship.members.map((member) => ({
        personId: member.personId,
        displayName: this.names.get(member.personId) ?? 'Someone',
        isMe: member.personId === personId,
        joinedAtMs: member.joinedAtMs,
      })),
    };
  }

  private inviteFor(relationshipId: string, invitedBy: string): RelationshipInviteView {
    const token = this.nextId('invite');
    const expiresAtMs = this.nowMs + 24 * 3_600_000;
    this.invites.set(token, { relationshipId, invitedBy, expiresAtMs });
    return { token, url: `http://attune.test/us/join#${token}`, expiresAtMs };
  }

  /** The caller, made on the spot from `displayName` when this device had no identity. */
  private callerOrNew(displayName: string | undefined): string | null {
    if (this.personId !== null) return this.personId;
    if (displayName === undefined) return null;
    const personId = this.nextId('person');
    this.actAs(personId, displayName);
    return personId;
  }

  private answer(method: string, path: string, body: unknown): Response {
    const me = this.personId;
    if (method === 'GET' && path === '/api/identity') {
      if (me === null) return error(401, 'not_signed_in', 'Sign in first.');
      return json(200, { id: me, displayName: this.names.get(me) ?? '', kind: 'guest' });
    }
    if (method === 'POST' && path === '/api/relationships') {
      const parsed = relationshipCreateBody.safeParse(body);
      if (!parsed.success)
        return error(400, 'invalid', parsed.error.issues[0]?.message ?? 'Invalid.');
      const caller = this.callerOrNew(parsed.data.displayName);
      if (caller === null)
        return error(400, 'name_needed', 'Choose a name the other person will see.');
      const relationship: FakeRelationship = {
        relationshipId: this.nextId('rel'),
        kind: parsed.data.kind,
        createdAtMs: this.nowMs,
        members: [{ personId: caller, joinedAtMs: this.nowMs }],
        cycle: CYCLE_MAP_INITIAL_STATE,
        sharing: new Map(),
        outcomes: new Map(),
      };
      this.relationships.set(relationship.relationshipId, relationship);
      const invite = this.inviteFor(relationship.relationshipId, caller);
      return json(201, { relationship: this.viewOf(relationship, caller), invite });
    }
    const invite = /^\/api\/relationship-invites\/([^/]+)(\/accept)?$/.exec(path);
    if (invite?.[1] !== undefined)
      return this.answerInvite(
        method,
        decodeURIComponent(invite[1]),
        invite[2] !== undefined,
        body,
      );
    if (me === null)
      return error(401, 'not_signed_in', 'Open your invite link again on this device.');
    if (method === 'GET' && path === '/api/relationships') {
      const mine = [...this.relationships.values()].filter((r) =>
        r.members.some((m) => m.personId === me),
      );
      return json(200, { relationships: mine.map((r) => this.viewOf(r, me)) });
    }
    const match = /^\/api\/relationships\/([^/]+)(\/.*)?$/.exec(path);
    const relationship =
      match?.[1] === undefined ? undefined : this.relationships.get(decodeURIComponent(match[1]));
    if (
      relationship === undefined ||
      !relationship.members.some((member) => member.personId === me)
    ) {
      return error(404, 'relationship_not_found', 'This relationship is not one of yours.');
    }
    return this.answerRelationship(method, match?.[2] ?? '', relationship, me, body);
  }

  private answerInvite(method: string, token: string, accept: boolean, body: unknown): Response {
    const invite = this.invites.get(token);
    const relationship =
      invite === undefined ? undefined : this.relationships.get(invite.relationshipId);
    if (invite === undefined || relationship === undefined || invite.expiresAtMs < this.nowMs) {
      return error(404, 'invite_invalid', 'This link has expired or was withdrawn.');
    }
    if (!accept && method === 'GET') {
      return json(200, {
        relationshipId: relationship.relationshipId,
        kind: relationship.kind,
        invitedBy: this.names.get(invite.invitedBy) ?? 'Someone',
        expiresAtMs: invite.expiresAtMs,
      });
    }
    const parsed = relationshipInviteAcceptBody.safeParse(body ?? {});
    if (!parsed.success)
      return error(400, 'invalid', parsed.error.issues[0]?.message ?? 'Invalid.');
    const caller = this.callerOrNew(parsed.data.displayName);
    if (caller === null)
      return error(400, 'name_needed', 'Choose a name the other person will see.');
    if (!relationship.members.some((member) => member.personId === caller)) {
      relationship.members.push({ personId: caller, joinedAtMs: this.nowMs });
    }
    return json(200, { relationship: this.viewOf(relationship, caller) });
  }

  private answerRelationship(
    method: string,
    rest: string,
    relationship: FakeRelationship,
    me: string,
    body: unknown,
  ): Response {
    const id = relationship.relationshipId;
    if (method === 'GET' && rest === '')
      return json(200, { relationship: this.viewOf(relationship, me) });
    if (method === 'POST' && rest === '/invites')
      return json(201, { invite: this.inviteFor(id, me) });
    if (method === 'DELETE' && rest === '/membership') {
      relationship.members = relationship.members.filter((member) => member.personId !== me);
      relationship.sharing.delete(me);
      return json(204, null);
    }
    if (method === 'POST' && rest === '/sessions') {
      const sessionId = this.nextId('session');
      this.sessions.push({ sessionId, relationshipId: id });
      return json(201, { sessionId });
    }
    if (rest === '/sharing') return this.answerSharing(method, relationship, me, body);
    if (method === 'GET' && rest === '/cycle') {
      const view = cycleMapViewFor(relationship.cycle, me);
      const paused = view !== null && !cycleMapShared(this.sharingOf(relationship), [me, view.theirs.personId]);
      return json(200, { map: paused ? null : view, paused, cycleMoments: [] });
    }
    if (method === 'POST' && rest === '/cycle/commands')
      return this.answerCycleCommand(relationship, me, body);
    return error(404, 'not_found', 'Nothing here.');
  }

  private sharingOf(relationship: FakeRelationship): RelationshipSharing {
    return { memberIds: relationship.members.map((member) => member.personId), chosen: relationship.sharing };
  }

  private answerSharing(method: string, relationship: FakeRelationship, me: string, body: unknown): Response {
    if (method === 'PUT') {
      const parsed = relationshipSharingBody.safeParse(body);
      if (!parsed.success) return error(400, 'invalid_body', parsed.error.issues[0]?.message ?? 'Invalid.');
      relationship.sharing.set(me, parsed.data);
    } else if (method !== 'GET') return error(404, 'not_found', 'Nothing here.');
    const sharing = this.sharingOf(relationship);
    return json(200, {
      sharing: {
        relationshipId: relationship.relationshipId,
        mine: sharingSettingsOf(sharing, me),
        mineChosen: relationship.sharing.has(me),
        others: sharingWith(sharing, me).map((other) => ({ ...other, displayName: this.names.get(other.personId) ?? 'Someone' })),
      },
    });
  }

  private answerCycleCommand(relationship: FakeRelationship, me: string, body: unknown): Response {
    const envelope = commandEnvelopeBody.safeParse(body);
    if (!envelope.success)
      return error(400, 'invalid', envelope.error.issues[0]?.message ?? 'Invalid.');
    const earlier = relationship.outcomes.get(envelope.data.commandId);
    if (earlier !== undefined) {
      return json(200, { outcome: earlier, map: cycleMapViewFor(relationship.cycle, me) });
    }
    const parsed = cycleMapCommandParse(envelope.data.command);
    if (!parsed.ok) return error(400, 'invalid', parsed.message);
    const decision = cycleMapDecide(relationship.cycle, parsed.command, me);
    const outcome = decision.ok
      ? ({ ok: true } as const)
      : { ok: false as const, code: decision.code, message: decision.message };
    if (decision.ok)
      relationship.cycle = decision.events.reduce(cycleMapEvolve, relationship.cycle);
    relationship.outcomes.set(envelope.data.commandId, outcome);
    return json(200, { outcome, map: cycleMapViewFor(relationship.cycle, me) });
  }
}

/** Installs `fake.fetch` as the global `fetch` until the returned function is called. */
export function fakeFetchInstall(fake: FakeBetweenUs): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = fake.fetch;
  return () => {
    globalThis.fetch = original;
  };
}
