/** The breath and movement pacers: shared schedules every device turns into the same phase. */
export type { BreathPattern, BreathRamp, PacerSchedule } from './schedule.ts';
export {
  BREATH_PARTS,
  BREATH_PATTERN_MAX_DURATION_MS,
  BREATH_PATTERN_MIN_DURATION_MS,
  BREATH_RAMP_MAX_BREATHS_PER_MIN,
  BREATH_RAMP_MIN_BREATHS_PER_MIN,
  MS_PER_MINUTE,
  breathLungFill,
  breathPatternDurationMs,
  breathPatternFromRate,
  breathPatternIsValid,
  breathRampIsValid,
  breathsPerMinOfPattern,
  pacerBreathPositionAt,
  pacerBreathsPerMinAt,
  pacerPhaseAt,
  pacerScheduleIsValid,
  rateRampCyclesAt,
  rateRampElapsedAtCycles,
  rateRampRateAt,
} from './phase.ts';
export type { BreathPart, BreathRatio, PacerBreathing, PacerPhase, PacerWaiting } from './phase.ts';
export {
  TEMPO_MAX_BEATS_PER_MIN,
  TEMPO_MIN_BEATS_PER_MIN,
  tempoBeatAt,
  tempoBeatPositionAt,
  tempoScheduleIsValid,
} from './tempo.ts';
export type { TempoBeat, TempoRamp, TempoSchedule, TempoSide } from './tempo.ts';
