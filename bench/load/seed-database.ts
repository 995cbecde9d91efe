/**
 * Bench-only seeding: writes the sessions and their people into a node's database before the
 * node starts, through the server's own stores and decider (no SQL of its own), so 10,000
 * people are ready in seconds rather than minutes.
 *
 * Why not over HTTP: every guest, session and admission is a commit, and on this machine a
 * durable commit (SQLite synchronous=FULL, or Postgres) costs milliseconds; 23,000 of them take
 * minutes and measure sign-up, not live sessions. The seeding connection therefore commits
 * without waiting for the disk (SQLite synchronous=OFF, Postgres synchronous_commit=off): it is
 * a fixture closed cleanly before the node opens the same database with its own, durable
 * settings. What is measured stays the real path: each socket's upgrade is authenticated by its
 * cookie and authorised against these rows, then says hello and joins with a command.
 */
import { randomUUID } from 'node:crypto';
import { sessionDecide } from '../../src/core/session/decide.ts';
import { SESSION_INITIAL_STATE } from '../../src/core/session/state.ts';
import { serverTimeMs } from '../../src/core/time/instant.ts';
import { IDENTITY_COOKIE } from '../../src/server/auth/identity-cookie.ts';
import { tokenHash, tokenNew } from '../../src/server/auth/tokens.ts';
import { KyselyAdmissionStore } from '../../src/server/store/admission-store.ts';
import { openDatabase } from '../../src/server/store/database.ts';
import type { JsonValue } from '../../src/server/store/event-store.ts';
import { KyselyIdentityStore } from '../../src/server/store/identity-store.ts';
import { KyselyEventStore } from '../../src/server/store/kysely-event-store.ts';
import { migrateToLatest } from '../../src/server/store/migrations/index.ts';
import type { SessionPlan } from './worker-protocol.ts';

/** Sessions written at once (each is a handful of statements). */
const SEED_CONCURRENCY = 16;
/** Guests seeded for the bench stay valid for a day. */
const GUEST_TTL_MS = 24 * 60 * 60 * 1000;

/** Where the node's database is: the same settings the node gets. */
export interface SeedDatabase {
  readonly dataDir: string;
  readonly databaseUrl?: string;
}

function withoutWaitingForDisk(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} -c synchronous_commit=off`.trim());
  return url.toString();
}

function wsUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}${path}`;
}

/**
 * Migrates the database, writes one session per entry of `sizes` (host first, everyone admitted)
 * and returns the plans: person i of session s talks to node (s + i) mod nodes.
 */
export async function seedSessions(where: SeedDatabase, sizes: readonly number[], nodeUrls: readonly string[]): Promise<SessionPlan[]> {
  const database = await openDatabase({ dataDir: where.dataDir, databaseUrl: where.databaseUrl === undefined ? undefined : withoutWaitingForDisk(where.databaseUrl) });
  try {
    const migrated = await migrateToLatest(database.db);
    if (migrated.error !== undefined) throw new Error(`migration failed: ${migrated.error instanceof Error ? migrated.error.message : JSON.stringify(migrated.error)}`);
    database.sqlite?.pragma('synchronous = OFF');
    const identities = new KyselyIdentityStore(database.db);
    const admissions = new KyselyAdmissionStore(database.db);
    const events = new KyselyEventStore(database.db);
    const nowMs = Date.now();
    const guestCookie = async (displayName: string) => {
      const token = tokenNew();
      const identity = await identities.createGuest({ id: randomUUID(), displayName, tokenHash: tokenHash(token), createdAtMs: nowMs, expiresAtMs: nowMs + GUEST_TTL_MS });
      return { identityId: identity.id, cookie: `${IDENTITY_COOKIE}=${token}` };
    };
    const seedOne = async (size: number, sessionIndex: number): Promise<SessionPlan> => {
      const sessionId = randomUUID();
      const people = [];
      for (let index = 0; index < size; index += 1) people.push(await guestCookie(index === 0 ? 'Load host' : `Load ${index + 1}`));
      const host = people[0];
      if (host === undefined) throw new Error('a session needs a host');
      const commandId = `create-${sessionId}`;
      const decision = sessionDecide(SESSION_INITIAL_STATE, { commandId, actor: { participantId: host.identityId, kind: 'guest' }, sessionId, command: { type: 'createSession', maxParticipants: 8 } }, serverTimeMs(nowMs));
      if (!decision.ok) throw new Error(`createSession was turned down: ${decision.message}`);
      const created = decision.events.map((event) => ({ type: event.type, body: event as unknown as JsonValue }));
      await events.appendForCommand({ sessionId, expectedLastSeq: 0, commandId, actorId: host.identityId, atMs: nowMs, events: created, outcome: { ok: true, firstSeq: 1, lastSeq: created.length } });
      for (const person of people.slice(1)) await admissions.admit(sessionId, person.identityId, nowMs);
      return {
        id: sessionId,
        participants: people.map((person, index) => {
          const node = nodeUrls[(sessionIndex + index) % nodeUrls.length] ?? '';
          return { url: wsUrl(node, `/api/sessions/${sessionId}/live`), cookie: person.cookie, origin: node };
        }),
      };
    };
    const plans = new Array<SessionPlan>(sizes.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: SEED_CONCURRENCY }, async () => {
        for (;;) {
          const index = next;
          next += 1;
          const size = sizes[index];
          if (size === undefined) return;
          plans[index] = await seedOne(size, index);
        }
      }),
    );
    return plans;
  } finally {
    await database.close();
  }
}
