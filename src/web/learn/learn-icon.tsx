/**
 * A small picture for each Learn card, drawn inline (no image files, no other host). Each sits
 * beside the card's title, so it is hidden from screen readers.
 */
import type { JSX } from 'preact';
import type { LearnCardId } from '../../core/learn/index.ts';

const STROKE = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2.5,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

const PICTURES: Readonly<Record<LearnCardId | 'example', JSX.Element>> = {
  // Three small waves: fast, even, flat.
  'nervous-system-states': (
    <>
      <path {...STROKE} d="M6 14c3-6 5 6 8 0s5 6 8 0 5 6 8 0 5 6 8 0" />
      <path {...STROKE} d="M6 24c4-4 8 4 12 0s8 4 12 0 8 4 12 0" />
      <path {...STROKE} d="M6 34h36" />
    </>
  ),
  // A window with a gentle wave inside it.
  'window-of-tolerance': (
    <>
      <rect {...STROKE} x="8" y="10" width="32" height="26" rx="3" />
      <path {...STROKE} d="M12 24c4-5 8 5 12 0s8 5 12 0" />
    </>
  ),
  // One figure with a hand on its chest.
  'self-regulation-first': (
    <>
      <circle {...STROKE} cx="24" cy="12" r="5" />
      <path {...STROKE} d="M13 40c0-11 5-18 11-18s11 7 11 18" />
      <path {...STROKE} d="M19 30c3 2 7 2 10 0" />
    </>
  ),
  // Two figures, one shared breath between them.
  'co-regulation': (
    <>
      <circle {...STROKE} cx="13" cy="14" r="4.5" />
      <circle {...STROKE} cx="35" cy="14" r="4.5" />
      <path {...STROKE} d="M5 40c0-9 4-15 8-15s8 6 8 15m6 0c0-9 4-15 8-15s8 6 8 15" />
      <path {...STROKE} d="M19 22c3-3 7-3 10 0" />
    </>
  ),
  // A large and a small figure, reaching.
  attachment: (
    <>
      <circle {...STROKE} cx="16" cy="12" r="5" />
      <path {...STROKE} d="M6 40c0-10 4-17 10-17s10 7 10 17" />
      <circle {...STROKE} cx="36" cy="22" r="3.5" />
      <path {...STROKE} d="M29 40c0-7 3-11 7-11s7 4 7 11M24 29l7-2" />
    </>
  ),
  // A loop with an arrow.
  'the-cycle': (
    <>
      <ellipse {...STROKE} cx="24" cy="24" rx="17" ry="12" />
      <path {...STROKE} d="m36 11 5 2-2 5" />
    </>
  ),
  // Two pieces joined again.
  repair: (
    <>
      <path {...STROKE} d="M8 16h12l2 4-2 4 2 4-2 4H8z" />
      <path {...STROKE} d="M40 16H28l-2 4 2 4-2 4 2 4h12z" />
    </>
  ),
  // One figure carrying a tall stack alone.
  'hyper-independence': (
    <>
      <rect {...STROKE} x="16" y="4" width="16" height="8" rx="1.5" />
      <rect {...STROKE} x="14" y="12" width="20" height="8" rx="1.5" />
      <circle {...STROKE} cx="24" cy="26" r="4" />
      <path {...STROKE} d="M15 44c0-8 4-13 9-13s9 5 9 13" />
    </>
  ),
  // Two boxes with arrows between them: a map drawn.
  example: (
    <>
      <rect {...STROKE} x="4" y="8" width="16" height="12" rx="2" />
      <rect {...STROKE} x="28" y="28" width="16" height="12" rx="2" />
      <path
        {...STROKE}
        d="M22 14c10 0 14 4 14 12m-4-3 4 4 4-4M26 34c-10 0-14-4-14-12m4 3-4-4-4 4"
      />
    </>
  ),
};

/** The picture for a card (or "example", the worked example). */
export function LearnIcon(props: {
  readonly cardId: LearnCardId | 'example';
  readonly size?: number;
}) {
  const size = props.size ?? 48;
  return (
    <svg
      class="learn-icon"
      viewBox="0 0 48 48"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      {PICTURES[props.cardId]}
    </svg>
  );
}
