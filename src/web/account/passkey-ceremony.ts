/**
 * The browser's side of a passkey: whether this browser can use one at all, and making or using
 * one with @simplewebauthn/browser. A step that does not complete becomes an `ApiError` with a
 * plain sentence, so every account form shows it the same way as a server answer.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/browser';
import { ApiError } from '../api/http.ts';
import { passkeyCreationOptionsOf, passkeyRequestOptionsOf } from './passkey-options.ts';
import { passkeyProblemWords, type PasskeyFailure, type PasskeyStep } from './passkey-words.ts';

/** The code of an `ApiError` raised here, in the browser, not by the server. */
export const PASSKEY_STEP_ERROR_CODE = 'passkey_step';

/** True when this browser offers WebAuthn (passkeys, security keys). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && browserSupportsWebAuthn();
}

function failureOf(caught: unknown): PasskeyFailure {
  if (caught instanceof Error) {
    const code = (caught as { code?: unknown }).code;
    return { name: caught.name, ...(typeof code === 'string' ? { code } : {}) };
  }
  return {};
}

function stepFailed(caught: unknown, step: PasskeyStep): ApiError {
  return new ApiError(0, PASSKEY_STEP_ERROR_CODE, passkeyProblemWords(failureOf(caught), step));
}

const unusableOptions = () =>
  new ApiError(0, 'unexpected_reply', 'Attune answered in a way this page did not expect. Reloading usually helps.');

/** Makes a passkey on this device from the server's creation options. */
export async function passkeyCreate(options: Record<string, unknown>): Promise<RegistrationResponseJSON> {
  const optionsJSON = passkeyCreationOptionsOf(options);
  if (optionsJSON === null) throw unusableOptions();
  try {
    return await startRegistration({ optionsJSON });
  } catch (caught) {
    throw stepFailed(caught, 'create');
  }
}

/** Uses a passkey on this device to answer the server's request options. */
export async function passkeyUse(options: Record<string, unknown>): Promise<AuthenticationResponseJSON> {
  const optionsJSON = passkeyRequestOptionsOf(options);
  if (optionsJSON === null) throw unusableOptions();
  try {
    return await startAuthentication({ optionsJSON });
  } catch (caught) {
    throw stepFailed(caught, 'use');
  }
}
