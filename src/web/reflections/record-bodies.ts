/**
 * Reading personal records' bodies by kind with the core's own schemas. A body that does not
 * parse (an older shape, say) is left out rather than shown half-read.
 */
import type { PersonalRecordKind, PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import {
  changeMarkerRatingSchema,
  experimentLogEntrySchema,
  workingModelAnswerSchema,
  type ChangeMarkerRating,
  type ExperimentLogEntry,
  type WorkingModelAnswer,
} from '../../core/reflections/index.ts';

/** A record with its body read as `T`. */
export interface ReadRecord<T> {
  readonly record: PersonalRecordView;
  readonly body: T;
}

/** The body schemas, by record kind, for the kinds this side reads. */
const BODY_SCHEMAS = {
  workingModel: workingModelAnswerSchema,
  changeMarkers: changeMarkerRatingSchema,
  experiment: experimentLogEntrySchema,
} as const;

/** The kinds of record a reflection screen reads. */
export type ReflectionRecordKind = keyof typeof BODY_SCHEMAS;

/** The body type of each reflection kind. */
export interface ReflectionBodies {
  workingModel: WorkingModelAnswer;
  changeMarkers: ChangeMarkerRating;
  experiment: ExperimentLogEntry;
}

/** Records of `kind` whose bodies parse, oldest first. */
export function recordsRead<K extends ReflectionRecordKind>(
  records: readonly PersonalRecordView[],
  kind: K,
): ReadRecord<ReflectionBodies[K]>[] {
  const schema = BODY_SCHEMAS[kind];
  return records
    .filter((record) => record.kind === kind)
    .flatMap((record) => {
      const parsed = schema.safeParse(record.body);
      return parsed.success ? [{ record, body: parsed.data as ReflectionBodies[K] }] : [];
    })
    .sort((a, b) => a.record.atMs - b.record.atMs || a.record.recordId.localeCompare(b.record.recordId));
}

/** Whether a record kind is one the reflection screens read. */
export function isReflectionKind(kind: PersonalRecordKind): kind is ReflectionRecordKind {
  return kind in BODY_SCHEMAS;
}
