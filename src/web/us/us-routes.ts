/**
 * Where "Between us" lives in the app: the paths of its screens, and reading a path back into
 * the screen it asks for. One place for both, so a link and the router never disagree.
 */

/** The list of my relationships, and where a new one is started. */
export const US_PATH = '/us';

/** The page an invite link opens; the token follows in the #fragment, never in the path. */
export const US_JOIN_PATH = '/us/join';

/**
 * The same page under the name the server's invite links use (`relationshipInviteUrl`), so a
 * link works whichever of the two it names.
 */
export const US_JOIN_PATH_ALIAS = '/between-us/join';

const encoded = (id: string) => encodeURIComponent(id);

/** A relationship's home. */
export function relationshipPath(relationshipId: string): string {
  return `${US_PATH}/${encoded(relationshipId)}`;
}

/** A relationship's cycle map. */
export function cycleMapPath(relationshipId: string): string {
  return `${relationshipPath(relationshipId)}/cycle`;
}

/** Repair after a rupture (another screen's; linked from the relationship's home). */
export function repairPath(relationshipId: string): string {
  return `${relationshipPath(relationshipId)}/repair`;
}

/** The live session screen a relationship's session opens in. */
export function sessionPath(sessionId: string): string {
  return `/session/${encoded(sessionId)}`;
}

/** The screen a "Between us" path asks for, or null when the path is not one of ours. */
export type UsRoute =
  | { readonly screen: 'list' }
  | { readonly screen: 'join'; readonly token: string }
  | { readonly screen: 'relationship'; readonly relationshipId: string }
  | { readonly screen: 'cycle'; readonly relationshipId: string };

// Ids are the server's: letters, digits, "-" and "_" (the same shape as session ids).
const ID = '([A-Za-z0-9_-]{1,64})';
const RELATIONSHIP = new RegExp(`^${US_PATH}/${ID}/?$`);
const CYCLE = new RegExp(`^${US_PATH}/${ID}/cycle/?$`);

/** Reads `path` (and the fragment, for an invite) into a "Between us" screen. */
export function usRouteOf(path: string, hash: string): UsRoute | null {
  if (path === US_PATH || path === `${US_PATH}/`) return { screen: 'list' };
  if ([US_JOIN_PATH, US_JOIN_PATH_ALIAS].some((join) => path === join || path === `${join}/`)) {
    return { screen: 'join', token: hash };
  }
  const cycle = CYCLE.exec(path)?.[1];
  if (cycle !== undefined) return { screen: 'cycle', relationshipId: cycle };
  const relationship = RELATIONSHIP.exec(path)?.[1];
  if (relationship !== undefined) return { screen: 'relationship', relationshipId: relationship };
  return null;
}
