/**
 * The report as the browser checks it on arrival: the same shape as `SessionReport`, so a server
 * answering in a shape this page does not know is told apart from a real report.
 */
import { z } from 'zod';
import { SIGNAL_SOURCES } from '../../core/protocol/signals.ts';
import type { SessionReport } from '../../core/report/session-report.ts';
import { NERVOUS_SYSTEM_STATES } from '../../core/states/nervous-system-state.ts';

const personSchema = z.object({
  participantId: z.string(),
  displayName: z.string(),
  isViewer: z.boolean(),
  hasSignals: z.boolean(),
});

const practiceSchema = z.object({
  runId: z.string(),
  practiceId: z.string(),
  title: z.string(),
  startedAtMs: z.number(),
  endedAtMs: z.number().nullable(),
  outcome: z.string().nullable(),
  pacerBreathsPerMin: z.number().nullable(),
  pauses: z.array(z.object({ fromMs: z.number(), toMs: z.number().nullable() })),
});

const checkInSchema = z.object({
  participantId: z.string(),
  atMs: z.number(),
  moment: z.enum(['before', 'after', 'any']),
  state: z.enum(NERVOUS_SYSTEM_STATES),
  intensity: z.number(),
});

const seriesSchema = z.object({
  participantId: z.string(),
  sources: z.array(z.enum(SIGNAL_SOURCES)),
  atMs: z.array(z.number()),
  heartRateBpm: z.array(z.number().nullable()),
  breathingRateBpm: z.array(z.number().nullable()),
  rrCount: z.number(),
});

const synchronySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scored'),
    participantIds: z.tuple([z.string(), z.string()]),
    points: z.array(z.object({ atMs: z.number(), score: z.number().nullable(), meanPeakR: z.number().nullable() })),
    overall: z.object({ score: z.number(), meanPeakR: z.number(), lagSec: z.number(), pValue: z.number() }).nullable(),
  }),
  z.object({ kind: z.literal('notEnoughSignal'), reason: z.string() }),
]);

/** `SessionReport`, checked. The host sees "Delete this session for everyone"; the server checks again either way. */
export const sessionReportSchema = z.object({
  sessionId: z.string(),
  viewerId: z.string(),
  hostId: z.string().nullable(),
  startedAtMs: z.number(),
  endedAtMs: z.number().nullable(),
  people: z.array(personSchema),
  practices: z.array(practiceSchema),
  checkIns: z.array(checkInSchema),
  series: z.array(seriesSchema),
  synchrony: synchronySchema,
}) satisfies z.ZodType<SessionReport>;

/** A report as this page received it. */
export type ReceivedReport = z.output<typeof sessionReportSchema>;
