/**
 * The HTTP contract for the relational tools (issue 5): relationships, the cycle map, repairs,
 * personal records (reflections, experiments, markers, check-ins kept on the server), sharing,
 * progress inputs and gentle prompts. Request bodies are zod schemas the server parses first;
 * responses are types both sides build against. Everything a person makes is private until they
 * share it with a relationship, and sharing can be taken back (DESIGN; issue 5 §8).
 *
 * Errors everywhere: `{ error: { code, message } }` with a sentence a person can act on.
 */
import { z } from 'zod';
import type { RepairEvent, RepairHiddenEvent, RepairStage, RepairState } from '../repair/index.ts';
import { displayNameSchema } from './commands.ts';
import { sharingSettingsSchema, type SharingSettings } from '../relationships/sharing.ts';

// ---------------------------------------------------------------------------------------------
// Relationships

/** What two (or more) people are to each other. Practitioner links arrive with accounts (issue 6). */
export const RELATIONSHIP_KINDS = ['partner', 'friend', 'family', 'practitioner'] as const;

/** One kind of relationship. */
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** `POST /api/relationships`: start one and get an invite link for the other person. */
export const relationshipCreateBody = z.strictObject({
  kind: z.enum(RELATIONSHIP_KINDS, { error: 'Choose what you are to each other: partner, friend, family or practitioner.' }),
  /** Needed only when this device has no identity yet. */
  displayName: displayNameSchema.optional(),
});

/** `POST /api/relationship-invites/:token/accept`. */
export const relationshipInviteAcceptBody = z.strictObject({ displayName: displayNameSchema.optional() });

/** A person in a relationship, as any member sees them. */
export interface RelationshipMemberView {
  readonly personId: string;
  readonly displayName: string;
  readonly isMe: boolean;
  readonly joinedAtMs: number;
}

/** A relationship as one of its members sees it. */
export interface RelationshipView {
  readonly relationshipId: string;
  readonly kind: RelationshipKind;
  readonly createdAtMs: number;
  /** Current members only; someone who left is gone from here and from all sharing. */
  readonly members: readonly RelationshipMemberView[];
}

/** An invite link to a relationship: `<PUBLIC_ORIGIN>/between-us/join#<token>`. Works once. */
export interface RelationshipInviteView {
  readonly token: string;
  readonly url: string;
  readonly expiresAtMs: number;
}

/**
 * Routes:
 * - `POST /api/relationships` → 201 `{ relationship: RelationshipView, invite: RelationshipInviteView }`
 * - `GET /api/relationships` → `{ relationships: RelationshipView[] }` (mine)
 * - `GET /api/relationships/:id` → `{ relationship: RelationshipView }`
 * - `POST /api/relationships/:id/invites` → 201 `{ invite }` (any member)
 * - `GET /api/relationship-invites/:token` → `{ relationshipId, kind, invitedBy: string, expiresAtMs }`
 * - `POST /api/relationship-invites/:token/accept` → `{ relationship }`
 * - `DELETE /api/relationships/:id/membership` → 204: leave; every record I shared with it stops being shared at once
 * - `POST /api/relationships/:id/sessions` → 201 `{ sessionId }`: a live session for the members, linked to the relationship (every member admitted)
 */

// ---------------------------------------------------------------------------------------------
// Cycle map and repair: event-sourced, one command at a time

/**
 * `POST /api/relationships/:id/cycle/commands` and `POST /api/repairs/:repairId/commands` (and
 * `POST /api/relationships/:id/repairs` to start one): the command is parsed with
 * `cycleMapCommandSchema` / `repairCommandSchema` from core. A repeated `commandId` returns the
 * first outcome and adds nothing.
 */
export const commandEnvelopeBody = z.strictObject({
  commandId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" or "_" only.'),
  command: z.unknown(),
});

/** What a command came to. */
export type BetweenUsOutcome = { readonly ok: true } | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Routes:
 * - `GET /api/relationships/:id/cycle` → `{ map: CycleMapView | null, cycleMoments: { atMs, sessionId | null }[] }` (the current map as I may see it)
 * - `POST /api/relationships/:id/cycle/commands` → `{ outcome, map: CycleMapView | null }`
 * - `POST /api/relationships/:id/cycle/moments` `{ sessionId?: string }` → 201: "our cycle is here" noted (for progress)
 * - `GET /api/relationships/:id/repairs` → `{ repairs: RepairView[] }` (as I may see them: `repairEventForViewer`)
 * - `POST /api/relationships/:id/repairs` → 201 `{ outcome, repairId, repair }` (command must be `start`)
 * - `GET /api/repairs/:repairId` → `{ repair }`; `POST /api/repairs/:repairId/commands` → `{ outcome, repair }`
 * The repair view is whatever `src/core/repair` exposes for one viewer (state + visible events with `atMs`).
 */

/**
 * A repair as one member may see it: its log filtered with `repairEventForViewer` (others' words
 * in progress and history choices are `hidden`; who settled how, and who stepped away, are
 * blanked), and `state` folded from exactly those events, so it holds nothing the events do not.
 */
export interface RepairView {
  readonly repairId: string;
  readonly relationshipId: string;
  readonly state: RepairState;
  readonly stage: RepairStage;
  readonly events: readonly { readonly seq: number; readonly atMs: number; readonly event: RepairEvent | RepairHiddenEvent }[];
}

/** `POST /api/relationships/:id/cycle/moments`. */
export const cycleMomentBody = z.strictObject({ sessionId: z.string().min(8).max(64).optional() });

// ---------------------------------------------------------------------------------------------
// Personal records: private until shared

/** What a person can keep. Each kind's `body` is checked with its core schema. */
export const PERSONAL_RECORD_KINDS = [
  /** A check-in made outside a live session (`src/core/protocol/commands.ts` check-in fields). */
  'checkIn',
  /** An answer to the two questions (`workingModelAnswerSchema`). */
  'workingModel',
  /** Ratings of the five markers of change. */
  'changeMarkers',
  /** One week's interdependence experiment and how it went. */
  'experiment',
  /** A practice done alone (id, length, completed). */
  'soloPractice',
] as const;
// Each kind's body schema: `PERSONAL_RECORD_BODY_SCHEMAS` in `personal-record-bodies.ts`.

/** One kind of personal record. */
export type PersonalRecordKind = (typeof PERSONAL_RECORD_KINDS)[number];

/** `POST /api/records`. */
export const recordCreateBody = z.strictObject({
  kind: z.enum(PERSONAL_RECORD_KINDS, { error: 'That kind of entry is not one Attune keeps.' }),
  body: z.unknown(),
  /** When it happened, if not now (a check-in made offline, say); server time in ms. */
  atMs: z.number().int().nonnegative().optional(),
});

/** `PUT /api/records/:id`. */
export const recordUpdateBody = z.strictObject({ body: z.unknown() });

/** `PUT /api/records/:id/sharing`: share with one of my relationships, or `null` to take it back. */
export const recordSharingBody = z.strictObject({ relationshipId: z.string().min(8).max(64).nullable() });

/** A record as its owner, or someone it is shared with, sees it. */
export interface PersonalRecordView {
  readonly recordId: string;
  readonly ownerId: string;
  readonly ownerName: string;
  readonly kind: PersonalRecordKind;
  readonly atMs: number;
  readonly updatedAtMs: number;
  readonly body: unknown;
  /** The relationship it is shared with, or null for private. Only the owner sees this field as set for their own. */
  readonly sharedWith: string | null;
}

/**
 * Routes:
 * - `GET /api/records?kind=…` → `{ records: PersonalRecordView[] }` (mine)
 * - `POST /api/records` → 201 `{ record }`; `PUT /api/records/:id` → `{ record }`; `DELETE /api/records/:id` → 204
 * - `PUT /api/records/:id/sharing` → `{ record }`
 * - `GET /api/relationships/:id/shared` → `{ records: PersonalRecordView[] }` (what members shared with it, mine included)
 */

// ---------------------------------------------------------------------------------------------
// Progress and prompts

/**
 * `GET /api/progress` → `ProgressInputView`: everything of mine the progress timeline is built
 * from; the browser aggregates with `src/core/progress` (so the time zone is the person's own).
 */
export interface ProgressInputView {
  readonly checkIns: readonly { readonly atMs: number; readonly state: string; readonly intensity: number }[];
  readonly practices: readonly { readonly atMs: number; readonly practiceId: string; readonly durationMs: number; readonly completed: boolean; readonly together: boolean }[];
  readonly synchrony: readonly { readonly atMs: number; readonly score: number }[];
  readonly coherence: readonly { readonly atMs: number; readonly ratio: number }[];
  readonly cycleMoments: readonly { readonly atMs: number }[];
  /** Repairs each person chose to keep in their own history (R12); time-to-repair runs from `ruptureAtMs` (R14). */
  readonly repairs: readonly { readonly ruptureAtMs?: number; readonly startedAtMs: number; readonly completedAtMs: number | null }[];
  readonly records: readonly PersonalRecordView[];
}

/**
 * Prompts:
 * - `GET /api/prompts/settings` → `{ settings: PromptSettings }`; `PUT /api/prompts/settings` body = settings (`promptSettingsSchema`)
 * - `GET /api/prompts/next?tzOffsetMin=…` → `{ prompt: { promptId, text, … } | null }` (records it as shown)
 * - `POST /api/prompts/:promptId/dismiss` → 204
 */

// ---------------------------------------------------------------------------------------------
// Sharing per relationship (issue 6): the rules and defaults are in `src/core/relationships/sharing.ts`

/** `PUT /api/relationships/:id/sharing`: my four switches for this relationship, all of them. */
export const relationshipSharingBody = sharingSettingsSchema;

/** What one other member lets me see. */
export interface RelationshipSharingOtherView {
  readonly personId: string;
  readonly displayName: string;
  readonly shares: SharingSettings;
}

/** Sharing in one relationship as one member sees it. */
export interface RelationshipSharingView {
  readonly relationshipId: string;
  /** What I let the others see outside a live session. */
  readonly mine: SharingSettings;
  /** False while I have never chosen, so `mine` are the defaults. */
  readonly mineChosen: boolean;
  /** What each other member lets me see, in the order they joined. */
  readonly others: readonly RelationshipSharingOtherView[];
}

/**
 * Routes:
 * - `GET /api/relationships/:id/sharing` → `{ sharing: RelationshipSharingView }`
 * - `PUT /api/relationships/:id/sharing` body `relationshipSharingBody` → `{ sharing: RelationshipSharingView }`
 * - `GET /api/relationships/:id/cycle` also answers `paused: boolean`: true while my cycle map rests
 *   because one of its two people has cycle-map sharing off (`map` is then null, and commands are
 *   answered `cycle_map_paused`). It never says who paused it.
 * Leaving a relationship deletes the leaver's switches in the same transaction as the rest of leaving.
 */
