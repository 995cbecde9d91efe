/**
 * Calls for the relationship-sharing route tests, made with `app.inject` as a browser page would
 * (cookie and Origin), plus the live sockets some tests need; `closeAll` closes those.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { CycleMapView } from '../../core/cycles/index.ts';
import type { BetweenUsOutcome, PersonalRecordView, RelationshipInviteView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import type { ServerContext } from '../context.ts';
import { LiveClient } from '../testing/live-client.ts';
import type { TestServer } from '../testing/test-server.ts';

/** One reply; `body` is null for an empty one (204). */
export interface InjectReply<T> {
  readonly status: number;
  readonly body: T;
  readonly cookie: string | undefined;
}

/** Two people in a partner relationship, and a way to make a fresh invite into it (as Ana). */
export interface Couple {
  readonly ana: string;
  readonly ben: string;
  readonly anaId: string;
  readonly benId: string;
  readonly relationshipId: string;
  readonly inviteAgain: () => Promise<string>;
}

/** The calls. */
export interface InjectClient {
  call<T = unknown>(method: string, url: string, cookie?: string, body?: unknown): Promise<InjectReply<T>>;
  /** A GET whose answer is not JSON (CSV). */
  text(url: string, cookie: string): Promise<{ status: number; text: string }>;
  /** The server's parts, to look at the audit or keep a summary as the report worker would. */
  context(): ServerContext;
  guest(displayName: string): Promise<string>;
  couple(): Promise<Couple>;
  /** Keeps a record for `cookie` and shares it with the relationship. */
  recordShared(cookie: string, relationshipId: string, kind: string, body: unknown): Promise<PersonalRecordView>;
  cycleCommand(cookie: string, relationshipId: string, command: object): Promise<{ outcome: BetweenUsOutcome; map: CycleMapView | null }>;
  cycleAccept(cookie: string, relationshipId: string, command: object): Promise<void>;
  /** A live socket into a session for `cookie`, closed by `closeAll`. */
  live(cookie: string, sessionId: string): LiveClient;
  closeAll(): Promise<void>;
}

/** The calls against one running test server. */
export function injectClient(running: TestServer): InjectClient {
  const clients: LiveClient[] = [];
  const origin = running.baseUrl;

  async function call<T = unknown>(method: string, url: string, cookie?: string, body?: unknown): Promise<InjectReply<T>> {
    const response = await running.server.app.inject({
      method: method as 'GET',
      url,
      headers: {
        origin,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie === undefined ? {} : { cookie }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    const setCookie = response.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    return { status: response.statusCode, body: (response.body === '' ? null : JSON.parse(response.body)) as T, cookie: first?.split(';')[0] };
  }

  async function cycleCommand(cookie: string, relationshipId: string, command: object) {
    const reply = await call<{ outcome: BetweenUsOutcome; map: CycleMapView | null }>('POST', `/api/relationships/${relationshipId}/cycle/commands`, cookie, {
      commandId: `cmd-${randomUUID().slice(0, 12)}`,
      command,
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body;
  }

  return {
    call,
    cycleCommand,
    context: () => running.server.context,
    async text(url, cookie) {
      const response = await running.server.app.inject({ method: 'GET', url, headers: { origin, cookie } });
      return { status: response.statusCode, text: response.body };
    },
    async guest(displayName) {
      const created = await call('POST', '/api/identity', undefined, { displayName });
      assert.equal(created.status, 201);
      assert.ok(created.cookie);
      return created.cookie;
    },
    async couple() {
      const created = await call<{ relationship: RelationshipView; invite: RelationshipInviteView }>('POST', '/api/relationships', undefined, {
        kind: 'partner',
        displayName: 'Ana',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const ana = created.cookie ?? '';
      const relationshipId = created.body.relationship.relationshipId;
      const accepted = await call<{ relationship: RelationshipView }>('POST', `/api/relationship-invites/${created.body.invite.token}/accept`, undefined, {
        displayName: 'Ben',
      });
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      return {
        ana,
        ben: accepted.cookie ?? '',
        anaId: created.body.relationship.members[0]?.personId ?? '',
        benId: accepted.body.relationship.members.find((member) => member.isMe)?.personId ?? '',
        relationshipId,
        inviteAgain: async () => {
          const fresh = await call<{ invite: RelationshipInviteView }>('POST', `/api/relationships/${relationshipId}/invites`, ana);
          assert.equal(fresh.status, 201);
          return fresh.body.invite.token;
        },
      };
    },
    async recordShared(cookie, relationshipId, kind, body) {
      const created = await call<{ record: PersonalRecordView }>('POST', '/api/records', cookie, { kind, body });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const shared = await call<{ record: PersonalRecordView }>('PUT', `/api/records/${created.body.record.recordId}/sharing`, cookie, { relationshipId });
      assert.equal(shared.status, 200, JSON.stringify(shared.body));
      return shared.body.record;
    },
    async cycleAccept(cookie, relationshipId, command) {
      const { outcome } = await cycleCommand(cookie, relationshipId, command);
      assert.ok(outcome.ok, `${JSON.stringify(command)} was turned down: ${JSON.stringify(outcome)}`);
    },
    live(cookie, sessionId) {
      const client = new LiveClient(running.baseUrl, cookie, sessionId);
      clients.push(client);
      return client;
    },
    async closeAll() {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
}
