/**
 * `GET /api/progress`: everything of mine the timeline is built from. Checked loosely on arrival
 * (unknown extra fields pass, a wrong shape becomes a plain sentence), because the browser, not
 * the server, does the adding up in the person's own time zone.
 */
import { z } from 'zod';
import { PERSONAL_RECORD_KINDS, type ProgressInputView } from '../../core/protocol/between-us-api.ts';
import { apiCall } from '../api/http.ts';

const instant = z.number();

/** A personal record as it arrives; its body is read later by kind. */
export const personalRecordSchema = z.object({
  recordId: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  kind: z.enum(PERSONAL_RECORD_KINDS),
  atMs: instant,
  updatedAtMs: instant,
  body: z.unknown(),
  sharedWith: z.string().nullable(),
});

/** The progress inputs as they arrive. */
export const progressInputSchema = z.object({
  checkIns: z.array(z.object({ atMs: instant, state: z.string(), intensity: z.number() })).default([]),
  practices: z
    .array(z.object({ atMs: instant, practiceId: z.string(), durationMs: z.number(), completed: z.boolean(), together: z.boolean() }))
    .default([]),
  synchrony: z.array(z.object({ atMs: instant, score: z.number() })).default([]),
  coherence: z.array(z.object({ atMs: instant, ratio: z.number() })).default([]),
  cycleMoments: z.array(z.object({ atMs: instant })).default([]),
  repairs: z.array(z.object({ ruptureAtMs: instant.optional(), startedAtMs: instant, completedAtMs: instant.nullable() })).default([]),
  records: z.array(personalRecordSchema).default([]),
}) satisfies z.ZodType<ProgressInputView>;

/** Fetches my progress inputs. */
export function progressFetch(): Promise<ProgressInputView> {
  return apiCall('/api/progress', progressInputSchema);
}
