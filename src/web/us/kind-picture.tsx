/**
 * A small picture for each kind of relationship, always shown beside its words (so hidden from
 * screen readers): two close rings for partners, two figures side by side for friends, figures
 * of different heights for family.
 */
import type { RelationshipKind } from '../../core/protocol/between-us-api.ts';

const FIGURE = (x: number, scale: number) => (
  <g transform={`translate(${String(x)} ${String(32 - 28 * scale)}) scale(${String(scale)})`}>
    <circle cx="0" cy="6" r="5" />
    <path d="M-8 28c0-8 3.5-13 8-13s8 5 8 13z" />
  </g>
);

/** The picture for `kind`. */
export function KindPicture(props: { readonly kind: RelationshipKind }) {
  return (
    <svg
      class="kind-picture"
      viewBox="0 0 48 32"
      width="48"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      {props.kind === 'partner' && (
        <>
          <circle cx="18" cy="16" r="10" class="kind-ring" />
          <circle cx="30" cy="16" r="10" class="kind-ring kind-ring-second" />
        </>
      )}
      {props.kind === 'friend' && (
        <>
          {FIGURE(16, 1)}
          {FIGURE(32, 1)}
        </>
      )}
      {props.kind === 'family' && (
        <>
          {FIGURE(10, 1)}
          {FIGURE(24, 0.7)}
          {FIGURE(38, 0.95)}
        </>
      )}
      {props.kind === 'practitioner' && (
        <>
          {FIGURE(16, 1)}
          <rect x="28" y="6" width="14" height="20" rx="2" class="kind-ring" />
        </>
      )}
    </svg>
  );
}
