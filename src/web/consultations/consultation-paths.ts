/**
 * Where consultations live in the app, and reading a path back into its screen. One place for
 * both, so a link and the router never disagree.
 */

/** My consultations, in either role. */
export const CONSULTATIONS_PATH = '/consultations';
/** The practitioners who take consultations. */
export const PRACTITIONERS_PATH = '/consultations/book';
/** A practitioner's own availability editor. */
export const AVAILABILITY_PATH = '/consultations/availability';

/** The booking screen of one practitioner. */
export function bookPath(practitionerId: string): string {
  return `${PRACTITIONERS_PATH}/${encodeURIComponent(practitionerId)}`;
}

/** One consultation, where its room opens (the link in the .ics file). */
export function consultationPath(consultationId: string): string {
  return `${CONSULTATIONS_PATH}/${encodeURIComponent(consultationId)}`;
}

/** Choosing a new time for a consultation. */
export function movePath(consultationId: string): string {
  return `${consultationPath(consultationId)}/move`;
}

/** The consultation screen a path asks for. */
export type ConsultationRoute =
  | { readonly screen: 'mine' }
  | { readonly screen: 'practitioners' }
  | { readonly screen: 'availability' }
  | { readonly screen: 'book'; readonly practitionerId: string }
  | { readonly screen: 'consultation'; readonly consultationId: string }
  | { readonly screen: 'move'; readonly consultationId: string };

const ID = '([A-Za-z0-9-]{8,64})';

/** Reads `path` into a consultation screen, or null when it is not one of these. */
export function consultationRouteOf(path: string): ConsultationRoute | null {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === CONSULTATIONS_PATH) return { screen: 'mine' };
  if (trimmed === PRACTITIONERS_PATH) return { screen: 'practitioners' };
  if (trimmed === AVAILABILITY_PATH) return { screen: 'availability' };
  const book = new RegExp(`^${PRACTITIONERS_PATH}/${ID}$`).exec(trimmed);
  if (book?.[1] !== undefined) return { screen: 'book', practitionerId: book[1] };
  const move = new RegExp(`^${CONSULTATIONS_PATH}/${ID}/move$`).exec(trimmed);
  if (move?.[1] !== undefined) return { screen: 'move', consultationId: move[1] };
  const one = new RegExp(`^${CONSULTATIONS_PATH}/${ID}$`).exec(trimmed);
  if (one?.[1] !== undefined) return { screen: 'consultation', consultationId: one[1] };
  return null;
}
