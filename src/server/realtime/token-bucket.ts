/**
 * A token bucket: `capacity` messages at once, refilled at `perSecond`. Each connection has its
 * own, so one noisy client slows only itself.
 */
export interface TokenBucket {
  readonly capacity: number;
  readonly perSecond: number;
  tokens: number;
  updatedAtMs: number;
}

/** A full bucket. */
export function tokenBucketFull(capacity: number, perSecond: number, nowMs: number): TokenBucket {
  return { capacity, perSecond, tokens: capacity, updatedAtMs: nowMs };
}

/** Takes one token if there is one; returns whether it could. */
export function tokenBucketTake(bucket: TokenBucket, nowMs: number): boolean {
  const refill = ((nowMs - bucket.updatedAtMs) / 1000) * bucket.perSecond;
  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + Math.max(0, refill));
  bucket.updatedAtMs = nowMs;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
