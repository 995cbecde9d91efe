/**
 * The words of the account screens and the small pure helpers behind them: passkey dates, the
 * recovery-code file, a name to suggest for a new passkey, and server sentences made ready to show.
 * Plain and warm; nothing here blames the person for a slip (DESIGN, trauma-informed rules).
 */
import type { PasskeyView } from '../../core/protocol/account-api.ts';

/** The only password guidance shown: no composition rules. */
export const PASSWORD_HINT = 'At least 8 characters; a few unrelated words make a strong one.';

/** What a passkey is, in one breath. */
export const PASSKEY_EXPLAINED =
  'A passkey lets you sign in with this device’s screen lock, fingerprint or face. There is nothing to remember, and nothing anyone could trick you into typing elsewhere.';

/** Said when this browser has no WebAuthn at all. */
export const PASSKEYS_UNAVAILABLE =
  'This browser cannot use passkeys, so you can use a password instead. Everything else works the same.';

/** The recovery-code promise, said where the codes are shown. */
export const RECOVERY_CODES_EXPLAINED =
  'If you ever lose your passkey and your password, one of these codes lets you back in. Each code works once. Keep them somewhere safe and private, like a password manager or a piece of paper at home.';

/** What deleting an account takes away. */
export const DELETE_ACCOUNT_GOES: readonly string[] = [
  'Your account: your sign-in name, passkeys, password and recovery codes. Every device signed in to it is signed out.',
  'Everything that is yours alone: your check-ins, reflections, your side of cycle maps and repairs, and your body signals from sessions.',
  'Your name and your words in what you shared: you leave every session and relationship you are in.',
];

/** What deleting an account (or a guest's data) leaves. */
export const DELETE_ACCOUNT_STAYS: readonly string[] = [
  'Sessions and relationships that others are still part of stay for them. What happened stays, shown as “someone who left”, without your name or your words.',
  'What other people wrote themselves stays theirs.',
  'Check-ins saved only on this device stay here. You can clear them from the home page.',
];

/** What deleting a guest's data takes away (a guest has no sign-in to lose). */
export const DELETE_GUEST_GOES: readonly string[] = [
  'Everything that is yours alone: your check-ins, reflections, your side of cycle maps and repairs, and your body signals from sessions.',
  'Your name and your words in what you shared: you leave every session and relationship you are in.',
  'The name this device goes by here.',
];

interface ErrorLike {
  readonly code: string;
  readonly message: string;
}

/**
 * A server sentence ready to show. Body checks answer "field: sentence"; the field's own name is
 * dropped, since the sentence already says which thing it is about.
 */
export function accountMessageOf(error: ErrorLike): string {
  if (error.code === 'invalid_body') return error.message.replace(/^[A-Za-z][A-Za-z0-9.]*: /, '');
  return error.message;
}

/** "Added 3 March 2026 · last used today" for a passkey, in the reader's words. */
export function passkeyDatesWords(passkey: PasskeyView, nowMs: number, locale?: string): string {
  const added = `Added ${dayWords(passkey.createdAtMs, nowMs, locale)}`;
  if (passkey.lastUsedAtMs === null) return `${added} · not used to sign in yet`;
  return `${added} · last used ${dayWords(passkey.lastUsedAtMs, nowMs, locale)}`;
}

const DAY_MS = 86_400_000;

function dayWords(atMs: number, nowMs: number, locale?: string): string {
  const day = (ms: number) => new Date(ms).toDateString();
  if (day(atMs) === day(nowMs)) return 'today';
  if (day(atMs) === day(nowMs - DAY_MS)) return 'yesterday';
  const sameYear = new Date(atMs).getFullYear() === new Date(nowMs).getFullYear();
  return new Date(atMs).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'long',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
}

/** "3 recovery codes left" and what it means when few are left. */
export function recoveryCodesLeftWords(left: number): string {
  if (left === 0) return 'You have no recovery codes left. Making new ones gives you a way back in if you lose your passkey and password.';
  if (left === 1) return 'You have 1 recovery code left. Making new ones now means you will not run out.';
  if (left <= 3) return `You have ${left} recovery codes left. Making new ones now means you will not run out.`;
  return `You have ${left} recovery codes left. Each one works once.`;
}

/** The text a person copies or downloads: who the codes are for, what they do, and the codes. */
export function recoveryCodesText(codes: readonly string[], signInName: string, origin: string, nowMs: number): string {
  const made = new Date(nowMs).toISOString().slice(0, 10);
  return [
    `Attune recovery codes for ${signInName} at ${origin}`,
    `Made ${made}. Each code works once; making new codes stops these from working.`,
    '',
    ...codes,
    '',
  ].join('\n');
}

/** The file name for downloaded recovery codes, safe on every system. */
export function recoveryCodesFileName(signInName: string): string {
  const safe = signInName.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return `attune-recovery-codes${safe === '' ? '' : `-${safe}`}.txt`;
}

/** A name to suggest for a new passkey, from the browser's description of the device. */
export function passkeyNameSuggestion(userAgent: string): string {
  if (/iPhone/.test(userAgent)) return 'iPhone';
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/Android/.test(userAgent)) return /Mobile/.test(userAgent) ? 'Android phone' : 'Android tablet';
  if (/CrOS/.test(userAgent)) return 'Chromebook';
  if (/Macintosh|Mac OS X/.test(userAgent)) return 'Mac';
  if (/Windows/.test(userAgent)) return 'Windows computer';
  if (/Linux/.test(userAgent)) return 'Linux computer';
  return 'This device';
}
