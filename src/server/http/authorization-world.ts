/**
 * The cast of the authorization matrix (`authorization-matrix.ts`), built through the real HTTP
 * API of a real test server (SQLite), with everything the owner can have:
 *
 * - `owner`: a person account with data of every kind: private and shared records, four
 *   relationships, revealed cycle maps, a repair with words in progress, a live session from each
 *   relationship with private and shared check-ins, prompt settings and a prompt shown, a
 *   consultation booked, a passkey, an access log.
 * - `partnerSharing`: a person account in the owner's `partner` relationship ("partner"); the
 *   owner shares everything there (all four switches on).
 * - `partnerNotSharing`: a person account in a SECOND partner relationship with the owner
 *   ("notSharing"), where the owner first shared (a record, a revealed cycle map) and then turned
 *   all four switches off. So this is "a member, sharing off", not "no relationship".
 * - `practitionerConsented`: practitioner role, in a `practitioner` relationship with the owner
 *   ("practitioner") where the owner shares everything; the author of a private note about the
 *   owner.
 * - `practitionerNotConsented`: practitioner role, in a SECOND `practitioner` relationship with the
 *   owner ("practitionerOff") where the owner shared a record and then turned every switch off. The
 *   owner is still their client (sharing does not decide who is a client), so they reach the client
 *   page, empty; a practitioner with no relationship at all is what `stranger` tests, one role lower.
 * - `stranger`: a person account with no relation to anyone. `guest`: a guest cookie only (POST
 *   /api/identity). `operator`: the operator account, made through first-run setup.
 *   `anonymous`: no cookie.
 *
 * Every actor's own words carry a unique marker; `foreignMarkers(actor)` are the markers of
 * everyone else, which a reply classed "own" must not contain.
 *
 * Requests go through `app.inject`, each from its own address (so per-address rate limits and
 * sign-in throttles never mix rows), with this instance's Origin unless told otherwise.
 */
import { randomUUID } from 'node:crypto';
import { OPEN_BOUNDARIES } from '../../core/boundaries/boundary.ts';
import type { RegisteredAnswer, AccountView, PasskeyOptionsAnswer } from '../../core/protocol/account-api.ts';
import { GENTLE_PROMPTS, PROMPT_SETTINGS_OFF, PROMPT_SETTINGS_SUGGESTED, type PromptSettings } from '../../core/prompts/index.ts';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import { SHARING_DEFAULTS, type SharingSettings } from '../../core/relationships/sharing.ts';
import { setupLinkNew } from '../operator/setup-link.ts';
import { SoftAuthenticator } from '../testing/soft-authenticator.ts';
import { portFree, testServerStart, type TestServer } from '../testing/test-server.ts';
import { PERMISSIONS_POLICY } from './app.ts';

/** Everyone the matrix asks about, in the order it asks. */
export const ACTORS = [
  'owner',
  'partnerSharing',
  'partnerNotSharing',
  'practitionerConsented',
  'practitionerNotConsented',
  'stranger',
  'guest',
  'operator',
  'anonymous',
] as const;

/** One of them. */
export type Actor = (typeof ACTORS)[number];

/** The actors with an account (and a password). */
export const ACCOUNT_ACTORS = ['owner', 'partnerSharing', 'partnerNotSharing', 'practitionerConsented', 'practitionerNotConsented', 'stranger', 'operator'] as const;

/** One of them. */
export type AccountActor = (typeof ACCOUNT_ACTORS)[number];

/** Whether `actor` has an account. */
export function isAccountActor(actor: Actor): actor is AccountActor {
  return (ACCOUNT_ACTORS as readonly string[]).includes(actor);
}

/** The owner's four relationships, by what they test. */
export const RELATIONSHIP_NAMES = ['partner', 'notSharing', 'practitioner', 'practitionerOff'] as const;

/** One of them. */
export type RelationshipName = (typeof RELATIONSHIP_NAMES)[number];

/** The other member of each of the owner's relationships. */
const MEMBER_OF: Readonly<Record<RelationshipName, AccountActor>> = {
  partner: 'partnerSharing',
  notSharing: 'partnerNotSharing',
  practitioner: 'practitionerConsented',
  practitionerOff: 'practitionerNotConsented',
};

/** The owner's switches in each relationship. */
const OWNER_SHARING: Readonly<Record<RelationshipName, SharingSettings>> = {
  partner: { checkIns: true, physiology: true, reflections: true, cycleMap: true },
  notSharing: { checkIns: false, physiology: false, reflections: false, cycleMap: false },
  practitioner: { checkIns: true, physiology: true, reflections: true, cycleMap: true },
  practitionerOff: { checkIns: false, physiology: false, reflections: false, cycleMap: false },
};

/** The marked words seeded in the world, by name; each belongs to one actor. */
export const MARKER_NAMES = [
  'ownerPrivateRecord',
  'ownerRecordPartner',
  'ownerRecordNotSharing',
  'ownerRecordPractitioner',
  'ownerRecordPractitionerOff',
  'ownerSessionNote',
  'ownerSessionTag',
  'ownerCyclePartner',
  'ownerCycleNotSharing',
  'ownerRepairWords',
  'ownerConsultationId',
  'ownerSignalRows',
  'ownerHeartRate',
  'partnerPrivateRecord',
  'practitionerNote',
] as const;

/** One of them. */
export type MarkerName = (typeof MARKER_NAMES)[number];

/** Whose each marked thing is (a consultation is its two people's). */
const MARKER_OWNERS: Readonly<Record<MarkerName, readonly Actor[]>> = {
  ownerPrivateRecord: ['owner'],
  ownerRecordPartner: ['owner'],
  ownerRecordNotSharing: ['owner'],
  ownerRecordPractitioner: ['owner'],
  ownerRecordPractitionerOff: ['owner'],
  ownerSessionNote: ['owner'],
  ownerSessionTag: ['owner'],
  ownerCyclePartner: ['owner'],
  ownerCycleNotSharing: ['owner'],
  ownerRepairWords: ['owner'],
  ownerConsultationId: ['owner', 'practitionerConsented'],
  ownerSignalRows: ['owner'],
  ownerHeartRate: ['owner'],
  partnerPrivateRecord: ['partnerSharing'],
  practitionerNote: ['practitionerConsented'],
};

/** The owner's heart rate in every session: a figure that shows up nowhere else. */
const OWNER_HEART_RATE = 187.3;
/** The owner's beat-to-beat interval. */
const OWNER_RR_MS = 777;

/** The password of every account in the world. */
export const WORLD_PASSWORD = 'amber lantern over quiet water';

/** Availability both practitioners publish: two hours every day (UTC), booked a day ahead. */
export const WORLD_AVAILABILITY = {
  timeZone: 'UTC',
  slotMinutes: 30,
  bufferMinutes: 0,
  minNoticeMinutes: 24 * 60,
  windows: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '10:00', end: '12:00' })),
};

/** An origin this instance does not trust. */
export const FOREIGN_ORIGIN = 'https://evil.example';

/** A reply as the matrix reads it. */
export interface WorldReply {
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  /** The cookies it set, as "name=value" (cleared ones left out). */
  readonly setCookies: readonly string[];
  /** The body as JSON (throws if it is not); the caller names the shape it expects. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a test helper: the caller names the body it reads
  json<T>(): T;
}

/** How to send one request. */
export interface WorldCallOptions {
  readonly cookie?: string | undefined;
  readonly body?: unknown;
  /** The Origin header; null sends none. This instance's origin unless given. */
  readonly origin?: string | null;
}

type ErrorBody = { error?: { code?: string } };

let addressSerial = 0;

/** A fresh client address for every request. */
function addressNew(): string {
  addressSerial += 1;
  return `10.${String(40 + Math.floor(addressSerial / 62_500))}.${String(Math.floor(addressSerial / 250) % 250)}.${String(1 + (addressSerial % 250))}`;
}

/** A fresh id for a command. */
export function commandIdNew(): string {
  return `am-${randomUUID()}`;
}

function markerNew(name: string): string {
  return `mk7-${name}-${randomUUID().slice(0, 8)}`;
}

/**
 * The Content-Security-Policy app.ts sets, directive by directive: everything from this origin
 * only, nothing inline, no plugins, no <base>, never framed. A change that loosens any of it fails.
 */
export const EXPECTED_CSP: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'font-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The other headers app.ts sets (helmet's, and the permissions policy), as they must read. */
const EXPECTED_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/**
 * What is wrong with the security headers of one response (empty when nothing is).
 * `https`: the instance's PUBLIC_ORIGIN is https, so Strict-Transport-Security must be there.
 */
export function securityHeaderProblems(headers: Readonly<Record<string, string | string[] | number | undefined>>, https: boolean): string[] {
  const one = (name: string): string => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value === undefined ? '' : String(value);
  };
  const problems: string[] = [];
  const csp = one('content-security-policy');
  if (csp === '') problems.push('no content-security-policy');
  else {
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .map((part) => {
          const [name = '', ...values] = part.split(/\s+/);
          return [name.toLowerCase(), values.join(' ')] as const;
        }),
    );
    for (const [name, expected] of Object.entries(EXPECTED_CSP)) {
      const actual = directives.get(name);
      if (actual !== expected) problems.push(`CSP ${name} is ${actual === undefined ? 'missing' : `"${actual}"`}, expected "${expected}"`);
    }
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? '';
    if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/.test(scripts)) problems.push(`CSP script-src allows inline or any script: ${scripts}`);
  }
  for (const [name, expected] of Object.entries(EXPECTED_HEADERS)) {
    if (one(name) !== expected) problems.push(`${name} is ${one(name) === '' ? 'missing' : `"${one(name)}"`}, expected "${expected}"`);
  }
  const xFrame = one('x-frame-options').toUpperCase();
  if (xFrame !== 'DENY' && xFrame !== 'SAMEORIGIN') problems.push(`x-frame-options is ${xFrame === '' ? 'missing' : xFrame}`);
  if (one('x-powered-by') !== '') problems.push('x-powered-by is sent');
  if (https) {
    const hsts = one('strict-transport-security');
    const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0);
    if (maxAge < 180 * 24 * 60 * 60 || !/includeSubDomains/i.test(hsts)) problems.push(`strict-transport-security is ${hsts === '' ? 'missing' : `"${hsts}"`}, expected max-age of at least 180 days and includeSubDomains`);
  }
  return problems;
}

/** The world: a running server, the cast, the owner's things, and ways to make more. */
export class AuthorizationWorld {
  readonly ids = new Map<Actor, string>();
  readonly cookies = new Map<Actor, string>();
  readonly signInNames = new Map<AccountActor, string>();
  readonly displayNames = new Map<Actor, string>();
  readonly relationships = new Map<RelationshipName, string>();
  readonly sessions = new Map<RelationshipName, string>();
  readonly markers = new Map<MarkerName, string>();
  readonly records = { private: '', partner: '', notSharing: '', practitioner: '', practitionerOff: '' };
  repairId = '';
  consultationId = '';
  noteId = '';
  ownerPasskeyId = '';
  /** An unaccepted invite into the owner's `partner` relationship. */
  relationshipInviteToken = '';
  /** An unaccepted invite into the owner's `partner` session. */
  sessionInviteToken = '';
  readonly ownerAuthenticator: SoftAuthenticator;
  private readonly usedSlots = new Set<number>();
  private promptClock = 0;
  private keptThrowawayId: string | undefined;

  private constructor(
    readonly running: TestServer,
    readonly origin: string,
  ) {
    this.ownerAuthenticator = new SoftAuthenticator(origin);
  }

  /**
   * Starts a server and builds the world on it. `environment` adds to the test server's
   * (PUBLIC_ORIGIN is `http://localhost:<port>`, a name WebAuthn accepts as a relying party).
   */
  static async build(environment: Readonly<Record<string, string>> = {}): Promise<AuthorizationWorld> {
    const origin = environment.PUBLIC_ORIGIN ?? `http://localhost:${String(await portFree())}`;
    const running = await testServerStart({ HTTP_REQUESTS_PER_MINUTE: '1000000', ...environment, PUBLIC_ORIGIN: origin });
    const world = new AuthorizationWorld(running, origin);
    try {
      await world.populate();
    } catch (error) {
      await running.stop();
      throw error;
    }
    return world;
  }

  /** The server's parts. */
  get context() {
    return this.running.server.context;
  }

  /** Every route the app registered (HEAD ones Fastify adds for GET left out). */
  registeredRoutes(): { readonly key: string; readonly websocket: boolean }[] {
    const seen = new Set<string>();
    const routes: { key: string; websocket: boolean }[] = [];
    for (const route of this.running.server.app.attuneRoutes) {
      if (route.method === 'HEAD') continue;
      const key = `${route.method} ${route.url}`;
      if (seen.has(key)) continue;
      seen.add(key);
      routes.push({ key, websocket: route.websocket });
    }
    return routes;
  }

  async stop(): Promise<void> {
    await this.running.stop();
  }

  // ---------------------------------------------------------------------------------------------
  // Calls

  /** One request, as a browser page would send it (cookie, Origin, JSON). */
  async call(method: string, url: string, options: WorldCallOptions = {}): Promise<WorldReply> {
    const origin = options.origin === undefined ? this.origin : options.origin;
    const response = await this.running.server.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: addressNew(),
      headers: {
        ...(origin === null ? {} : { origin }),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.cookie === undefined || options.cookie === '' ? {} : { cookie: options.cookie }),
      },
      ...(options.body === undefined ? {} : { payload: JSON.stringify(options.body) }),
    });
    const text = response.body;
    const cookies = response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[];
    return {
      status: response.statusCode,
      text,
      headers: response.headers,
      setCookies: cookies
        .filter((cookie) => cookie.value !== '' && cookie.maxAge !== 0 && !(cookie.expires !== undefined && cookie.expires.getTime() <= Date.now()))
        .map((cookie) => `${cookie.name}=${cookie.value}`),
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as WorldReply.json
      json: <T>() => JSON.parse(text) as T,
    };
  }

  /** A request as `actor` (their cookie; none for `anonymous`). */
  callAs(actor: Actor, method: string, url: string, body?: unknown): Promise<WorldReply> {
    return this.call(method, url, { cookie: this.cookies.get(actor), body });
  }

  /** A request that must succeed (world building); its JSON body, in the shape the caller names. */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a test helper: the caller names the body it reads
  async must<T>(what: string, method: string, url: string, options: WorldCallOptions = {}): Promise<{ body: T; reply: WorldReply }> {
    const reply = await this.call(method, url, options);
    if (reply.status < 200 || reply.status > 299) throw new Error(`world: ${what}: ${method} ${url} answered ${String(reply.status)} ${reply.text}`);
    return { body: reply.text === '' ? (null as T) : reply.json<T>(), reply };
  }

  /** As `must`, as `actor`. */
  async mustAs<T>(what: string, actor: Actor, method: string, url: string, body?: unknown): Promise<T> {
    return (await this.must<T>(what, method, url, { cookie: this.cookies.get(actor), body })).body;
  }

  // ---------------------------------------------------------------------------------------------
  // The cast and what they have

  /** The identity id of `actor` (throws for `anonymous`). */
  id(actor: Actor): string {
    const id = this.ids.get(actor);
    if (id === undefined) throw new Error(`world: ${actor} has no identity`);
    return id;
  }

  marker(name: MarkerName): string {
    const text = this.markers.get(name);
    if (text === undefined) throw new Error(`world: no marker ${name}`);
    return text;
  }

  /** Every marked word that is not `actor`'s own. */
  foreignMarkers(actor: Actor): { name: MarkerName; text: string }[] {
    return MARKER_NAMES.filter((name) => !MARKER_OWNERS[name].includes(actor)).map((name) => ({ name, text: this.marker(name) }));
  }

  /** The relationship `actor` has with the owner; `partner` for the owner and for anyone without one. */
  relationshipNameOf(actor: Actor): RelationshipName {
    return RELATIONSHIP_NAMES.find((name) => MEMBER_OF[name] === actor) ?? 'partner';
  }

  /** The id of the owner's relationship `actor` is pointed at (see `relationshipNameOf`). */
  relationshipOf(actor: Actor): string {
    return this.relationship(this.relationshipNameOf(actor));
  }

  relationship(name: RelationshipName): string {
    const id = this.relationships.get(name);
    if (id === undefined) throw new Error(`world: no relationship ${name}`);
    return id;
  }

  /** The owner's live session from the relationship `actor` is pointed at. */
  sessionOf(actor: Actor): string {
    const id = this.sessions.get(this.relationshipNameOf(actor));
    if (id === undefined) throw new Error(`world: no session for ${actor}`);
    return id;
  }

  /** What `actor` shares in the owner's relationship they are pointed at (to put back as it is). */
  sharingOf(actor: Actor): SharingSettings {
    return actor === 'owner' ? OWNER_SHARING.partner : SHARING_DEFAULTS;
  }

  /** `actor`'s prompt settings, to put back as they are. */
  promptSettingsOf(actor: Actor): PromptSettings {
    return actor === 'owner' ? PROMPT_SETTINGS_SUGGESTED : PROMPT_SETTINGS_OFF;
  }

  /** The crisis resources as they are, to put back. */
  async helpNow(): Promise<unknown> {
    return (await this.must<unknown>('help', 'GET', '/api/help')).body;
  }

  // ---------------------------------------------------------------------------------------------
  // Fresh things, for requests that use something up

  /** `actor` signs in again: a new cookie for their account (their other sign-ins stay). */
  async signInAgain(actor: AccountActor): Promise<string> {
    const { reply } = await this.must<unknown>('sign in again', 'POST', '/api/account/login/password', {
      body: { signInName: this.signInNames.get(actor), password: WORLD_PASSWORD },
    });
    return reply.setCookies.join('; ');
  }

  /** `actor` signs in again, and that sign-in becomes theirs in the world (after "sign out everywhere"). */
  async restoreSignIn(actor: Actor): Promise<void> {
    if (isAccountActor(actor)) this.cookies.set(actor, await this.signInAgain(actor));
  }

  /** A new guest cookie. */
  async freshGuest(displayName = 'Gale'): Promise<{ cookie: string; id: string }> {
    const { body, reply } = await this.must<{ id: string }>('guest', 'POST', '/api/identity', { body: { displayName } });
    return { cookie: reply.setCookies.join('; '), id: body.id };
  }

  /** A new account (and its cookie). */
  async freshAccount(role: 'person' | 'practitioner' = 'person', displayName = 'Tess'): Promise<{ cookie: string; id: string; signInName: string }> {
    const signInName = `am.${randomUUID().slice(0, 12)}`;
    const { body, reply } = await this.must<RegisteredAnswer>('register', 'POST', '/api/account/register/password', {
      body: { signInName, displayName, password: WORLD_PASSWORD },
    });
    if (role === 'practitioner' && !(await this.context.instance.accounts.roleSet(body.account.id, 'practitioner'))) throw new Error('world: role not set');
    return { cookie: reply.setCookies.join('; '), id: body.account.id, signInName };
  }

  /** A private record of the owner's, made now. */
  async freshOwnerRecord(note = 'a fresh entry'): Promise<string> {
    const { record } = await this.mustAs<{ record: { recordId: string } }>('record', 'owner', 'POST', '/api/records', {
      kind: 'checkIn',
      body: { state: 'regulated', intensity: 3, note, tags: [] },
    });
    return record.recordId;
  }

  /** A new partner relationship of the owner's with partnerSharing in it. */
  async freshCouple(): Promise<string> {
    const created = await this.mustAs<{ relationship: { relationshipId: string }; invite: { token: string } }>('couple', 'owner', 'POST', '/api/relationships', { kind: 'partner' });
    await this.mustAs('couple accept', 'partnerSharing', 'POST', `/api/relationship-invites/${created.invite.token}/accept`, {});
    return created.relationship.relationshipId;
  }

  /** An invite token into a new relationship of the owner's. */
  async freshRelationshipInvite(): Promise<string> {
    const created = await this.mustAs<{ invite: { token: string } }>('relationship invite', 'owner', 'POST', '/api/relationships', { kind: 'friend' });
    return created.invite.token;
  }

  /** A new live session hosted by the owner, and an invite token into it. */
  async freshSession(): Promise<{ sessionId: string; token: string }> {
    const created = await this.mustAs<{ sessionId: string; invite: { token: string } }>('session', 'owner', 'POST', '/api/sessions', {});
    return { sessionId: created.sessionId, token: created.invite.token };
  }

  /** Submits a session command as `actor` (world building; must be accepted). */
  async sessionCommand(sessionId: string, actor: Actor | { id: string; kind: 'account' | 'guest' }, command: SessionCommand): Promise<void> {
    const who = typeof actor === 'string' ? { id: this.id(actor), kind: actor === 'guest' ? ('guest' as const) : ('account' as const) } : actor;
    const outcome = await this.context.hub.submit(sessionId, { participantId: who.id, kind: who.kind }, commandIdNew(), command);
    if (!outcome.ok) throw new Error(`world: ${command.type} in ${sessionId} was turned down: ${outcome.code} ${outcome.message}`);
  }

  /** An ended session the owner hosted and partnerSharing was in. */
  async freshEndedSession(): Promise<string> {
    const { sessionId, token } = await this.freshSession();
    await this.mustAs('accept', 'partnerSharing', 'POST', `/api/invites/${token}/accept`, {});
    await this.sessionCommand(sessionId, 'owner', { type: 'join', displayName: 'Olive', boundaries: OPEN_BOUNDARIES });
    await this.sessionCommand(sessionId, 'partnerSharing', { type: 'join', displayName: 'Pat', boundaries: OPEN_BOUNDARIES });
    await this.sessionCommand(sessionId, 'owner', { type: 'endSession' });
    return sessionId;
  }

  /** The next open slot of `practitioner` nobody in the world has booked. */
  async freeSlot(practitioner: 'practitionerConsented' | 'practitionerNotConsented'): Promise<number> {
    const slots = await this.mustAs<{ slots: { startMs: number }[] }>('slots', 'owner', 'GET', `/api/practitioners/${this.id(practitioner)}/slots`);
    const slot = slots.slots.find((candidate) => !this.usedSlots.has(candidate.startMs));
    if (slot === undefined) throw new Error('world: no open slot left');
    this.usedSlots.add(slot.startMs);
    return slot.startMs;
  }

  /** A consultation the owner books with practitionerConsented now. */
  async freshConsultation(): Promise<string> {
    const startMs = await this.freeSlot('practitionerConsented');
    const booked = await this.mustAs<{ consultation: { consultationId: string } }>('book', 'owner', 'POST', '/api/consultations', {
      practitionerId: this.id('practitionerConsented'),
      startMs,
    });
    return booked.consultation.consultationId;
  }

  /** The owner's consultation `consultationId` as it stands. */
  async consultationNow(consultationId: string): Promise<{ sequence: number; startMs: number }> {
    const { consultation } = await this.mustAs<{ consultation: { sequence: number; startMs: number } }>('consultation', 'owner', 'GET', `/api/consultations/${consultationId}`);
    return consultation;
  }

  /** A note practitionerConsented writes about the owner now. */
  async freshNote(): Promise<string> {
    const { note } = await this.mustAs<{ note: { noteId: string } }>('note', 'practitionerConsented', 'POST', `/api/practitioner/clients/${this.id('owner')}/notes`, { text: 'a passing thought' });
    return note.noteId;
  }

  /** Adds a passkey to the owner's account; its id. */
  async freshOwnerPasskey(name = 'Spare key'): Promise<string> {
    const options = await this.mustAs<PasskeyOptionsAnswer>('passkey options', 'owner', 'POST', '/api/account/passkeys/options', { name });
    const before = new Set(this.ownerAuthenticator.credentialIds());
    const response = this.ownerAuthenticator.create(options.options);
    const view = await this.mustAs<AccountView>('passkey verify', 'owner', 'POST', '/api/account/passkeys/verify', { challengeId: options.challengeId, response });
    const added = view.passkeys.find((passkey) => !before.has(passkey.id));
    if (added === undefined) throw new Error('world: the passkey was not added');
    return added.id;
  }

  /** A challenge issued to the owner for `purpose`, answered by the owner's authenticator. */
  async ownerPasskeyAnswer(purpose: 'reauthenticate' | 'add'): Promise<{ challengeId: string; response: Record<string, unknown> }> {
    const url = purpose === 'reauthenticate' ? '/api/account/reauthenticate/passkey/options' : '/api/account/passkeys/options';
    const options = await this.mustAs<PasskeyOptionsAnswer>('owner passkey options', 'owner', 'POST', url, purpose === 'add' ? { name: 'Another key' } : {});
    const opts = options.options;
    const response = purpose === 'reauthenticate' ? this.ownerAuthenticator.get(opts, { credentialId: this.ownerPasskeyId }) : this.ownerAuthenticator.create(opts);
    return { challengeId: options.challengeId, response };
  }

  /** A sign-in challenge answered with the owner's passkey. */
  async ownerSignInAnswer(): Promise<{ challengeId: string; response: Record<string, unknown> }> {
    const options = (await this.must<PasskeyOptionsAnswer>('login options', 'POST', '/api/account/login/passkey/options', { body: {} })).body;
    return { challengeId: options.challengeId, response: this.ownerAuthenticator.get(options.options, { credentialId: this.ownerPasskeyId }) };
  }

  /** A registration ceremony answered by a new authenticator, for a new sign-in name. */
  async registrationAnswer(): Promise<{ challengeId: string; response: Record<string, unknown> }> {
    const options = (
      await this.must<PasskeyOptionsAnswer>('register options', 'POST', '/api/account/register/passkey/options', {
        body: { signInName: `am.${randomUUID().slice(0, 12)}`, displayName: 'Kit' },
      })
    ).body;
    return { challengeId: options.challengeId, response: new SoftAuthenticator(this.origin).create(options.options) };
  }

  /** A fresh recovery code of `actor`'s (a new set is made; the old ones stop working). */
  async freshRecoveryCode(actor: AccountActor): Promise<string> {
    const answer = await this.mustAs<{ recoveryCodes: string[] }>('recovery codes', actor, 'POST', '/api/account/recovery-codes', {});
    const code = answer.recoveryCodes[0];
    if (code === undefined) throw new Error('world: no recovery code');
    return code;
  }

  /** Records that the owner was just shown a prompt; its id. */
  async ownerPromptShown(): Promise<string> {
    const prompt = GENTLE_PROMPTS[0];
    if (prompt === undefined) throw new Error('world: no prompts');
    this.promptClock = Math.max(this.promptClock + 1, Date.now());
    await this.context.betweenUs.prompts.recordShown(this.id('owner'), prompt.id, this.promptClock);
    return prompt.id;
  }

  /**
   * An account nobody else in the world uses, for the operator's switches: a new one for the
   * operator (whose requests change it), one kept for everyone else (whose requests must not).
   */
  async throwawayAccountId(actor: Actor): Promise<string> {
    if (actor === 'operator') return (await this.freshAccount('person', 'Thrown')).id;
    this.keptThrowawayId ??= (await this.freshAccount('person', 'Kept')).id;
    return this.keptThrowawayId;
  }

  // ---------------------------------------------------------------------------------------------
  // Building

  private async register(actor: AccountActor, displayName: string): Promise<void> {
    const signInName = `am.${actor.toLowerCase()}.${randomUUID().slice(0, 6)}`;
    const { body, reply } = await this.must<RegisteredAnswer>(`register ${actor}`, 'POST', '/api/account/register/password', {
      body: { signInName, displayName, password: WORLD_PASSWORD },
    });
    this.ids.set(actor, body.account.id);
    this.cookies.set(actor, reply.setCookies.join('; '));
    this.signInNames.set(actor, signInName);
    this.displayNames.set(actor, displayName);
  }

  private async operatorSetUp(): Promise<void> {
    const made = await setupLinkNew(this.context.instance.settings, this.origin, Date.now());
    if (made.kind !== 'link_made') throw new Error('world: this server already has an operator');
    const token = made.link.split('#')[1];
    const signInName = `am.operator.${randomUUID().slice(0, 6)}`;
    const { body, reply } = await this.must<RegisteredAnswer>('setup', 'POST', '/api/setup/password', {
      body: { token, signInName, displayName: 'Keeper', password: WORLD_PASSWORD },
    });
    this.ids.set('operator', body.account.id);
    this.cookies.set('operator', reply.setCookies.join('; '));
    this.signInNames.set('operator', signInName);
    this.displayNames.set('operator', 'Keeper');
  }

  private async recordShared(actor: Actor, relationshipId: string | null, note: string, tag: string): Promise<string> {
    const { record } = await this.mustAs<{ record: { recordId: string } }>('record', actor, 'POST', '/api/records', {
      kind: 'checkIn',
      body: { state: 'activated', intensity: 6, note, tags: [tag] },
    });
    if (relationshipId !== null) await this.mustAs('share record', actor, 'PUT', `/api/records/${record.recordId}/sharing`, { relationshipId });
    return record.recordId;
  }

  private async cycle(actor: Actor, relationshipId: string, command: object): Promise<void> {
    const answer = await this.mustAs<{ outcome: { ok: boolean; code?: string } }>('cycle', actor, 'POST', `/api/relationships/${relationshipId}/cycle/commands`, { commandId: commandIdNew(), command });
    if (!answer.outcome.ok) throw new Error(`world: cycle command ${JSON.stringify(command)} turned down: ${String(answer.outcome.code)}`);
  }

  private async repair(actor: Actor, command: object, commandId = commandIdNew()): Promise<void> {
    const answer = await this.mustAs<{ outcome: { ok: boolean; code?: string } }>('repair', actor, 'POST', `/api/repairs/${this.repairId}/commands`, { commandId, command });
    if (!answer.outcome.ok) throw new Error(`world: repair command ${JSON.stringify(command)} turned down: ${String(answer.outcome.code)}`);
  }

  private async populate(): Promise<void> {
    for (const name of MARKER_NAMES) this.markers.set(name, markerNew(name));

    // The cast.
    await this.register('owner', 'Olive');
    await this.register('partnerSharing', 'Pat');
    await this.register('partnerNotSharing', 'Noor');
    await this.register('practitionerConsented', 'Dr Cass');
    await this.register('practitionerNotConsented', 'Dr Nell');
    await this.register('stranger', 'Sam');
    await this.operatorSetUp();
    for (const actor of ['practitionerConsented', 'practitionerNotConsented'] as const) {
      if (!(await this.context.instance.accounts.roleSet(this.id(actor), 'practitioner'))) throw new Error('world: role not set');
    }
    // The owner's rows of a session's RR download begin so; the owner's heart rate is one nobody else's is.
    this.markers.set('ownerSignalRows', `\r\n${this.id('owner')},Olive,`);
    this.markers.set('ownerHeartRate', String(OWNER_HEART_RATE));
    const guest = await this.freshGuest('Gale');
    this.ids.set('guest', guest.id);
    this.cookies.set('guest', guest.cookie);
    this.displayNames.set('guest', 'Gale');

    // The owner's relationships.
    const kinds: Readonly<Record<RelationshipName, string>> = { partner: 'partner', notSharing: 'partner', practitioner: 'practitioner', practitionerOff: 'practitioner' };
    for (const name of RELATIONSHIP_NAMES) {
      const created = await this.mustAs<{ relationship: { relationshipId: string }; invite: { token: string } }>('relationship', 'owner', 'POST', '/api/relationships', { kind: kinds[name] });
      await this.mustAs('accept', MEMBER_OF[name], 'POST', `/api/relationship-invites/${created.invite.token}/accept`, {});
      this.relationships.set(name, created.relationship.relationshipId);
    }
    this.relationshipInviteToken = (await this.mustAs<{ invite: { token: string } }>('invite', 'owner', 'POST', `/api/relationships/${this.relationship('partner')}/invites`)).invite.token;

    // Records: one private, one shared with each relationship; one of partnerSharing's, private.
    this.records.private = await this.recordShared('owner', null, this.marker('ownerPrivateRecord'), 'own');
    this.records.partner = await this.recordShared('owner', this.relationship('partner'), this.marker('ownerRecordPartner'), 'shared');
    this.records.notSharing = await this.recordShared('owner', this.relationship('notSharing'), this.marker('ownerRecordNotSharing'), 'shared');
    this.records.practitioner = await this.recordShared('owner', this.relationship('practitioner'), this.marker('ownerRecordPractitioner'), 'shared');
    this.records.practitionerOff = await this.recordShared('owner', this.relationship('practitionerOff'), this.marker('ownerRecordPractitionerOff'), 'shared');
    await this.recordShared('partnerSharing', null, this.marker('partnerPrivateRecord'), 'own');

    // Revealed cycle maps with partnerSharing and partnerNotSharing, and a moment in each.
    for (const [name, markerName] of [['partner', 'ownerCyclePartner'], ['notSharing', 'ownerCycleNotSharing']] as const) {
      const relationshipId = this.relationship(name);
      const other = MEMBER_OF[name];
      await this.cycle('owner', relationshipId, { type: 'openMap', mapId: `map-${name}`, partnerId: this.id(other) });
      await this.cycle('owner', relationshipId, { type: 'saveDraft', side: { setsItOff: this.marker(markerName), moves: { picked: ['pushing-for-an-answer'], own: [] }, storyAboutOther: 'That it will not change' } });
      await this.cycle(other, relationshipId, { type: 'saveDraft', side: { setsItOff: 'Questions at the door', moves: { picked: ['going-quiet'], own: [] }, storyAboutOther: 'That it is too much' } });
      await this.cycle('owner', relationshipId, { type: 'markReady' });
      await this.cycle(other, relationshipId, { type: 'markReady' });
      await this.cycle('owner', relationshipId, { type: 'agreeToReveal' });
      await this.cycle(other, relationshipId, { type: 'agreeToReveal' });
      await this.mustAs('moment', 'owner', 'POST', `/api/relationships/${relationshipId}/cycle/moments`, {});
    }

    // A repair with partnerSharing, in its turns, the owner's words still in progress.
    const started = await this.mustAs<{ repairId: string }>('repair', 'owner', 'POST', `/api/relationships/${this.relationship('partner')}/repairs`, {
      commandId: commandIdNew(),
      command: { type: 'startRepair', startedFrom: 'self' },
    });
    this.repairId = started.repairId;
    await this.repair('owner', { type: 'markSettled', practiceId: 'paced-breathing' });
    await this.repair('partnerSharing', { type: 'markSettled' });
    const proposalId = commandIdNew();
    await this.repair('owner', { type: 'proposeReturnTime', returnAtMs: Date.now() }, proposalId);
    await this.repair('partnerSharing', { type: 'acceptReturnTime', proposalId });
    await this.repair('owner', { type: 'markHere' });
    await this.repair('partnerSharing', { type: 'markHere' });
    await this.repair('owner', { type: 'beginTurn' });
    await this.repair('owner', { type: 'saveTurnWords', turnIndex: 0, felt: this.marker('ownerRepairWords'), needed: 'Time' });
    await this.mustAs('repair elsewhere', 'owner', 'POST', `/api/relationships/${this.relationship('notSharing')}/repairs`, {
      commandId: commandIdNew(),
      command: { type: 'startRepair', startedFrom: 'self' },
    });

    // A live session from each relationship: both in it, the owner's check-ins (private and shared) with notes.
    for (const name of RELATIONSHIP_NAMES) {
      const { sessionId } = await this.mustAs<{ sessionId: string }>('relationship session', 'owner', 'POST', `/api/relationships/${this.relationship(name)}/sessions`, {});
      this.sessions.set(name, sessionId);
      await this.sessionCommand(sessionId, 'owner', { type: 'join', displayName: 'Olive', boundaries: OPEN_BOUNDARIES });
      await this.sessionCommand(sessionId, MEMBER_OF[name], { type: 'join', displayName: this.displayNames.get(MEMBER_OF[name]) ?? 'Them', boundaries: OPEN_BOUNDARIES });
      for (const visibility of ['private', 'shared'] as const) {
        await this.sessionCommand(sessionId, 'owner', {
          type: 'checkIn',
          state: 'activated',
          intensity: 7,
          tags: [this.marker('ownerSessionTag')],
          note: this.marker('ownerSessionNote'),
          visibility,
          moment: 'any',
        });
      }
      await this.sessionCommand(sessionId, MEMBER_OF[name], { type: 'checkIn', state: 'regulated', intensity: 2, tags: [], note: '', visibility: 'shared', moment: 'any' });
      // The owner's body signals, as the hub would keep them (the owner's session boundaries share them).
      const startMs = Date.now();
      this.context.recorder.record(
        sessionId,
        this.id('owner'),
        [0, 1, 2, 3].map((n) => ({ atMs: startMs + n * 250, source: 'strap' as const, heartRateBpm: OWNER_HEART_RATE, rrMs: [OWNER_RR_MS], breathingRateBpm: null, breathPhase: null })),
      );
    }
    await this.context.recorder.flush(true);
    this.sessionInviteToken = (await this.mustAs<{ invite: { token: string } }>('session invite', 'owner', 'POST', `/api/sessions/${this.sessions.get('partner') ?? ''}/invites`)).invite.token;

    // The owner's switches, after sharing what is shared (a revealed map, a record) everywhere.
    for (const name of RELATIONSHIP_NAMES) {
      await this.mustAs('sharing', 'owner', 'PUT', `/api/relationships/${this.relationship(name)}/sharing`, OWNER_SHARING[name]);
    }

    // Account settings: prompts on, a passkey.
    await this.mustAs('prompts', 'owner', 'PUT', '/api/prompts/settings', PROMPT_SETTINGS_SUGGESTED);
    this.ownerPasskeyId = await this.freshOwnerPasskey('Phone');

    // Consultations: both practitioners publish times; the owner books one with practitionerConsented.
    for (const actor of ['practitionerConsented', 'practitionerNotConsented'] as const) {
      await this.mustAs('availability', actor, 'PUT', '/api/consultations/availability', WORLD_AVAILABILITY);
    }
    this.consultationId = await this.freshConsultation();
    this.markers.set('ownerConsultationId', this.consultationId);

    // practitionerConsented's private note about the owner, and a look at the owner's history.
    const { note } = await this.mustAs<{ note: { noteId: string } }>('note', 'practitionerConsented', 'POST', `/api/practitioner/clients/${this.id('owner')}/notes`, {
      text: this.marker('practitionerNote'),
    });
    this.noteId = note.noteId;
    await this.mustAs('history', 'practitionerConsented', 'GET', `/api/practitioner/clients/${this.id('owner')}/history`);
    await this.mustAs('shared', 'partnerSharing', 'GET', `/api/relationships/${this.relationship('partner')}/shared`);
  }

  /**
   * What is missing of the owner's things (empty when all is there): run after other actors'
   * requests, to see that none of them changed or removed what is the owner's. `othersGone`: every
   * other account was deleted, so what the owner made together with them (a cycle map) rests, and
   * nobody else is there to look.
   */
  async ownerIntactProblems(othersGone = false): Promise<string[]> {
    const problems: string[] = [];
    const expect = async (what: string, actor: Actor, url: string, markers: readonly MarkerName[]) => {
      const reply = await this.callAs(actor, 'GET', url);
      if (reply.status !== 200) problems.push(`${what}: ${url} answered ${String(reply.status)}`);
      for (const name of markers) if (!reply.text.includes(this.marker(name))) problems.push(`${what}: ${name} is gone from ${url}`);
    };
    await expect("the owner's records", 'owner', '/api/records', ['ownerPrivateRecord', 'ownerRecordPartner', 'ownerRecordNotSharing', 'ownerRecordPractitioner', 'ownerRecordPractitionerOff']);
    if (!othersGone) {
      await expect('shared with partnerSharing', 'partnerSharing', `/api/relationships/${this.relationship('partner')}/shared`, ['ownerRecordPartner']);
      await expect("the owner's cycle map", 'owner', `/api/relationships/${this.relationship('partner')}/cycle`, ['ownerCyclePartner']);
      await expect("practitionerConsented's note", 'practitionerConsented', `/api/practitioner/clients/${this.id('owner')}/notes`, ['practitionerNote']);
    }
    await expect("the owner's repair", 'owner', `/api/repairs/${this.repairId}`, ['ownerRepairWords']);
    await expect("the owner's consultation", 'owner', '/api/consultations', ['ownerConsultationId']);
    await expect("the owner's session report", 'owner', `/api/sessions/${this.sessionOf('owner')}/report`, ['ownerHeartRate']);
    await expect("the owner's RR download", 'owner', `/api/sessions/${this.sessionOf('owner')}/report/rr.csv`, ['ownerSignalRows']);
    const account = await this.callAs('owner', 'GET', '/api/account');
    if (account.status !== 200 || !account.text.includes(this.ownerPasskeyId)) problems.push("the owner's account or passkey is gone");
    const settings = await this.callAs('owner', 'GET', '/api/prompts/settings');
    if (settings.status !== 200 || !settings.json<{ settings: PromptSettings }>().settings.enabled) problems.push("the owner's prompt settings changed");
    for (const name of RELATIONSHIP_NAMES) {
      const sharing = await this.callAs('owner', 'GET', `/api/relationships/${this.relationship(name)}/sharing`);
      const mine = sharing.status === 200 ? sharing.json<{ sharing: { mine: SharingSettings } }>().sharing.mine : null;
      if (JSON.stringify(mine) !== JSON.stringify(OWNER_SHARING[name])) problems.push(`the owner's switches in ${name} changed: ${JSON.stringify(mine)}`);
    }
    return problems;
  }
}

/** The error code of a reply, if it has one. */
export function errorCodeOf(reply: WorldReply): string | undefined {
  try {
    return reply.json<ErrorBody>().error?.code;
  } catch {
    return undefined;
  }
}
