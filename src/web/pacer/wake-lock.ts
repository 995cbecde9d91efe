/**
 * Keeps the screen on during a practice where the browser allows it, so a phone does not dim
 * half-way through a breath. Silently does nothing elsewhere.
 */
import { useEffect } from 'preact/hooks';

/** Holds a screen wake lock while `active`, taking it again when the page becomes visible. */
export function useScreenWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return undefined;
    const wakeLock = navigator.wakeLock;
    let sentinel: WakeLockSentinel | null = null;
    let done = false;
    const take = () => {
      if (document.visibilityState !== 'visible') return;
      wakeLock.request('screen').then(
        (taken) => {
          if (done) void taken.release().catch(() => undefined);
          else sentinel = taken;
        },
        () => undefined,
      );
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => {
      done = true;
      document.removeEventListener('visibilitychange', take);
      if (sentinel !== null) void sentinel.release().catch(() => undefined);
    };
  }, [active]);
}
