/**
 * The signal core: typed arrays in, numbers out, no I/O and no clock. These names are the
 * contract other parts and outside tools rely on (issue 4); the helpers behind them stay
 * importable from their own files.
 */
export { parseHeartRateMeasurement, type HeartRateMeasurement, type SensorContact } from './heart-rate-measurement.ts';
export { rrClean } from './rr-clean.ts';
export { hrvTimeDomain, type HrvTimeDomain } from './hrv-time.ts';
export { hrvFrequencyDomain, type HrvFrequencyDomain } from './hrv-frequency.ts';
export { hrvCoherence, type HrvCoherence } from './hrv-coherence.ts';
export { respirationRateFromRr } from './respiration-rr.ts';
export { respirationFromMotion, type MotionSample, type MotionRespiration } from './respiration-motion.ts';
export { pulseFromRgb, PULSE_MIN_SNR_DB, type PulseEstimate, type PulseMethod, type RgbTrace } from './pulse-rgb.ts';
export {
  windowedCrossCorrelation,
  type WindowedCrossCorrelation,
  type WindowedCrossCorrelationOptions,
} from './cross-correlation.ts';
export { phaseLockingValue, type PhaseLocking, type PhaseLockingOptions } from './phase-locking.ts';
export {
  synchronyScore,
  synchronyTrend,
  type SynchronyScore,
  type SynchronyOptions,
  type SynchronyTrendPoint,
  type SynchronyTrendOptions,
  type SurrogateMethod,
} from './synchrony.ts';
export { heartRateOnGrid, heartRateFromRr, type HeartRatePoint, type HeartRateGrid } from './heart-rate-grid.ts';
