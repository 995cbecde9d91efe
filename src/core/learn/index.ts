/** Learn: short cards on the ideas behind Attune, a lookup by id, and the places that show them. */
import { LEARN_CARD_IDS, type LearnCard, type LearnCardId } from './learn-card.ts';
import { LEARN_CARDS } from './learn-cards.ts';
import type { AppPlaceId } from './app-places.ts';

export * from './app-places.ts';
export * from './learn-card.ts';
export { LEARN_CARDS } from './learn-cards.ts';

/** Whether a string names a Learn card. */
export function isLearnCardId(value: string): value is LearnCardId {
  return (LEARN_CARD_IDS as readonly string[]).includes(value);
}

/** Every card in reading order. */
export const LEARN_CARD_LIST: readonly LearnCard[] = LEARN_CARD_IDS.map((id) => LEARN_CARDS[id]);

/** The card with this id, or undefined when there is none. */
export function learnCardById(id: string): LearnCard | undefined {
  return isLearnCardId(id) ? LEARN_CARDS[id] : undefined;
}

/** The cards a place in the app links to, in reading order. */
export function learnCardsShownAt(placeId: AppPlaceId): readonly LearnCard[] {
  return LEARN_CARD_LIST.filter((card) => card.shownAt.includes(placeId));
}
