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
  /** The server clock, in ms since the epoch. */
  readonly now: () => number;
}
