/**
 * Where practitioner mode lives in the app, and reading a path back into its screen. One place
 * for both, so a link and the router never disagree.
 */

/** A practitioner's list of clients. */
export const PRACTITIONER_PATH = '/practitioner';

/** One client's page: what they share, sessions together, private notes. */
export function clientPath(clientId: string): string {
  return `${PRACTITIONER_PATH}/clients/${encodeURIComponent(clientId)}`;
}

/** The practitioner screen a path asks for. */
export type PractitionerRoute = { readonly screen: 'clients' } | { readonly screen: 'client'; readonly clientId: string };

/** Reads `path` into a practitioner screen, or null when it is not one of these. */
export function practitionerRouteOf(path: string): PractitionerRoute | null {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === PRACTITIONER_PATH) return { screen: 'clients' };
  const client = /^\/practitioner\/clients\/([A-Za-z0-9-]{8,64})$/.exec(trimmed);
  if (client?.[1] !== undefined) return { screen: 'client', clientId: client[1] };
  return null;
}
