/**
 * The reflection screens' words and groupings: when something was written, who a shared item is
 * shared with, answers given together as one moment, and plain comparisons between ratings. The
 * comparisons come from core (`changeInWords`), so they never carry a verdict.
 */
import type { PersonalRecordView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import { MONTH_NAMES, localDateOf } from '../../core/progress/index.ts';
import {
  changeMarkersCompare,
  type ChangeMarkerComparison,
  type ChangeMarkerRating,
  type WorkingModelAnswer,
  type WorkingModelQuestionId,
} from '../../core/reflections/index.ts';
import type { ReadRecord } from './record-bodies.ts';

/** The day something was written, in words, on the person's calendar: "today", "yesterday", "3 November", "3 November 2024". */
export function recordDayWords(atMs: number, nowMs: number, tzOffsetMin: number): string {
  const then = localDateOf(atMs, tzOffsetMin);
  const now = localDateOf(nowMs, tzOffsetMin);
  if (then.dayNumber === now.dayNumber) return 'today';
  if (then.dayNumber === now.dayNumber - 1) return 'yesterday';
  const dayMonth = `${String(then.day)} ${MONTH_NAMES[then.month - 1] ?? ''}`;
  return then.year === now.year ? dayMonth : `${dayMonth} ${String(then.year)}`;
}

/** The other members of a relationship, by name: "Bo", "Bo and Cy"; "no one yet" before anyone joined. */
export function relationshipOthersWords(relationship: RelationshipView): string {
  const names = relationship.members.filter((member) => !member.isMe).map((member) => member.displayName);
  if (names.length === 0) return 'no one yet';
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Who can see an item, said plainly. `sharedWith` is the relationship it is shared with, or null. */
export function sharingWords(sharedWith: string | null, relationships: readonly RelationshipView[]): string {
  if (sharedWith === null) return 'Private: only you can see this.';
  const relationship = relationships.find((candidate) => candidate.relationshipId === sharedWith);
  if (relationship === undefined) return 'Shared with a relationship you are no longer in. You can stop sharing it.';
  return `Shared with ${relationshipOthersWords(relationship)}. You can stop sharing at any time.`;
}

/** Relationships an item can be shared with: those with someone else in them. */
export function relationshipsToShareWith(relationships: readonly RelationshipView[]): RelationshipView[] {
  return relationships.filter((relationship) => relationship.members.some((member) => !member.isMe));
}

/** Answers to the two questions given together, kept as one moment with each question's answer. */
export interface AnswerMoment {
  readonly atMs: number;
  readonly records: readonly PersonalRecordView[];
  readonly answers: Partial<Record<WorkingModelQuestionId, WorkingModelAnswer>>;
}

/** Groups answers by the moment they were given, newest first. */
export function answerMoments(reads: readonly ReadRecord<WorkingModelAnswer>[]): AnswerMoment[] {
  const byMoment = new Map<number, { records: PersonalRecordView[]; answers: Partial<Record<WorkingModelQuestionId, WorkingModelAnswer>> }>();
  for (const read of reads) {
    const moment = byMoment.get(read.body.atMs) ?? { records: [], answers: {} };
    moment.records.push(read.record);
    moment.answers[read.body.questionId] = read.body;
    byMoment.set(read.body.atMs, moment);
  }
  return [...byMoment.entries()].sort(([a], [b]) => b - a).map(([atMs, moment]) => ({ atMs, ...moment }));
}

/** How the markers moved: the latest rating against the one before, and against the first once there are three. */
export interface MarkerComparisons {
  readonly sincePrevious: readonly ChangeMarkerComparison[];
  readonly sinceFirst: readonly ChangeMarkerComparison[];
}

/** Comparisons between marker ratings, on the person's calendar. */
export function markerComparisons(ratings: readonly ChangeMarkerRating[], tzOffsetMin: number): MarkerComparisons {
  const ordered = [...ratings].sort((a, b) => a.atMs - b.atMs);
  const latest = ordered.at(-1);
  const previous = ordered.at(-2);
  const first = ordered[0];
  return {
    sincePrevious: latest !== undefined && previous !== undefined ? changeMarkersCompare(previous, latest, tzOffsetMin) : [],
    sinceFirst: latest !== undefined && first !== undefined && ordered.length >= 3 ? changeMarkersCompare(first, latest, tzOffsetMin) : [],
  };
}
