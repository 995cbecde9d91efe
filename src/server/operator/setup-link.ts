/**
 * First-run setup: while the instance has no operator account, a one-time link
 * `<PUBLIC_ORIGIN>/setup#<token>` lets whoever runs the server make it. The token sits after `#`,
 * so browsers never send it in a request line and it stays out of proxy and access logs; only its
 * SHA-256 is stored; it works for 24 hours and once.
 *
 * The rule when several nodes start at once (or one restarts): a node makes a new link only when
 * no link that still works is pending. That check-and-store is one conditional upsert on the
 * setting's primary key, so exactly one node makes the link and logs it; the others log that a
 * link is pending and until when. `attune setup-link` always makes a fresh link and the older one
 * stops working at once, so the operator is never left with two valid links to choose between.
 * Setup takes the link in the same transaction that writes the operator account; of two people
 * racing with one link, one gets the account and the other an answer that setup is done.
 */
import { SETUP_LINK_TTL_HOURS, SETUP_PAGE_PATH } from '../../core/protocol/operator-api.ts';
import { tokenHash, tokenNew } from '../auth/tokens.ts';
import { logShownOnPurpose, type Logger } from '../log/logger.ts';
import type { InstanceStore } from './instance-store.ts';

/** How long a setup link works. */
export const SETUP_LINK_TTL_MS = SETUP_LINK_TTL_HOURS * 60 * 60_000;

/** The link for `token` on the instance at `publicOrigin`. */
export function setupLinkOf(publicOrigin: string, token: string): string {
  return `${publicOrigin}${SETUP_PAGE_PATH}#${token}`;
}

/** What starting a node did about setup. */
export type SetupOnStart =
  | { readonly kind: 'operator_exists' }
  | { readonly kind: 'link_made'; readonly link: string; readonly expiresAtMs: number }
  | { readonly kind: 'link_pending'; readonly expiresAtMs: number };

/**
 * On start: if there is no operator yet, makes a setup link unless one is pending, and logs one
 * line either way (a warning, so it shows at LOG_LEVEL=warn too: the instance is not ready).
 */
export async function setupOnStart(store: InstanceStore, publicOrigin: string, logger: Logger, nowMs: number): Promise<SetupOnStart> {
  if (await store.operatorExists()) return { kind: 'operator_exists' };
  const token = tokenNew();
  const expiresAtMs = nowMs + SETUP_LINK_TTL_MS;
  if (await store.setupLinkCreateUnlessPending(tokenHash(token), nowMs, expiresAtMs)) {
    const link = setupLinkOf(publicOrigin, token);
    // The log hides tokens; this link is the one thing shown on purpose, so the operator can open it.
    logger.warn('startup', `No operator account yet. Open the setupLink below within ${SETUP_LINK_TTL_HOURS} hours to create it; it works once.`, {
      setupLink: logShownOnPurpose(link),
      until: new Date(expiresAtMs).toISOString(),
    });
    return { kind: 'link_made', link, expiresAtMs };
  }
  const pending = await store.setupLinkPending(nowMs);
  const until = pending === null ? 'soon' : new Date(pending.expiresAtMs).toISOString();
  logger.warn('startup', 'No operator account yet. A setup link made earlier still works (see the log of the node that made it); run `attune setup-link` for a new one, which replaces it.', {
    until,
  });
  return { kind: 'link_pending', expiresAtMs: pending?.expiresAtMs ?? expiresAtMs };
}

/** What `attune setup-link` did. */
export type SetupLinkNew =
  | { readonly kind: 'operator_exists' }
  | { readonly kind: 'link_made'; readonly link: string; readonly expiresAtMs: number };

/** A fresh setup link, replacing any earlier one; none once an operator exists. */
export async function setupLinkNew(store: InstanceStore, publicOrigin: string, nowMs: number): Promise<SetupLinkNew> {
  if (await store.operatorExists()) return { kind: 'operator_exists' };
  const token = tokenNew();
  const expiresAtMs = nowMs + SETUP_LINK_TTL_MS;
  await store.setupLinkReplace(tokenHash(token), nowMs, expiresAtMs);
  return { kind: 'link_made', link: setupLinkOf(publicOrigin, token), expiresAtMs };
}
