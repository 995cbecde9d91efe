/**
 * Nervous-system states a person can check in with, named plainly first and with the polyvagal
 * term second. "Mixed or unsure" is always a valid answer.
 */
export const NERVOUS_SYSTEM_STATES = ['regulated', 'activated', 'shutdown', 'mixed'] as const;

/** A state a person names in a check-in. */
export type NervousSystemState = (typeof NERVOUS_SYSTEM_STATES)[number];

/** Plain words and the polyvagal term for each state, for people and for screens. */
export const NERVOUS_SYSTEM_STATE_LABELS: Readonly<
  Record<NervousSystemState, { plain: string; term: string }>
> = {
  regulated: { plain: 'Settled and present', term: 'ventral' },
  activated: { plain: 'Revved up or on edge', term: 'sympathetic' },
  shutdown: { plain: 'Low, numb or far away', term: 'dorsal' },
  mixed: { plain: 'Mixed, or not sure', term: 'mixed' },
};

/** The smallest and largest intensity a check-in can carry. */
export const CHECK_IN_INTENSITY_MIN = 0;
export const CHECK_IN_INTENSITY_MAX = 10;
