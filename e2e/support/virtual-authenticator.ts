/**
 * A passkey authenticator inside Chromium, through the DevTools protocol's WebAuthn domain: a
 * platform authenticator (like a phone's screen lock) that keeps discoverable passkeys, verifies
 * the user, and answers every prompt by itself. The page then makes and uses real passkeys against
 * the real server, with no dialog. It serves the page it was added to (and its navigations).
 */
import type { CDPSession, Page } from 'playwright-core';

/** One passkey the authenticator holds. */
export interface VirtualCredential {
  readonly credentialId: string;
  readonly isResidentCredential: boolean;
  readonly rpId?: string;
  readonly userHandle?: string;
  readonly signCount: number;
}

/** A virtual authenticator attached to one page. */
export interface VirtualAuthenticator {
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
  /** The passkeys it holds now. */
  credentials(): Promise<readonly VirtualCredential[]>;
  /** Forgets every passkey it holds (a lost or reset device). */
  credentialsClear(): Promise<void>;
  /** Takes it away (the page then has no authenticator). */
  remove(): Promise<void>;
}

/** Options of `virtualAuthenticatorAdd`. */
export interface VirtualAuthenticatorOptions {
  /** Whether the person's fingerprint/face/screen lock "matches". Default true. */
  readonly userVerified?: boolean;
}

/** Adds an internal, resident-key, user-verifying authenticator to `page`. */
export async function virtualAuthenticatorAdd(
  page: Page,
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: options.userVerified ?? true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.map((credential) => ({
        credentialId: credential.credentialId,
        isResidentCredential: credential.isResidentCredential,
        signCount: credential.signCount,
        ...(credential.rpId === undefined ? {} : { rpId: credential.rpId }),
        ...(credential.userHandle === undefined ? {} : { userHandle: credential.userHandle }),
      }));
    },
    credentialsClear: async () => {
      await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
    },
    remove: async () => {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      await cdp.detach().catch(() => undefined);
    },
  };
}
