/**
 * Where accounts live in the app: the paths of the sign-in, create-an-account and settings
 * screens, reading a path back into its screen, and the safe "where to go afterwards" (`?next=`).
 * One place for all three, so a link and the router never disagree.
 */

/** Account settings: ways in, recovery codes, signing out, your data. */
export const ACCOUNT_PATH = '/account';
/** Signing in: passkey first, then a password, then a recovery code. */
export const SIGN_IN_PATH = '/account/sign-in';
/** Creating an account (a guest who does this keeps their identity and history). */
export const CREATE_ACCOUNT_PATH = '/account/create';

/** The account screen a path asks for. */
export type AccountRoute =
  | { readonly screen: 'settings' }
  | { readonly screen: 'sign-in' }
  | { readonly screen: 'create' };

const ROUTES: ReadonlyMap<string, AccountRoute> = new Map<string, AccountRoute>([
  [ACCOUNT_PATH, { screen: 'settings' }],
  [SIGN_IN_PATH, { screen: 'sign-in' }],
  [CREATE_ACCOUNT_PATH, { screen: 'create' }],
]);

/** Reads `path` into an account screen, or null when the path is not one of ours. */
export function accountRouteOf(path: string): AccountRoute | null {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return ROUTES.get(trimmed) ?? null;
}

/**
 * The `next` path from a query string (`?next=/us`) when it is a page of this app, else
 * `fallback`. Only same-site paths are followed: never `//host`, a scheme, or a backslash trick.
 */
export function accountNextPathOf(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next === null || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (/[\\\s]/.test(next) || next.startsWith('/api/')) return fallback;
  return next;
}

/** `path` with `?next=` set to `next` (left out when `next` is home or empty). */
export function accountPathWithNext(path: string, next: string | null): string {
  if (next === null || next === '' || next === '/') return path;
  return `${path}?${new URLSearchParams({ next }).toString()}`;
}
