/** Time: branded server and device instants, and estimating the offset between the clocks. */
export type { ClientTimeMs, ServerTimeMs } from './instant.ts';
export { clientTimeMs, serverTimeMs } from './instant.ts';
export {
  CLOCK_RESYNC_INTERVAL_MS,
  CLOCK_SYNC_BEST_SHARE,
  CLOCK_SYNC_BURST_GAP_MS,
  CLOCK_SYNC_BURST_SIZE,
  CLOCK_SYNC_WINDOW_SIZE,
  clientTimeFromServer,
  clockSyncAddSample,
  clockSyncEmpty,
  clockSyncEstimate,
  clockSyncSampleMeasure,
  clockSyncSelectedCount,
  serverTimeFromClient,
} from './clock-offset.ts';
export type {
  ClockOffsetEstimate,
  ClockSyncMeasurement,
  ClockSyncSample,
  ClockSyncState,
} from './clock-offset.ts';
