/**
 * The shape of one practice in the catalogue. Practices are data: the session decider, the
 * screens and the tests all read the same definitions, so what a person is shown before they
 * start is exactly what will happen (DESIGN, trauma-informed rule 2: predictability).
 */
import type { z } from 'zod';
import type { BoundaryKind, ConsentKind } from '../boundaries/boundary.ts';

/** Every practice Attune offers, in catalogue order: solo practices first (self-regulation first). */
export const PRACTICE_IDS = [
  'paced-breathing',
  'grounding',
  'breath-sync',
  'mirroring',
  'movement',
  'touch',
  'breathing-touch',
  'share-and-hold',
] as const;

/** The id of one practice. */
export type PracticeId = (typeof PRACTICE_IDS)[number];

/** Whether a string names a practice in the catalogue. */
export function isPracticeId(value: string): value is PracticeId {
  return (PRACTICE_IDS as readonly string[]).includes(value);
}

/** Which kind of shared guide a practice shows: a breath pacer, a movement beat, or none. */
export const PACER_KINDS = ['breath', 'tempo', 'none'] as const;

/** One kind of shared guide. */
export type PacerKind = (typeof PACER_KINDS)[number];

/** A part someone takes in a practice; `min`..`max` is how many people take it at one time. */
export interface PracticeRole {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
}

/** One practice, described fully enough to show people before it starts and to run it. */
export interface PracticeDefinition<P> {
  readonly id: PracticeId;
  readonly title: string;
  /** One plain sentence. */
  readonly summary: string;
  /** A short paragraph. */
  readonly description: string;
  /** What will happen, in order. */
  readonly steps: readonly string[];
  /** How to pause or stop: always one tap or key, and nobody is asked why. */
  readonly howToStop: string;
  /** Whether it can be done alone. Together-practices need at least two people. */
  readonly solo: boolean;
  readonly minParticipants: number;
  readonly maxParticipants: number;
  /** Starts short (2–5 minutes); a longer dose is only ever the person's choice. */
  readonly defaultDurationMs: number;
  readonly minDurationMs: number;
  readonly maxDurationMs: number;
  /** Empty when everyone does the same thing. */
  readonly roles: readonly PracticeRole[];
  /** Live consents every participant gives before it starts and can withdraw at any moment. */
  readonly consentsRequired: readonly ConsentKind[];
  /** Boundaries that rule it out: if anyone present holds one, it is never offered. */
  readonly excludedBy: readonly BoundaryKind[];
  readonly usesPacer: PacerKind;
  /** Settings with defaults: `parameters.parse({})` gives the default settings. */
  readonly parameters: z.ZodType<P>;
  /** Short prompts for the people holding space (share-and-hold only). */
  readonly holderPrompts?: readonly string[];
}
