/**
 * The realtime authorization matrix: who may open the live socket of the owner's session, and for
 * those who may, what each client message and each session command comes to. Data only;
 * `realtime-authorization-matrix.test.ts` runs it against a real server over real sockets, and
 * fails when a message type or command type of the wire schema has no row.
 *
 * The actors, around a live session the owner hosts (a fresh one for every cell):
 * - `host`: the owner (account), joined.
 * - `participant`: partnerSharing (account), admitted by invite and joined.
 * - `invited`: a guest who accepted an invite (admitted) and has not joined yet.
 * - `stranger`: an account with no relation to the session.
 * - `guest`: a guest who never held an invite to it.
 * - `operator`: the instance's operator (no say over anyone's session).
 * - `practitioner`: a practitioner of the owner's who is not in this session.
 * - `anonymous`: no cookie.
 *
 * Commands are decided by the session decider (`src/core/session/SPEC.md`); `prelude` puts the
 * session in the state a command needs (submitted as the host or the participant, before the
 * actor's socket opens), so an outcome shows who may act, not what is missing.
 */
import type { SessionCommandType } from '../../core/protocol/commands.ts';
import type { ClientMessage } from '../../core/protocol/messages.ts';

/** Everyone the realtime matrix asks about. */
export const REALTIME_ACTORS = ['host', 'participant', 'invited', 'stranger', 'guest', 'operator', 'practitioner', 'anonymous'] as const;

/** One of them. */
export type RealtimeActor = (typeof REALTIME_ACTORS)[number];

/** The live socket's route, as registered. */
export const LIVE_SOCKET_ROUTE = 'GET /api/sessions/:sessionId/live';

/** Opening the owner's session's socket: it opens, or the upgrade is refused with this answer. */
export type SocketOpen = { readonly opens: true } | { readonly opens: false; readonly status: number; readonly code: string };

/** A known authorization bug: what should happen is what the table says. */
export const SOCKET_OPEN_FINDING =
  'A signed-in person outside the session is refused with 403 forbidden, but a session that does not exist with 404 session_not_found: the upgrade tells whether a session id exists. It should answer both alike (404 session_not_found), as the report and relationship routes do.';

/** Who opens the socket of the owner's session. */
export const SOCKET_OPEN: Readonly<Record<RealtimeActor, SocketOpen>> = {
  host: { opens: true },
  participant: { opens: true },
  invited: { opens: true },
  stranger: { opens: false, status: 404, code: 'session_not_found' },
  guest: { opens: false, status: 404, code: 'session_not_found' },
  operator: { opens: false, status: 404, code: 'session_not_found' },
  practitioner: { opens: false, status: 404, code: 'session_not_found' },
  anonymous: { opens: false, status: 401, code: 'not_signed_in' },
};

/** What one message comes to for one actor. */
export type RealtimeOutcome =
  /** The actor cannot open the socket at all (`SOCKET_OPEN`). */
  | { readonly kind: 'noSocket' }
  /**
   * Accepted: a command is acknowledged ok; hello is answered up to `caughtUp` (with the session's
   * events, or, for someone not in it yet, none); ping gets its pong; signals reach the others.
   */
  | { readonly kind: 'accepted'; readonly events?: 'some' | 'none' }
  /** Refused with this code (a command's acknowledgement, or an `error` message). */
  | { readonly kind: 'refused'; readonly code: string };

/** A command submitted to set the session up before the actor acts. */
export interface PreludeStep {
  readonly by: 'host' | 'participant';
  readonly command: Readonly<Record<string, unknown>> & { readonly type: SessionCommandType };
}

/** One message type (or command type). */
export interface RealtimeRow {
  /** `hello`, `ping`, `signals`, or `command:<type>`. */
  readonly message: string;
  readonly why: string;
  readonly prelude?: readonly PreludeStep[];
  /** The frame the actor sends (a command's `commandId` is filled in by the test). */
  readonly frame: Readonly<Record<string, unknown>>;
  readonly expect: Readonly<Record<RealtimeActor, RealtimeOutcome>>;
}

const NO_SOCKET: RealtimeOutcome = { kind: 'noSocket' };
const accepted: RealtimeOutcome = { kind: 'accepted' };
const refused = (code: string): RealtimeOutcome => ({ kind: 'refused', code });

/** The three who open the socket as given; everyone else has none. */
function inSession(host: RealtimeOutcome, participant: RealtimeOutcome, invited: RealtimeOutcome): Readonly<Record<RealtimeActor, RealtimeOutcome>> {
  return { host, participant, invited, stranger: NO_SOCKET, guest: NO_SOCKET, operator: NO_SOCKET, practitioner: NO_SOCKET, anonymous: NO_SOCKET };
}

/** Present people act; someone admitted who has not joined is told to join first. */
const presentOnly = inSession(accepted, accepted, refused('not_present'));

const OPEN = { touch: false, camera: false, sharePhysiology: false, shareCheckIns: false };
const propose = (practiceId: string): PreludeStep => ({ by: 'host', command: { type: 'proposePractice', practiceId, parameters: {}, roles: {} } });
const ready = (by: 'host' | 'participant'): PreludeStep => ({ by, command: { type: 'setReady', ready: true } });
const running = (practiceId: string): PreludeStep[] => [propose(practiceId), ready('host'), ready('participant'), { by: 'host', command: { type: 'startPractice' } }];

/** A command frame. */
const command = (body: Readonly<Record<string, unknown>> & { readonly type: SessionCommandType }) => ({ type: 'command', command: body });

/** The client message types that are not commands. */
export const MESSAGE_TYPES_BESIDE_COMMANDS = ['hello', 'ping', 'signals'] as const satisfies readonly Exclude<ClientMessage['type'], 'command'>[];

/** Every client message type, and every command type, with who may send it. */
export const REALTIME_MATRIX: readonly RealtimeRow[] = [
  {
    message: 'hello',
    why: "the session's events reach only the people in it; someone admitted but not joined gets none",
    frame: { type: 'hello', protocolVersion: 1, lastSeq: 0 },
    expect: inSession({ kind: 'accepted', events: 'some' }, { kind: 'accepted', events: 'some' }, { kind: 'accepted', events: 'none' }),
  },
  {
    message: 'ping',
    why: 'clock sync for anyone with a socket',
    frame: { type: 'ping', pingId: 7, clientSentAtMs: 0 },
    expect: inSession(accepted, accepted, accepted),
  },
  {
    message: 'signals',
    why: 'body signals pass on only from someone present who shares them',
    frame: { type: 'signals', samples: [{ atMs: 0, source: 'simulated', heartRateBpm: 64 }] },
    expect: presentOnly,
  },
  {
    message: 'command:createSession',
    why: 'the session exists: nobody creates it again',
    frame: command({ type: 'createSession', maxParticipants: 8 }),
    expect: inSession(refused('session_exists'), refused('session_exists'), refused('session_exists')),
  },
  {
    message: 'command:join',
    why: 'the admitted join; who is in already is told so',
    frame: command({ type: 'join', displayName: 'Jo', boundaries: OPEN }),
    expect: inSession(refused('already_present'), refused('already_present'), accepted),
  },
  { message: 'command:leave', why: 'present people leave', frame: command({ type: 'leave' }), expect: presentOnly },
  { message: 'command:setBoundaries', why: 'present people set their own boundaries', frame: command({ type: 'setBoundaries', boundaries: OPEN }), expect: presentOnly },
  {
    message: 'command:checkIn',
    why: 'present people check in',
    frame: command({ type: 'checkIn', state: 'regulated', intensity: 3, tags: [], note: '', visibility: 'private', moment: 'any' }),
    expect: presentOnly,
  },
  {
    message: 'command:proposePractice',
    why: 'anyone present proposes',
    frame: command({ type: 'proposePractice', practiceId: 'paced-breathing', parameters: {}, roles: {} }),
    expect: presentOnly,
  },
  { message: 'command:withdrawProposal', why: 'anyone present sets a proposal aside', prelude: [propose('paced-breathing')], frame: command({ type: 'withdrawProposal' }), expect: presentOnly },
  { message: 'command:setReady', why: 'each present person says ready', prelude: [propose('paced-breathing')], frame: command({ type: 'setReady', ready: true }), expect: presentOnly },
  { message: 'command:giveConsent', why: 'each present person gives their own consent', prelude: [propose('touch')], frame: command({ type: 'giveConsent', consent: 'touch' }), expect: presentOnly },
  {
    message: 'command:withdrawConsent',
    why: 'each present person withdraws their own consent, always',
    prelude: [propose('touch'), { by: 'host', command: { type: 'giveConsent', consent: 'touch' } }, { by: 'participant', command: { type: 'giveConsent', consent: 'touch' } }],
    frame: command({ type: 'withdrawConsent', consent: 'touch' }),
    expect: presentOnly,
  },
  {
    message: 'command:startPractice',
    why: 'anyone present starts once everyone present is ready',
    prelude: [propose('paced-breathing'), ready('host'), ready('participant')],
    frame: command({ type: 'startPractice' }),
    expect: presentOnly,
  },
  { message: 'command:pause', why: 'anyone present pauses everyone', frame: command({ type: 'pause', sayItWasMe: false }), expect: presentOnly },
  {
    message: 'command:resume',
    why: 'only who holds the pause releases it',
    prelude: [{ by: 'host', command: { type: 'pause', sayItWasMe: false } }],
    frame: command({ type: 'resume' }),
    expect: inSession(accepted, refused('not_your_pause'), refused('not_present')),
  },
  {
    message: 'command:advanceTurn',
    why: 'the people in the practice move its turns on',
    prelude: running('share-and-hold'),
    frame: command({ type: 'advanceTurn', fromTurnIndex: 0 }),
    expect: presentOnly,
  },
  { message: 'command:endPractice', why: 'anyone present stops a practice', prelude: running('paced-breathing'), frame: command({ type: 'endPractice', outcome: 'stopped' }), expect: presentOnly },
  {
    message: 'command:endSession',
    why: 'the host ends the session for everyone while present',
    frame: command({ type: 'endSession' }),
    expect: inSession(accepted, refused('not_host'), refused('not_present')),
  },
  { message: 'command:shareBodyNotice', why: 'present people tell what their body noticed', frame: command({ type: 'shareBodyNotice', notice: 'flooding' }), expect: presentOnly },
];
