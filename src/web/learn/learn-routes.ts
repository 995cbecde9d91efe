/**
 * Where Learn lives and where its cards lead. Core names places by id (`app-places.ts`); this is
 * the one map from those ids to the app's paths, so a card never holds a URL and a moved screen
 * is fixed here once.
 */
import type { AppPlaceId, LearnCardId, LearnLink } from '../../core/learn/index.ts';
import { practiceById } from '../../core/practices/index.ts';
import { US_PATH } from '../us/us-routes.ts';

/** All the cards. */
export const LEARN_PATH = '/learn';

/** The worked example of a cycle map (its own screen, reached from Learn). */
export const CYCLE_EXAMPLE_PATH = `${LEARN_PATH}/example`;

/** Where starting a live session together begins. */
const PRACTISE_TOGETHER_PATH = '/together';

/** One card. */
export function learnCardPath(cardId: LearnCardId): string {
  return `${LEARN_PATH}/${cardId}`;
}

/**
 * Each place's path. Repair and the cycle map belong to a relationship, so a card with no
 * relationship in hand leads to "Between us", where the person picks one.
 */
export const APP_PLACE_PATHS: Readonly<Record<AppPlaceId, string>> = {
  'home-check-in': '/',
  // Home lists the practices to do alone, right under the check-in.
  'solo-practices': '/',
  'practise-together': PRACTISE_TOGETHER_PATH,
  'cycle-map': US_PATH,
  'cycle-example': CYCLE_EXAMPLE_PATH,
  repair: US_PATH,
  'reflection-two-questions': '/reflect/two-questions',
  'reflection-hyper-independence': '/reflect/hyper-independence',
  progress: '/progress',
};

/** Where a card's "try this" leads: a practice alone when it can be done alone, else together. */
export function learnLinkPath(link: LearnLink): string {
  if (link.kind === 'place') return APP_PLACE_PATHS[link.placeId];
  return practiceById(link.practiceId)?.solo === true
    ? `/practice/${link.practiceId}`
    : PRACTISE_TOGETHER_PATH;
}

/** The words on a card's "try this" link. */
export function learnLinkLabel(link: LearnLink): string {
  if (link.kind === 'place') return 'Go there';
  const practice = practiceById(link.practiceId);
  if (practice === undefined) return 'Try it';
  return practice.solo ? `Try ${practice.title.toLowerCase()}` : 'Practise together';
}

/** What a "Between us", Learn or example path asks for, or null when it is not Learn's. */
export type LearnRoute =
  | { readonly screen: 'cards' }
  | { readonly screen: 'example' }
  | { readonly screen: 'card'; readonly cardId: string };

/** Reads a path into a Learn screen. Unknown card ids still route, so the card screen can say so. */
export function learnRouteOf(path: string): LearnRoute | null {
  if (path === LEARN_PATH || path === `${LEARN_PATH}/`) return { screen: 'cards' };
  if (path === CYCLE_EXAMPLE_PATH || path === `${CYCLE_EXAMPLE_PATH}/`)
    return { screen: 'example' };
  const card = /^\/learn\/([a-z0-9-]{1,64})\/?$/.exec(path)?.[1];
  return card === undefined ? null : { screen: 'card', cardId: card };
}
