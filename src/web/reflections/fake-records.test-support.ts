/**
 * A typed, in-memory stand-in for the personal-record routes of the HTTP contract
 * (`between-us-api.ts`): records kept private, bodies checked with the core's schemas, sharing with
 * one of the owner's relationships and taking it back, and a relationship's shared records for its
 * members. Tests choose the caller (`actAs`).
 */
import {
  recordCreateBody,
  recordSharingBody,
  recordUpdateBody,
  type PersonalRecordView,
} from '../../core/protocol/between-us-api.ts';
import { PERSONAL_RECORD_BODY_SCHEMAS } from '../../core/protocol/personal-record-bodies.ts';

const json = (status: number, body: unknown): Response =>
  status === 204 ? new Response(null, { status }) : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string, message: string) => json(status, { error: { code, message } });

/** The fake server. */
export class FakeRecords {
  readonly names = new Map<string, string>();
  /** Members of each relationship, by id. */
  readonly relationships = new Map<string, readonly string[]>();
  readonly records = new Map<string, Omit<PersonalRecordView, 'ownerName'>>();
  personId: string | null = null;
  nowMs = Date.UTC(2025, 10, 21, 18, 0);
  private counter = 0;

  /** Who the next requests come from. */
  actAs(personId: string | null, name?: string): this {
    this.personId = personId;
    if (personId !== null && name !== undefined) this.names.set(personId, name);
    return this;
  }

  private viewOf(record: Omit<PersonalRecordView, 'ownerName'>, viewerId: string): PersonalRecordView {
    // Only the owner sees where their record is shared.
    return { ...record, ownerName: this.names.get(record.ownerId) ?? 'Someone', sharedWith: record.ownerId === viewerId ? record.sharedWith : null };
  }

  /** The `fetch` to install on `globalThis`. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://attune.test');
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    await Promise.resolve();
    return this.answer(method, url, body);
  };

  private answer(method: string, url: URL, body: unknown): Response {
    const me = this.personId;
    if (me === null) return error(401, 'not_signed_in', 'Choose a name first.');
    const path = url.pathname;
    if (path === '/api/records' && method === 'GET') {
      const kind = url.searchParams.get('kind');
      const mine = [...this.records.values()].filter((record) => record.ownerId === me && (kind === null || record.kind === kind));
      return json(200, { records: mine.map((record) => this.viewOf(record, me)) });
    }
    if (path === '/api/records' && method === 'POST') {
      const parsed = recordCreateBody.safeParse(body);
      if (!parsed.success) return error(400, 'invalid_body', 'The request could not be read.');
      const checked = PERSONAL_RECORD_BODY_SCHEMAS[parsed.data.kind].safeParse(parsed.data.body);
      if (!checked.success) return error(400, 'invalid_body', checked.error.issues[0]?.message ?? 'Invalid.');
      this.counter += 1;
      const record = { recordId: `record-${String(this.counter).padStart(4, '0')}`, ownerId: me, kind: parsed.data.kind, atMs: parsed.data.atMs ?? this.nowMs, updatedAtMs: this.nowMs, body: checked.data, sharedWith: null };
      this.records.set(record.recordId, record);
      return json(201, { record: this.viewOf(record, me) });
    }
    const sharing = /^\/api\/records\/([^/]+)\/sharing$/.exec(path);
    if (sharing?.[1] !== undefined && method === 'PUT') {
      const record = this.records.get(sharing[1]);
      const parsed = recordSharingBody.safeParse(body);
      if (record?.ownerId !== me || !parsed.success) return error(404, 'record_not_found', 'Not found.');
      const target = parsed.data.relationshipId;
      if (target !== null && !(this.relationships.get(target) ?? []).includes(me)) return error(404, 'relationship_not_found', 'Not found.');
      const changed = { ...record, sharedWith: target };
      this.records.set(record.recordId, changed);
      return json(200, { record: this.viewOf(changed, me) });
    }
    const one = /^\/api\/records\/([^/]+)$/.exec(path);
    if (one?.[1] !== undefined && method === 'PUT') {
      const record = this.records.get(one[1]);
      const parsed = recordUpdateBody.safeParse(body);
      if (record?.ownerId !== me || !parsed.success) return error(404, 'record_not_found', 'Not found.');
      const checked = PERSONAL_RECORD_BODY_SCHEMAS[record.kind].safeParse(parsed.data.body);
      if (!checked.success) return error(400, 'invalid_body', checked.error.issues[0]?.message ?? 'Invalid.');
      const changed = { ...record, body: checked.data, updatedAtMs: this.nowMs };
      this.records.set(record.recordId, changed);
      return json(200, { record: this.viewOf(changed, me) });
    }
    const shared = /^\/api\/relationships\/([^/]+)\/shared$/.exec(path);
    if (shared?.[1] !== undefined && method === 'GET') {
      if (!(this.relationships.get(shared[1]) ?? []).includes(me)) return error(404, 'relationship_not_found', 'Not found.');
      const records = [...this.records.values()].filter((record) => record.sharedWith === shared[1]);
      return json(200, { records: records.map((record) => this.viewOf(record, me)) });
    }
    return error(404, 'not_found', 'Nothing here.');
  }
}

/** Installs the fake as `globalThis.fetch`; returns the way back. */
export function fakeRecordsInstall(fake: FakeRecords): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = fake.fetch;
  return () => {
    globalThis.fetch = original;
  };
}
