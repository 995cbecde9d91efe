/**
 * Boundaries: what a person has said they will not do. Once set, Attune never offers them a
 * practice that needs it and never asks them for it (DESIGN, trauma-informed rule 2).
 */
export const BOUNDARY_KINDS = ['touch', 'camera', 'sharePhysiology', 'shareCheckIns'] as const;

/** One thing a person can rule out for themselves. */
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];

/** The set of things one person rules out; `true` means "I will not do this". */
export type Boundaries = Readonly<Record<BoundaryKind, boolean>>;

/** Nothing ruled out: the state before a person has said anything. */
export const OPEN_BOUNDARIES: Boundaries = {
  touch: false,
  camera: false,
  sharePhysiology: false,
  shareCheckIns: false,
};

/** Consents a practice can need from every participant before it starts and while it runs. */
export const CONSENT_KINDS = ['touch'] as const;

/** One kind of live, withdrawable consent. */
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Whether a person's boundaries rule out a practice that needs any of `excludedBy`. */
export function boundariesExclude(
  boundaries: Boundaries,
  excludedBy: readonly BoundaryKind[],
): boolean {
  return excludedBy.some((kind) => boundaries[kind]);
}
