/**
 * This person's resting heart rate, remembered on this device between sessions so the gentle
 * pause offer knows their own normal from the first minute instead of learning it again. It is
 * kept in localStorage only, never sent anywhere; a browser that blocks storage simply learns it
 * afresh each session. The storage is a parameter so tests use a fake.
 */
import { z } from 'zod';
import { HEART_RATE_RANGE_BPM } from '../../core/protocol/signals.ts';

/** Where the resting rate lives in localStorage. */
export const RESTING_BASELINE_KEY = 'attune.restingHeartRate';

/** The subset of Storage this needs. */
export type BaselineStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const storedSchema = z.object({
  bpm: z.number().min(HEART_RATE_RANGE_BPM[0]).max(HEART_RATE_RANGE_BPM[1]),
  /** When it was last learned, on this device's clock. */
  savedAtMs: z.number(),
});

/** The remembered resting heart rate, or null when none is kept (or it cannot be read). */
export function restingBaselineLoad(storage: BaselineStorage | null): number | null {
  if (storage === null) return null;
  try {
    const parsed = storedSchema.safeParse(
      JSON.parse(storage.getItem(RESTING_BASELINE_KEY) ?? 'null'),
    );
    return parsed.success ? parsed.data.bpm : null;
  } catch {
    return null;
  }
}

/** Remembers `bpm` as the resting heart rate; an implausible value is not kept. */
export function restingBaselineSave(
  storage: BaselineStorage | null,
  bpm: number,
  savedAtMs: number,
): void {
  if (
    storage === null ||
    !Number.isFinite(bpm) ||
    bpm < HEART_RATE_RANGE_BPM[0] ||
    bpm > HEART_RATE_RANGE_BPM[1]
  )
    return;
  try {
    storage.setItem(
      RESTING_BASELINE_KEY,
      JSON.stringify({ bpm: Math.round(bpm * 10) / 10, savedAtMs }),
    );
  } catch {
    // Storage full or refused: the baseline is simply learned again next time.
  }
}
