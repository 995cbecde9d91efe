/**
 * Branded time types. Server time is the reference every device agrees on; client time is a
 * device's own clock. Keeping them apart in the type system stops a client instant being used
 * where a shared one is meant.
 */
declare const serverTimeBrand: unique symbol;
declare const clientTimeBrand: unique symbol;

/** Milliseconds since the Unix epoch on the server's clock: the shared reference. */
export type ServerTimeMs = number & { readonly [serverTimeBrand]: true };

/** Milliseconds since the Unix epoch on one device's own clock. */
export type ClientTimeMs = number & { readonly [clientTimeBrand]: true };

/** Marks a number as an instant on the server's clock. */
export function serverTimeMs(ms: number): ServerTimeMs {
  return ms as ServerTimeMs;
}

/** Marks a number as an instant on a device's own clock. */
export function clientTimeMs(ms: number): ClientTimeMs {
  return ms as ClientTimeMs;
}
