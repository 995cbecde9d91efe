/**
 * The picture for which way a move leans: two dots drawing together (toward) or apart (away).
 * Always beside its words, so it is hidden from screen readers.
 */
import type { MoveLean } from '../../core/cycles/index.ts';

/** The icon. */
export function LeanIcon(props: { readonly lean: MoveLean }) {
  return (
    <svg
      class={`lean-icon lean-${props.lean}`}
      viewBox="0 0 32 16"
      width="32"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      {props.lean === 'toward' ? (
        <>
          <circle cx="4" cy="8" r="3.5" />
          <circle cx="28" cy="8" r="3.5" class="lean-other" />
          <path
            d="M9 8h12m-4-4 4 4-4 4"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </>
      ) : (
        <>
          <circle cx="28" cy="8" r="3.5" />
          <circle cx="4" cy="8" r="3.5" class="lean-other" />
          <path
            d="M11 8h12m-4-4 4 4-4 4"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </>
      )}
    </svg>
  );
}
