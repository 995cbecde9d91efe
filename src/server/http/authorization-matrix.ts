/**
 * The HTTP authorization matrix: one row per registered route ("METHOD /path/:param", as Fastify
 * has it), and in each row, for every actor of the world (`authorization-world.ts`), what must
 * happen, and how to make the request. Data only: `authorization-matrix.test.ts` runs it, fails on
 * a registered route without a row and on a row whose route no longer exists, and checks CSRF and
 * the security headers on every row too. The live socket's row is the realtime matrix
 * (`../realtime/realtime-authorization-matrix.ts`).
 *
 * Outcomes:
 * - `allowed`: 2xx (exactly `status` when given); `shows` names marked words that must be in the body
 *   (so a row that says "the partner sees what is shared" proves the data is really there).
 * - `own`: 2xx, and the body holds nothing marked as anyone else's (only the actor's own things,
 *   or nobody's); `shows` as for allowed.
 * - `denied`: exactly `status` (and `code`, when given), and nothing of anyone's either. Where a row
 *   has `missing`, every 404 must also be the very same answer (status and code) as for a thing
 *   that does not exist, so a stranger learns nothing, not even that it exists.
 *
 * Which of the owner's things an actor is pointed at: each relationship member at the owner's
 * relationship (and its session) with them; everyone else at the `partner` one. A request that
 * uses something up (deleting, cancelling, accepting an invite, signing out) uses a fresh one made
 * for that request, so every row leaves the world as it found it; `phase: 'last'` rows end the
 * actor's sign-ins (the actor then signs in again), and the `final` row deletes every account, the
 * owner's last, after checking that nobody else's requests changed what is the owner's.
 *
 * `finding`: the row states what SHOULD happen and the server does not do it yet; the test fails
 * until it is fixed (do not "fix" the row).
 */
import { randomUUID } from 'node:crypto';
import { GENTLE_PROMPTS } from '../../core/prompts/index.ts';
import {
  WORLD_AVAILABILITY,
  WORLD_PASSWORD,
  commandIdNew,
  isAccountActor,
  type Actor,
  type AuthorizationWorld,
  type MarkerName,
} from './authorization-world.ts';

/** What must happen for one actor. */
export interface Expectation {
  readonly outcome: 'allowed' | 'own' | 'denied';
  /** Exact status (required for denied); any 2xx when absent. */
  readonly status?: number;
  readonly code?: string;
  readonly shows?: readonly MarkerName[];
}

/** One request to make. */
export interface MatrixRequest {
  /** The URL with its params (and query) filled in. */
  readonly path: string;
  readonly body?: unknown;
  /** Sent with this cookie instead of the actor's own (a fresh sign-in, a fresh guest); undefined: none. */
  readonly as?: { readonly cookie: string | undefined };
}

/** How a row makes its request for one actor. */
export type RequestBuilder = (world: AuthorizationWorld, actor: Actor) => MatrixRequest | Promise<MatrixRequest>;

/** One route. */
export interface MatrixRow {
  /** "METHOD /path/:param", exactly as registered. */
  readonly route: string;
  /** What the row checks, in a sentence. */
  readonly why: string;
  readonly request: RequestBuilder;
  /** The same request for something that does not exist: every 404 of the row must equal its answer. */
  readonly missing?: RequestBuilder;
  readonly expect: Readonly<Record<Actor, Expectation>>;
  /** `last`: runs after the others, and ends the actor's sign-ins (they sign in again after). `final`: runs at the very end. */
  readonly phase?: 'last' | 'final';
  /** Registered only when the browser app is built (dist/web). */
  readonly onlyWhenWebBuilt?: boolean;
  /** A known authorization bug: the row says what should happen. */
  readonly finding?: string;
}

// ---------------------------------------------------------------------------------------------
// Shorthands

const allowed = (status?: number, ...shows: MarkerName[]): Expectation => ({ outcome: 'allowed', ...(status === undefined ? {} : { status }), shows });
const own = (status?: number, ...shows: MarkerName[]): Expectation => ({ outcome: 'own', ...(status === undefined ? {} : { status }), shows });
const denied = (status: number, code?: string): Expectation => ({ outcome: 'denied', status, ...(code === undefined ? {} : { code }) });

const NOT_SIGNED_IN = denied(401, 'not_signed_in');

type Cells = Readonly<Record<Actor, Expectation>>;

/** Everyone alike, but for `some`. */
function everyone(all: Expectation, some: Partial<Record<Actor, Expectation>> = {}): Cells {
  return {
    owner: all,
    partnerSharing: all,
    partnerNotSharing: all,
    practitionerConsented: all,
    practitionerNotConsented: all,
    stranger: all,
    guest: all,
    operator: all,
    anonymous: all,
    ...some,
  };
}

/** Anyone with an identity (account or guest) alike; nobody gets 401. */
function signedIn(all: Expectation, some: Partial<Record<Actor, Expectation>> = {}): Cells {
  return everyone(all, { anonymous: NOT_SIGNED_IN, ...some });
}

/** Accounts alike; a guest and nobody get 401 (there is no account sign-in). */
function accounts(all: Expectation, some: Partial<Record<Actor, Expectation>> = {}): Cells {
  return everyone(all, { guest: NOT_SIGNED_IN, anonymous: NOT_SIGNED_IN, ...some });
}

/** The owner and the four relationship members as given; stranger, guest and operator `outside`; nobody 401. */
function byRelation(
  members: Pick<Record<Actor, Expectation>, 'owner' | 'partnerSharing' | 'partnerNotSharing' | 'practitionerConsented' | 'practitionerNotConsented'>,
  outside: Expectation,
): Cells {
  return { ...members, stranger: outside, guest: outside, operator: outside, anonymous: NOT_SIGNED_IN };
}

/** The members of the owner's relationship all `member`; everyone else `outside`. */
function members(member: Expectation, outside: Expectation): Cells {
  return byRelation({ owner: member, partnerSharing: member, partnerNotSharing: member, practitionerConsented: member, practitionerNotConsented: member }, outside);
}

/** Only the operator `operator`; other accounts the 404 of a path that does not exist; a guest and nobody 401. */
function operatorOnly(operator: Expectation): Cells {
  return accounts(denied(404, 'not_found'), { operator });
}

/** Only the two practitioners `practitioner`; others `others`; nobody 401. */
function practitionersOnly(practitioner: Expectation, others: Expectation): Cells {
  return signedIn(others, { practitionerConsented: practitioner, practitionerNotConsented: practitioner });
}

/** The two people of the owner's consultation (the owner, practitionerConsented) `party`; others 404. */
function consultationParties(party: Expectation): Cells {
  return signedIn(denied(404, 'consultation_not_found'), { owner: party, practitionerConsented: party });
}

const get = (path: string): RequestBuilder => () => ({ path });
const withBody = (path: string, body: unknown = {}): RequestBuilder => () => ({ path, body });
/** A 43-character token nobody was given. */
const NO_TOKEN = 'A'.repeat(43);
/** A repair id nobody has. */
const NO_REPAIR = 'nosuchrepair0000';

const checkInBody = (note: string, tag: string) => ({ state: 'activated', intensity: 6, note, tags: [tag] });

/**
 * A copy of the actor for a request that signs someone in or registers: starting a sign-in ends
 * the one the request came with (against session fixation), and registering turns a guest into an
 * account. So an account sends a fresh sign-in of its own, and the guest a fresh guest.
 */
async function asCopy(world: AuthorizationWorld, actor: Actor): Promise<MatrixRequest['as']> {
  if (actor === 'guest') return { cookie: (await world.freshGuest()).cookie };
  if (isAccountActor(actor)) return { cookie: await world.signInAgain(actor) };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The rows

/** Every HTTP route, and who may do what with it. */
export const HTTP_MATRIX: readonly MatrixRow[] = [
  // The browser app and public answers.
  {
    route: 'GET /*',
    why: 'static files of the browser app are public',
    request: get('/icon.svg'),
    expect: everyone(allowed(200)),
    onlyWhenWebBuilt: true,
  },
  { route: 'GET /api/health', why: 'public', request: get('/api/health'), expect: everyone(allowed(200)) },
  { route: 'GET /api/ready', why: 'public: load balancers ask whether this node takes work; it says nothing internal', request: get('/api/ready'), expect: everyone(allowed(200)) },
  { route: 'GET /api/help', why: 'crisis resources reach everyone, signed in or not', request: get('/api/help'), expect: everyone(allowed(200)) },

  // Operator.
  {
    route: 'GET /api/operator/help-resources',
    why: 'the operator alone; anyone else gets the 404 of a path that is not there',
    request: get('/api/operator/help-resources'),
    expect: operatorOnly(own(200)),
  },
  {
    route: 'PUT /api/operator/help-resources',
    why: 'the operator alone (saving the resources as they are)',
    request: async (world) => ({ path: '/api/operator/help-resources', body: await world.helpNow() }),
    expect: operatorOnly(allowed(200)),
  },
  {
    route: 'DELETE /api/operator/help-resources',
    why: 'the operator alone',
    request: () => ({ path: '/api/operator/help-resources' }),
    expect: operatorOnly(allowed(200)),
  },
  {
    route: 'GET /api/operator/accounts',
    why: 'the operator sees accounts as identity metadata, never anything they hold',
    request: get('/api/operator/accounts'),
    expect: operatorOnly(own(200)),
  },
  {
    route: 'POST /api/operator/accounts/:identityId/disable',
    why: 'the operator alone switches an account off (a throwaway account here)',
    request: async (world, actor) => ({ path: `/api/operator/accounts/${await world.throwawayAccountId(actor)}/disable`, body: {} }),
    missing: withBody(`/api/operator/accounts/${randomUUID()}/disable`),
    expect: operatorOnly(allowed(200)),
  },
  {
    route: 'POST /api/operator/accounts/:identityId/enable',
    why: 'the operator alone switches an account on',
    request: async (world, actor) => ({ path: `/api/operator/accounts/${await world.throwawayAccountId(actor)}/enable`, body: {} }),
    missing: withBody(`/api/operator/accounts/${randomUUID()}/enable`),
    expect: operatorOnly(allowed(200)),
  },
  {
    route: 'PUT /api/operator/accounts/:identityId/role',
    why: 'the operator alone marks practitioners',
    request: async (world, actor) => ({ path: `/api/operator/accounts/${await world.throwawayAccountId(actor)}/role`, body: { role: 'practitioner' } }),
    missing: withBody(`/api/operator/accounts/${randomUUID()}/role`, { role: 'practitioner' }),
    expect: operatorOnly(allowed(200)),
  },
  { route: 'GET /api/operator/backups', why: 'the operator alone', request: get('/api/operator/backups'), expect: operatorOnly(own(200)) },
  { route: 'POST /api/operator/backups', why: 'the operator alone makes a backup (never downloadable)', request: withBody('/api/operator/backups'), expect: operatorOnly(allowed(201)) },

  // First-run setup: once the operator exists it is closed to everyone, the operator included.
  { route: 'GET /api/setup', why: 'public: whether setup is still needed', request: get('/api/setup'), expect: everyone(allowed(200)) },
  {
    route: 'POST /api/setup/check',
    why: 'setup is done: nobody can check a link',
    request: withBody('/api/setup/check', { token: NO_TOKEN }),
    expect: everyone(denied(409, 'setup_done')),
  },
  {
    route: 'POST /api/setup/password',
    why: 'setup is done: nobody makes a second operator',
    request: () => ({ path: '/api/setup/password', body: { token: NO_TOKEN, signInName: `am.${randomUUID().slice(0, 10)}`, displayName: 'Mallory', password: WORLD_PASSWORD } }),
    expect: everyone(denied(409, 'setup_done')),
  },
  {
    route: 'POST /api/setup/passkey/options',
    why: 'setup is done',
    request: () => ({ path: '/api/setup/passkey/options', body: { token: NO_TOKEN, signInName: `am.${randomUUID().slice(0, 10)}`, displayName: 'Mallory' } }),
    expect: everyone(denied(409, 'setup_done')),
  },
  {
    route: 'POST /api/setup/passkey/verify',
    why: 'setup is done',
    request: withBody('/api/setup/passkey/verify', { token: NO_TOKEN, challengeId: randomUUID(), response: {} }),
    expect: everyone(denied(409, 'setup_done')),
  },

  // Identity.
  { route: 'GET /api/identity', why: 'who am I: only oneself', request: get('/api/identity'), expect: signedIn(own(200)) },
  {
    route: 'POST /api/identity',
    why: 'renaming oneself (to the same name); nobody becomes a guest',
    request: (world, actor) => ({ path: '/api/identity', body: { displayName: world.displayNames.get(actor) ?? 'Ari' } }),
    expect: everyone(own(200), { anonymous: allowed(201) }),
  },

  // Accounts.
  {
    route: 'POST /api/account/register/password',
    why: 'anyone may make an account (the guest a fresh one: registering turns a guest into an account)',
    request: async (world, actor) => ({
      path: '/api/account/register/password',
      body: { signInName: `am.${randomUUID().slice(0, 12)}`, displayName: 'Reg', password: WORLD_PASSWORD },
      as: await asCopy(world, actor),
    }),
    expect: everyone(allowed(201)),
  },
  {
    route: 'POST /api/account/login/password',
    why: 'each account signs in with its own password; without one (guest, nobody) a wrong one is refused',
    request: async (world, actor) => ({
      path: '/api/account/login/password',
      body: isAccountActor(actor) ? { signInName: world.signInNames.get(actor), password: WORLD_PASSWORD } : { signInName: `am.nobody.${randomUUID().slice(0, 6)}`, password: WORLD_PASSWORD },
      as: await asCopy(world, actor),
    }),
    expect: accounts(own(200), { guest: denied(401, 'sign_in_failed'), anonymous: denied(401, 'sign_in_failed') }),
  },
  {
    route: 'POST /api/account/login/recovery',
    why: 'each account signs in with a recovery code of its own',
    request: async (world, actor) => ({
      path: '/api/account/login/recovery',
      body: isAccountActor(actor) ? { signInName: world.signInNames.get(actor), code: await world.freshRecoveryCode(actor) } : { signInName: `am.nobody.${randomUUID().slice(0, 6)}`, code: 'ABCD-EFGH-IJKL' },
      as: await asCopy(world, actor),
    }),
    expect: accounts(own(200), { guest: denied(401, 'sign_in_failed'), anonymous: denied(401, 'sign_in_failed') }),
  },
  {
    route: 'POST /api/account/logout',
    why: 'signing out ends only this sign-in (a fresh sign-in of the account here)',
    request: async (world, actor) => ({ path: '/api/account/logout', body: {}, as: isAccountActor(actor) ? { cookie: await world.signInAgain(actor) } : undefined }),
    expect: everyone(allowed(204)),
  },
  {
    route: 'POST /api/account/logout-everywhere',
    why: 'an account ends all its own sign-ins',
    request: withBody('/api/account/logout-everywhere'),
    expect: accounts(allowed(204)),
    phase: 'last',
  },
  { route: 'GET /api/account', why: 'an account sees itself', request: get('/api/account'), expect: accounts(own(200)) },
  {
    route: 'POST /api/account/reauthenticate/password',
    why: 'an account confirms it is them with its own password',
    request: withBody('/api/account/reauthenticate/password', { password: WORLD_PASSWORD }),
    expect: accounts(own(200)),
  },
  {
    route: 'PUT /api/account/password',
    why: 'an account sets its own password (to the same one; other sign-ins end, this one stays)',
    request: withBody('/api/account/password', { newPassword: WORLD_PASSWORD }),
    expect: accounts(own(200)),
  },
  {
    route: 'POST /api/account/recovery-codes',
    why: 'an account renews its own recovery codes',
    request: withBody('/api/account/recovery-codes'),
    expect: accounts(own(200)),
  },
  {
    route: 'POST /api/account/register/passkey/options',
    why: 'anyone may start registering',
    request: () => ({ path: '/api/account/register/passkey/options', body: { signInName: `am.${randomUUID().slice(0, 12)}`, displayName: 'Kit' } }),
    expect: everyone(allowed(200)),
  },
  {
    route: 'POST /api/account/register/passkey/verify',
    why: 'anyone may register with a passkey (the guest a fresh one)',
    request: async (world, actor) => ({ path: '/api/account/register/passkey/verify', body: await world.registrationAnswer(), as: await asCopy(world, actor) }),
    expect: everyone(allowed(201)),
  },
  { route: 'POST /api/account/login/passkey/options', why: 'public', request: withBody('/api/account/login/passkey/options'), expect: everyone(allowed(200)) },
  {
    route: 'POST /api/account/login/passkey/verify',
    why: "whoever answers with the owner's passkey signs in as the owner, whatever cookie they had",
    request: async (world, actor) => ({ path: '/api/account/login/passkey/verify', body: await world.ownerSignInAnswer(), as: await asCopy(world, actor) }),
    expect: everyone(allowed(200)),
  },
  {
    route: 'POST /api/account/reauthenticate/passkey/options',
    why: 'only an account with a passkey confirms with one (the others have none: passkey_failed)',
    request: withBody('/api/account/reauthenticate/passkey/options'),
    expect: accounts(denied(400, 'passkey_failed'), { owner: own(200) }),
  },
  {
    route: 'POST /api/account/reauthenticate/passkey/verify',
    why: "a confirmation challenge issued to the owner confirms nobody else's sign-in",
    request: async (world) => ({ path: '/api/account/reauthenticate/passkey/verify', body: await world.ownerPasskeyAnswer('reauthenticate') }),
    expect: accounts(denied(400, 'passkey_failed'), { owner: own(200) }),
  },
  {
    route: 'POST /api/account/passkeys/options',
    why: 'an account (recently confirmed) adds a passkey to itself',
    request: withBody('/api/account/passkeys/options', { name: 'Laptop' }),
    expect: accounts(own(200)),
  },
  {
    route: 'POST /api/account/passkeys/verify',
    why: "a passkey made for the owner's challenge is added to the owner's account only",
    request: async (world) => ({ path: '/api/account/passkeys/verify', body: await world.ownerPasskeyAnswer('add') }),
    expect: accounts(denied(400, 'passkey_failed'), { owner: own(201) }),
  },
  {
    route: 'DELETE /api/account/passkeys/:id',
    why: "the owner removes a passkey of theirs; nobody else removes the owner's",
    request: async (world, actor) => ({ path: `/api/account/passkeys/${actor === 'owner' ? await world.freshOwnerPasskey() : world.ownerPasskeyId}` }),
    missing: get('/api/account/passkeys/nosuchpasskey'),
    expect: accounts(denied(404, 'not_found'), { owner: own(200) }),
  },

  // Live sessions and invites.
  {
    route: 'POST /api/sessions',
    why: 'anyone may start a session (nobody with a name becomes a guest)',
    request: withBody('/api/sessions', { displayName: 'Ari' }),
    expect: everyone(allowed(201)),
  },
  {
    route: 'POST /api/sessions/:sessionId/invites',
    why: "only the host invites; someone outside the session gets the same 404 as for a session that does not exist",
    request: (world, actor) => ({ path: `/api/sessions/${world.sessionOf(actor)}/invites` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}/invites` }),
    expect: byRelation(
      { owner: allowed(201), partnerSharing: denied(403, 'forbidden'), partnerNotSharing: denied(403, 'forbidden'), practitionerConsented: denied(403, 'forbidden'), practitionerNotConsented: denied(403, 'forbidden') },
      denied(404, 'session_not_found'),
    ),
    finding:
      'A signed-in person outside the session (stranger, guest, operator) gets 403 forbidden for an existing session and 404 session_not_found for a missing one, so the answer tells whether a session id exists. Every other session route answers both with 404 session_not_found.',
  },
  { route: 'GET /api/invites/:token', why: 'the token is the capability: whoever holds it may look', request: (world) => ({ path: `/api/invites/${world.sessionInviteToken}` }), expect: everyone(allowed(200)) },
  {
    route: 'POST /api/invites/:token/accept',
    why: 'the token is the capability: whoever holds it is let in (a fresh session each time)',
    request: async (world) => ({ path: `/api/invites/${(await world.freshSession()).token}/accept`, body: { displayName: 'Ari' } }),
    expect: everyone(allowed(200)),
  },

  // Reports.
  {
    route: 'GET /api/sessions/:sessionId/report',
    why: "each participant's report: never another's check-in notes or body words; the owner's body signals only where the owner shares them",
    request: (world, actor) => ({ path: `/api/sessions/${world.sessionOf(actor)}/report` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}/report` }),
    expect: byRelation(
      { owner: own(200, 'ownerHeartRate'), partnerSharing: allowed(200, 'ownerHeartRate'), partnerNotSharing: own(200), practitionerConsented: allowed(200, 'ownerHeartRate'), practitionerNotConsented: own(200) },
      denied(404, 'session_not_found'),
    ),
  },
  {
    route: 'GET /api/sessions/:sessionId/report/rr.csv',
    why: "the owner's beat-to-beat rows only where the owner shares body signals",
    request: (world, actor) => ({ path: `/api/sessions/${world.sessionOf(actor)}/report/rr.csv` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}/report/rr.csv` }),
    expect: byRelation(
      { owner: own(200, 'ownerSignalRows'), partnerSharing: allowed(200, 'ownerSignalRows'), partnerNotSharing: own(200), practitionerConsented: allowed(200, 'ownerSignalRows'), practitionerNotConsented: own(200) },
      denied(404, 'session_not_found'),
    ),
  },
  {
    route: 'DELETE /api/sessions/:sessionId/signals/mine',
    why: "each participant forgets only their own body data (the owner in a fresh session, so the owner's signals stay for the other rows)",
    request: async (world, actor) => ({ path: `/api/sessions/${actor === 'owner' ? await world.freshEndedSession() : world.sessionOf(actor)}/signals/mine` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}/signals/mine` }),
    expect: members(own(204), denied(404, 'session_not_found')),
  },
  {
    route: 'DELETE /api/sessions/:sessionId',
    why: 'only the host deletes an ended session for everyone (a fresh one each time, with partnerSharing in it)',
    request: async (world) => ({ path: `/api/sessions/${await world.freshEndedSession()}` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}` }),
    expect: signedIn(denied(404, 'session_not_found'), { owner: allowed(204), partnerSharing: denied(403, 'not_host') }),
  },

  // Relationships.
  {
    route: 'POST /api/relationships',
    why: 'anyone may start one',
    request: withBody('/api/relationships', { kind: 'friend', displayName: 'Ari' }),
    expect: everyone(allowed(201)),
  },
  { route: 'GET /api/relationships', why: 'my relationships only', request: get('/api/relationships'), expect: signedIn(own(200)) },
  {
    route: 'GET /api/relationships/:relationshipId',
    why: 'members only; anyone else the 404 of a relationship that does not exist',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}` }),
    expect: members(allowed(200), denied(404, 'relationship_not_found')),
  },
  {
    route: 'POST /api/relationships/:relationshipId/invites',
    why: 'members only',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/invites` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/invites` }),
    expect: members(allowed(201), denied(404, 'relationship_not_found')),
  },
  {
    route: 'GET /api/relationship-invites/:token',
    why: 'the token is the capability',
    request: (world) => ({ path: `/api/relationship-invites/${world.relationshipInviteToken}` }),
    expect: everyone(allowed(200)),
  },
  {
    route: 'POST /api/relationship-invites/:token/accept',
    why: 'the token is the capability (a fresh relationship each time)',
    request: async (world) => ({ path: `/api/relationship-invites/${await world.freshRelationshipInvite()}/accept`, body: { displayName: 'Ari' } }),
    expect: everyone(allowed(200)),
  },
  {
    route: 'GET /api/relationships/:relationshipId/sharing',
    why: 'members only',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/sharing` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/sharing` }),
    expect: members(allowed(200), denied(404, 'relationship_not_found')),
  },
  {
    route: 'PUT /api/relationships/:relationshipId/sharing',
    why: "members set their own switches only (as they are)",
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/sharing`, body: world.sharingOf(actor) }),
    missing: (world, actor) => ({ path: `/api/relationships/${randomUUID()}/sharing`, body: world.sharingOf(actor) }),
    expect: members(allowed(200), denied(404, 'relationship_not_found')),
  },
  {
    route: 'DELETE /api/relationships/:relationshipId/membership',
    why: 'members leave (a fresh relationship of the owner and partnerSharing each time)',
    request: async (world) => ({ path: `/api/relationships/${await world.freshCouple()}/membership` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/membership` }),
    expect: signedIn(denied(404, 'relationship_not_found'), { owner: allowed(204), partnerSharing: allowed(204) }),
  },
  {
    route: 'POST /api/relationships/:relationshipId/sessions',
    why: 'members start a session from it',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/sessions`, body: {} }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/sessions`, body: {} }),
    expect: members(allowed(201), denied(404, 'relationship_not_found')),
  },
  {
    route: 'GET /api/sessions/:sessionId/relationship',
    why: 'people in the session only',
    request: (world, actor) => ({ path: `/api/sessions/${world.sessionOf(actor)}/relationship` }),
    missing: () => ({ path: `/api/sessions/${randomUUID()}/relationship` }),
    expect: members(allowed(200), denied(404, 'session_not_found')),
  },

  // Cycle maps.
  {
    route: 'GET /api/relationships/:relationshipId/cycle',
    why: "the owner's side shows to partnerSharing (revealed, shared) and never to partnerNotSharing (sharing off: paused)",
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/cycle` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/cycle` }),
    expect: byRelation(
      { owner: own(200, 'ownerCyclePartner'), partnerSharing: allowed(200, 'ownerCyclePartner'), partnerNotSharing: own(200), practitionerConsented: own(200), practitionerNotConsented: own(200) },
      denied(404, 'relationship_not_found'),
    ),
  },
  {
    route: 'POST /api/relationships/:relationshipId/cycle/commands',
    why: 'members send commands; the answer shows the map only as they may see it',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/cycle/commands`, body: { commandId: commandIdNew(), command: { type: 'markReady' } } }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/cycle/commands`, body: { commandId: commandIdNew(), command: { type: 'markReady' } } }),
    expect: byRelation(
      { owner: own(200, 'ownerCyclePartner'), partnerSharing: allowed(200, 'ownerCyclePartner'), partnerNotSharing: own(200), practitionerConsented: own(200), practitionerNotConsented: own(200) },
      denied(404, 'relationship_not_found'),
    ),
  },
  {
    route: 'POST /api/relationships/:relationshipId/cycle/moments',
    why: 'members note a moment',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/cycle/moments`, body: {} }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/cycle/moments`, body: {} }),
    expect: members(allowed(201), denied(404, 'relationship_not_found')),
  },

  // Repairs.
  {
    route: 'GET /api/relationships/:relationshipId/repairs',
    why: "members see the repairs, and the owner's words in progress stay with the owner",
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/repairs` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/repairs` }),
    expect: byRelation(
      { owner: own(200, 'ownerRepairWords'), partnerSharing: own(200), partnerNotSharing: own(200), practitionerConsented: own(200), practitionerNotConsented: own(200) },
      denied(404, 'relationship_not_found'),
    ),
  },
  {
    route: 'POST /api/relationships/:relationshipId/repairs',
    why: 'members start a repair',
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/repairs`, body: { commandId: commandIdNew(), command: { type: 'startRepair', startedFrom: 'self' } } }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/repairs`, body: { commandId: commandIdNew(), command: { type: 'startRepair', startedFrom: 'self' } } }),
    expect: members(allowed(), denied(404, 'relationship_not_found')),
  },
  {
    route: 'GET /api/repairs/:repairId',
    why: "the repair's two people only; words in progress stay with the speaker",
    request: (world) => ({ path: `/api/repairs/${world.repairId}` }),
    missing: get(`/api/repairs/${NO_REPAIR}`),
    expect: signedIn(denied(404, 'repair_not_found'), { owner: own(200, 'ownerRepairWords'), partnerSharing: own(200) }),
  },
  {
    route: 'POST /api/repairs/:repairId/commands',
    why: "the repair's two people only",
    request: (world, actor) => ({
      path: `/api/repairs/${world.repairId}/commands`,
      body: { commandId: commandIdNew(), command: { type: 'saveTurnWords', turnIndex: 0, felt: actor === 'owner' ? world.marker('ownerRepairWords') : 'x', needed: 'Time' } },
    }),
    missing: () => ({ path: `/api/repairs/${NO_REPAIR}/commands`, body: { commandId: commandIdNew(), command: { type: 'markHere' } } }),
    expect: signedIn(denied(404, 'repair_not_found'), { owner: own(200, 'ownerRepairWords'), partnerSharing: own(200) }),
  },

  // Personal records.
  {
    route: 'GET /api/records',
    why: 'my records only',
    request: get('/api/records'),
    expect: signedIn(own(200), { owner: own(200, 'ownerPrivateRecord', 'ownerRecordPartner'), partnerSharing: own(200, 'partnerPrivateRecord') }),
  },
  {
    route: 'POST /api/records',
    why: 'anyone with an identity keeps records of their own',
    request: withBody('/api/records', { kind: 'checkIn', body: { state: 'mixed', intensity: 4, note: '', tags: [] } }),
    expect: signedIn(allowed(201)),
  },
  {
    route: 'PUT /api/records/:recordId',
    why: "the owner's private record is changed by the owner only; others get the 404 of a record that does not exist",
    request: (world, actor) => ({
      path: `/api/records/${world.records.private}`,
      body: { body: actor === 'owner' ? checkInBody(world.marker('ownerPrivateRecord'), 'own') : checkInBody('not yours', 'x') },
    }),
    missing: () => ({ path: `/api/records/${randomUUID()}`, body: { body: checkInBody('not yours', 'x') } }),
    expect: signedIn(denied(404, 'record_not_found'), { owner: own(200, 'ownerPrivateRecord') }),
  },
  {
    route: 'DELETE /api/records/:recordId',
    why: 'the owner deletes their record (a fresh one each time); nobody else can',
    request: async (world) => ({ path: `/api/records/${await world.freshOwnerRecord()}` }),
    missing: () => ({ path: `/api/records/${randomUUID()}` }),
    expect: signedIn(denied(404, 'record_not_found'), { owner: allowed(204) }),
  },
  {
    route: 'PUT /api/records/:recordId/sharing',
    why: "the owner's private record: the owner keeps it private; nobody else shares it, even into a relationship they have with the owner (outsiders name the owner's, which is not theirs)",
    request: (world, actor) => ({ path: `/api/records/${world.records.private}/sharing`, body: { relationshipId: actor === 'owner' ? null : world.relationshipOf(actor) } }),
    missing: (world, actor) => ({ path: `/api/records/${randomUUID()}/sharing`, body: { relationshipId: world.relationshipOf(actor) } }),
    expect: byRelation(
      { owner: own(200, 'ownerPrivateRecord'), partnerSharing: denied(404, 'record_not_found'), partnerNotSharing: denied(404, 'record_not_found'), practitionerConsented: denied(404, 'record_not_found'), practitionerNotConsented: denied(404, 'record_not_found') },
      denied(404, 'relationship_not_found'),
    ),
  },
  {
    route: 'GET /api/relationships/:relationshipId/shared',
    why: "what the owner shared shows only where the owner's switch is on",
    request: (world, actor) => ({ path: `/api/relationships/${world.relationshipOf(actor)}/shared` }),
    missing: () => ({ path: `/api/relationships/${randomUUID()}/shared` }),
    expect: byRelation(
      {
        owner: own(200, 'ownerRecordPartner'),
        partnerSharing: allowed(200, 'ownerRecordPartner'),
        partnerNotSharing: own(200),
        practitionerConsented: allowed(200, 'ownerRecordPractitioner'),
        practitionerNotConsented: own(200),
      },
      denied(404, 'relationship_not_found'),
    ),
  },

  // Progress and prompts.
  { route: 'GET /api/progress', why: 'my progress only', request: get('/api/progress'), expect: signedIn(own(200), { owner: own(200, 'ownerPrivateRecord') }) },
  { route: 'GET /api/prompts/settings', why: 'my settings only', request: get('/api/prompts/settings'), expect: signedIn(own(200)) },
  {
    route: 'PUT /api/prompts/settings',
    why: 'my settings only (as they are)',
    request: (world, actor) => ({ path: '/api/prompts/settings', body: world.promptSettingsOf(actor) }),
    expect: signedIn(own(200)),
  },
  { route: 'GET /api/prompts/next', why: 'my prompt only', request: get('/api/prompts/next?tzOffsetMin=0'), expect: signedIn(own(200)) },
  {
    route: 'POST /api/prompts/:promptId/dismiss',
    why: 'a prompt shown to the owner is set aside by the owner; to anyone else it was never offered',
    request: async (world, actor) => ({ path: `/api/prompts/${actor === 'owner' ? await world.ownerPromptShown() : (GENTLE_PROMPTS[0]?.id ?? '')}/dismiss` }),
    expect: signedIn(denied(404, 'prompt_not_found'), { owner: allowed(204) }),
  },

  // Consultations.
  {
    route: 'GET /api/consultations/availability',
    why: 'practitioners only, their own',
    request: get('/api/consultations/availability'),
    expect: practitionersOnly(own(200), denied(403, 'not_a_practitioner')),
  },
  {
    route: 'PUT /api/consultations/availability',
    why: 'practitioners only, their own (as it is)',
    request: withBody('/api/consultations/availability', WORLD_AVAILABILITY),
    expect: practitionersOnly(own(200), denied(403, 'not_a_practitioner')),
  },
  { route: 'GET /api/practitioners', why: 'the directory, for anyone signed in', request: get('/api/practitioners'), expect: signedIn(own(200)) },
  {
    route: 'GET /api/practitioners/:practitionerId/slots',
    why: 'open times, for anyone signed in; never who booked',
    request: (world) => ({ path: `/api/practitioners/${world.id('practitionerConsented')}/slots` }),
    expect: signedIn(own(200)),
  },
  {
    route: 'POST /api/consultations',
    why: 'an account books (with a practitioner not themselves); a guest is asked to make an account',
    request: async (world, actor) => {
      const practitioner = actor === 'practitionerNotConsented' ? 'practitionerConsented' : 'practitionerNotConsented';
      return { path: '/api/consultations', body: { practitionerId: world.id(practitioner), startMs: await world.freeSlot(practitioner) } };
    },
    expect: signedIn(allowed(201), { guest: denied(403, 'account_needed') }),
  },
  {
    route: 'GET /api/consultations',
    why: 'my consultations only',
    request: get('/api/consultations'),
    expect: signedIn(own(200), { owner: own(200, 'ownerConsultationId'), practitionerConsented: own(200, 'ownerConsultationId') }),
  },
  {
    route: 'GET /api/consultations/:consultationId',
    why: 'its two people only',
    request: (world) => ({ path: `/api/consultations/${world.consultationId}` }),
    missing: () => ({ path: `/api/consultations/${randomUUID()}` }),
    expect: consultationParties(allowed(200, 'ownerConsultationId')),
  },
  {
    route: 'POST /api/consultations/:consultationId/move',
    why: 'its two people only',
    request: async (world, actor) => {
      if (actor !== 'owner' && actor !== 'practitionerConsented') return { path: `/api/consultations/${world.consultationId}/move`, body: { startMs: Date.now() + 3 * 86_400_000 } };
      const now = await world.consultationNow(world.consultationId);
      return { path: `/api/consultations/${world.consultationId}/move`, body: { startMs: await world.freeSlot('practitionerConsented'), sequence: now.sequence } };
    },
    missing: () => ({ path: `/api/consultations/${randomUUID()}/move`, body: { startMs: Date.now() + 3 * 86_400_000 } }),
    expect: consultationParties(allowed(200)),
  },
  {
    route: 'POST /api/consultations/:consultationId/cancel',
    why: 'its two people only (a fresh one for each of them)',
    request: async (world, actor) => ({
      path: `/api/consultations/${actor === 'owner' || actor === 'practitionerConsented' ? await world.freshConsultation() : world.consultationId}/cancel`,
      body: {},
    }),
    missing: () => ({ path: `/api/consultations/${randomUUID()}/cancel`, body: {} }),
    expect: consultationParties(allowed(200)),
  },
  {
    route: 'GET /api/consultations/:consultationId/consultation.ics',
    why: 'its two people only',
    request: (world) => ({ path: `/api/consultations/${world.consultationId}/consultation.ics` }),
    missing: () => ({ path: `/api/consultations/${randomUUID()}/consultation.ics` }),
    expect: consultationParties(allowed(200)),
  },
  {
    route: 'POST /api/consultations/:consultationId/room',
    why: 'its two people only',
    request: (world) => ({ path: `/api/consultations/${world.consultationId}/room` }),
    missing: () => ({ path: `/api/consultations/${randomUUID()}/room` }),
    expect: consultationParties(allowed(200)),
  },

  // Data rights.
  {
    route: 'GET /api/account/export',
    why: 'everything I own, and nothing of anyone else',
    request: get('/api/account/export'),
    expect: signedIn(own(200), { owner: own(200, 'ownerPrivateRecord', 'ownerRecordPartner', 'ownerCyclePartner'), partnerSharing: own(200, 'partnerPrivateRecord') }),
    finding:
      "The export holds every between-us event whose actor is the person, and the cycle map's `sidesRevealed` event (made by whoever agreed to reveal last) carries BOTH sides. So partnerSharing's and partnerNotSharing's exports hold the owner's side of their cycle map, word for word: for partnerNotSharing even though the owner turned cycle-map sharing off (the map is paused, GET /cycle shows nothing), and against the export's own rule \"never another person's events, words\" (store/person-export.ts). The export should keep only the person's own side of a revealed map.",
  },
  {
    route: 'DELETE /api/account',
    why: "each deletes only themselves; the owner's things are all still there after everyone else has gone",
    request: () => ({ path: '/api/account' }),
    expect: signedIn(allowed(204)),
    phase: 'final',
  },

  // Practitioner mode.
  {
    route: 'GET /api/practitioner/clients',
    why: 'practitioners only: their clients',
    request: get('/api/practitioner/clients'),
    expect: practitionersOnly(allowed(200), denied(403, 'not_a_practitioner')),
  },
  {
    route: 'GET /api/practitioner/clients/:clientId/history',
    why: "the owner's practitioners see what the owner shares with them: the consented one all of it, the other one nothing",
    request: (world) => ({ path: `/api/practitioner/clients/${world.id('owner')}/history` }),
    missing: () => ({ path: `/api/practitioner/clients/${randomUUID()}/history` }),
    expect: signedIn(denied(404, 'client_not_found'), { practitionerConsented: allowed(200, 'ownerRecordPractitioner', 'ownerHeartRate'), practitionerNotConsented: own(200) }),
  },
  {
    route: 'GET /api/practitioner/clients/:clientId/notes',
    why: "each practitioner reads only their own notes; the client never",
    request: (world) => ({ path: `/api/practitioner/clients/${world.id('owner')}/notes` }),
    missing: () => ({ path: `/api/practitioner/clients/${randomUUID()}/notes` }),
    expect: signedIn(denied(404, 'client_not_found'), { practitionerConsented: own(200, 'practitionerNote'), practitionerNotConsented: own(200) }),
  },
  {
    route: 'POST /api/practitioner/clients/:clientId/notes',
    why: "the owner's practitioners write notes about them",
    request: (world) => ({ path: `/api/practitioner/clients/${world.id('owner')}/notes`, body: { text: 'seemed lighter today' } }),
    missing: () => ({ path: `/api/practitioner/clients/${randomUUID()}/notes`, body: { text: 'seemed lighter today' } }),
    expect: signedIn(denied(404, 'client_not_found'), { practitionerConsented: allowed(201), practitionerNotConsented: allowed(201) }),
  },
  {
    route: 'PUT /api/practitioner/notes/:noteId',
    why: 'only its author changes a note (to the same words)',
    request: (world, actor) => ({ path: `/api/practitioner/notes/${world.noteId}`, body: { text: actor === 'practitionerConsented' ? world.marker('practitionerNote') : 'overwritten' } }),
    missing: () => ({ path: `/api/practitioner/notes/${randomUUID()}`, body: { text: 'overwritten' } }),
    expect: signedIn(denied(404, 'note_not_found'), { practitionerConsented: own(200, 'practitionerNote') }),
  },
  {
    route: 'DELETE /api/practitioner/notes/:noteId',
    why: 'only its author deletes a note (a fresh one each time)',
    request: async (world) => ({ path: `/api/practitioner/notes/${await world.freshNote()}` }),
    missing: () => ({ path: `/api/practitioner/notes/${randomUUID()}` }),
    expect: signedIn(denied(404, 'note_not_found'), { practitionerConsented: allowed(204) }),
  },
  {
    route: 'GET /api/practitioner/sessions/:sessionId',
    why: 'people in the session; a practitioner learns which of them are their clients, the others nothing',
    request: (world, actor) => ({ path: `/api/practitioner/sessions/${world.sessionOf(actor)}` }),
    missing: () => ({ path: `/api/practitioner/sessions/${randomUUID()}` }),
    expect: byRelation(
      { owner: own(200), partnerSharing: own(200), partnerNotSharing: own(200), practitionerConsented: allowed(200), practitionerNotConsented: allowed(200) },
      denied(404, 'session_not_found'),
    ),
  },

  // Access log.
  { route: 'GET /api/me/access-log', why: 'who looked at what I share: mine only', request: get('/api/me/access-log'), expect: signedIn(own(200)) },
];

/** The method of a row's route. */
export function routeMethod(route: string): string {
  return route.split(' ')[0] ?? '';
}
