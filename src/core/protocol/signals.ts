/**
 * Body signals on the wire. Samples are not session events: a device streams a small batch
 * about once a second, the server passes each batch only to people present in the session and
 * only while the sender's boundaries allow sharing physiology (checked at send time), and keeps
 * a downsampled copy for the session report.
 */
import { z } from 'zod';

/** Where a reading came from; shown beside the number so nobody mistakes a camera for a strap. */
export const SIGNAL_SOURCES = ['strap', 'camera', 'motion', 'simulated'] as const;

/** One kind of sensor. */
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

/** Most samples in one batch (4 Hz for two seconds of catching up). */
export const SIGNAL_BATCH_MAX_SAMPLES = 8;
/** Most RR intervals in one sample: a strap sends a handful per notification. */
export const SIGNAL_SAMPLE_MAX_RR = 16;

/** Heart rate a reading may claim, in beats per minute. */
export const HEART_RATE_RANGE_BPM: readonly [number, number] = [25, 240];
/** Breathing rate a reading may claim, in breaths per minute. */
export const BREATHING_RATE_RANGE_BPM: readonly [number, number] = [2, 60];
/** RR interval a reading may carry, in ms (the cleaning step narrows this further). */
export const RR_RANGE_MS: readonly [number, number] = [200, 3000];

/**
 * One reading from one person's sensors. `atMs` is server time (the device's clock corrected
 * by its estimated offset). `breathPhase` is the fraction of the current breath that has passed,
 * 0 at the start of an in-breath and 0.5 near the turn to the out-breath, when a sensor can tell.
 */
export const signalSampleSchema = z.strictObject({
  atMs: z.number().int().nonnegative(),
  source: z.enum(SIGNAL_SOURCES),
  heartRateBpm: z.number().min(HEART_RATE_RANGE_BPM[0]).max(HEART_RATE_RANGE_BPM[1]).nullable().default(null),
  rrMs: z.array(z.number().min(RR_RANGE_MS[0]).max(RR_RANGE_MS[1])).max(SIGNAL_SAMPLE_MAX_RR).default([]),
  breathingRateBpm: z.number().min(BREATHING_RATE_RANGE_BPM[0]).max(BREATHING_RATE_RANGE_BPM[1]).nullable().default(null),
  breathPhase: z.number().min(0).lt(1).nullable().default(null),
});

/** A parsed sample (defaults filled in). */
export type SignalSample = z.output<typeof signalSampleSchema>;

/** What a device sends: a batch of its person's latest samples. */
export const signalBatchSchema = z.strictObject({
  type: z.literal('signals'),
  samples: z.array(signalSampleSchema).min(1).max(SIGNAL_BATCH_MAX_SAMPLES),
});

/** A parsed batch. */
export type SignalBatch = z.output<typeof signalBatchSchema>;

/** What the server passes on to each person allowed to see it. */
export interface SignalsMessage {
  readonly type: 'signals';
  readonly participantId: string;
  readonly samples: readonly SignalSample[];
}
