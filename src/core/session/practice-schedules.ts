/**
 * Turns a practice's settings into the shared schedules every device follows: a breath pacer, a
 * movement beat, or the order of turns in "one shares, one holds".
 */
import { breathPatternFromRate } from '../pacer/phase.ts';
import type { PacerSchedule } from '../pacer/schedule.ts';
import type { TempoSchedule } from '../pacer/tempo.ts';
import {
  practiceParametersParse,
  shareAndHoldTotalMs,
  type PracticeId,
} from '../practices/index.ts';
import type { ServerTimeMs } from '../time/instant.ts';

/** What a practice asks every device to follow. */
export interface PracticeSchedules {
  readonly pacer: PacerSchedule | null;
  readonly tempo: TempoSchedule | null;
  readonly turnSharers: readonly string[];
  readonly turnLengthMs: number;
  /** Set when the practice's length follows from its settings rather than from a chosen length. */
  readonly durationMs: number | null;
}

const NOTHING_TO_FOLLOW: PracticeSchedules = {
  pacer: null,
  tempo: null,
  turnSharers: [],
  turnLengthMs: 0,
  durationMs: null,
};

/** A pacer at a steady rate whose in-breath takes `inhaleShare` of each breath, no holds. */
function pacerAtRate(
  startAtMs: ServerTimeMs,
  settings: { readonly startBreathsPerMin: number; readonly inhaleShare: number },
): PacerSchedule {
  const ratio = { inhale: settings.inhaleShare, holdAfterInhale: 0, exhale: 1 - settings.inhaleShare, holdAfterExhale: 0 };
  return { startAtMs, pattern: breathPatternFromRate(settings.startBreathsPerMin, ratio) };
}

function parsed<I extends PracticeId>(id: I, parameters: unknown) {
  const result = practiceParametersParse(id, parameters);
  if (!result.ok) throw new Error(`Recorded settings for "${id}" no longer parse: ${result.message}`);
  return result.parameters;
}

/**
 * The schedules for a practice that begins at `startsAtMs`. Settings were validated when the
 * practice was proposed, so a failure here means the log itself is damaged.
 */
export function practiceSchedulesAt(
  practiceId: PracticeId,
  parameters: unknown,
  startsAtMs: ServerTimeMs,
  roles: Readonly<Record<string, string>>,
  participantIds: readonly string[],
): PracticeSchedules {
  switch (practiceId) {
    case 'paced-breathing':
    case 'breath-sync':
      return { ...NOTHING_TO_FOLLOW, pacer: { startAtMs: startsAtMs, pattern: parsed(practiceId, parameters).pattern } };
    case 'mirroring': {
      const settings = parsed(practiceId, parameters);
      const ramp = {
        fromBreathsPerMin: settings.startBreathsPerMin,
        toBreathsPerMin: settings.targetBreathsPerMin,
        durationMs: settings.rampDurationMs,
      };
      return { ...NOTHING_TO_FOLLOW, pacer: { ...pacerAtRate(startsAtMs, settings), ramp } };
    }
    case 'breathing-touch':
      // The pacer follows the breather: it starts at the pace they gave and stays there.
      return { ...NOTHING_TO_FOLLOW, pacer: pacerAtRate(startsAtMs, parsed(practiceId, parameters)) };
    case 'movement': {
      const settings = parsed(practiceId, parameters);
      return { ...NOTHING_TO_FOLLOW, tempo: { startAtMs: startsAtMs, beatsPerMin: settings.beatsPerMin } };
    }
    case 'share-and-hold': {
      const settings = parsed(practiceId, parameters);
      // Whoever was given the sharer role goes first; then everyone in joining order, round after round.
      const firstSharer = participantIds.find((id) => roles[id] === 'sharer');
      const order = firstSharer
        ? [firstSharer, ...participantIds.filter((id) => id !== firstSharer)]
        : [...participantIds];
      const turnSharers = Array.from({ length: settings.turnsEach }, () => order).flat();
      return {
        ...NOTHING_TO_FOLLOW,
        turnSharers,
        turnLengthMs: settings.turnLengthMs,
        durationMs: shareAndHoldTotalMs(settings, participantIds.length),
      };
    }
    case 'grounding':
    case 'touch':
      return NOTHING_TO_FOLLOW;
  }
}
