/**
 * Places in the app a Learn card can point to or be shown from, by id. Core names the places; the
 * web layer maps each id to its route, so a card never holds a URL.
 */

/** Every place a card can link to or appear in. */
export const APP_PLACE_IDS = [
  'home-check-in',
  'solo-practices',
  'practise-together',
  'cycle-map',
  'cycle-example',
  'repair',
  'reflection-two-questions',
  'reflection-hyper-independence',
  'progress',
] as const;

/** The id of one place in the app. */
export type AppPlaceId = (typeof APP_PLACE_IDS)[number];

/** Whether a string names a place in the app. */
export function isAppPlaceId(value: string): value is AppPlaceId {
  return (APP_PLACE_IDS as readonly string[]).includes(value);
}

/** A short, plain name for each place, for the text of a link. */
export const APP_PLACE_NAMES: Readonly<Record<AppPlaceId, string>> = {
  'home-check-in': 'Check in',
  'solo-practices': 'Practices on your own',
  'practise-together': 'Practise together',
  'cycle-map': 'Map your cycle',
  'cycle-example': 'The worked example',
  repair: 'Repair',
  'reflection-two-questions': 'Two questions about closeness',
  'reflection-hyper-independence': 'Doing it all alone',
  progress: 'Your progress',
};
