/**
 * Everything a route needs, assembled once by the composition root (`main.ts`) and passed down.
 */
import type { IdentityCookies } from './auth/identity-cookie.ts';
import type { Config } from './config.ts';
import type { HelpResources } from './help/help-resources.ts';
import type { Logger } from './log/logger.ts';
import type { SessionHub } from './realtime/session-hub.ts';
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
}

/** The server's parts, wired. */
export interface ServerContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly hub: SessionHub;
  readonly identities: IdentityStore;
  readonly invites: InviteStore;
  readonly admissions: AdmissionStore;
  readonly cookies: IdentityCookies;
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
  /** The server clock, in ms since the epoch. */
  readonly now: () => number;
}
