/**
 * Everything a route needs, assembled once by the composition root (`main.ts`) and passed down.
 */
import type { AccountGate } from './auth/account-gate.ts';
import type { AuthServices } from './auth/auth-services.ts';
import type { IdentityCookies } from './auth/identity-cookie.ts';
import type { Bus } from './bus/bus.ts';
import type { Config } from './config.ts';
import type { ConsultationServices } from './consultations/consultation-services.ts';
import type { HelpResources } from './help/help-resources.ts';
import type { Logger } from './log/logger.ts';
import type { InstanceServices } from './operator/instance-services.ts';
import type { SessionHub } from './realtime/session-hub.ts';
import type { LoginSessionSockets } from './realtime/login-session-sockets.ts';
import type { AdmissionStore } from './store/admission-store.ts';
import type { IdentityStore } from './store/identity-store.ts';
import type { InviteStore } from './store/invite-store.ts';
import type { SignalRecorder } from './realtime/signal-recorder.ts';
import type { SignalStore } from './store/signal-store.ts';
import type { ReportBuilder } from './report/report-builder.ts';
import type { SessionSummaryStore } from './store/session-summary-store.ts';
import type { BetweenUsLogStore } from './store/between-us-log-store.ts';
import type { CycleMomentStore } from './store/cycle-moment-store.ts';
import type { PersonalRecordStore } from './store/personal-record-store.ts';
import type { PromptStore } from './store/prompt-store.ts';
import type { RelationshipStore } from './store/relationship-store.ts';
import type { SessionParticipationStore } from './store/session-participation-store.ts';
import type { SharedAccessAudit } from './store/shared-access-audit.ts';
import type { PersonDataRights } from './store/person-data.ts';
import type { RelationshipSharingStore } from './store/relationship-sharing-store.ts';
import type { PractitionerServices } from './practitioner/practitioner-services.ts';
import type { Readiness } from './http/health-routes.ts';
import type { AttuneMetrics } from './metrics/attune-metrics.ts';

/** The stores behind "between us" (issue 5): relationships, cycle maps, repairs, records, prompts. */
export interface BetweenUsStores {
  readonly relationships: RelationshipStore;
  /** Event logs of cycle maps and repairs. */
  readonly logs: BetweenUsLogStore;
  readonly cycleMoments: CycleMomentStore;
  readonly records: PersonalRecordStore;
  readonly prompts: PromptStore;
  /** Which live sessions a person joined, for progress. */
  readonly participation: SessionParticipationStore;
  /** Each read of someone else's shared data. */
  readonly sharedAccess: SharedAccessAudit;
  /** What each member lets the others of a relationship see outside a live session. */
  readonly sharing: RelationshipSharingStore;
}

/** The server's parts, wired. */
export interface ServerContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly hub: SessionHub;
  /** Closes live sockets whose account sign-in has ended, on every node. */
  readonly loginSockets: LoginSessionSockets;
  /** Pub/sub between nodes (for example "these login sessions ended"). */
  readonly bus: Bus;
  readonly identities: IdentityStore;
  readonly invites: InviteStore;
  readonly admissions: AdmissionStore;
  /** Who is behind a request: an account's login session first, then a guest cookie. */
  readonly cookies: IdentityCookies;
  /** For other features: "confirmed it is them just now?" and "end all their sign-ins". */
  readonly accounts: AccountGate;
  /** Accounts, login sessions, passkeys and sign-in throttling, for the account routes. */
  readonly auth: AuthServices;
  /** What "Need help now?" shows, as the operator configured it. */
  readonly help: HelpResources;
  /** Stored body signals for reports. */
  readonly signals: SignalStore;
  /** The in-memory, not-yet-stored part of the body signals. */
  readonly recorder: SignalRecorder;
  /** What each ended session added to each person's progress, computed once. */
  readonly summaries: SessionSummaryStore;
  /** Builds session reports off the main thread. */
  readonly reports: ReportBuilder;
  /** Deletes a session with everything in it, in one transaction. */
  readonly deleteSession: (sessionId: string) => Promise<{ readonly events: number; readonly signals: number }>;
  /** Relationships, cycle maps, repairs, records and prompts. */
  readonly betweenUs: BetweenUsStores;
  /** Practitioners' availability and consultations (issue 6), and who is told of changes. */
  readonly consultations: ConsultationServices;
  /** Export and deletion of everything a person owns. */
  readonly personData: PersonDataRights;
  /** The instance: setup link, the operator's crisis resources and view of accounts, backups. */
  readonly instance: InstanceServices;
  /** Practitioner mode (issue 6): client lists, private notes; and everyone's access log. */
  readonly practitioner: PractitionerServices;
  /** The server clock, in ms since the epoch. */
  readonly now: () => number;
  /** Readiness (draining at shutdown) and the Prometheus metrics of this node. */
  readonly operations: { readonly readiness: Readiness; readonly metrics: AttuneMetrics };
}
