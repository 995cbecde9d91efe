/**
 * Five small signs that something is shifting in how a person relates, rated "now and then" on
 * a 0–10 scale of how true each feels lately. A rating can be skipped, and a comparison says only
 * which way each moved, in plain words and without a verdict.
 */
import { z } from 'zod';
import { changeInWords } from './change-in-words.ts';

/** The five markers, by id. */
export const CHANGE_MARKER_IDS = [
  'lessUrgencyOverOthers',
  'presentInConflict',
  'trustInnerCues',
  'easeWithNeeds',
  'moreFlexibility',
] as const;

/** One marker. */
export type ChangeMarkerId = (typeof CHANGE_MARKER_IDS)[number];

/** A marker as a person sees it: a statement to rate. */
export interface ChangeMarker {
  readonly id: ChangeMarkerId;
  readonly shortName: string;
  readonly statement: string;
}

/** The markers, in the order they are shown. */
export const CHANGE_MARKERS: readonly ChangeMarker[] = [
  {
    id: 'lessUrgencyOverOthers',
    shortName: 'Less pull to manage others',
    statement: 'I feel less of a pull to keep other people’s reactions in check.',
  },
  {
    id: 'presentInConflict',
    shortName: 'Staying present in conflict',
    statement: 'When we disagree, I can stay with myself and with the other person.',
  },
  {
    id: 'trustInnerCues',
    shortName: 'Trusting my inner signals',
    statement: 'I trust what my body and my feelings are telling me.',
  },
  {
    id: 'easeWithNeeds',
    shortName: 'Easier with my needs',
    statement: 'Having needs feels less embarrassing than it used to.',
  },
  {
    id: 'moreFlexibility',
    shortName: 'More ways to respond',
    statement: 'I can respond in more than one way, depending on what the moment asks.',
  },
];

/** Shown before rating. */
export const CHANGE_MARKERS_INTRO =
  'Change often shows up quietly, in small ways. Rate how true each of these feels lately. Skip any that do not fit.';

/** The lowest and highest point of the scale. */
export const CHANGE_MARKER_SCALE = { min: 0, max: 10 } as const;

/** Words at three points of the scale: anchors, not labels. */
export const CHANGE_MARKER_ANCHORS: Readonly<Record<0 | 5 | 10, string>> = {
  0: 'Not true lately',
  5: 'Partly true',
  10: 'Very true lately',
};

const ratingMessage = `Choose a number from ${String(CHANGE_MARKER_SCALE.min)} to ${String(CHANGE_MARKER_SCALE.max)}, or skip this one.`;
const ratingSchema = z
  .number({ error: ratingMessage })
  .int({ error: ratingMessage })
  .min(CHANGE_MARKER_SCALE.min, { error: ratingMessage })
  .max(CHANGE_MARKER_SCALE.max, { error: ratingMessage });

/** One rating of some or all of the markers at one moment. */
export const changeMarkerRatingSchema = z
  .strictObject({
    atMs: z.number().int(),
    ratings: z.partialRecord(
      z.enum(CHANGE_MARKER_IDS, { error: 'Rate only the markers on the list.' }),
      ratingSchema,
    ),
  })
  .refine((rating) => Object.keys(rating.ratings).length > 0, {
    error: 'Rate at least one marker, or come back another time.',
  });

/** One rating moment, after parsing. */
export type ChangeMarkerRating = z.output<typeof changeMarkerRatingSchema>;

/** How one marker moved between two moments. */
export interface ChangeMarkerComparison {
  readonly markerId: ChangeMarkerId;
  readonly then: number;
  readonly now: number;
  readonly sentence: string;
}

/**
 * Each marker rated at both moments, "then" against "now", as plain sentences on the person's
 * local calendar. Markers skipped at either moment are left out rather than guessed.
 */
export function changeMarkersCompare(
  then: ChangeMarkerRating,
  now: ChangeMarkerRating,
  tzOffsetMin: number,
): ChangeMarkerComparison[] {
  return CHANGE_MARKER_IDS.flatMap((markerId) => {
    const before = then.ratings[markerId];
    const after = now.ratings[markerId];
    if (before === undefined || after === undefined) return [];
    return [
      {
        markerId,
        then: before,
        now: after,
        sentence: changeInWords(
          { value: before, atMs: then.atMs },
          { value: after, atMs: now.atMs },
          tzOffsetMin,
        ),
      },
    ];
  });
}
