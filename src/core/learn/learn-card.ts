/**
 * The shape of a Learn card: one idea behind Attune, in plain words, with one small thing to try
 * and the cards it connects to. Cards are data, shown where the idea is used.
 */
import type { PracticeId } from '../practices/index.ts';
import type { AppPlaceId } from './app-places.ts';

/** Every card, in the order a newcomer might read them: self first, then together. */
export const LEARN_CARD_IDS = [
  'nervous-system-states',
  'window-of-tolerance',
  'self-regulation-first',
  'co-regulation',
  'attachment',
  'the-cycle',
  'repair',
  'hyper-independence',
] as const;

/** The id of one card. */
export type LearnCardId = (typeof LEARN_CARD_IDS)[number];

/** Shortest and longest card body, in words: short enough to read in under a minute. */
export const LEARN_BODY_WORDS = { min: 60, max: 150 } as const;

/** Where "try this" leads: a practice in the catalogue, or a place in the app. */
export type LearnLink =
  | { readonly kind: 'practice'; readonly practiceId: PracticeId }
  | { readonly kind: 'place'; readonly placeId: AppPlaceId };

/** One small practice or reflection a card suggests. */
export interface LearnTryThis {
  /** One or two sentences. */
  readonly text: string;
  readonly link: LearnLink;
}

/** One Learn card. */
export interface LearnCard {
  readonly id: LearnCardId;
  readonly title: string;
  /** Paragraphs, together 60 to 150 words. */
  readonly body: readonly string[];
  readonly tryThis: LearnTryThis;
  /** Cards that connect to this one. */
  readonly related: readonly LearnCardId[];
  /** Places in the app that link to this card. */
  readonly shownAt: readonly AppPlaceId[];
}

/** How many words a card's body holds. */
export function learnCardWordCount(card: Pick<LearnCard, 'body'>): number {
  return card.body
    .join(' ')
    .split(/\s+/)
    .filter((word) => word.length > 0).length;
}
