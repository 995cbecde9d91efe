/**
 * Reflections on the progress timeline: the two questions' answers and the markers of change
 * within the period, each as points over time and as plain sentences about how they moved
 * (from reflections/, which words them without a verdict).
 */
import {
  CHANGE_MARKER_IDS,
  changeMarkersCompare,
  type ChangeMarkerComparison,
  type ChangeMarkerId,
  type ChangeMarkerRating,
} from '../reflections/markers-of-change.ts';
import {
  workingModelChanges,
  type WorkingModelAnswer,
  type WorkingModelChange,
} from '../reflections/working-model.ts';
import {
  progressPeriodCheck,
  progressPeriodContains,
  type ProgressPeriod,
} from './progress-records.ts';

/** One marker's ratings over the period, oldest first. */
export interface MarkerSeries {
  readonly markerId: ChangeMarkerId;
  readonly points: readonly { readonly atMs: number; readonly value: number }[];
}

/** Reflections within a period. */
export interface ReflectionProgress {
  /** Only questions answered with a number in the period. */
  readonly workingModel: readonly WorkingModelChange[];
  /** Only markers rated in the period. */
  readonly markers: readonly MarkerSeries[];
  /** The period's last rating against its first, for markers rated in both; empty with fewer than two. */
  readonly markerChanges: readonly ChangeMarkerComparison[];
}

/** The period's reflections, on the person's local calendar. */
export function reflectionProgress(
  answers: readonly WorkingModelAnswer[],
  ratings: readonly ChangeMarkerRating[],
  period: ProgressPeriod,
  tzOffsetMin: number,
): ReflectionProgress {
  progressPeriodCheck(period);
  const answersInPeriod = answers.filter((answer) => progressPeriodContains(period, answer.atMs));
  const ratingsInPeriod = ratings
    .filter((rating) => progressPeriodContains(period, rating.atMs))
    .sort((a, b) => a.atMs - b.atMs);
  const markers = CHANGE_MARKER_IDS.map((markerId) => ({
    markerId,
    points: ratingsInPeriod.flatMap((rating) => {
      const value = rating.ratings[markerId];
      return value === undefined ? [] : [{ atMs: rating.atMs, value }];
    }),
  })).filter((series) => series.points.length > 0);
  const first = ratingsInPeriod[0];
  const last = ratingsInPeriod.at(-1);
  return {
    workingModel: workingModelChanges(answersInPeriod, tzOffsetMin).filter(
      (change) => change.points.length > 0,
    ),
    markers,
    markerChanges:
      first && last && first !== last ? changeMarkersCompare(first, last, tzOffsetMin) : [],
  };
}
