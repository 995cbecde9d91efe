/**
 * The body of each kind of personal record (`PERSONAL_RECORD_KINDS` in between-us-api.ts), as a
 * zod schema the server parses first. Reflections use their own core schemas; a check-in kept
 * outside a live session uses the live check-in's fields; a solo practice is its id, length and
 * whether it ran its course.
 */
import { z } from 'zod';
import { isPracticeId } from '../practices/practice-definition.ts';
import { experimentLogEntrySchema } from '../reflections/interdependence-experiments.ts';
import { changeMarkerRatingSchema } from '../reflections/markers-of-change.ts';
import { workingModelAnswerSchema } from '../reflections/working-model.ts';
import {
  CHECK_IN_INTENSITY_MAX,
  CHECK_IN_INTENSITY_MIN,
  NERVOUS_SYSTEM_STATES,
} from '../states/nervous-system-state.ts';
import type { PersonalRecordKind } from './between-us-api.ts';
import { CHECK_IN_NOTE_MAX_CHARS, CHECK_IN_TAG_MAX_CHARS, CHECK_IN_TAGS_MAX } from './commands.ts';

/** The longest solo practice a record can hold: four hours is far past any practice's length. */
export const SOLO_PRACTICE_DURATION_MAX_MS = 4 * 60 * 60 * 1000;

const INTENSITY_MESSAGE = `Choose how strongly, from ${String(CHECK_IN_INTENSITY_MIN)} to ${String(CHECK_IN_INTENSITY_MAX)}.`;

/**
 * A check-in kept as a record: the live check-in's fields. Whether anyone else sees it is the
 * record's sharing, not a field of the body, so a `visibility` sent along is accepted and dropped.
 */
export const checkInRecordBodySchema = z
  .strictObject({
    state: z.enum(NERVOUS_SYSTEM_STATES, {
      error: 'Choose how your body feels: settled, revved up, low, or mixed.',
    }),
    intensity: z
      .number({ error: INTENSITY_MESSAGE })
      .int({ error: INTENSITY_MESSAGE })
      .min(CHECK_IN_INTENSITY_MIN, { error: INTENSITY_MESSAGE })
      .max(CHECK_IN_INTENSITY_MAX, { error: INTENSITY_MESSAGE }),
    tags: z
      .array(
        z
          .string()
          .trim()
          .min(1, { error: 'A body word is empty. Write a word, or remove it.' })
          .max(CHECK_IN_TAG_MAX_CHARS, {
            error: `Keep each body word to ${String(CHECK_IN_TAG_MAX_CHARS)} characters.`,
          }),
      )
      .max(CHECK_IN_TAGS_MAX, { error: `Choose up to ${String(CHECK_IN_TAGS_MAX)} body words.` })
      .default([]),
    note: z
      .string()
      .max(CHECK_IN_NOTE_MAX_CHARS, {
        error: `Please keep the note to ${String(CHECK_IN_NOTE_MAX_CHARS)} characters.`,
      })
      .default(''),
    moment: z.enum(['before', 'after', 'any']).default('any'),
    visibility: z.enum(['private', 'shared']).optional(),
  })
  .transform(({ visibility: _visibility, ...body }) => body);

/** A practice done alone: which one, how long it ran, and whether it ran its course. */
export const soloPracticeRecordBodySchema = z.strictObject({
  practiceId: z.string().refine(isPracticeId, { error: 'Choose a practice from the list.' }),
  durationMs: z
    .number({ error: 'Say how long the practice ran, in milliseconds.' })
    .int({ error: 'Say how long the practice ran, in whole milliseconds.' })
    .positive({ error: 'Say how long the practice ran, in milliseconds.' })
    .max(SOLO_PRACTICE_DURATION_MAX_MS, {
      error: 'A practice can be recorded for at most four hours.',
    }),
  completed: z.boolean({ error: 'Say whether the practice ran its course.' }),
});

/** The body schema of each record kind. */
export const PERSONAL_RECORD_BODY_SCHEMAS: Readonly<Record<PersonalRecordKind, z.ZodType>> = {
  checkIn: checkInRecordBodySchema,
  workingModel: workingModelAnswerSchema,
  changeMarkers: changeMarkerRatingSchema,
  experiment: experimentLogEntrySchema,
  soloPractice: soloPracticeRecordBodySchema,
};
