/**
 * One short message carried to the next consultation screen ("Booked."), shown once: the screen
 * that did something moves on, and the one it moved to says what happened.
 */

let pending: string | null = null;

/** Leaves `message` for the next screen to show. */
export function flashLeave(message: string): void {
  pending = message;
}

/** The message left for this screen, once; null when there is none. */
export function takeFlash(): string | null {
  const message = pending;
  pending = null;
  return message;
}
