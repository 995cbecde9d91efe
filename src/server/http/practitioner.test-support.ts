/**
 * The people of the practitioner route tests: accounts made through the real HTTP API (each from
 * its own address, as `TestBrowser`s), a practitioner marked as one directly in the database (an
 * operator's job), practitioner relationships joined by invite, and live sockets into sessions.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { RelationshipInviteView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import { configFromEnvironment } from '../config.ts';
import { SILENT_LOGGER } from '../log/logger.ts';
import { serverStart, type RunningServer } from '../main.ts';
import { openDatabase } from '../store/database.ts';
import type { DatabaseSchema } from '../store/schema.ts';
import { TestBrowser, type BrowserReply } from '../testing/browser-client.ts';
import { LiveClient } from '../testing/live-client.ts';
import { portFree } from '../testing/test-server.ts';

/** A started server, a second handle onto its database, and a way to stop both. */
export interface PractitionerTestServer {
  readonly server: RunningServer;
  readonly baseUrl: string;
  /** To set an account's role, as an operator would. */
  readonly db: Kysely<DatabaseSchema>;
  stop(): Promise<void>;
}

/** Starts a server on SQLite (its own directory) or, with `databaseUrl`, on Postgres. */
export async function practitionerTestServerStart(databaseUrl?: string): Promise<PractitionerTestServer> {
  const port = await portFree();
  const dataDir = mkdtempSync(join(tmpdir(), 'attune-practitioner-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = configFromEnvironment({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_ORIGIN: baseUrl,
    LOG_LEVEL: 'silent',
    HTTP_REQUESTS_PER_MINUTE: '100000',
    ...(databaseUrl === undefined ? {} : { DATABASE_URL: databaseUrl }),
  });
  const server = await serverStart(config, SILENT_LOGGER);
  const database = await openDatabase({ dataDir, databaseUrl });
  return {
    server,
    baseUrl,
    db: database.db,
    stop: async () => {
      await database.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One signed-in person. */
export interface TestPerson {
  readonly id: string;
  readonly name: string;
  readonly browser: TestBrowser;
  /** Their cookies as one header value, for live sockets. */
  readonly cookie: () => string;
  call<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<BrowserReply<T>>;
}

let addressSerial = 0;

/** The people of one suite, on one running server. */
export class PractitionerWorld {
  private readonly sockets: LiveClient[] = [];

  constructor(readonly running: PractitionerTestServer) {}

  private personOf(browser: TestBrowser, id: string, name: string): TestPerson {
    return {
      id,
      name,
      browser,
      cookie: () => [...browser.cookies].map(([key, value]) => `${key}=${value}`).join('; '),
      call: (method, url, body) => browser.call(method, url, body),
    };
  }

  private browserNew(): TestBrowser {
    addressSerial += 1;
    return new TestBrowser(this.running.server.app, this.running.baseUrl, `10.9.${String(Math.floor(addressSerial / 250))}.${String(addressSerial % 250)}`);
  }

  /** A new account with a password, signed in; `role` set as an operator would. */
  async account(name: string, role: 'person' | 'practitioner' = 'person'): Promise<TestPerson> {
    const browser = this.browserNew();
    const reply = await browser.call<{ account: { id: string } }>('POST', '/api/account/register/password', {
      signInName: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}`,
      displayName: name,
      password: `quiet river morning ${randomUUID()}`,
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const id = reply.body.account.id;
    if (role !== 'person') await this.roleSet(id, role);
    return this.personOf(browser, id, name);
  }

  /** A guest with a name (no account). */
  async guest(name: string): Promise<TestPerson> {
    const browser = this.browserNew();
    const reply = await browser.call<{ id: string }>('POST', '/api/identity', { displayName: name });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    return this.personOf(browser, reply.body.id, name);
  }

  async roleSet(id: string, role: 'person' | 'practitioner' | 'operator'): Promise<void> {
    const result = await this.running.db.updateTable('accounts').set({ role }).where('identity_id', '=', id).executeTakeFirst();
    assert.equal(result.numUpdatedRows, 1n);
  }

  /** `owner` starts a relationship of `kind` and each of `others` joins it by invite; returns its id. */
  async relationship(owner: TestPerson, others: readonly TestPerson[], kind: RelationshipView['kind'] = 'practitioner'): Promise<string> {
    const created = await owner.call<{ relationship: RelationshipView; invite: RelationshipInviteView }>('POST', '/api/relationships', { kind });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const relationshipId = created.body.relationship.relationshipId;
    let token = created.body.invite.token;
    for (const other of others) {
      const accepted = await other.call('POST', `/api/relationship-invites/${token}/accept`, {});
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
      const fresh = await owner.call<{ invite: RelationshipInviteView }>('POST', `/api/relationships/${relationshipId}/invites`);
      token = fresh.body.invite.token;
    }
    return relationshipId;
  }

  /** A record kept by `person` and shared with the relationship. */
  async recordShared(person: TestPerson, relationshipId: string, kind: string, body: unknown): Promise<string> {
    const created = await person.call<{ record: { recordId: string } }>('POST', '/api/records', { kind, body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const shared = await person.call('PUT', `/api/records/${created.body.record.recordId}/sharing`, { relationshipId });
    assert.equal(shared.status, 200, JSON.stringify(shared.body));
    return created.body.record.recordId;
  }

  /** A live socket into `sessionId` for `person`, closed by `closeAll`. */
  live(person: TestPerson, sessionId: string): LiveClient {
    const client = new LiveClient(this.running.baseUrl, person.cookie(), sessionId);
    this.sockets.push(client);
    return client;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.sockets.map((socket) => socket.close()));
  }
}
