/**
 * Where repair lives: a relationship's repairs (and starting one) at `/us/<id>/repair`, and one
 * repair at `/us/<id>/repair/<repairId>`. One place for building and reading these paths, so a
 * link and the router never disagree.
 */
import { repairPath } from '../us/us-routes.ts';

/** One repair's screen. */
export function repairScreenPath(relationshipId: string, repairId: string): string {
  return `${repairPath(relationshipId)}/${encodeURIComponent(repairId)}`;
}

/** The repair screen a path asks for, or null when the path is not one of repair's. */
export type RepairRoute =
  | { readonly screen: 'list'; readonly relationshipId: string }
  | { readonly screen: 'repair'; readonly relationshipId: string; readonly repairId: string };

// Ids are the server's: letters, digits, "-" and "_".
const ID = '([A-Za-z0-9_-]{1,64})';
const LIST = new RegExp(`^/us/${ID}/repair/?$`);
const ONE = new RegExp(`^/us/${ID}/repair/${ID}/?$`);

/** Reads a path into a repair screen. */
export function repairRouteOf(path: string): RepairRoute | null {
  const one = ONE.exec(path);
  if (one?.[1] !== undefined && one[2] !== undefined) return { screen: 'repair', relationshipId: one[1], repairId: one[2] };
  const list = LIST.exec(path);
  if (list?.[1] !== undefined) return { screen: 'list', relationshipId: list[1] };
  return null;
}
