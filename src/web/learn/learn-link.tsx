/**
 * "What is this?": a small link from a place in the app to the Learn card that explains the idea
 * behind it. Any screen can use it with a card id; a screen reader hears the card's title too,
 * so the link makes sense on its own in a list of links.
 */
import { learnCardById, type LearnCardId } from '../../core/learn/index.ts';
import { linkClick } from '../router.ts';
import { learnCardPath } from './learn-routes.ts';
import './learn-link.css';

/** The link. `label` replaces "What is this?" where another question reads better. */
export function LearnLink(props: { readonly cardId: LearnCardId; readonly label?: string }) {
  const card = learnCardById(props.cardId);
  const path = learnCardPath(props.cardId);
  return (
    <a
      class="learn-link"
      href={path}
      onClick={(event) => {
        linkClick(event, path);
      }}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path
          d="M9.6 9.4a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.5"
          fill="none"
          stroke="currentColor"
          stroke-width="2"
          stroke-linecap="round"
        />
        <circle cx="12" cy="17" r="1.2" fill="currentColor" />
      </svg>
      <span>{props.label ?? 'What is this?'}</span>
      {card !== undefined && <span class="visually-hidden"> Read “{card.title}”</span>}
    </a>
  );
}
