/**
 * The WebAuthn options the server sends (opaque in the HTTP contract) checked just enough to hand
 * to the browser: a challenge and, for creating a passkey, who it is for and which algorithms.
 * Anything else passes through untouched for the browser and @simplewebauthn/browser to read.
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';

const creationSchema = z.looseObject({
  challenge: z.string().min(1),
  rp: z.looseObject({ name: z.string(), id: z.string().optional() }),
  user: z.looseObject({ id: z.string().min(1), name: z.string(), displayName: z.string() }),
  pubKeyCredParams: z.array(z.looseObject({ type: z.literal('public-key'), alg: z.number() })).min(1),
});

const requestSchema = z.looseObject({
  challenge: z.string().min(1),
  rpId: z.string().optional(),
  allowCredentials: z.array(z.looseObject({ id: z.string(), type: z.literal('public-key') })).optional(),
});

/** Options for creating a passkey, or null when they are not in a shape a browser can use. */
export function passkeyCreationOptionsOf(options: Record<string, unknown>): PublicKeyCredentialCreationOptionsJSON | null {
  const parsed = creationSchema.safeParse(options);
  return parsed.success ? parsed.data : null;
}

/** Options for using a passkey, or null when they are not in a shape a browser can use. */
export function passkeyRequestOptionsOf(options: Record<string, unknown>): PublicKeyCredentialRequestOptionsJSON | null {
  const parsed = requestSchema.safeParse(options);
  return parsed.success ? parsed.data : null;
}
